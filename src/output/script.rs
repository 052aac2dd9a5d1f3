//! Scripts are published minified, as stylesheets are (a reader on a phone
//! downloads the script with the search page): oxc, the JavaScript minifier
//! minify-html already uses for inline `<script>`, parses, compresses,
//! shortens local names and prints them.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

use super::OutputFiles;

/// `js` (a classic script, not a module) minified, or `None` if oxc cannot
/// parse it or it gets no smaller (the file is then published as written: a
/// theme's script is never lost).
pub fn minified(js: &str) -> Option<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, SourceType::cjs()).parse();
    if !parsed.errors.is_empty() || parsed.panicked {
        return None;
    }
    let mut program = parsed.program;
    // The safest compression: no assumptions about globals or getters.
    let options = MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
    };
    let ret = Minifier::new(options).minify(&allocator, &mut program);
    let code = Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(ret.scoping)
        .build(&program)
        .code;
    (code.len() < js.len()).then_some(code)
}

/// Minifies every `.js` file of `files` whose name starts with `prefix` in
/// place (the theme's own scripts: a site's `static/` may hold third-party
/// code, such as the browser editor's, that is published as it came).
pub fn minify_scripts(files: &mut OutputFiles, prefix: &str) {
    super::minify_text_files(files, ".js", prefix, minified);
}

#[cfg(test)]
mod tests {
    use super::minified;

    #[test]
    fn minifies_and_keeps_the_global_and_its_strings() {
        let js = "// comment\n\"use strict\";\nvar Wegweiser = (function () {\n  function greet(longName) {\n    return \"Hallo \" + longName;\n  }\n  return { greet: greet };\n})();\n";
        let small = minified(js).unwrap();
        assert!(small.len() < js.len(), "{small}");
        assert!(!small.contains("comment"), "{small}");
        assert!(small.contains("Wegweiser"), "{small}");
        assert!(small.contains("Hallo "), "{small}");
        assert!(small.contains("use strict"), "{small}");
    }

    #[test]
    fn leaves_what_it_cannot_parse() {
        assert_eq!(minified("function ( {"), None);
    }

    #[test]
    fn only_the_themes_scripts_are_minified() {
        let js = "// comment\nvar a = 1;\n";
        let mut files = crate::output::OutputFiles::new();
        files.insert("static/theme.js".into(), js.as_bytes().into());
        files.insert("admin/editor.js".into(), js.as_bytes().into());
        super::minify_scripts(&mut files, "static/");
        assert!(!files["static/theme.js"].starts_with(b"// comment"));
        assert_eq!(&files["admin/editor.js"][..], js.as_bytes());
    }
}
