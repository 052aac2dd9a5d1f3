//! The open data: every file of the JSON API (/api/v1/) validates against
//! the JSON Schema it names in `$schema` (the schemas as the site publishes
//! them), in the example site and in a synthetic site of 1,000 offers below
//! a subpath; items carry their translation state; lists stay small; every
//! link in the API leads to a file of the site; and the DCAT-AP.de
//! catalogue carries the properties DCAT-AP.de 2.0 requires.

mod common;

use std::collections::BTreeMap;

use common::TestSite;
use serde_json::Value;

/// Every API file of a built site, parsed, by output path.
fn api_files(site: &TestSite) -> BTreeMap<String, (usize, Value)> {
    site.files()
        .into_iter()
        .filter(|(k, _)| k.starts_with("api/v1/") && !k.starts_with("api/v1/schema/"))
        .map(|(k, v)| {
            let json = serde_json::from_slice(&v).unwrap_or_else(|e| panic!("{k}: {e}"));
            (k, (v.len(), json))
        })
        .collect()
}

/// The published schemas, by address (their `$id`).
fn schemas(site: &TestSite) -> BTreeMap<String, Value> {
    site.files()
        .into_iter()
        .filter(|(k, _)| k.starts_with("api/v1/schema/"))
        .map(|(k, v)| {
            let schema: Value = serde_json::from_slice(&v).unwrap_or_else(|e| panic!("{k}: {e}"));
            let id = schema["$id"]
                .as_str()
                .unwrap_or_else(|| panic!("{k}: no $id"));
            assert!(id.ends_with(&format!("/{k}")), "{k}: $id {id}");
            (id.to_string(), schema)
        })
        .collect()
}

/// Validates every API file against the schema its `$schema` names; returns
/// how many files of each schema were checked.
fn validate_all(site: &TestSite, base: &str) -> BTreeMap<String, usize> {
    let schemas = schemas(site);
    assert_eq!(schemas.len(), 5, "{:?}", schemas.keys());
    let mut registry = jsonschema::Registry::new();
    for (id, s) in &schemas {
        registry = registry
            .add(id.as_str(), s.clone())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    let registry = registry.prepare().unwrap_or_else(|e| panic!("{e}"));
    let validators: BTreeMap<&String, jsonschema::Validator> = schemas
        .iter()
        .map(|(id, s)| {
            let v = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .with_registry(&registry)
                .build(s)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            (id, v)
        })
        .collect();
    let mut counts = BTreeMap::new();
    for (path, (_, json)) in api_files(site) {
        let named = json["$schema"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: no $schema"));
        assert!(
            named.starts_with(&format!("{base}/api/v1/schema/")),
            "{path}: $schema {named} is not the published address"
        );
        let v = validators
            .get(&named.to_string())
            .unwrap_or_else(|| panic!("{path}: unknown schema {named}"));
        let errors: Vec<String> = v
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{path}:\n{}", errors.join("\n"));
        // The schema is strict: something it does not allow is refused.
        let mut bad = json.clone();
        bad["unexpected"] = Value::Bool(true);
        assert!(!v.is_valid(&bad), "{path}: an unknown property passes");
        let kind = named.rsplit('/').next().unwrap_or("").to_string();
        *counts.entry(kind).or_default() += 1;
    }
    counts
}

/// The output file an address below `base` is served from, if it is below.
fn file_of(base: &str, url: &str) -> Option<String> {
    let rest = url.strip_prefix(base)?.trim_start_matches('/');
    Some(if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    })
}

/// Every address in the API below `base` is a file of the site.
fn links_resolve(site: &TestSite, base: &str) -> usize {
    let files = site.files();
    let mut checked = 0;
    let mut walk = vec![];
    for (path, (_, json)) in api_files(site) {
        walk.push((path, json));
    }
    while let Some((path, v)) = walk.pop() {
        match v {
            Value::String(s) => {
                if let Some(file) = file_of(base, &s) {
                    assert!(files.contains_key(&file), "{path}: {s} is no file");
                    checked += 1;
                }
            }
            Value::Array(a) => walk.extend(a.into_iter().map(|x| (path.clone(), x))),
            Value::Object(o) => walk.extend(o.into_iter().map(|(_, x)| (path.clone(), x))),
            _ => {}
        }
    }
    checked
}

fn item(site: &TestSite, lang: &str, folder: &str, slug: &str) -> Value {
    serde_json::from_str(&site.read(&format!("api/v1/{lang}/{folder}/{slug}.json"))).unwrap()
}

#[test]
fn the_examples_api_validates_and_tells_translation_states() {
    let site = TestSite::example();
    // A person reviewed the Ukrainian machine translation; the Arabic one
    // of another offer is gone (readers get the German text).
    site.edit(
        "content/offers/anerkennungsberatung.uk.md",
        "reviewed = false",
        "reviewed = true",
    );
    site.remove("content/offers/dolmetscherpool.ar.md");
    site.build_ok();
    let base = "https://integration.example.org";
    let counts = validate_all(&site, base);
    assert_eq!(counts["root.json"], 1, "{counts:?}");
    assert_eq!(counts["index.json"], 8, "{counts:?}");
    assert_eq!(counts["taxonomies.json"], 8, "{counts:?}");
    assert!(counts["item.json"] > 300, "{counts:?}");
    assert!(counts["list.json"] >= 32, "{counts:?}");
    assert!(links_resolve(&site, base) > 2000);

    let ar = item(&site, "ar", "offers", "anerkennungsberatung");
    assert_eq!(ar["language"], "ar");
    assert_eq!(ar["translation"]["state"], "machine-translated");
    assert_eq!(ar["translation"]["status"], "current");
    assert_eq!(ar["title"], "استشارة الاعتراف بالشهادات");
    let uk = item(&site, "uk", "offers", "anerkennungsberatung");
    assert_eq!(uk["language"], "uk");
    assert_eq!(uk["translation"]["state"], "translated");
    assert_eq!(uk["translation"]["machine_translated"], true);
    assert_eq!(uk["translation"]["reviewed"], true);
    let fallback = item(&site, "ar", "offers", "dolmetscherpool");
    assert_eq!(fallback["translation"]["state"], "fallback");
    assert_eq!(fallback["translation"]["status"], "missing");
    assert_eq!(fallback["language"], "de");
    let de = item(&site, "de", "offers", "dolmetscherpool");
    assert_eq!(de["translation"]["state"], "original");
    assert_eq!(de["title"], fallback["title"]);
    let place = item(&site, "uk", "locations", "vhs-ingelheim");
    assert_eq!(place["translation"]["state"], "translated");

    // An event's occurrences: from the build's "now" (2026-01-01) for a
    // year, with the offset of each day, and its rule as data.
    let ev = item(&site, "de", "events", "fruehstueck-fuer-frauen");
    let event = &ev["event"];
    assert_eq!(event["recurrence"]["frequency"], "monthly");
    assert!(
        event["recurrence"]["rrule"]
            .as_str()
            .unwrap()
            .starts_with("FREQ=MONTHLY;")
    );
    let occ = event["occurrences"].as_array().unwrap();
    assert!(!occ.is_empty() && occ.len() <= 13, "{occ:?}");
    for o in occ {
        let start = o["start"].as_str().unwrap();
        assert!(
            start.as_bytes()[..4] == *b"2026" || start < "2027-01-01T",
            "{start}"
        );
    }
    let offsets: std::collections::BTreeSet<&str> = occ
        .iter()
        .map(|o| &o["start"].as_str().unwrap()[19..])
        .collect();
    if occ.len() > 6 {
        assert!(
            offsets.contains("+01:00") && offsets.contains("+02:00"),
            "{offsets:?}"
        );
    }
    assert_eq!(
        ev["links"]["ics"],
        format!("{base}/de/events/fruehstueck-fuer-frauen.ics")
    );

    // Labels of the taxonomies in the file's language.
    let tax: Value = serde_json::from_str(&site.read("api/v1/de/taxonomies.json")).unwrap();
    let topics = tax["taxonomies"]["topics"]["terms"].as_array().unwrap();
    assert_eq!(topics[0]["key"], "sprache-bildung");
    assert_ne!(topics[0]["label"], "sprache-bildung");
    let places = tax["taxonomies"]["places"]["terms"].as_array().unwrap();
    let wiesbaden = places.iter().find(|p| p["key"] == "wiesbaden").unwrap();
    assert_eq!(wiesbaden["outside"], true);

    // The same bytes from a second build.
    let first = site.files();
    site.build_ok();
    let second = site.files();
    for (k, v) in first.iter().filter(|(k, _)| k.starts_with("api/")) {
        assert_eq!(Some(v), second.get(k), "{k} differs between builds");
    }
}

/// The example site with `n` more offers (translated into Arabic and
/// Ukrainian, some by machine) and `n / 5` more events of every kind of time.
fn synthetic(n: usize) -> TestSite {
    let site = TestSite::example();
    let topics = [
        "sprache-bildung",
        "ausbildung-arbeit",
        "gesundheit-beratung",
    ];
    for i in 0..n {
        let slug = format!("angebot-{i:05}");
        let topic = topics[i % topics.len()];
        site.write(
            &format!("content/offers/{slug}.md"),
            &format!(
                "+++\ntitle = \"Angebot {i}: Beratung und Kurs\"\nsummary = \"Ein Angebot \
                 zum Ausprobieren, Nummer {i}.\"\ntopics = [\"{topic}\"]\naudiences = \
                 [\"familien\"]\nplaces = [\"bingen\"]\naddress = \"Beispielstraße {i}, 55411 \
                 Bingen\"\nschedule = \"Dienstags 15–17 Uhr\"\ncost = \"kostenlos\"\nupdated = \
                 2025-12-{:02}\n+++\nDas Angebot {i} hilft beim Ankommen. Es gibt Beratung, \
                 einen Kurs und eine Sprechstunde.\n\nBitte vorher anrufen.\n",
                1 + i % 28
            ),
        );
        for (lang, title) in [("ar", "عرض"), ("uk", "Пропозиція")] {
            let machine = i % 3 != 0;
            site.write(
                &format!("content/offers/{slug}.{lang}.md"),
                &format!(
                    "+++\ntitle = \"{title} {i}\"\nmachine_translated = {machine}\n+++\n{title} {i}.\n"
                ),
            );
        }
    }
    for i in 0..n / 5 {
        let time = match i % 4 {
            0 => "start = 2026-03-10T10:00\nend = 2026-03-10T12:00\nrepeat = \"weekly\"\n\
                  repeat_on = [\"tuesday\"]\nrepeat_until = 2026-12-15\n\
                  except = [2026-04-07]"
                .to_string(),
            1 => "start = 2026-02-12T09:00\nend = 2026-02-12T11:00\nrepeat = \"monthly\"\n\
                  repeat_until = 2027-06-30"
                .to_string(),
            2 => "all_day = true\nstart = 2026-05-01\nend = 2026-05-03".to_string(),
            _ => format!(
                "start = 2026-06-{:02}T18:00\nend = 2026-06-{:02}T20:00",
                1 + i % 28,
                1 + i % 28
            ),
        };
        site.write(
            &format!("content/events/termin-{i:05}.md"),
            &format!(
                "+++\ntitle = \"Termin {i}\"\ntopics = [\"sprache-bildung\"]\nplaces = \
                 [\"bingen\"]\naddress = \"Beispielstraße 1, 55411 Bingen\"\n{time}\n+++\nTermin {i}.\n"
            ),
        );
    }
    site
}

#[test]
fn the_api_of_a_thousand_offers_validates_below_a_subpath_and_stays_small() {
    let site = synthetic(1000);
    let mut opts = site.options();
    opts.base_url = Some("https://office.github.io/wegweiser/".into());
    wegweiser::build(&opts).unwrap_or_else(|ds| panic!("{}", ds.render()));
    let base = "https://office.github.io/wegweiser";
    let counts = validate_all(&site, base);
    assert!(counts["item.json"] > 8 * 1200, "{counts:?}");
    assert!(links_resolve(&site, base) > 50_000);
    let files = api_files(&site);
    let (largest, (size, _)) = files.iter().max_by_key(|(_, (n, _))| *n).unwrap();
    assert!(*size < 1_000_000, "{largest}: {size} bytes");
    // 1,000 and the example's offers: eleven pages of 100, linked in a chain.
    let index: Value = serde_json::from_str(&site.read("api/v1/uk/index.json")).unwrap();
    let offers = &index["lists"]["offers"];
    assert!(offers["total"].as_u64().unwrap() > 1000);
    assert_eq!(offers["pages"], 11);
    let mut next = offers["first"].as_str().map(str::to_string);
    let mut seen = 0;
    while let Some(url) = next {
        let rel = url.strip_prefix(&format!("{base}/")).unwrap();
        let page: Value = serde_json::from_str(&site.read(rel)).unwrap();
        seen += page["items"].as_array().unwrap().len();
        next = page["next"].as_str().map(str::to_string);
    }
    assert_eq!(seen as u64, offers["total"].as_u64().unwrap());
    // Lists leave the bodies to the item files.
    let page: Value = serde_json::from_str(&site.read("api/v1/uk/offers/page/1.json")).unwrap();
    assert!(page["items"][0].get("body").is_none());
    assert!(page["items"][0].get("title").is_some());
    let mt = item(&site, "uk", "offers", "angebot-00001");
    assert!(mt["body"].as_str().is_some_and(|b| !b.is_empty()));
    assert_eq!(mt["translation"]["state"], "machine-translated");
    let own = item(&site, "ar", "offers", "angebot-00003");
    assert_eq!(own["translation"]["state"], "translated");
    // A weekly series without its exception, within the year from "now".
    let weekly = item(&site, "de", "events", "termin-00000");
    let starts: Vec<&str> = weekly["event"]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["start"].as_str().unwrap())
        .collect();
    assert!(starts.contains(&"2026-03-31T10:00:00+02:00"), "{starts:?}");
    assert!(starts.contains(&"2026-03-24T10:00:00+01:00"), "{starts:?}");
    assert!(
        !starts.iter().any(|s| s.starts_with("2026-04-07")),
        "{starts:?}"
    );
    assert_eq!(weekly["event"]["recurrence"]["except"][0], "2026-04-07");
    let all_day = item(&site, "de", "events", "termin-00002");
    assert_eq!(all_day["event"]["all_day"], true);
    assert_eq!(
        all_day["event"]["occurrences"][0],
        serde_json::json!({"start": "2026-05-01", "end": "2026-05-03"})
    );
}

/// The DCAT-AP.de 2.0 properties checked (the specification's mandatory
/// ones, and GovData's conventions K01, K12/13, K31, K32, K36):
/// - catalogue: dct:title, dct:description, dct:publisher (with foaf:name),
///   dcat:dataset; also dct:language, dct:license, dct:modified, foaf:homepage;
/// - dataset: dct:title, dct:description, dct:publisher,
///   dcatde:contributorID (one IRI below http://dcat-ap.de/def/contributors/),
///   dcat:contactPoint with vcard:hasEmail, dct:identifier, dct:modified,
///   dcat:distribution;
/// - distribution: dcat:accessURL, dct:license (an IRI below
///   http://dcat-ap.de/def/licenses/), dcat:mediaType, dct:format from the EU
///   file types where that vocabulary has one (it has none for vCard).
#[test]
fn the_catalogue_carries_what_dcat_ap_de_requires() {
    let site = TestSite::example();
    site.build_ok();
    let base = "https://integration.example.org";
    let doc: Value = serde_json::from_str(&site.read("dcat.jsonld")).unwrap();
    let has = |v: &Value, p: &str| {
        let x = &v[p];
        assert!(
            !(x.is_null() || x.as_array().is_some_and(|a| a.is_empty())),
            "{} lacks {p}",
            v["@id"]
        );
    };
    assert_eq!(doc["@type"], "dcat:Catalog");
    for p in [
        "dct:title",
        "dct:description",
        "dct:publisher",
        "dcat:dataset",
        "dct:language",
        "dct:license",
        "dct:modified",
        "foaf:homepage",
    ] {
        has(&doc, p);
    }
    assert_eq!(
        doc["dct:publisher"]["foaf:name"],
        "Landkreis Beispiel, Integrationsbüro"
    );
    let languages: Vec<&str> = doc["dct:language"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["@id"].as_str().unwrap())
        .collect();
    assert!(languages.contains(&"http://publications.europa.eu/resource/authority/language/DEU"));
    assert!(languages.contains(&"http://publications.europa.eu/resource/authority/language/UKR"));
    assert_eq!(languages.len(), 7, "ls shares de's language: {languages:?}");
    let datasets = doc["dcat:dataset"].as_array().unwrap();
    assert_eq!(datasets.len(), 4);
    let files = site.files();
    let resolves = |url: &str| {
        let file = file_of(base, url).unwrap_or_else(|| panic!("{url}"));
        assert!(files.contains_key(&file), "{url} is no file");
    };
    for d in datasets {
        assert_eq!(d["@type"], "dcat:Dataset");
        for p in [
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dcatde:contributorID",
            "dcat:contactPoint",
            "dct:identifier",
            "dct:modified",
            "dcat:distribution",
        ] {
            has(d, p);
        }
        assert!(
            d["dcatde:contributorID"]["@id"]
                .as_str()
                .unwrap()
                .starts_with("http://dcat-ap.de/def/contributors/")
        );
        assert_eq!(d["dct:publisher"]["@id"], doc["dct:publisher"]["@id"]);
        assert_eq!(
            d["dcat:contactPoint"]["vcard:hasEmail"]["@id"],
            "mailto:integration@example.org"
        );
        for dist in d["dcat:distribution"].as_array().unwrap() {
            for p in ["dcat:accessURL", "dct:license", "dcat:mediaType"] {
                has(dist, p);
            }
            assert_eq!(
                dist["dct:license"]["@id"],
                "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
            );
            if dist["dcat:mediaType"]["@id"]
                != "https://www.iana.org/assignments/media-types/text/vcard"
            {
                assert!(
                    dist["dct:format"]["@id"]
                        .as_str()
                        .unwrap()
                        .starts_with("http://publications.europa.eu/resource/authority/file-type/")
                );
            }
            resolves(dist["dcat:accessURL"]["@id"].as_str().unwrap());
            for u in dist["dcat:downloadURL"].as_array().into_iter().flatten() {
                resolves(u["@id"].as_str().unwrap());
            }
        }
    }
    let formats: Vec<&str> = datasets
        .iter()
        .flat_map(|d| d["dcat:distribution"].as_array().unwrap())
        .filter_map(|x| x["dct:format"]["@id"].as_str())
        .collect();
    for f in ["JSON", "HTML", "ICS"] {
        assert!(
            formats.iter().any(|x| x.ends_with(&format!("/{f}"))),
            "{f}: {formats:?}"
        );
    }
    let root: Value = serde_json::from_str(&site.read("api/v1/index.json")).unwrap();
    assert_eq!(root["catalogue"], format!("{base}/dcat.jsonld"));

    // Without [open_data]: no catalogue, and the API does not name one.
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    let cut = toml.find("[open_data]").unwrap();
    site.write("site.toml", &toml[..cut]);
    site.build_ok();
    assert!(!site.exists("dcat.jsonld"));
    let root: Value = serde_json::from_str(&site.read("api/v1/index.json")).unwrap();
    assert!(root.get("catalogue").is_none());
    assert!(site.exists("api/v1/de/index.json"));
}

#[test]
fn a_bad_licence_is_explained() {
    let site = TestSite::example();
    site.edit(
        "site.toml",
        "license = \"dl-by-de/2.0\"",
        "license = \"https://example.org/my licence\"",
    );
    let ds = site.build_err();
    let codes: Vec<&str> = ds.iter().map(|d| d.code()).collect();
    assert_eq!(
        codes,
        ["open-data-license-invalid"],
        "{}",
        ds.render_short()
    );
    let shown = ds.render_short();
    assert!(shown.contains("site.toml"), "{shown}");
}
