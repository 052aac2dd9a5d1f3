//! Minifying templates instead of pages: a theme's templates are run through
//! minify-html once, when they are loaded, so that every page comes out
//! without the templates' indentation, comments and redundant quotes,
//! without parsing and re-serialising each page (which cost 40 % of a
//! build's CPU time, docs/performance.md).
//!
//! minify-html does not understand Tera, so every Tera construct (`{{ … }}`,
//! `{% … %}`, `{# … #}`, a whole `{% raw %}` block) is first replaced by a
//! placeholder of private-use characters, which the minifier treats as text,
//! as an attribute name or as (part of) a quoted attribute value; the
//! constructs are put back afterwards. Closing tags are kept: whether one may
//! be left out depends on what follows it, which a template does not know. A
//! template whose placeholders do not all come back, with its statements in
//! order, is not compacted (for example Tera code inside an HTML comment,
//! which the minifier drops).
//!
//! tests/compact_templates.rs checks the result: every page of the example
//! site, rendered from the compacted templates and minified, equals the page
//! rendered from the templates as written and minified.

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The template text minified, or `None` when it cannot be done safely.
pub fn compact_template(source: &str) -> Option<String> {
    if source.contains(OPEN) || source.contains(CLOSE) {
        return None;
    }
    let (masked, constructs) = mask(source)?;
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        // A template may end inside an element that another one opened
        // (`{% block %}`): nothing may be added or dropped at its edges.
        ..minify_html::Cfg::default()
    };
    let minified = String::from_utf8(minify_html::minify(masked.as_bytes(), &cfg)).ok()?;
    unmask(&minified, &constructs)
}

/// Replaces every Tera construct by `OPEN index CLOSE`. Inside an HTML
/// tag, Tera code among the attributes (`<a href="…"{% if x %} hidden{% endif %}>`)
/// is masked together with the rest of the tag, as one attribute name: the
/// minifier sorts attributes, which must not move one in or out of a block.
fn mask(source: &str) -> Option<(String, Vec<&str>)> {
    let b = source.as_bytes();
    let mut masked = String::with_capacity(source.len());
    let mut constructs = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if let Some(len) = construct_at(source, i)? {
            masked.push_str(&source[copied..i]);
            push(&mut masked, &mut constructs, &source[i..i + len]);
            i += len;
            copied = i;
        } else if b[i] == b'<' && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            // An HTML tag: up to its `>`, outside quotes and Tera code.
            i += 1;
            while i < b.len() && b[i] != b'>' {
                if construct_at(source, i)?.is_some() {
                    // Tera code among the attributes: it and the rest of the
                    // tag become one placeholder.
                    masked.push_str(&source[copied..i]);
                    let end = tag_end(source, i)?;
                    push(&mut masked, &mut constructs, &source[i..end]);
                    i = end;
                    copied = i;
                    break;
                } else if b[i] == b'"' || b[i] == b'\'' {
                    let q = b[i];
                    i += 1;
                    while i < b.len() && b[i] != q {
                        if let Some(len) = construct_at(source, i)? {
                            masked.push_str(&source[copied..i]);
                            push(&mut masked, &mut constructs, &source[i..i + len]);
                            // The space keeps the value quoted: the page may
                            // put any text there.
                            masked.insert(masked.len() - CLOSE.len_utf8(), ' ');
                            i += len;
                            copied = i;
                        } else {
                            i += 1;
                        }
                    }
                    i += 1;
                } else {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    masked.push_str(&source[copied.min(b.len())..]);
    Some((masked, constructs))
}

fn push<'a>(masked: &mut String, constructs: &mut Vec<&'a str>, construct: &'a str) {
    masked.push(OPEN);
    masked.push_str(&constructs.len().to_string());
    masked.push(CLOSE);
    constructs.push(construct);
}

/// The length of the Tera construct at byte `i` (a `{% raw %}` block
/// whole), `Some(None)` if none starts there, `None` if one is not closed.
fn construct_at(source: &str, i: usize) -> Option<Option<usize>> {
    let close = match &source.as_bytes()[i..] {
        [b'{', b'{', ..] => "}}",
        [b'{', b'%', ..] => "%}",
        [b'{', b'#', ..] => "#}",
        _ => return Some(None),
    };
    // `{` is ASCII: `i` is a character boundary.
    let from = &source[i..];
    let mut len = from[2..].find(close)? + 4;
    if close == "%}" && is_tag(&from[..len], "raw") {
        // `{% raw %}…{% endraw %}` is one construct: its inside is text to
        // Tera, not HTML to minify.
        len += find_tag(&from[len..], "endraw")?;
    }
    Some(Some(len))
}

/// Where the tag that byte `i` is inside ends (the index of its `>`).
fn tag_end(source: &str, mut i: usize) -> Option<usize> {
    let b = source.as_bytes();
    while i < b.len() && b[i] != b'>' {
        if let Some(len) = construct_at(source, i)? {
            i += len;
        } else if b[i] == b'"' || b[i] == b'\'' {
            let q = b[i];
            i += 1;
            while i < b.len() && b[i] != q {
                i += construct_at(source, i)?.unwrap_or(1);
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    (i < b.len()).then_some(i)
}

/// Whether `tag` (a whole `{% … %}`) is the statement `name`.
fn is_tag(tag: &str, name: &str) -> bool {
    let inner = tag[2..tag.len() - 2].trim_matches('-').trim();
    inner == name
}

/// The end of the first `{% name %}` in `s`.
fn find_tag(s: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find("{%") {
        let start = from + i;
        let len = s[start + 2..].find("%}")? + 4;
        if is_tag(&s[start..start + len], name) {
            return Some(start + len);
        }
        from = start + 2;
    }
    None
}

/// Puts the constructs back. Each must come back once; statements
/// (`{% … %}`, which may open and close blocks) in their order. Expressions
/// (`{{ … }}`) may have moved with the attribute that holds them, since the
/// minifier sorts attributes.
fn unmask(minified: &str, constructs: &[&str]) -> Option<String> {
    let extra: usize = constructs.iter().map(|c| c.len()).sum();
    let mut out = String::with_capacity(minified.len() + extra);
    let mut seen = vec![false; constructs.len()];
    let mut last_statement = None;
    let mut rest = minified;
    while let Some(start) = rest.find(OPEN) {
        let after = &rest[start + OPEN.len_utf8()..];
        let end = after.find(CLOSE)?;
        let index: usize = after[..end].trim_end_matches(' ').parse().ok()?;
        if std::mem::replace(seen.get_mut(index)?, true) {
            return None;
        }
        let construct = constructs[index];
        if !construct.starts_with("{{") {
            if last_statement.is_some_and(|l| l > index) {
                return None;
            }
            last_statement = Some(index);
        }
        out.push_str(&rest[..start]);
        out.push_str(construct);
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    if seen.contains(&false) {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::compact_template;

    #[test]
    fn indentation_and_comments_go_tera_stays() {
        let t = "<ul>\n  {% for x in xs %}\n    <li class=\"a\">{{ x }}</li>\n  {% endfor %}\n</ul>\n<!-- note -->\n";
        let c = compact_template(t).unwrap();
        assert!(!c.contains("note"), "{c}");
        assert!(
            c.contains("{% for x in xs %}") && c.contains("{{ x }}"),
            "{c}"
        );
        assert!(c.contains("<li class=a>"), "{c}");
        assert!(c.contains("</li>"), "closing tags are kept: {c}");
        assert!(c.len() < t.len());
    }

    #[test]
    fn attribute_values_with_tera_code_stay_quoted() {
        let t = r#"<a  title="{{ t(key="x") }}"  href="{{ url }}">x</a> <a href="/">y</a>"#;
        let c = compact_template(t).unwrap();
        assert!(c.contains(r#"title="{{ t(key="x") }}""#), "{c}");
        assert!(c.contains(r#"href="{{ url }}""#), "{c}");
        assert!(c.contains("<a href=/>y</a>"), "{c}");
    }

    #[test]
    fn tera_code_among_attributes_keeps_its_place() {
        // The minifier sorts attributes: `aria-current` must stay inside the `if`.
        let t = r#"<a href="{{ url }}" lang="de"{% if current %} aria-current="true"{% endif %}  >x</a>"#;
        let c = compact_template(t).unwrap();
        assert!(
            c.contains(r#"{% if current %} aria-current="true"{% endif %}  >"#),
            "{c}"
        );
    }

    #[test]
    fn raw_blocks_and_scripts_are_left_alone() {
        let t = "<p>{% raw %}  {{ not tera }}  <b> x </b>{% endraw %}</p><script type=\"application/ld+json\">{{ j | safe }}</script>";
        let c = compact_template(t).unwrap();
        assert!(
            c.contains("{% raw %}  {{ not tera }}  <b> x </b>{% endraw %}"),
            "{c}"
        );
        assert!(c.contains("{{ j | safe }}</script>"), "{c}");
    }

    #[test]
    fn tera_code_in_a_comment_means_no_compaction() {
        assert_eq!(compact_template("<p>a</p><!-- {{ x }} -->"), None);
        assert_eq!(compact_template("<p>{{ x </p>"), None, "unclosed construct");
    }
}
