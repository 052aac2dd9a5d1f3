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
            d.message()
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

/// A template mistake: the snapshot's name, the template files written,
/// and what the messages must mention (for cycles: the chain).
type Mistake = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

const MISTAKES: [Mistake; 9] = [
    (
        "a_template_that_includes_itself",
        &[(
            "partials/loop.html",
            "<div>\n  {% include \"partials/loop.html\" %}\n</div>\n",
        )],
        "partials/loop.html → partials/loop.html",
    ),
    (
        "an_include_cycle_names_the_chain",
        &[
            (
                "partials/a.html",
                "<p>a</p>\n{% include \"partials/b.html\" %}\n",
            ),
            (
                "partials/b.html",
                "<p>b</p>\n\n{% include \"partials/a.html\" %}\n",
            ),
        ],
        "partials/a.html → partials/b.html → partials/a.html",
    ),
    (
        "a_template_that_extends_itself",
        &[(
            "partials/self.html",
            "{# the page frame #}\n{% extends \"partials/self.html\" %}\n",
        )],
        "partials/self.html → partials/self.html",
    ),
    (
        "an_extend_cycle_names_the_chain",
        &[
            ("partials/x.html", "{% extends 'partials/y.html' %}\n"),
            ("partials/y.html", "\n{%- extends 'partials/x.html' -%}\n"),
        ],
        "partials/x.html → partials/y.html → partials/x.html",
    ),
    (
        "a_missing_parent_template",
        &[(
            "partials/orphan.html",
            "{# orphan #}\n{% extends \"frame.html\" %}\n{% block main %}orphan{% endblock main %}\n",
        )],
        "`frame.html`",
    ),
    (
        "a_block_the_parent_lacks",
        &[(
            "partials/child.html",
            "{% extends \"base.html\" %}\n{% block mian %}typo{% endblock mian %}\n",
        )],
        "`mian`",
    ),
    (
        "a_syntax_error_in_all_formats",
        &[("partials/extra.html", "<p>\n{% if %}</p>\n")],
        "`partials/extra.html`",
    ),
    (
        "a_render_error_in_an_included_template_in_all_formats",
        &[
            (
                "404.html",
                "{% extends \"base.html\" %}\n{% block main %}\n\
                 {% include \"partials/deep.html\" %}\n{% endblock main %}\n",
            ),
            ("partials/deep.html", "<p>\n  {{ page.missing }}</p>\n"),
        ],
        "`partials/deep.html`",
    ),
    (
        "a_function_error_while_rendering",
        &[(
            "404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n\
             <p>{{ t(text=\"no key\") }}</p>\n{% endblock main %}\n",
        )],
        "`key`",
    ),
];

#[test]
fn every_template_mistake_is_marked_in_its_file() {
    for (name, templates, mention) in MISTAKES {
        let ds = broken(templates);
        let mentioned = ds.iter().any(|d| d.message().contains(mention));
        assert!(
            mentioned,
            "{name}: no message mentions {mention}:\n{}",
            ds.render()
        );
        insta::assert_snapshot!(name, all_formats(&ds));
    }
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
