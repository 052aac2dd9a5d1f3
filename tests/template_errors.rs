//! Every template mistake ends in diagnostics that name the template file,
//! line and column in every output format (terminal, JSON, GitHub
//! annotations): syntax errors, render errors, include and extend cycles,
//! missing parents and includes, and unknown functions, filters and tests.

mod common;

use common::TestSite;
use wegweiser::diagnostics::{Diagnostics, Severity};

const TEMPLATES: &str = "themes/default/templates";

/// Builds the fixture with the given template files written (name below
/// the templates folder → text) and returns the failed build's diagnostics,
/// after checking that each error has a file, line and column in all three
/// output formats.
fn broken(templates: &[(&str, &str)]) -> Diagnostics {
    let site = TestSite::fixture("site");
    for (name, text) in templates {
        site.write(&format!("{TEMPLATES}/{name}"), text);
    }
    let ds = site.build_err();
    let errors: Vec<_> = ds
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(!errors.is_empty(), "no errors:\n{}", ds.render());
    for d in &errors {
        let location = d.location().unwrap_or_default();
        assert!(
            location.starts_with(TEMPLATES) && location.matches(':').count() == 2,
            "`{}` has no template position: {location:?}",
            d.message
        );
    }
    let records: Vec<serde_json::Value> = serde_json::from_str(&ds.to_json()).unwrap();
    let github = ds.render_github();
    for (record, line) in records.iter().zip(github.lines()) {
        if record["severity"] == "error" {
            let file = record["file"].as_str().unwrap_or_default();
            assert!(file.starts_with(TEMPLATES), "JSON without file: {record}");
            assert!(
                record["line"].is_u64() && record["column"].is_u64(),
                "{record}"
            );
            assert!(
                line.starts_with(&format!("::error file={file},line=")),
                "GitHub annotation without file and line: {line}"
            );
        }
    }
    ds
}

/// The diagnostics in all three formats, for the snapshots (the JSON
/// without its `rendered` field, which repeats the terminal text).
fn all_formats(ds: &Diagnostics) -> String {
    let mut records: Vec<serde_json::Value> = serde_json::from_str(&ds.to_json()).unwrap();
    for r in &mut records {
        if let Some(o) = r.as_object_mut() {
            o.remove("rendered");
        }
    }
    format!(
        "── terminal ──\n{}\n── github ──\n{}\n── json ──\n{}\n",
        ds.render(),
        ds.render_github(),
        serde_json::to_string_pretty(&records).unwrap()
    )
}

#[test]
fn a_template_that_includes_itself() {
    let ds = broken(&[(
        "partials/loop.html",
        "<div>\n  {% include \"partials/loop.html\" %}\n</div>\n",
    )]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn an_include_cycle_names_the_chain() {
    let ds = broken(&[
        (
            "partials/a.html",
            "<p>a</p>\n{% include \"partials/b.html\" %}\n",
        ),
        (
            "partials/b.html",
            "<p>b</p>\n\n{% include \"partials/a.html\" %}\n",
        ),
    ]);
    assert!(
        ds.iter().any(|d| d
            .message
            .contains("partials/a.html → partials/b.html → partials/a.html")),
        "{}",
        ds.render()
    );
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_template_that_extends_itself() {
    let ds = broken(&[(
        "partials/self.html",
        "{# the page frame #}\n{% extends \"partials/self.html\" %}\n",
    )]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn an_extend_cycle_names_the_chain() {
    let ds = broken(&[
        ("partials/x.html", "{% extends 'partials/y.html' %}\n"),
        ("partials/y.html", "\n{%- extends 'partials/x.html' -%}\n"),
    ]);
    assert!(
        ds.iter().any(|d| d
            .message
            .contains("partials/x.html → partials/y.html → partials/x.html")),
        "{}",
        ds.render()
    );
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_missing_parent_template() {
    let ds = broken(&[(
        "partials/orphan.html",
        "{# orphan #}\n{% extends \"frame.html\" %}\n{% block main %}orphan{% endblock main %}\n",
    )]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn unknown_function_filter_test_and_include_are_all_reported() {
    let ds = broken(&[
        (
            "partials/unknown.html",
            "<p>{{ nope(x=1) }}</p>\n<p>{{ title | shout }}</p>\n{% if title is loud %}!{% endif %}\n",
        ),
        (
            "partials/gone.html",
            "<p>\n{% include \"partials/gone-too.html\" %}</p>\n",
        ),
    ]);
    assert_eq!(ds.error_count(), 4, "{}", ds.render());
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_block_the_parent_lacks() {
    let ds = broken(&[(
        "partials/child.html",
        "{% extends \"base.html\" %}\n{% block mian %}typo{% endblock mian %}\n",
    )]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_syntax_error_in_all_formats() {
    let ds = broken(&[("partials/extra.html", "<p>\n{% if %}</p>\n")]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_render_error_in_an_included_template_in_all_formats() {
    let ds = broken(&[
        (
            "404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{% include \"partials/deep.html\" %}\n{% endblock main %}\n",
        ),
        ("partials/deep.html", "<p>\n  {{ page.missing }}</p>\n"),
    ]);
    insta::assert_snapshot!(all_formats(&ds));
}

#[test]
fn a_function_error_while_rendering() {
    let ds = broken(&[(
        "404.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ t(text=\"no key\") }}</p>\n{% endblock main %}\n",
    )]);
    insta::assert_snapshot!(all_formats(&ds));
}
