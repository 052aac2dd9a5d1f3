#!/usr/bin/env python3
"""Reads the calendars of a site built from hostile text with an independent
parser (the `icalendar` package) and compares them with what they must say.

Driven by tests/hostile_outputs.rs, which builds the site and writes the
expectations: {"<file>.ics": {"name" or "name_prefix": ..., "events":
[{"summary", "location", "description"}, ...]}}. Each file must hold exactly
ONE VCALENDAR whose VEVENTs are exactly the expected ones, in order, with
their text unescaped back to the original (control characters removed).

Usage: check_hostile_ical.py OUTPUT_DIR EXPECTATIONS_JSON
"""

import json
import sys
from pathlib import Path

import icalendar

failures = []


def fail(path, msg):
    failures.append(f"{path}: {msg}")


def text(component, prop):
    """The unescaped text of a property, or None."""
    v = component.get(prop)
    if isinstance(v, icalendar.prop.vUnknown):
        # The package keeps a property it does not know (X-WR-CALNAME) raw,
        # still escaped; RFC 5545 §3.8.8.2 makes TEXT the default value type
        # of X- properties, so the package reads the raw value again as TEXT.
        raw = v.to_ical().decode()
        again = icalendar.Calendar.from_ical(
            f"BEGIN:VCALENDAR\r\nX-V;VALUE=TEXT:{raw}\r\nEND:VCALENDAR\r\n"
        )
        return str(again["X-V"])
    return None if v is None else str(v)


def check_name(path, cal, want):
    for prop in ("NAME", "X-WR-CALNAME"):
        got = text(cal, prop)
        if got is None:
            fail(path, f"no {prop}")
        elif "name" in want and got != want["name"]:
            fail(path, f"{prop} is {got!r}, expected {want['name']!r}")
        elif "name_prefix" in want and not got.startswith(want["name_prefix"]):
            fail(path, f"{prop} is {got!r}, expected to start with {want['name_prefix']!r}")


def check_event(path, i, ev, want):
    for prop in ("summary", "location", "description"):
        got = text(ev, prop.upper())
        if got != want[prop]:
            fail(path, f"VEVENT {i + 1} {prop.upper()} is {got!r}, expected {want[prop]!r}")


def check_file(path, want):
    raw = path.read_bytes()
    # multiple=True: a second calendar smuggled into the file shows up here.
    cals = icalendar.Calendar.from_ical(raw, multiple=True)
    if len(cals) != 1:
        fail(path, f"{len(cals)} VCALENDARs, expected 1")
        return
    cal = cals[0]
    check_name(path, cal, want)
    events = list(cal.walk("VEVENT"))
    if len(events) != len(want["events"]):
        summaries = [text(e, "SUMMARY") for e in events]
        fail(path, f"{len(events)} VEVENTs, expected {len(want['events'])}: {summaries!r}")
        return
    for i, (ev, w) in enumerate(zip(events, want["events"])):
        check_event(path, i, ev, w)
    for comp in cal.walk():
        for key in comp.keys():
            if key.startswith("X-EVIL") or key == "X-INJECTED":
                fail(path, f"injected property {key}")


def main():
    out = Path(sys.argv[1])
    expected = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    for rel, want in sorted(expected.items()):
        path = out / rel
        try:
            check_file(path, want)
        except Exception as e:  # a parser rejecting a file is a failure, not a crash
            fail(path, f"{type(e).__name__}: {e}")
    for f in failures:
        print(f)
    print(f"hostile calendars: {len(expected)} files, {len(failures)} failures "
          f"(icalendar {icalendar.__version__})")
    sys.exit(1 if failures or not expected else 0)


if __name__ == "__main__":
    main()
