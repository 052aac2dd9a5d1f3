//! The front-matter fields of each kind of content: one table that drives
//! validation, error hints and the `wegweiser new` templates.
//!
//! Over 600 lines because the table is data: one entry of nine lines per
//! field with its German and English description. Splitting it by kind
//! would scatter the fields every kind shares.

use super::Kind;

/// Where a field may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only in the default-language file; applies to every language.
    Source,
    /// Translatable text: in the source and in every translation.
    Text,
    /// In the source and in translations, but not text (`draft`).
    Both,
    /// Only in translations (translation bookkeeping).
    Translation,
}

/// One front-matter field.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kinds: &'static [Kind],
    /// Which files may set the field.
    pub scope: Scope,
    pub required: bool,
    /// What the field holds and how to write it (used in error help and scaffolds).
    pub doc: &'static str,
    /// `doc` in German, for the editors' `wegweiser new` templates.
    pub doc_de: &'static str,
    /// An example value as TOML, for scaffolds and help texts.
    pub example: &'static str,
}

use Kind::*;

const ALL: &[Kind] = &[Home, Offer, Event, Contact, Page, Location];
const OE: &[Kind] = &[Offer, Event];

pub const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: "title",
        kinds: ALL,
        scope: Scope::Text,
        required: true,
        doc: "heading and page title (for a contact: the name)",
        doc_de: "Überschrift und Seitentitel (bei einem Kontakt: der Name)",
        example: "\"Sprachcafé Ingelheim\"",
    },
    FieldSpec {
        name: "summary",
        kinds: ALL,
        scope: Scope::Text,
        required: false,
        doc: "one or two sentences shown in lists",
        doc_de: "ein oder zwei Sätze, die in Listen erscheinen",
        example: "\"Deutsch sprechen üben bei Kaffee und Tee.\"",
    },
    FieldSpec {
        name: "draft",
        kinds: ALL,
        scope: Scope::Both,
        required: false,
        doc: "true hides the file unless built with --drafts",
        doc_de: "true versteckt die Datei, bis sie fertig ist (sichtbar nur mit --drafts)",
        example: "false",
    },
    FieldSpec {
        name: "updated",
        kinds: ALL,
        scope: Scope::Source,
        required: false,
        doc: "date of the last real change, without quotes",
        doc_de: "Datum der letzten echten Änderung, ohne Anführungszeichen",
        example: "2026-10-01",
    },
    FieldSpec {
        name: "topics",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "topic keys from site.toml",
        doc_de: "Themen-Schlüssel aus site.toml",
        example: "[\"sprache-bildung\"]",
    },
    FieldSpec {
        name: "audiences",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "audience keys from site.toml",
        doc_de: "Zielgruppen-Schlüssel aus site.toml",
        example: "[\"frauen\"]",
    },
    FieldSpec {
        name: "places",
        kinds: &[Offer, Event, Location],
        scope: Scope::Source,
        required: false,
        doc: "place keys from site.toml (a location: the key of its municipality)",
        doc_de: "Orts-Schlüssel aus site.toml (bei einem Ort: der Schlüssel seiner Gemeinde)",
        example: "[\"ingelheim\"]",
    },
    FieldSpec {
        name: "offered_in",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "languages the offer itself is held in (language keys)",
        doc_de: "Sprachen, in denen das Angebot selbst stattfindet (Sprach-Schlüssel)",
        example: "[\"de\", \"ar\"]",
    },
    FieldSpec {
        name: "contacts",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "contact slugs (file names in content/contacts/ without .md)",
        doc_de: "Kontakte (Dateinamen in content/contacts/ ohne .md)",
        example: "[\"linda-blessing\"]",
    },
    FieldSpec {
        name: "provider",
        kinds: &[Offer],
        scope: Scope::Source,
        required: false,
        doc: "contact slug of the organisation that runs the offer",
        doc_de: "Kontakt der Organisation, die das Angebot macht",
        example: "\"caritas\"",
    },
    FieldSpec {
        name: "organizer",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "contact slug of the organiser",
        doc_de: "Kontakt des Veranstalters",
        example: "\"kreisverwaltung-mainz-bingen\"",
    },
    FieldSpec {
        name: "address",
        kinds: &[Offer, Event, Contact, Location],
        scope: Scope::Source,
        required: false,
        doc: "address on one line",
        doc_de: "Adresse in einer Zeile",
        example: "\"Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein\"",
    },
    FieldSpec {
        name: "geo",
        kinds: &[Offer, Event, Location],
        scope: Scope::Source,
        required: false,
        doc: "[latitude, longitude] as numbers",
        doc_de: "[Breitengrad, Längengrad] als Zahlen",
        example: "[49.97, 8.06]",
    },
    FieldSpec {
        name: "schedule",
        kinds: &[Offer],
        scope: Scope::Text,
        required: false,
        doc: "when the offer takes place, in words",
        doc_de: "wann das Angebot stattfindet, in Worten",
        example: "\"Dienstags 15–17 Uhr\"",
    },
    FieldSpec {
        name: "cost",
        kinds: OE,
        scope: Scope::Text,
        required: false,
        doc: "what it costs, in words",
        doc_de: "was es kostet, in Worten",
        example: "\"kostenlos\"",
    },
    FieldSpec {
        name: "childcare",
        kinds: &[Offer],
        scope: Scope::Source,
        required: false,
        doc: "true if children are looked after",
        doc_de: "true, wenn Kinder betreut werden",
        example: "true",
    },
    FieldSpec {
        name: "accessible",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "true if barrier-free (step-free access)",
        doc_de: "true, wenn barrierefrei (stufenloser Zugang)",
        example: "true",
    },
    FieldSpec {
        name: "registration_url",
        kinds: OE,
        scope: Scope::Source,
        required: false,
        doc: "web address for registration, beginning with https://",
        doc_de: "Webadresse für die Anmeldung, beginnt mit https://",
        example: "\"https://example.org/anmeldung\"",
    },
    FieldSpec {
        name: "website",
        kinds: &[Offer, Contact],
        scope: Scope::Source,
        required: false,
        doc: "web address beginning with https://",
        doc_de: "Webadresse, beginnt mit https://",
        example: "\"https://example.org\"",
    },
    FieldSpec {
        name: "review_by",
        kinds: &[Offer],
        scope: Scope::Source,
        required: false,
        doc: "date after which the office must check the offer again",
        doc_de: "Datum, bis zu dem das Büro das Angebot wieder prüft",
        example: "2027-06-30",
    },
    FieldSpec {
        name: "start",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "local date and time (or a date with all_day = true), without quotes",
        doc_de: "Datum und Uhrzeit (Ortszeit) oder, mit all_day = true, ein Datum; ohne Anführungszeichen",
        example: "2026-02-05T18:00",
    },
    FieldSpec {
        name: "end",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "local date and time of the end (with all_day = true: the last day)",
        doc_de: "Datum und Uhrzeit des Endes (mit all_day = true: der letzte Tag)",
        example: "2026-02-05T20:00",
    },
    FieldSpec {
        name: "all_day",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "true for whole days; start and end are then dates",
        doc_de: "true für ganze Tage; start und end sind dann Daten",
        example: "false",
    },
    FieldSpec {
        name: "sessions",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "for events on several days with different hours, instead of start/end",
        doc_de: "für Veranstaltungen an mehreren Tagen mit verschiedenen Zeiten, statt start/end",
        example: "[{ start = 2026-11-10T10:00, end = 2026-11-10T15:00 }]",
    },
    FieldSpec {
        name: "repeat",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "for recurring events: \"weekly\" or \"monthly\"; start and end are the first occurrence",
        doc_de: "für regelmäßige Termine: \"weekly\" (wöchentlich) oder \"monthly\" (monatlich); start und end sind der erste Termin",
        example: "\"weekly\"",
    },
    FieldSpec {
        name: "repeat_on",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "weekdays of a recurring event (English or German names)",
        doc_de: "Wochentage eines regelmäßigen Termins (deutsch oder englisch)",
        example: "[\"tuesday\"]",
    },
    FieldSpec {
        name: "repeat_week",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "monthly events: which weekday of the month, 1 to 5, or -1 for the last",
        doc_de: "monatliche Termine: welcher Wochentag im Monat, 1 bis 5, oder -1 für den letzten",
        example: "2",
    },
    FieldSpec {
        name: "repeat_interval",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "every n-th week or month (default 1)",
        doc_de: "jede n-te Woche oder jeden n-ten Monat (Standard 1)",
        example: "2",
    },
    FieldSpec {
        name: "repeat_until",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "last day of a recurring event (required with repeat)",
        doc_de: "letzter Tag eines regelmäßigen Termins (Pflicht mit repeat)",
        example: "2026-12-15",
    },
    FieldSpec {
        name: "except",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "days on which a recurring event does not take place",
        doc_de: "Tage, an denen ein regelmäßiger Termin ausfällt",
        example: "[2026-12-22, 2026-12-29]",
    },
    FieldSpec {
        name: "archived",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "true keeps a past event in the archive on purpose: `check` no longer reports that it is over",
        doc_de: "true behält eine vergangene Veranstaltung bewusst im Archiv: `check` meldet dann nicht mehr, dass sie vorbei ist",
        example: "true",
    },
    FieldSpec {
        name: "online_url",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "address of the online meeting, beginning with https://",
        doc_de: "Adresse des Online-Treffens, beginnt mit https://",
        example: "\"https://example.org/treffen\"",
    },
    FieldSpec {
        name: "attendance",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "\"in-person\", \"online\" or \"hybrid\" (default: in-person, or online if only online_url is set)",
        doc_de: "\"in-person\" (vor Ort), \"online\" oder \"hybrid\" (Standard: vor Ort, oder online, wenn nur online_url gesetzt ist)",
        example: "\"hybrid\"",
    },
    FieldSpec {
        name: "location",
        kinds: &[Event],
        scope: Scope::Source,
        required: false,
        doc: "name of the place",
        doc_de: "Name des Ortes",
        example: "\"Kreisverwaltung, Sitzungssaal\"",
    },
    FieldSpec {
        name: "kind",
        kinds: &[Contact],
        scope: Scope::Source,
        required: true,
        doc: "\"person\" or \"organization\"",
        doc_de: "\"person\" (Person) oder \"organization\" (Organisation)",
        example: "\"person\"",
    },
    FieldSpec {
        name: "role",
        kinds: &[Contact],
        scope: Scope::Text,
        required: false,
        doc: "job or function",
        doc_de: "Aufgabe oder Funktion",
        example: "\"Integrationsbüro\"",
    },
    FieldSpec {
        name: "organization",
        kinds: &[Contact],
        scope: Scope::Source,
        required: false,
        doc: "contact slug of the organisation a person works for",
        doc_de: "Kontakt der Organisation, für die eine Person arbeitet",
        example: "\"kreisverwaltung-mainz-bingen\"",
    },
    FieldSpec {
        name: "phone",
        kinds: &[Contact],
        scope: Scope::Source,
        required: false,
        doc: "phone number in international format",
        doc_de: "Telefonnummer im internationalen Format",
        example: "\"+49 6132 0000-101\"",
    },
    FieldSpec {
        name: "email",
        kinds: &[Contact],
        scope: Scope::Source,
        required: false,
        doc: "e-mail address",
        doc_de: "E-Mail-Adresse",
        example: "\"integration@example.org\"",
    },
    FieldSpec {
        name: "office_hours",
        kinds: &[Contact],
        scope: Scope::Text,
        required: false,
        doc: "office hours in words",
        doc_de: "Sprechzeiten in Worten",
        example: "\"Mo–Do 9–12 Uhr\"",
    },
    FieldSpec {
        name: "opening_hours",
        kinds: &[Offer, Contact, Location],
        scope: Scope::Source,
        required: false,
        doc: "opening hours in the OpenStreetMap syntax (PH: public holidays, SH: school holidays of the site's region)",
        doc_de: "Öffnungszeiten in der Schreibweise von OpenStreetMap (PH: Feiertage, SH: Schulferien der Region der Website)",
        example: "\"Mo-Fr 09:00-12:00; Th 14:00-18:00; PH off\"",
    },
    FieldSpec {
        name: "at",
        kinds: &[Offer, Event, Contact],
        scope: Scope::Source,
        required: false,
        doc: "slug of the location where it is found (file name in content/locations/ without .md); its address, directions, hours and accessibility are shown",
        doc_de: "Ort, an dem es stattfindet oder zu finden ist (Dateiname in content/locations/ ohne .md); Adresse, Wegbeschreibung, Öffnungszeiten und Barrierefreiheit werden von dort gezeigt",
        example: "\"zukunftswerk\"",
    },
    FieldSpec {
        name: "closed",
        kinds: &[Location],
        scope: Scope::Both,
        required: false,
        doc: "periods the location is closed, dates without quotes; a translation repeats the list with only the translated reasons",
        doc_de: "Zeiträume, in denen der Ort geschlossen ist, Daten ohne Anführungszeichen; eine Übersetzung wiederholt die Liste nur mit den übersetzten Gründen",
        example: "[{ from = 2027-07-20, to = 2027-08-14, reason = \"Sommerpause\" }]",
    },
    FieldSpec {
        name: "appointment_url",
        kinds: &[Location],
        scope: Scope::Source,
        required: false,
        doc: "web address for booking an appointment, beginning with https://",
        doc_de: "Webadresse für die Terminbuchung, beginnt mit https://",
        example: "\"https://example.org/termin\"",
    },
    FieldSpec {
        name: "appointment_only",
        kinds: &[Location],
        scope: Scope::Source,
        required: false,
        doc: "true if visitors are seen by appointment only",
        doc_de: "true, wenn Besuch nur mit Termin möglich ist",
        example: "true",
    },
    FieldSpec {
        name: "accessibility",
        kinds: &[Location],
        scope: Scope::Source,
        required: false,
        doc: "step_free, lift, toilet (accessible), hearing_loop, parking (for disabled people): each \"yes\", \"no\" or \"unknown\"",
        doc_de: "step_free (stufenloser Zugang), lift (Aufzug), toilet (barrierefreie Toilette), hearing_loop (Induktionsschleife), parking (Behindertenparkplatz): jeweils \"yes\", \"no\" oder \"unknown\"",
        example: "{ step_free = \"yes\", lift = \"yes\", toilet = \"unknown\", hearing_loop = \"no\", parking = \"unknown\" }",
    },
    FieldSpec {
        name: "accessibility_note",
        kinds: &[Location],
        scope: Scope::Text,
        required: false,
        doc: "what else people with disabilities should know, in words",
        doc_de: "was Menschen mit Behinderung sonst wissen sollten, in Worten",
        example: "\"Eingang für Rollstühle an der Rückseite.\"",
    },
    FieldSpec {
        name: "transit",
        kinds: &[Location],
        scope: Scope::Text,
        required: false,
        doc: "nearest bus and train stops, in words",
        doc_de: "nächste Haltestellen von Bus und Bahn, in Worten",
        example: "\"Bus 611, Haltestelle Kreisverwaltung\"",
    },
    FieldSpec {
        name: "kind",
        kinds: &[Location],
        scope: Scope::Source,
        required: false,
        doc: "what sort of place: \"office\" (a public authority's office, e.g. the county administration), \"school\" (a school or adult education centre) or \"place\" (anything else, the default); search engines are told so",
        doc_de: "welche Art von Ort: \"office\" (Dienststelle einer Behörde, z. B. der Kreisverwaltung), \"school\" (Schule oder Volkshochschule) oder \"place\" (alles andere, Standard); Suchmaschinen erfahren es",
        example: "\"office\"",
    },
    FieldSpec {
        name: "languages",
        kinds: &[Contact],
        scope: Scope::Source,
        required: false,
        doc: "languages spoken (language keys)",
        doc_de: "gesprochene Sprachen (Sprach-Schlüssel)",
        example: "[\"de\", \"en\"]",
    },
    FieldSpec {
        name: "source_hash",
        kinds: ALL,
        scope: Scope::Translation,
        required: false,
        doc: "fingerprint of the source text this translation was made from; written by `wegweiser translate`, do not edit",
        doc_de: "Fingerabdruck des Ausgangstexts dieser Übersetzung; schreibt `wegweiser translate`, nicht ändern",
        example: "\"3f9a1c2b7d4e\"",
    },
    FieldSpec {
        name: "machine_translated",
        kinds: ALL,
        scope: Scope::Translation,
        required: false,
        doc: "true if this translation was made by a machine (readers are told so)",
        doc_de: "true, wenn diese Übersetzung maschinell erstellt wurde (die Leser erfahren es)",
        example: "true",
    },
    FieldSpec {
        name: "reviewed",
        kinds: ALL,
        scope: Scope::Translation,
        required: false,
        doc: "true once a person has checked a machine translation",
        doc_de: "true, sobald ein Mensch die maschinelle Übersetzung geprüft hat",
        example: "false",
    },
    FieldSpec {
        name: "image",
        kinds: ALL,
        scope: Scope::Source,
        required: false,
        doc: "a photo or picture: its file, relative to this file or from static/ (beginning with /)",
        doc_de: "ein Foto oder Bild: die Datei, von dieser Datei aus oder aus static/ (beginnt mit /)",
        example: "\"images/sprachcafe.jpg\"",
    },
    FieldSpec {
        name: "image_alt",
        kinds: ALL,
        scope: Scope::Text,
        required: false,
        doc: "what the image shows, for people who cannot see it (required with `image`)",
        doc_de: "was das Bild zeigt, für Menschen, die es nicht sehen (Pflicht bei `image`)",
        example: "\"Sechs Menschen sitzen an einem Tisch mit Kaffeetassen\"",
    },
    FieldSpec {
        name: "image_decorative",
        kinds: ALL,
        scope: Scope::Source,
        required: false,
        doc: "true if the image only decorates and says nothing (then no `image_alt`)",
        doc_de: "true, wenn das Bild nur schmückt und nichts aussagt (dann kein `image_alt`)",
        example: "false",
    },
    FieldSpec {
        name: "image_credit",
        kinds: ALL,
        scope: Scope::Source,
        required: false,
        doc: "who made the image (the copyright notice shown under it)",
        doc_de: "wer das Bild gemacht hat (der Urheber-Hinweis unter dem Bild)",
        example: "\"Foto: Stadt Ingelheim\"",
    },
    // Documents and sign-language video (content::media).
    FieldSpec {
        name: "documents",
        kinds: ALL,
        scope: Scope::Source,
        required: false,
        doc: "files to download (PDF, DOCX, ODT …), beside the content file or in static/, with a title and the document's language",
        doc_de: "Dateien zum Herunterladen (PDF, DOCX, ODT …), neben der Inhaltsdatei oder in static/, mit Titel und der Sprache des Dokuments",
        example: "[{ file = \"flyer-ar.pdf\", title = \"Flyer auf Arabisch\", language = \"ar\" }]",
    },
    FieldSpec {
        name: "sign_language",
        kinds: &[Home, Page],
        scope: Scope::Source,
        required: false,
        doc: "explanation in German Sign Language: an MP4 video (at least 320×240, 25 frames per second), a poster picture and optional WebVTT captions, beside the content file or in static/",
        doc_de: "Erklärung in Deutscher Gebärdensprache: ein MP4-Video (mindestens 320×240, 25 Bilder pro Sekunde), ein Vorschaubild und auf Wunsch Untertitel (WebVTT), neben der Inhaltsdatei oder in static/",
        example: "{ video = \"dgs-start.mp4\", poster = \"dgs-start.jpg\", captions = \"dgs-start.vtt\" }",
    },
    FieldSpec {
        name: "import_source",
        kinds: IMPORTED,
        scope: Scope::Source,
        required: false,
        doc: "the calendar or spreadsheet this file was imported from; written by `wegweiser import`, do not edit",
        doc_de: "Kalender oder Tabelle, aus der diese Datei übernommen wurde; schreibt `wegweiser import`, nicht ändern",
        example: "\"partner.ics\"",
    },
    FieldSpec {
        name: "import_uid",
        kinds: IMPORTED,
        scope: Scope::Source,
        required: false,
        doc: "the imported entry's id in its source (a calendar's UID); written by `wegweiser import`, do not edit",
        doc_de: "Kennung des übernommenen Eintrags in seiner Quelle (UID im Kalender); schreibt `wegweiser import`, nicht ändern",
        example: "\"20261020-sprachtreff@partner.example\"",
    },
    FieldSpec {
        name: "import_hash",
        kinds: IMPORTED,
        scope: Scope::Source,
        required: false,
        doc: "fingerprint of the file as the last import wrote it (a changed file is not overwritten); written by `wegweiser import`, do not edit",
        doc_de: "Fingerabdruck der Datei, wie der letzte Import sie schrieb (eine geänderte Datei wird nicht überschrieben); schreibt `wegweiser import`, nicht ändern",
        example: "\"3f9a1c2b7d4e\"",
    },
];

/// Kinds `wegweiser import` writes.
const IMPORTED: &[Kind] = &[Offer, Event, Contact, Location];

pub fn field(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.name == name)
}

/// The field `name` of `kind` (two kinds may give one name different
/// meanings: a contact's `kind` is person or organisation, a location's
/// the sort of place), else any field of that name.
pub fn field_of(kind: Kind, name: &str) -> Option<&'static FieldSpec> {
    FIELDS
        .iter()
        .find(|f| f.name == name && f.kinds.contains(&kind))
        .or_else(|| field(name))
}

/// Fields a file of `kind` may set (`translation`: a `<slug>.<lang>.md` file).
pub fn allowed(kind: Kind, translation: bool) -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS.iter().filter(move |f| {
        f.kinds.contains(&kind)
            && match f.scope {
                Scope::Source => !translation,
                Scope::Text | Scope::Both => true,
                Scope::Translation => translation,
            }
    })
}

/// The fields of [`allowed`] an editor writes: without the ones `wegweiser
/// import` stamps (`import_*`), which scaffolds and "did you mean" leave out.
pub fn editable(kind: Kind, translation: bool) -> impl Iterator<Item = &'static FieldSpec> {
    allowed(kind, translation).filter(|f| !f.name.starts_with("import_"))
}

/// The translatable text fields (the ones a source-text fingerprint covers).
pub fn text_fields() -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS.iter().filter(|f| f.scope == Scope::Text)
}

/// Help text for a field of `kind`: what it holds and an example.
pub fn hint(kind: Kind, name: &str) -> Option<crate::tool_text::Msg> {
    field_of(kind, name).map(|f| {
        crate::tool_text::Msg::new("field-hint")
            .arg("field", f.name)
            .arg(
                "doc",
                crate::tool_text::Arg::Both {
                    de: f.doc_de.to_string(),
                    en: f.doc.to_string(),
                },
            )
            .arg("example", f.example)
    })
}
