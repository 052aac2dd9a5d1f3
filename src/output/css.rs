//! Stylesheets are published minified, as the templates are (a reader on a
//! phone downloads the stylesheet with the first page): lightningcss, the
//! minifier minify-html already uses for `<style>`, parses and prints them.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

use super::OutputFiles;

/// `css` minified, or `None` if lightningcss cannot parse or print it (the
/// file is then published as written: a theme's CSS is never lost).
pub fn minified(css: &str) -> Option<String> {
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).ok()?;
    sheet.minify(MinifyOptions::default()).ok()?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .ok()?;
    (printed.code.len() < css.len()).then_some(printed.code)
}

/// Minifies every `.css` file of `files` in place.
pub fn minify_stylesheets(files: &mut OutputFiles) {
    super::minify_text_files(files, ".css", "", minified);
}

#[cfg(test)]
mod tests {
    use super::minified;

    #[test]
    fn minifies_and_keeps_logical_properties() {
        let css =
            "/* comment */\n.card {\n  margin-inline-start: 1rem;\n  padding-block: 0.5rem;\n}\n";
        let small = minified(css).unwrap();
        assert!(small.len() < css.len());
        assert!(!small.contains("comment"));
        assert!(small.contains("margin-inline-start:1rem"), "{small}");
        assert!(!small.contains("margin-left") && !small.contains("margin-right"));
    }
}
