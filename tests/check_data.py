#!/usr/bin/env python3
"""Independent checks of a built Wegweiser site's data files.

Uses parsers that share no code with the Rust crates that wrote the files:
- every .ics parses with the `icalendar` package; a recurring event's DTSTART
  names its time zone (TZID) and the calendar's VTIMEZONE for it gives, for
  every occurrence (expanded with `dateutil`), the UTC offset that Python's
  `zoneinfo` gives for that local time: on both sides of a summer/winter time
  change (at least one recurring event must span one, or the check proves
  nothing); and the dates an event page lists are dates of that expansion;
- every .vcf parses with `vobject`;
- every JSON-LD block is valid JSON with the schema.org properties we promise;
- every Atom feed is well-formed XML with xml:lang and parses with
  `feedparser` as Atom 1.0 without complaint, every entry with id, link and
  updated; the feed of all changes (changes.atom) is newest first with at
  most 100 entries; a term's feed (topics/…/feed.atom) has exactly the
  events of the term's calendar (events.ics beside it);
- dcat.jsonld parses with `rdflib` (an RDF library) and its graph has the
  properties DCAT-AP.de 2.0 and GovData's conventions require of the
  catalogue, each dataset and each distribution.

Usage: check_data.py OUTPUT_DIR   (prints "data: N passed, M failed")
"""

import json
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import vobject
from dateutil.rrule import rrulestr

failures = []


def fail(path, msg):
    failures.append(f"{path}: {msg}")


class Scan(HTMLParser):
    """Collects JSON-LD blocks and <time datetime> values of a page."""

    def __init__(self):
        super().__init__()
        self.in_ld = False
        self.ld = []
        self.times = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self.in_ld = True
            self.ld.append("")
        if tag == "time" and "datetime" in a:
            self.times.append(a["datetime"])

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_ld = False

    def handle_data(self, data):
        if self.in_ld:
            self.ld[-1] += data


def check_ics(path, out):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    uids = set()
    zones = {str(tz.get("TZID")): tz for tz in cal.walk("VTIMEZONE")}
    for ev in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if prop not in ev:
                fail(path, f"VEVENT without {prop}")
        uid = str(ev.get("UID"))
        if uid in uids:
            fail(path, f"duplicate UID {uid}")
        uids.add(uid)
        start = ev.decoded("DTSTART")
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid and tzid not in zones:
            fail(path, f"TZID {tzid} without VTIMEZONE")
        if "DTEND" in ev and ev.decoded("DTEND") <= start:
            fail(path, "DTEND not after DTSTART")
        if "RRULE" in ev:
            check_rrule(path, ev, start, zones, out)


def onsets(vtimezone):
    """Every transition a VTIMEZONE defines, as (UTC instant, offset from,
    offset to), in time order; read from its STANDARD and DAYLIGHT parts
    (DTSTART, RRULE, RDATE) by this script, not by a time-zone library."""
    out = []
    for part in vtimezone.subcomponents:
        if part.name not in ("STANDARD", "DAYLIGHT"):
            continue
        before, after = part.decoded("TZOFFSETFROM"), part.decoded("TZOFFSETTO")
        first = part.decoded("DTSTART").replace(tzinfo=None)  # local, in `before`
        local = [first]
        if "RRULE" in part:
            rule = part["RRULE"].to_ical().decode()
            local = list(rrulestr(rule, dtstart=first, ignoretz=True))
        rdates = part.get("RDATE")
        for r in rdates if isinstance(rdates, list) else ([rdates] if rdates else []):
            local += [d.dt.replace(tzinfo=None) for d in r.dts]
        out += [(t - before, before, after) for t in local]
    return sorted(out, key=lambda o: o[0])


def utc_by_vtimezone(local, transitions):
    """The UTC instant of a local time under a VTIMEZONE's transitions (the
    offset in force is that of the last transition before the instant)."""
    def offset_at(utc):
        current = transitions[0][1]
        for when, _, after in transitions:
            if when <= utc:
                current = after
        return current
    candidates = {transitions[0][1]} | {after for _, _, after in transitions}
    for o in sorted(candidates, reverse=True):
        if offset_at(local - o) == o:
            return local - o
    return None  # a local time that the zone skips


def check_rrule(path, ev, start, zones, out):
    rule = ev["RRULE"].to_ical().decode()
    exdates = set()
    ex = ev.get("EXDATE")
    for e in ex if isinstance(ex, list) else ([ex] if ex else []):
        for d in e.dts:
            exdates.add(d.dt)
    occurrences = [d for d in rrulestr(rule, dtstart=start) if d not in exdates]
    if not occurrences:
        fail(path, "RRULE expands to nothing")
        return
    tzid = ev["DTSTART"].params.get("TZID")
    if not tzid or tzid not in zones:
        fail(path, "a recurring event's DTSTART needs a TZID with a VTIMEZONE")
        return
    transitions = onsets(zones[tzid])
    if not transitions:
        fail(path, f"VTIMEZONE {tzid} defines no transitions")
        return
    zone = ZoneInfo(tzid)
    offsets = set()
    for d in occurrences:
        local = d.replace(tzinfo=None)
        expected = local.replace(tzinfo=zone)
        offsets.add(expected.utcoffset())
        got = utc_by_vtimezone(local, transitions)
        want = expected.astimezone(timezone.utc).replace(tzinfo=None)
        if got != want:
            fail(path, f"{local:%Y-%m-%d %H:%M} {tzid} is {want:%Y-%m-%d %H:%M} UTC "
                       f"(zoneinfo), the VTIMEZONE says {got}")
    check_rrule.summary.append((str(path.relative_to(out)), len(occurrences), len(offsets)))
    if path.parent.name != "events":
        return  # a language's events.ics: no single page to compare with
    # The page of the event (same language) lists upcoming dates: each must be
    # a date of the independent expansion.
    page = out / path.relative_to(out).parent / path.stem / "index.html"
    scan = Scan()
    scan.feed(page.read_text(encoding="utf-8"))
    expanded = {d.strftime("%Y-%m-%dT%H:%M") for d in occurrences}
    listed = [t for t in scan.times if "T" in t]
    if not listed:
        fail(page, "lists no dates of a recurring event")
    for t in listed:
        if t not in expanded:
            fail(page, f"lists {t}, which the RRULE does not produce")


check_rrule.summary = []


def check_vcf(path):
    text = path.read_text(encoding="utf-8")
    cards = list(vobject.readComponents(text))
    if len(cards) != 1:
        fail(path, f"{len(cards)} cards")
        return
    c = cards[0]
    if c.version.value != "3.0":
        fail(path, "not vCard 3.0")
    if not c.fn.value.strip():
        fail(path, "empty FN")
    for tel in getattr(c, "tel_list", []):
        if not tel.value.startswith("+"):
            fail(path, f"phone {tel.value} not international")


REQUIRED = {
    "Event": ["name", "startDate", "endDate", "location", "eventAttendanceMode", "url"],
    "Person": ["name", "url", "contactPoint"],
    "Organization": ["name", "url", "contactPoint"],
    "Service": ["name", "url"],
    # Locations, by their kind (docs/content.md): search engines need a
    # place's name and address.
    "Place": ["name", "url"],
    "GovernmentOffice": ["name", "url", "address"],
    "School": ["name", "url", "address"],
}

DAYS = {f"https://schema.org/{d}" for d in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}


def hours_in(node, owner=None):
    """Every list of opening hours in a JSON-LD value, with the type that
    holds it: a place's openingHoursSpecification, a service's or contact
    point's hoursAvailable (nested places included)."""
    if isinstance(node, list):
        for x in node:
            yield from hours_in(x, owner)
    elif isinstance(node, dict):
        owner = node.get("@type", owner)
        for key, value in node.items():
            if key in ("openingHoursSpecification", "hoursAvailable"):
                yield owner, value
            else:
                yield from hours_in(value, owner)


def check_hours(path, t, specs):
    """openingHoursSpecification: a regular entry has days and hh:mm times
    (closing after opening, or 00:00 for midnight); a special day (holiday or
    closure) has ISO dates in order and opens = closes = 00:00 (closed)."""
    for s in specs:
        if s.get("@type") != "OpeningHoursSpecification":
            fail(path, f"{t}: hours entry of type {s.get('@type')}")
        for key in ("opens", "closes"):
            datetime.strptime(s[key], "%H:%M")  # raises if not hh:mm
        if "validFrom" in s:
            if date.fromisoformat(s["validFrom"]) > date.fromisoformat(s["validThrough"]):
                fail(path, f"{t}: special day {s['validFrom']} after {s['validThrough']}")
            if "dayOfWeek" in s or s["opens"] != s["closes"]:
                fail(path, f"{t}: special day {s['validFrom']} is not a closure")
        else:
            if not s.get("dayOfWeek") or not set(s["dayOfWeek"]) <= DAYS:
                fail(path, f"{t}: hours without schema.org days: {s.get('dayOfWeek')}")
            if s["closes"] != "00:00" and s["closes"] <= s["opens"]:
                fail(path, f"{t}: closes {s['closes']} before it opens {s['opens']}")


def check_jsonld(path):
    scan = Scan()
    scan.feed(path.read_text(encoding="utf-8"))
    for block in scan.ld:
        if "</" in block:
            fail(path, "JSON-LD contains '</'")
        data = json.loads(block)
        t = data.get("@type")
        for prop in REQUIRED.get(t, []):
            if prop not in data:
                fail(path, f"{t} without {prop}")
        for owner, specs in hours_in(data):
            check_hours(path, owner, specs)
        if t == "Event":
            for key in ("startDate", "endDate"):
                v = data[key]
                if "T" in v:
                    datetime.fromisoformat(v)  # raises if not ISO 8601
                    if not (v.endswith("Z") or v[-6] in "+-"):
                        fail(path, f"{key} {v} has no offset")
                else:
                    date.fromisoformat(v)
    return len(scan.ld)


CHANGES_LIMIT = 100
TAXONOMIES = ("topics", "audiences", "places")


def check_feed(path):
    root = ET.parse(path).getroot()
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        fail(path, "not an Atom feed")
    if "{http://www.w3.org/XML/1998/namespace}lang" not in root.attrib:
        fail(path, "feed without xml:lang")
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        fail(path, f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        fail(path, f"feedparser reads {parsed.version!r}, not Atom 1.0")
    for e in parsed.entries:
        for key in ("id", "link", "updated_parsed"):
            if not e.get(key):
                fail(path, f"entry {e.get('id')} without {key}")
    stamps = [e.updated_parsed for e in parsed.entries if e.get("updated_parsed")]
    if path.name == "changes.atom":
        if len(parsed.entries) > CHANGES_LIMIT:
            fail(path, f"{len(parsed.entries)} entries, more than {CHANGES_LIMIT}")
        if stamps != sorted(stamps, reverse=True):
            fail(path, "entries not newest first")
    elif path.name == "feed.atom" and path.parent.parent.name in TAXONOMIES:
        check_term_feed(path, parsed)


def check_term_feed(path, parsed):
    """A term's Atom feed and its calendar list the same events."""
    ics = path.with_name("events.ics")
    if not ics.is_file():
        fail(path, "no events.ics beside a term's feed")
        return
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    in_calendar = {str(ev.get("URL")) for ev in cal.walk("VEVENT")}
    in_feed = {e.link for e in parsed.entries}
    if in_feed != in_calendar:
        fail(path, f"feed has {sorted(in_feed)}, its calendar {sorted(in_calendar)}")
    for link in in_feed:
        if "/events/" not in link:
            fail(path, f"{link} is not an event")
    check_term_feed.count += 1


check_term_feed.count = 0


DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
DCATDE = "http://dcat-ap.de/def/dcatde/"
MANDATORY = {
    DCAT + "Catalog": [DCT + "title", DCT + "description", DCT + "publisher", DCAT + "dataset"],
    DCAT + "Dataset": [DCT + "title", DCT + "description", DCT + "publisher",
                       DCATDE + "contributorID", DCAT + "contactPoint", DCT + "identifier",
                       DCT + "modified"],
    DCAT + "Distribution": [DCAT + "accessURL", DCT + "license"],
}


def check_dcat(path):
    """The catalogue as RDF: every mandatory property of every node, the
    licence and contributor from the DCAT-AP.de vocabularies, the publisher's
    name, the contact's e-mail. Returns how many nodes were checked."""
    import rdflib
    from rdflib.namespace import RDF

    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    checked = 0
    for cls, props in MANDATORY.items():
        nodes = list(g.subjects(RDF.type, rdflib.URIRef(cls)))
        if not nodes:
            fail(path, f"no {cls}")
        for n in nodes:
            checked += 1
            for p in props:
                if g.value(n, rdflib.URIRef(p)) is None:
                    fail(path, f"{n} lacks {p}")
    for o in g.objects(None, rdflib.URIRef(DCT + "license")):
        if not str(o).startswith("http://dcat-ap.de/def/licenses/"):
            fail(path, f"licence {o} is not from the DCAT-AP.de list")
    for o in g.objects(None, rdflib.URIRef(DCATDE + "contributorID")):
        if not isinstance(o, rdflib.URIRef) or not str(o).startswith(
                "http://dcat-ap.de/def/contributors/"):
            fail(path, f"contributorID {o} is not from the DCAT-AP.de list")
    for pub in g.objects(None, rdflib.URIRef(DCT + "publisher")):
        if g.value(pub, rdflib.URIRef(FOAF + "name")) is None:
            fail(path, f"publisher {pub} has no foaf:name")
    for c in g.objects(None, rdflib.URIRef(DCAT + "contactPoint")):
        if g.value(c, rdflib.URIRef(VCARD + "hasEmail")) is None:
            fail(path, f"contact point {c} has no vcard:hasEmail")
    for o in g.objects(None, rdflib.URIRef(DCT + "format")):
        if not str(o).startswith("http://publications.europa.eu/resource/authority/file-type/"):
            fail(path, f"format {o} is not an EU file type")
    return checked


def main():
    out = Path(sys.argv[1])
    counts = {"ics": 0, "vcf": 0, "jsonld": 0, "atom": 0, "dcat": 0}
    for p in sorted(out.rglob("*")):
        try:
            if p.suffix == ".ics":
                check_ics(p, out)
                counts["ics"] += 1
            elif p.suffix == ".vcf":
                check_vcf(p)
                counts["vcf"] += 1
            elif p.suffix == ".html":
                counts["jsonld"] += check_jsonld(p)
            elif p.suffix == ".atom":
                check_feed(p)
                counts["atom"] += 1
            elif p.name == "dcat.jsonld":
                counts["dcat"] += check_dcat(p)
        except Exception as e:  # a parser rejecting a file is a failure, not a crash
            fail(p, f"{type(e).__name__}: {e}")
    for f in failures:
        print(f)
    for name, n, offsets in check_rrule.summary:
        if name.startswith("de/"):
            print(f"recurring {name}: {n} occurrences, {offsets} UTC offset(s), "
                  f"each as zoneinfo has it")
    if not any(offsets > 1 for _, _, offsets in check_rrule.summary):
        fail(out, "no recurring event spans a summer/winter time change: "
                  "the VTIMEZONE check proved nothing")
    if counts["dcat"] == 0:
        fail(out, "no DCAT-AP.de catalogue (dcat.jsonld) checked: does site.toml have [open_data]?")
    print(", ".join(f"{n} {k}" for k, n in counts.items()) + " checked"
          f" ({check_term_feed.count} term feeds against their calendars)")
    if check_term_feed.count == 0:
        fail(out, "no feed of a topic, audience or place was found")
    total = sum(counts.values())
    print(f"data: {total - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures or total == 0 else 0)


if __name__ == "__main__":
    main()
