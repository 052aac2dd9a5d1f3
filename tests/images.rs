//! Images: variants in the stated widths and formats, `<img>` with width,
//! height and alt, no metadata in any output image, a cache that makes a
//! second build encode nothing, and a diagnostic for each bad input.

mod common;

use common::{TestSite, repo, sel};

/// The fixture site with the example's GPS-tagged photo on an offer.
fn site_with_photo() -> TestSite {
    let site = TestSite::fixture("site");
    std::fs::create_dir_all(site.root.join("content/offers/images")).unwrap();
    std::fs::copy(
        repo().join("content/offers/images/sprachcafe.jpg"),
        site.root.join("content/offers/images/foto.jpg"),
    )
    .unwrap();
    site.edit(
        "content/offers/beratung.md",
        "topics = [",
        "image = \"images/foto.jpg\"\nimage_alt = \"Tassen auf einem Tisch\"\nimage_credit = \"Stadt\"\ntopics = [",
    );
    site
}

/// Whether `bytes` hold EXIF, XMP, IPTC or an ICC profile (JPEG segments,
/// PNG chunks, WebP chunks), or the photo's GPS and camera strings.
fn metadata_in(bytes: &[u8]) -> Vec<&'static str> {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let mut found = Vec::new();
    for (name, needle) in [
        ("EXIF", &b"Exif\0\0"[..]),
        ("EXIF chunk", b"EXIF"),
        ("eXIf", b"eXIf"),
        ("XMP", b"http://ns.adobe.com/xap"),
        ("IPTC", b"Photoshop 3.0"),
        ("ICC", b"ICC_PROFILE"),
        ("iCCP", b"iCCP"),
        ("serial", b"SN-1234567890"),
        ("author", b"Anna Beispiel"),
    ] {
        if has(needle) {
            found.push(name);
        }
    }
    found
}

#[test]
fn variants_have_the_widths_formats_and_no_metadata_and_the_cache_holds() {
    let site = site_with_photo();
    assert!(
        !metadata_in(&std::fs::read(site.root.join("content/offers/images/foto.jpg")).unwrap())
            .is_empty(),
        "the source photo must carry metadata, or this test proves nothing"
    );
    let first = site.build_ok();
    assert_eq!(first.images_encoded, 8, "4 widths × WebP and JPEG");
    let files = site.files();
    let variants: Vec<&String> = files.keys().filter(|k| k.starts_with("img/")).collect();
    assert_eq!(variants.len(), 8, "{variants:?}");
    for w in [320u32, 640, 960, 1280] {
        for ext in ["webp", "jpg"] {
            let name = variants
                .iter()
                .find(|k| k.ends_with(&format!("-{w}.{ext}")))
                .unwrap_or_else(|| panic!("no {w} px {ext}: {variants:?}"));
            let bytes = &files[*name];
            let img = image::load_from_memory(bytes).unwrap();
            assert_eq!(img.width(), w, "{name}");
            assert_eq!(img.height(), (1067 * w + 800) / 1600, "{name}");
            assert_eq!(metadata_in(bytes), Vec::<&str>::new(), "{name}");
        }
    }
    // Every <img> of every page has width, height and alt.
    for page in site.html_files() {
        let doc = site.html(&page);
        for img in doc.select(&sel("img")) {
            let e = img.value();
            for a in ["width", "height", "alt"] {
                assert!(e.attr(a).is_some(), "{page}: <img> without {a}");
            }
        }
    }
    let doc = site.html("de/offers/beratung/index.html");
    let img = doc
        .select(&sel("figure.item-image picture img"))
        .next()
        .unwrap();
    assert_eq!(img.value().attr("alt"), Some("Tassen auf einem Tisch"));
    assert_eq!(img.value().attr("width"), Some("1280"));
    assert_eq!(
        img.value().attr("loading"),
        None,
        "the top image loads at once"
    );
    assert_eq!(doc.select(&sel("picture source")).count(), 2);
    assert!(common::text(&doc, "figcaption.credit").contains("Stadt"));
    assert!(
        site.read("de/offers/beratung/index.html")
            .contains("og:image")
    );

    let second = site.build_ok();
    assert_eq!(second.images_encoded, 0, "the cache holds every variant");
    assert_eq!(site.files(), files, "the same output from the cache");
}

#[test]
fn markdown_images_become_pictures_and_need_alt_text() {
    let site = site_with_photo();
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung.\n\n![Ein Tisch](images/foto.jpg)\n\n![](/images/foto.jpg \"decorative\")",
    );
    std::fs::create_dir_all(site.root.join("static/images")).unwrap();
    std::fs::copy(
        site.root.join("content/offers/images/foto.jpg"),
        site.root.join("static/images/foto.jpg"),
    )
    .unwrap();
    site.build_ok();
    let doc = site.html("de/offers/beratung/index.html");
    let alts: Vec<_> = doc
        .select(&sel(".body picture img, article picture img"))
        .map(|i| {
            (
                i.value().attr("alt").unwrap_or("?").to_string(),
                i.value().attr("loading"),
            )
        })
        .collect();
    assert!(
        alts.contains(&("Ein Tisch".into(), Some("lazy"))),
        "{alts:?}"
    );
    assert!(alts.contains(&(String::new(), Some("lazy"))), "{alts:?}");
    assert!(
        !site.exists("images/foto.jpg"),
        "the original from static/ is not published"
    );
}

macro_rules! both {
    ($name:literal, $ds:expr) => {{
        let site_ds: wegweiser::diagnostics::Diagnostics = $ds;
        insta::assert_snapshot!(
            $name,
            site_ds.render_in(&wegweiser::tool_text::ToolText::new(
                wegweiser::tool_text::Lang::En
            ))
        );
        insta::assert_snapshot!(
            concat!($name, "@de"),
            site_ds.render_in(&wegweiser::tool_text::ToolText::new(
                wegweiser::tool_text::Lang::De
            ))
        );
    }};
}

#[test]
fn each_bad_image_is_a_positioned_diagnostic() {
    let set = |site: &TestSite, from: &str, to: &str| {
        site.edit("content/offers/beratung.md", from, to);
    };
    // Missing file, a path leaving the site, no alt text.
    let site = site_with_photo();
    set(&site, "images/foto.jpg", "images/fehlt.jpg");
    both!("image_missing", site.build_err());
    let site = site_with_photo();
    set(&site, "images/foto.jpg", "../../../../etc/passwd");
    both!("image_outside_site", site.build_err());
    let site = site_with_photo();
    set(&site, "image_alt = \"Tassen auf einem Tisch\"\n", "");
    both!("image_alt_missing", site.build_err());
    let site = site_with_photo();
    set(&site, "Nach Vereinbarung.", "![](images/foto.jpg)");
    both!("image_alt_missing_markdown", site.build_err());
    // Not an image; a cut-off JPEG; a decompression bomb (a PNG header of
    // 10,000 × 10,000 pixels); a file over 30 MB.
    let site = site_with_photo();
    site.write("content/offers/images/foto.jpg", "kein Bild");
    both!("image_unsupported", site.build_err());
    let site = site_with_photo();
    let jpeg = std::fs::read(site.root.join("content/offers/images/foto.jpg")).unwrap();
    std::fs::write(
        site.root.join("content/offers/images/foto.jpg"),
        &jpeg[..400],
    )
    .unwrap();
    let out = site.build_err().render_short();
    assert!(
        out.contains("image-corrupt") || out.contains("cannot be read"),
        "{out}"
    );
    let site = site_with_photo();
    let header = bomb_png(10_000, 10_000);
    std::fs::write(site.root.join("content/offers/images/foto.jpg"), header).unwrap();
    both!("image_too_many_pixels", site.build_err());
    let site = site_with_photo();
    let f = std::fs::File::create(site.root.join("content/offers/images/foto.jpg")).unwrap();
    f.set_len(31 * 1024 * 1024).unwrap();
    both!("image_file_too_large", site.build_err());
}

/// A PNG that claims `w` × `h` pixels: signature, IHDR and the start of its data.
fn bomb_png(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(b"IHDR");
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let crc = crc32(&ihdr);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc.to_be_bytes());
    // The pixel data a bomb would carry: only its start is needed.
    for (kind, data) in [(&b"IDAT"[..], &[0x78u8, 0x9c][..]), (b"IEND", &[])] {
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(data);
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(&chunk);
        out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in data {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// Every file of the image cache with its bytes (the memo left out).
fn cache_files(site: &common::TestSite) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(site.root.join(wegweiser::output::images::CACHE_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != wegweiser::media::memo::MEMO_FILE)
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn output_variants_are_hard_links_into_the_cache_which_no_rebuild_changes() {
    use std::os::unix::fs::MetadataExt;
    let site = site_with_photo();
    site.build_ok();
    let cache_dir = site.root.join(wegweiser::output::images::CACHE_DIR);
    let cache = cache_files(&site);
    let inodes: std::collections::BTreeMap<u64, &String> = cache
        .keys()
        .map(|name| (std::fs::metadata(cache_dir.join(name)).unwrap().ino(), name))
        .collect();
    let variants: Vec<String> = site
        .files()
        .into_keys()
        .filter(|k| k.starts_with("img/"))
        .collect();
    assert_eq!(variants.len(), 8);
    for v in &variants {
        let meta = std::fs::metadata(site.out().join(v)).unwrap();
        let name = inodes
            .get(&meta.ino())
            .unwrap_or_else(|| panic!("{v} is a copy, not a link into the cache"));
        assert_eq!(std::fs::read(site.out().join(v)).unwrap(), cache[*name]);
    }

    // Another photo under the same name: a full build, then an incremental
    // one after a second change; the first photo's cache files keep their bytes.
    std::fs::copy(
        repo().join("content/locations/images/zukunftswerk.jpg"),
        site.root.join("content/offers/images/foto.jpg"),
    )
    .unwrap();
    assert_eq!(site.build_ok().images_encoded, 8);
    let opts = site.options();
    let kept = |clean| {
        wegweiser::build::build_kept(&opts, clean, &wegweiser::build::NoProgress, &|_| {
            wegweiser::diagnostics::Diagnostics::new()
        })
        .unwrap_or_else(|ds| panic!("{}", ds.render()))
    };
    kept(true);
    std::fs::copy(
        repo().join("content/offers/images/sprachcafe.jpg"),
        site.root.join("content/offers/images/foto.jpg"),
    )
    .unwrap();
    site.edit("content/offers/beratung.md", "Tassen", "Becher");
    let (report, _) = kept(false);
    assert_eq!(
        report.images_encoded, 0,
        "the first photo's variants are cached"
    );
    let after = cache_files(&site);
    for (name, bytes) in &cache {
        assert_eq!(&after[name], bytes, "{name} changed");
    }
    for v in &variants {
        assert!(site.exists(v), "{v} back in the output");
    }
}

#[test]
fn where_linking_fails_the_staging_folder_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let staging = wegweiser::output::Staging::new(&out).unwrap();
    let mut files = wegweiser::output::OutputFiles::new();
    files.insert("img/a-320.webp".to_string(), b"variant bytes"[..].into());
    let links = [(
        "img/a-320.webp".to_string(),
        dir.path().join("no-such-cache-file"),
    )]
    .into_iter()
    .collect();
    staging.write_all_linking(&files, &links).unwrap();
    staging.commit().unwrap();
    assert_eq!(
        std::fs::read(out.join("img/a-320.webp")).unwrap(),
        b"variant bytes"
    );
}

#[test]
fn the_memo_hashes_a_touched_photo_again_and_sees_a_same_size_edit() {
    let site = site_with_photo();
    let photo = site.root.join("content/offers/images/foto.jpg");
    assert_eq!(site.build_ok().images_encoded, 8);
    // A file changed less than two seconds before a build is not memoised.
    std::thread::sleep(wegweiser::media::memo::SETTLED + std::time::Duration::from_millis(200));
    assert_eq!(site.build_ok().images_encoded, 0);
    let memo = site
        .root
        .join(wegweiser::output::images::CACHE_DIR)
        .join("measured");
    let text = std::fs::read_to_string(&memo).unwrap();
    assert!(text.contains("content/offers/images/foto.jpg\t"), "{text}");
    let variants = |s: &common::TestSite| -> Vec<String> {
        s.files()
            .into_keys()
            .filter(|k| k.starts_with("img/"))
            .collect()
    };
    let before = variants(&site);

    // Touched, not changed: hashed again, same hash, nothing encoded.
    let f = std::fs::File::options().write(true).open(&photo).unwrap();
    f.set_modified(std::time::SystemTime::now()).unwrap();
    drop(f);
    assert_eq!(site.build_ok().images_encoded, 0);
    assert_eq!(variants(&site), before);

    // Changed in place with the same size and the old time put back (the
    // author's name in the EXIF data): the change time gives it away.
    std::thread::sleep(wegweiser::media::memo::SETTLED + std::time::Duration::from_millis(200));
    site.build_ok(); // memoised again
    let mtime = std::fs::metadata(&photo).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&photo).unwrap();
    let at = bytes
        .windows(13)
        .position(|w| w == b"Anna Beispiel")
        .unwrap();
    bytes[at + 12] = b'm';
    std::fs::write(&photo, &bytes).unwrap();
    let f = std::fs::File::options().write(true).open(&photo).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    assert_eq!(
        std::fs::metadata(&photo).unwrap().modified().unwrap(),
        mtime
    );
    assert_eq!(
        site.build_ok().images_encoded,
        8,
        "a new hash, new variants"
    );
    assert_ne!(variants(&site), before);
}
