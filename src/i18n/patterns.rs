//! What Fluent would only show readers, found when loading: references to
//! messages, terms, attributes or functions that do not exist, and messages
//! that refer to each other in a circle (Fluent prints `{id}` for each).
//! Found by walking every pattern's AST once; also keeps, per pattern, the
//! variables it uses and the messages it refers to, so that
//! [`Messages::format`](super::Messages::format) can check what a caller passes.
//!
//! A pattern is a message's value (`id`), a term's (`-id`) or an attribute
//! (`id.attr`, `-id.attr`): the names Fluent itself uses in references.

use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::FxHashMap;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::ftl_file::offset_in;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::tool_text::Msg;

/// The functions the bundles know: `add_builtins` registers NUMBER only.
const FUNCTIONS: &[&str] = &["NUMBER"];

/// The patterns of one language, from all its `.ftl` files.
#[derive(Default)]
pub(super) struct Patterns {
    files: Vec<SourceFile>,
    /// Pattern name → index into `nodes`.
    index: FxHashMap<String, usize>,
    /// In the order of the files and of the definitions in them.
    nodes: Vec<Node>,
    /// Message `id` or term `-id` → (file, offset) of its (first) definition.
    entries: HashMap<String, (usize, usize)>,
}

struct Node {
    name: String,
    file: usize,
    /// Offset of the message's, term's or attribute's name.
    at: usize,
    refs: Vec<Ref>,
    /// Variables used in any variant, with their offsets (messages only: in
    /// a term, `$x` is one of the term's own parameters).
    vars: Vec<(String, usize)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Message,
    Term,
    Function,
}

struct Ref {
    kind: Kind,
    /// Pattern name (or function name) as written.
    target: String,
    at: usize,
}

/// Makes a diagnostic of the language's severity (see [`Patterns::check`]).
type Severity = fn(&'static str) -> Diagnostic;

impl Patterns {
    /// Indexes the messages and terms of one file. A second definition of an
    /// id is an error naming both places; Fluent keeps the first, so the
    /// second's patterns are left out.
    pub fn add(&mut self, file: &SourceFile, resource: &FluentResource, ds: &mut Diagnostics) {
        let f = self.files.len();
        self.files.push(file.clone());
        let source = resource.source();
        for entry in resource.entries() {
            let (entry_name, id, value, attributes, in_term) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_string(),
                    m.id.name,
                    m.value.as_ref(),
                    &m.attributes,
                    false,
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    t.id.name,
                    Some(&t.value),
                    &t.attributes,
                    true,
                ),
                _ => continue,
            };
            let at = offset_in(source, id).saturating_sub(usize::from(in_term));
            if let Some(&(first_file, first_at)) = self.entries.get(&entry_name) {
                let first = &self.files[first_file];
                let (line, col) = first.line_col(first_at);
                ds.push(
                    Diagnostic::error("ftl-defined-twice")
                        .arg("name", entry_name.clone())
                        .arg("first", format!("{}:{line}:{col}", first.path.display()))
                        .at(file, at..at + entry_name.len()),
                );
                continue;
            }
            self.entries.insert(entry_name.clone(), (f, at));
            if let Some(p) = value {
                self.push_node(entry_name.clone(), f, at, p, source, in_term);
            }
            for a in attributes {
                let a_at = offset_in(source, a.id.name);
                let name = format!("{entry_name}.{}", a.id.name);
                self.push_node(name, f, a_at, &a.value, source, in_term);
            }
        }
    }

    fn push_node(
        &mut self,
        name: String,
        file: usize,
        at: usize,
        p: &ast::Pattern<&str>,
        source: &str,
        in_term: bool,
    ) {
        let mut walk = Walk {
            source,
            in_term,
            refs: Vec::new(),
            vars: Vec::new(),
        };
        walk.pattern(p);
        self.index.insert(name.clone(), self.nodes.len());
        self.nodes.push(Node {
            name,
            file,
            at,
            refs: walk.refs,
            vars: walk.vars,
        });
    }

    /// Where each message (not term) is defined: id → (file, offset).
    pub fn definitions(&self) -> BTreeMap<String, (SourceFile, usize)> {
        self.entries
            .iter()
            .filter(|(name, _)| !name.starts_with('-'))
            .map(|(name, &(f, at))| (name.clone(), (self.files[f].clone(), at)))
            .collect()
    }

    /// Whether any file of the language was read.
    pub fn has_files(&self) -> bool {
        !self.files.is_empty()
    }

    /// Whether message `id` is defined (with a value or attributes only).
    pub fn has_message(&self, id: &str) -> bool {
        !id.starts_with('-') && self.entries.contains_key(id)
    }

    /// Ids of the messages that patterns refer to.
    pub fn referenced(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().flat_map(|n| {
            n.refs
                .iter()
                .filter(|r| r.kind == Kind::Message)
                .map(|r| r.target.split('.').next().unwrap_or_default())
        })
    }

    /// Where pattern `name` is defined: its file and offset.
    pub fn location(&self, name: &str) -> Option<(&SourceFile, usize)> {
        let n = &self.nodes[*self.index.get(name)?];
        Some((&self.files[n.file], n.at))
    }

    /// Reports references to what does not exist and circles of references.
    /// `lang` names the language in messages; `severity` is
    /// `Diagnostic::error` for the default language (nothing to fall back
    /// to) and `Diagnostic::warning` for the others (`--strict` fails on them).
    pub fn check(&self, lang: &str, severity: Severity, ds: &mut Diagnostics) {
        for n in &self.nodes {
            for r in &n.refs {
                let Some(problem) = self.dangling(r, lang) else {
                    continue;
                };
                let help = match r.kind {
                    Kind::Function => Msg::new("ftl-function-fix")
                        .arg("shown", format!("{{{}()}}", r.target))
                        .arg("functions", FUNCTIONS.join(", ")),
                    _ => Msg::new("ftl-reference-fix")
                        .arg("shown", format!("{{{}}}", r.target))
                        .arg("lang", lang),
                };
                ds.push(
                    severity("ftl-reference-dangling")
                        .arg("name", n.name.as_str())
                        .arg("problem", problem)
                        .at(&self.files[n.file], r.at..r.at + r.target.len())
                        .help(help),
                );
            }
        }
        self.circles(lang, severity, ds);
    }

    /// What is wrong with a reference, if anything ("refers to …").
    fn dangling(&self, r: &Ref, lang: &str) -> Option<Msg> {
        let t = &r.target;
        let what = match r.kind {
            Kind::Function if FUNCTIONS.contains(&t.as_str()) => return None,
            Kind::Function => {
                return Some(Msg::new("ftl-unknown-function").arg("target", t.as_str()));
            }
            _ if self.index.contains_key(t) => return None,
            Kind::Term => "term",
            Kind::Message => "message",
        };
        let m = match t.split_once('.') {
            Some((entry, attr)) if self.entries.contains_key(entry) => Msg::new("ftl-no-attribute")
                .arg("entry", entry)
                .arg("attr", attr),
            None if self.entries.contains_key(t) => Msg::new("ftl-only-attributes"),
            _ => Msg::new("ftl-undefined"),
        };
        Some(
            m.arg("what", what)
                .arg("target", t.as_str())
                .arg("lang", lang),
        )
    }

    /// Circles of references (`a = { b }`, `b = { a }`): depth-first search
    /// over all patterns, each visited once; every reference back to a
    /// pattern still on the path closes one circle.
    fn circles(&self, lang: &str, severity: Severity, ds: &mut Diagnostics) {
        /// Names shown of a long circle.
        const SHOWN: usize = 8;
        // Per pattern: not reached yet, on the path (at this depth), done.
        const NEW: usize = usize::MAX;
        const DONE: usize = usize::MAX - 1;
        let mut depth = vec![NEW; self.nodes.len()];
        // (pattern, its next reference to follow)
        let mut path: Vec<(usize, usize)> = Vec::new();
        for start in 0..self.nodes.len() {
            if depth[start] != NEW {
                continue;
            }
            depth[start] = 0;
            path.push((start, 0));
            while let Some(&(node, next)) = path.last() {
                let n = &self.nodes[node];
                let Some(r) = n.refs.get(next) else {
                    depth[node] = DONE;
                    path.pop();
                    continue;
                };
                if let Some(top) = path.last_mut() {
                    top.1 += 1;
                }
                let Some(&target) = self.index.get(&r.target) else {
                    continue;
                };
                match depth[target] {
                    NEW => {
                        depth[target] = path.len();
                        path.push((target, 0));
                    }
                    DONE => {}
                    from => {
                        let circle = &path[from..];
                        let mut names: Vec<&str> = circle
                            .iter()
                            .take(SHOWN)
                            .map(|(p, _)| self.nodes[*p].name.as_str())
                            .collect();
                        if circle.len() > SHOWN {
                            names.push("…");
                        }
                        names.push(&self.nodes[target].name);
                        ds.push(
                            severity("ftl-circle")
                                .arg("lang", lang)
                                .arg("names", names.join(" → "))
                                .arg("target", r.target.as_str())
                                .at(&self.files[n.file], r.at..r.at + r.target.len()),
                        );
                    }
                }
            }
        }
    }

    /// The variables pattern `name` uses, directly or through the messages
    /// it refers to (Fluent passes a message's arguments on to them), with
    /// the pattern that uses each. Empty for an unknown name.
    pub fn variables(&self, name: &str) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        let Some(&start) = self.index.get(name) else {
            return out;
        };
        let n = &self.nodes[start];
        if n.vars.is_empty() && n.refs.iter().all(|r| r.kind != Kind::Message) {
            return out;
        }
        let mut seen = HashSet::from([start]);
        let mut todo = vec![start];
        while let Some(i) = todo.pop() {
            let n = &self.nodes[i];
            out.extend(n.vars.iter().map(|(v, _)| (v.as_str(), n.name.as_str())));
            for r in n.refs.iter().filter(|r| r.kind == Kind::Message) {
                if let Some(&t) = self.index.get(&r.target)
                    && seen.insert(t)
                {
                    todo.push(t);
                }
            }
        }
        out
    }

    /// Where variable `var` is used in pattern `name` (else where the pattern is).
    pub fn variable_location(&self, name: &str, var: &str) -> Option<(&SourceFile, usize)> {
        let n = &self.nodes[*self.index.get(name)?];
        let at = n
            .vars
            .iter()
            .find(|(v, _)| v == var)
            .map_or(n.at, |(_, at)| *at);
        Some((&self.files[n.file], at))
    }
}

/// Collects the references and variables of one pattern.
struct Walk<'s> {
    source: &'s str,
    in_term: bool,
    refs: Vec<Ref>,
    vars: Vec<(String, usize)>,
}

impl Walk<'_> {
    fn pattern(&mut self, p: &ast::Pattern<&str>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, e: &ast::Expression<&str>) {
        match e {
            ast::Expression::Inline(i) => self.inline(i),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                for v in variants {
                    self.pattern(&v.value);
                }
            }
        }
    }

    fn inline(&mut self, e: &ast::InlineExpression<&str>) {
        use ast::InlineExpression as I;
        match e {
            I::MessageReference { id, attribute } => {
                self.reference(Kind::Message, id.name, "", attribute.as_ref());
            }
            I::TermReference { id, attribute, .. } => {
                // Term arguments are literals: nothing to follow in them.
                self.reference(Kind::Term, id.name, "-", attribute.as_ref());
            }
            I::FunctionReference { id, arguments } => {
                self.reference(Kind::Function, id.name, "", None);
                for a in &arguments.positional {
                    self.inline(a);
                }
                for a in &arguments.named {
                    self.inline(&a.value);
                }
            }
            I::VariableReference { id } if !self.in_term => {
                let at = offset_in(self.source, id.name).saturating_sub(1);
                self.vars.push((id.name.to_string(), at));
            }
            I::Placeable { expression } => self.expression(expression),
            _ => {}
        }
    }

    fn reference(
        &mut self,
        kind: Kind,
        id: &str,
        prefix: &str,
        attribute: Option<&ast::Identifier<&str>>,
    ) {
        let at = offset_in(self.source, id).saturating_sub(prefix.len());
        let target = match attribute {
            Some(a) => format!("{prefix}{id}.{}", a.name),
            None => format!("{prefix}{id}"),
        };
        self.refs.push(Ref { kind, target, at });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(ftl: &str) -> (Patterns, Diagnostics) {
        let resource = FluentResource::try_new(ftl.to_string()).unwrap();
        let file = SourceFile::new("locales/de/main.ftl", ftl);
        let mut p = Patterns::default();
        let mut ds = Diagnostics::new();
        p.add(&file, &resource, &mut ds);
        p.check("de", Diagnostic::error, &mut ds);
        (p, ds)
    }

    fn messages(ds: &Diagnostics) -> Vec<String> {
        ds.iter().map(|d| d.message()).collect()
    }

    #[test]
    fn a_circle_is_reported_once_and_an_attribute_of_the_same_message_is_none() {
        let (_, ds) = patterns(
            "a = { b }\nb = { c }\nc = { a }\nselbst = { selbst }\n\
             titel = Text { titel.kurz }\n    .kurz = Kurz\n",
        );
        assert_eq!(
            messages(&ds),
            [
                "these messages refer to each other in a circle in `de`: a → b → c → a",
                "these messages refer to each other in a circle in `de`: selbst → selbst",
            ]
        );
    }

    #[test]
    fn a_long_circle_is_shortened() {
        let n = 20;
        let ftl: String = (0..n)
            .map(|i| format!("m{i} = {{ m{} }}\n", (i + 1) % n))
            .collect();
        let (_, ds) = patterns(&ftl);
        assert_eq!(
            messages(&ds),
            [
                "these messages refer to each other in a circle in `de`: m0 → m1 → m2 → m3 → m4 → m5 → m6 → m7 → … → m0"
            ]
        );
    }

    #[test]
    fn variables_are_collected_through_message_references_but_not_terms() {
        let (p, ds) = patterns(
            "-marke = { $fall ->\n   *[x] Wegweiser\n}\n\
             gruss = Hallo { $name }, { zahl } { -marke }\n\
             zahl = { $count -> \n    [one] eins\n   *[other] { NUMBER($count) }\n}\n",
        );
        assert!(ds.is_empty(), "{}", ds.render());
        let mut vars = p.variables("gruss");
        vars.sort();
        assert_eq!(
            vars,
            [("count", "zahl"), ("count", "zahl"), ("name", "gruss")]
        );
        assert!(p.variables("-marke").is_empty());
        let (file, at) = p.variable_location("zahl", "count").unwrap();
        assert_eq!(file.line_col(at), (5, 10), "the first `$count` of `zahl`");
    }
}
