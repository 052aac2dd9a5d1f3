use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Per message id (and `id.attr`): the variables its text uses.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let id = m.id.name.to_string();
            assert!(!out.contains_key(&id), "`{id}` is defined twice");
            if let Some(p) = &m.value {
                out.insert(id.clone(), variables(p));
            }
            for a in &m.attributes {
                out.insert(format!("{id}.{}", a.id.name), variables(&a.value));
            }
        }
    }
    out
}

fn variables(p: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, &mut vars);
        }
    }
    vars
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                vars.extend(variables(&v.value));
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn both_files_parse_and_define_the_same_ids_with_the_same_variables() {
    let de = entries(DE);
    let en = entries(EN);
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    assert!(only_de.is_empty(), "only in de.ftl: {only_de:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, vars) in &en {
        assert_eq!(Some(vars), de.get(id), "variables of `{id}` differ");
    }
}

/// Every id the code names (`Diagnostic::error("…")`, `Msg::new("…")`,
/// `.help("…")`, `.label("…")`, `say("…")`) is defined; this also catches
/// a sentence written where an id belongs.
#[test]
fn every_id_the_code_names_is_defined() {
    let en = entries(EN);
    let mut missing = Vec::new();
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(p) = files.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                files.push(e.unwrap().path());
            }
            continue;
        }
        if p.extension().is_none_or(|x| x != "rs") || p.ends_with("tool_text/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for call in [
            "Diagnostic::error(\"",
            "Diagnostic::warning(\"",
            "Msg::new(\"",
            ".help(\"",
            ".label(\"",
            "say(\"",
            "error_at(span, \"",
        ] {
            for (i, _) in text.match_indices(call) {
                let rest = &text[i + call.len()..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !id.is_empty() && !en.contains_key(id) {
                    missing.push(format!("{}: {id}", p.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "not defined: {missing:#?}");
}

#[test]
fn language_is_chosen_by_flag_then_wegweiser_lang_then_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Lang::choose(Some(Lang::En), env(&[("LANG", "de_DE.UTF-8")])),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::choose(
            None,
            env(&[("WEGWEISER_LANG", "en"), ("LANG", "de_DE.UTF-8")])
        ),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::choose(None, env(&[("LANG", "de_DE.UTF-8")])),
        Some(Lang::De)
    );
    assert_eq!(
        Lang::choose(
            None,
            env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "de_DE.UTF-8")])
        ),
        Some(Lang::En)
    );
    assert_eq!(Lang::choose(None, env(&[("LANG", "C.UTF-8")])), None);
    assert_eq!(Lang::choose(None, env(&[("LANG", "POSIX")])), None);
    assert_eq!(Lang::choose(None, env(&[])), None);
}

#[test]
fn names_are_quoted_the_way_the_language_does_it() {
    let m = Msg::new("suggest-allowed")
        .arg("what", Msg::new("what-fields"))
        .arg("list", Arg::Names(vec!["title".into(), "summary".into()]));
    assert_eq!(
        ToolText::new(Lang::En).get(&m),
        "allowed fields: `title`, `summary`"
    );
    assert_eq!(
        ToolText::new(Lang::De).get(&m),
        "Erlaubte Felder: „title“, „summary“"
    );
}
