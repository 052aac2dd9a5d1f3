#!/usr/bin/env python3
"""Writes a synthetic Wegweiser site of N offers (N/5 events, N/20 contacts,
each in de, en, ar, uk) for benchmarks, from the shared corpus generator
(../shared/bench/gen_corpus.py, "neutral" form) so that the content is the
same as the Hugo/Zola sites it writes for comparison.

Usage: gen_site.py --n 10000 --out /tmp/site-10000 [--corpus PATH/gen_corpus.py]
The theme and interface text are copied from this repository. The output
depends only on --n (the corpus is seeded; choices here use a stable hash):
some events have several sessions, some repeat weekly or monthly; a third of
the contacts are people working for an organisation; offers have a schedule,
cost, provider, address and audience.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def slug(s):
    s = s.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def q(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


LINK = re.compile(r"\]\(/(offers|events|contacts)/([a-z0-9-]+)/\)")


def body(text):
    text = text.replace("<!--more-->", "")
    return LINK.sub(lambda m: f"]({m.group(1)}/{m.group(2)}.md)", text)


def stable(s):
    """A hash that is the same in every process (Python's hash() of a str is salted)."""
    return zlib.crc32(s.encode("utf-8"))


AUDIENCES = ["frauen", "jugendliche", "familien", "gefluechtete", "ehrenamtliche", "fachkraefte"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SCHEDULE = {"de": "Dienstags 15–17 Uhr", "en": "Tuesdays 3–5 pm", "ar": "أيام الثلاثاء 3–5 مساءً",
            "uk": "Щовівторка 15–17"}
COST = {"de": "kostenlos", "en": "free of charge", "ar": "مجاناً", "uk": "безкоштовно"}
ROLE = {"de": "Beratung", "en": "Counselling", "ar": "استشارة", "uk": "Консультації"}


def event_time(slug, day):
    """start/end, several sessions, or a weekly or monthly series; chosen by a stable hash."""
    h = stable(slug)
    d = date.fromisoformat(day)
    if h % 7 == 0:  # three days with different hours
        ss = [f"{{ start = {d + timedelta(days=k)}T{9 + k:02d}:00, end = {d + timedelta(days=k)}T{13 + k:02d}:00 }}"
              for k in range(3)]
        return ["sessions = [" + ", ".join(ss) + "]"]
    fm = [f"start = {day}T10:00", f"end = {day}T12:00"]
    if h % 5 == 0:  # weekly until three months later
        fm += ['repeat = "weekly"', f'repeat_on = ["{WEEKDAYS[d.weekday()]}"]',
               f"repeat_until = {d + timedelta(days=90)}"]
    elif h % 11 == 0:
        fm += ['repeat = "monthly"', f"repeat_until = {d + timedelta(days=365)}"]
    return fm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "bench" / "gen_corpus.py"))
    a = ap.parse_args()
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory() as tmp:
        neutral = Path(tmp) / "neutral"
        subprocess.run([sys.executable, a.corpus, "--n", str(a.n), "--engine", "neutral", "--out", str(neutral)],
                       check=True, stdout=subprocess.DEVNULL)
        site = json.loads((neutral / "site.json").read_text())
        langs = [l["code"] for l in site["languages"]]
        default = site["default_language"]
        topics = site["taxonomies"]["topics"]
        places = {}
        items = []
        for f in sorted((neutral / "items").rglob("*.json")):
            it = json.loads(f.read_text())
            items.append(it)
            if it.get("municipality"):
                places[slug(it["municipality"])] = it["municipality"]
        cfg = [f'base_url = "{site["base_url"]}"', f'default_language = "{default}"',
               'time_zone = "Europe/Berlin"', 'theme = "default"', "",
               "[legal]", 'imprint = "impressum"', 'privacy = "datenschutz"',
               'accessibility = "barrierefreiheit"', 'feedback = "feedback@example.org"', ""]
        for l in site["languages"]:
            cfg += ["[[languages]]", f'key = "{l["code"]}"', f'tag = "{l["code"]}"', f'name = {q(l["name"])}', ""]
        cfg += ["[taxonomies]", "topics = [" + ", ".join(q(t) for t in sorted(topics)) + "]",
                "audiences = [" + ", ".join(q(a) for a in AUDIENCES) + "]",
                "places = [" + ", ".join(q(p) for p in sorted(places)) + "]"]
        out.mkdir(parents=True)
        (out / "site.toml").write_text("\n".join(cfg) + "\n")
        shutil.copytree(REPO / "themes", out / "themes")
        shutil.copytree(REPO / "locales", out / "locales")
        for extra in ("ls", "fa", "tr", "ru"):
            shutil.rmtree(out / "locales" / extra, ignore_errors=True)
        for l in langs:
            existing = set(re.findall(r"^([a-z][a-z0-9-]*) =", (out / "locales" / l / "main.ftl").read_text(), re.M))
            lines = [f"topics-{k} = {v[l]}" for k, v in sorted(topics.items()) if f"topics-{k}" not in existing]
            lines += [f"places-{k} = {v}" for k, v in sorted(places.items()) if f"places-{k}" not in existing]
            (out / "locales" / l / "bench.ftl").write_text("\n".join(lines) + "\n")
        contacts = sorted(it["slug"] for it in items if it["section"] == "contacts")
        # Every third contact is a person working for the organisation before it.
        orgs = [c for k, c in enumerate(contacts) if k % 3 != 2]
        person_org = {c: contacts[k - 1] for k, c in enumerate(contacts) if k % 3 == 2}
        content = out / "content"
        for it in items:
            d = content / it["section"]
            d.mkdir(parents=True, exist_ok=True)
            for l, tr in it["translations"].items():
                fm = [f"title = {q(tr['title'])}", f"summary = {q(tr['summary'])}"]
                h = stable(it["slug"])
                sec = it["section"]
                if sec == "offers":
                    fm += [f"schedule = {q(SCHEDULE[l])}", f"cost = {q(COST[l])}"]
                elif sec == "contacts" and it["slug"] in person_org:
                    fm.append(f"role = {q(ROLE[l])}")
                if l == default:
                    if sec == "contacts":
                        if it["slug"] in person_org:
                            fm += ['kind = "person"', f'organization = {q(person_org[it["slug"]])}']
                        else:
                            fm.append('kind = "organization"')
                        fm += ['email = "kontakt@example.org"', 'phone = "+49 6132 0000-100"',
                               'languages = ["de", "en", "ar"]']
                    else:
                        fm.append("topics = [" + ", ".join(q(t) for t in it["topics"]) + "]")
                        fm.append(f"audiences = [{q(AUDIENCES[h % len(AUDIENCES)])}]")
                        if it.get("municipality"):
                            fm.append(f'places = [{q(slug(it["municipality"]))}]')
                        if contacts:
                            fm.append(f'contacts = [{q(contacts[h % len(contacts)])}]')
                        if orgs:
                            key = "provider" if sec == "offers" else "organizer"
                            fm.append(f"{key} = {q(orgs[(h >> 8) % len(orgs)])}")
                        fm.append('address = "Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein"')
                        fm.append("geo = [49.97, 8.06]")
                    if sec == "events":
                        fm += event_time(it["slug"], it["date"])
                    fm.append(f"updated = {it['date']}")
                name = f"{it['slug']}.md" if l == default else f"{it['slug']}.{l}.md"
                (d / name).write_text("+++\n" + "\n".join(fm) + "\n+++\n" + body(tr["body"]) + "\n")
        (content / "_index.md").write_text('+++\ntitle = "Willkommen"\n+++\nSynthetischer Wegweiser.\n')
        for p in ("impressum", "datenschutz", "barrierefreiheit"):
            (content / "pages").mkdir(exist_ok=True)
            (content / "pages" / f"{p}.md").write_text(f'+++\ntitle = "{p}"\n+++\nText.\n')
        print(f"wrote {len(items)} items x {len(langs)} languages to {out}")


if __name__ == "__main__":
    main()
