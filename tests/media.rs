//! Documents and sign-language video on the example site: document links
//! show their kind and size in the reader's numbers, the DGS block shows
//! size and duration read from the video file, a 15 fps video is reported
//! against BITV 2.0 Anlage 2, missing files are positioned errors, and the
//! BITV §4 check can be switched off.

mod common;

use common::{TestSite, attrs, text};
use wegweiser::diagnostics::Severity;

fn codes(ds: &wegweiser::diagnostics::Diagnostics) -> Vec<String> {
    ds.iter().map(|d| d.code().to_string()).collect()
}

#[test]
fn documents_are_published_and_listed_with_localised_sizes() {
    let site = TestSite::example();
    site.build_ok();
    let pdf = "files/offers/migrationsberatung-awo/flyer-migrationsberatung-ar.pdf";
    let bytes = std::fs::metadata(
        site.root
            .join("content/offers/flyer-migrationsberatung-ar.pdf"),
    )
    .unwrap()
    .len();
    assert_eq!(
        std::fs::read(site.out().join(pdf)).unwrap().len() as u64,
        bytes
    );
    let kb = bytes.div_ceil(1000);

    let de = site.html("de/offers/migrationsberatung-awo/index.html");
    let items = text(&de, ".documents li");
    assert!(
        items.contains(&format!("(PDF, {kb} KB, Deutsch)")),
        "{items}"
    );
    assert!(
        items.contains(&format!("(PDF, {kb} KB, Arabisch)")),
        "{items}"
    );
    assert_eq!(attrs(&de, ".documents a", "hreflang"), ["de", "ar"]);
    assert!(attrs(&de, ".documents a", "href").contains(&format!("/{pdf}")));

    // Arabic readers: Arabic-Indic digits, Arabic unit; the body's link to
    // the flyer goes to the published copy and says kind and size.
    let ar = site.read("ar/offers/migrationsberatung-awo/index.html");
    let digits: String = kb
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    assert!(
        ar.contains(&format!("(PDF, {digits} كيلوبايت)")),
        "no Arabic size"
    );
    assert!(ar.contains(&format!("href=\"/{pdf}\"")));
}

#[test]
fn megabytes_have_one_decimal_in_the_readers_numbers() {
    let site = TestSite::example();
    // A 1.23 MB document (its content does not matter for the listing).
    std::fs::write(
        site.root
            .join("content/offers/flyer-migrationsberatung-de.pdf"),
        vec![b'%'; 1_230_000],
    )
    .unwrap();
    site.build_ok();
    let de = text(
        &site.html("de/offers/migrationsberatung-awo/index.html"),
        ".documents li",
    );
    assert!(de.contains("(PDF, 1,2 MB, Deutsch)"), "{de}");
    let en = text(
        &site.html("en/offers/migrationsberatung-awo/index.html"),
        ".documents li",
    );
    assert!(en.contains("(PDF, 1.2 MB, German)"), "{en}");
    let ar = text(
        &site.html("ar/offers/migrationsberatung-awo/index.html"),
        ".documents li",
    );
    assert!(ar.contains("١٫٢ ميغابايت"), "{ar}");
}

#[test]
fn the_sign_language_video_shows_size_and_duration_from_the_file() {
    let site = TestSite::example();
    site.build_ok();
    let doc = site.html("de/index.html");
    let bytes = std::fs::metadata(site.root.join("content/dgs-start.mp4"))
        .unwrap()
        .len();
    let facts = text(&doc, ".sign-language .file-facts");
    assert_eq!(
        facts,
        format!("(MP4, {} KB, 3 Sekunden)", bytes.div_ceil(1000))
    );
    assert_eq!(attrs(&doc, ".sign-language time", "datetime"), ["PT0M3S"]);
    // Never plays by itself, loads nothing until asked, has a poster and captions.
    let video = site.read("de/index.html");
    let tag = &video[video.find("<video").unwrap()..video.find("</video>").unwrap()];
    assert!(
        tag.contains("controls") && tag.contains("preload=none"),
        "{tag}"
    );
    assert!(!tag.contains("autoplay"));
    assert_eq!(
        attrs(&doc, "video", "poster"),
        ["/files/home/dgs-start.jpg"]
    );
    assert_eq!(attrs(&doc, "video", "width"), ["320"]);
    assert_eq!(
        attrs(&doc, "track[kind=captions]", "src"),
        ["/files/home/dgs-start.vtt"]
    );
    assert!(site.exists("files/home/dgs-start.mp4"));
    // The DGS symbol has a text alternative.
    assert_eq!(
        text(&doc, ".sign-language svg title"),
        "Symbol für Deutsche Gebärdensprache (DGS)"
    );
    // The pages may play self-hosted media.
    assert!(site.read("_headers").contains("media-src 'self'"));
}

#[test]
fn a_video_of_15_frames_per_second_is_reported() {
    let info = wegweiser::content::media::probe(
        &common::repo().join("tests/fixtures/media/video-15fps.mp4"),
    )
    .unwrap();
    assert_eq!((info.width, info.height), (160, 120));
    assert!((info.frames_per_second - 15.0).abs() < 0.01, "{info:?}");
    let ok =
        wegweiser::content::media::probe(&common::repo().join("content/dgs-start.mp4")).unwrap();
    assert!(
        (ok.frames_per_second - 25.0).abs() < 0.01 && (ok.seconds - 3.0).abs() < 0.05,
        "{ok:?}"
    );

    let site = TestSite::example();
    std::fs::copy(
        common::repo().join("tests/fixtures/media/video-15fps.mp4"),
        site.root.join("content/dgs-start.mp4"),
    )
    .unwrap();
    let report = site.build_ok();
    let _ = report;
    let ds = site.check();
    let w: Vec<_> = ds
        .iter()
        .filter(|d| d.code() == "video-below-bitv")
        .collect();
    assert_eq!(w.len(), 1, "{}", ds.render());
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(w[0].location().as_deref(), Some("content/_index.md:6:27"));
    assert!(w[0].message().contains("160×120") && w[0].message().contains("15 frames"));
}

#[test]
fn missing_and_outside_files_are_positioned_errors() {
    let site = TestSite::example();
    site.edit(
        "content/offers/migrationsberatung-awo.md",
        "flyer-migrationsberatung-de.pdf",
        "flyer-fehlt.pdf",
    );
    site.edit(
        "content/offers/migrationsberatung-awo.ar.md",
        "](flyer-migrationsberatung-ar.pdf)",
        "](../../site.toml.pdf)",
    );
    site.edit(
        "content/_index.md",
        "video = \"dgs-start.mp4\"",
        "video = \"https://video.example.com/dgs.mp4\"",
    );
    let ds = site.build_err();
    insta::assert_snapshot!(ds.render_in(&wegweiser::tool_text::ToolText::new(
        wegweiser::tool_text::Lang::En
    )));
    insta::with_settings!({ snapshot_suffix => "de" }, {
        insta::assert_snapshot!(ds.render_in(&wegweiser::tool_text::ToolText::new(
            wegweiser::tool_text::Lang::De
        )));
    });
    assert_eq!(
        codes(&ds),
        ["media-not-self-hosted", "media-outside", "media-missing"]
    );
}

#[test]
fn the_bitv_check_reports_a_missing_explanation_unless_switched_off() {
    let site = TestSite::example();
    assert!(!codes(&site.check()).iter().any(|c| c.starts_with("bitv-")));

    site.edit("content/_index.md", "sign_language =", "# sign_language =");
    site.edit(
        "content/_index.ls.md",
        "(pages/barrierefreiheit.md)",
        "(pages/ueber-uns.md)",
    );
    let ds = site.check();
    let bitv: Vec<_> = codes(&ds)
        .into_iter()
        .filter(|c| c.starts_with("bitv-"))
        .collect();
    assert_eq!(
        bitv,
        ["bitv-easy-read-missing", "bitv-sign-language-missing"],
        "{}",
        ds.render()
    );

    site.edit(
        "site.toml",
        "[taxonomies]",
        "[check]\nbitv = false\n\n[taxonomies]",
    );
    assert!(!codes(&site.check()).iter().any(|c| c.starts_with("bitv-")));
}

#[test]
fn check_reports_documents_over_the_size_limit() {
    let site = TestSite::example();
    site.edit(
        "site.toml",
        "[taxonomies]",
        "[check]\nmax_document_mb = 0.01\n\n[taxonomies]",
    );
    let ds = site.check();
    let large: Vec<_> = ds
        .iter()
        .filter(|d| d.code() == "document-too-large")
        .collect();
    // Two listed flyers and the Arabic body's link, at the link.
    assert_eq!(large.len(), 3, "{}", ds.render());
    let places: Vec<String> = large.iter().filter_map(|d| d.location()).collect();
    assert_eq!(places.len(), 3, "{}", ds.render());
    let in_body = places.iter().find(|p| p.contains(".ar.md:"));
    assert!(in_body.is_some(), "{places:?}");

    // `build`, which holds no bodies (content::shed), shows them at the
    // same places: the file is read again for the one in a body.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["build", "--verbose", "--root"])
        .arg(&site.root)
        .env("WEGWEISER_LANG", "en")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    for p in &places {
        assert!(err.contains(&format!("┌─ {p}")), "{p} not in:\n{err}");
    }
    let link = in_body.unwrap();
    let line = link.split(':').nth(1).unwrap();
    assert!(
        err.lines()
            .any(|l| l.starts_with(&format!("{line} │")) && l.contains(".pdf")),
        "the body's line is shown: {err}"
    );
}
