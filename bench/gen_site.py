#!/usr/bin/env python3
"""Writes a synthetic Wegweiser site of N offers (N/5 events, N/20 contacts,
each in de, en, ar, uk) for benchmarks, from the shared corpus generator
(../shared/bench/gen_corpus.py, "neutral" form) so that the content is the
same as the Hugo/Zola sites it writes for comparison.

Usage: gen_site.py --n 10000 --out /tmp/site-10000 [--corpus PATH/gen_corpus.py]
The theme and interface text are copied from this repository.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
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
        content = out / "content"
        for it in items:
            d = content / it["section"]
            d.mkdir(parents=True, exist_ok=True)
            for l, tr in it["translations"].items():
                fm = [f"title = {q(tr['title'])}", f"summary = {q(tr['summary'])}"]
                if l == default:
                    if it["section"] == "contacts":
                        fm += ['kind = "organization"', 'email = "kontakt@example.org"', 'phone = "+49 6132 0000-100"']
                    else:
                        fm.append("topics = [" + ", ".join(q(t) for t in it["topics"]) + "]")
                        if it.get("municipality"):
                            fm.append(f'places = [{q(slug(it["municipality"]))}]')
                        if contacts:
                            fm.append(f'contacts = [{q(contacts[hash(it["slug"]) % len(contacts)])}]')
                    if it["section"] == "events":
                        fm += [f"start = {it['date']}T10:00", f"end = {it['date']}T12:00"]
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
