#!/usr/bin/env python3
"""Draws the example site's photos (shapes and gradients, no people), so they
can be made again: `python3 scripts/example-photos.py` (needs Pillow, from
tests/requirements.txt). The first photo carries GPS position, camera serial
and author in its EXIF data, the second an EXIF orientation: the build must
drop the first and apply the second (tests/images.rs).

`example-photos.py --bench DIR N` writes N photos into DIR (benchmark)."""

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw


def gradient(w, h, top, bottom):
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(1, h - 1)
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return img


def cafe(w=1600, h=1067, seed=1):
    rnd = random.Random(seed)
    img = gradient(w, h, (250, 236, 210), (180, 120, 80))
    d = ImageDraw.Draw(img)
    d.rectangle([0, int(h * 0.62), w, h], fill=(120, 78, 50))  # table
    for i in range(6):
        x = int(w * (0.1 + 0.15 * i)) + rnd.randint(-20, 20)
        y = int(h * 0.6)
        d.ellipse([x, y - 40, x + 150, y + 30], fill=(255, 255, 255), outline=(90, 60, 40), width=6)
        d.rectangle([x + 20, y - 140, x + 130, y - 10], fill=(240, 240, 235))
        d.arc([x + 120, y - 120, x + 190, y - 50], 270, 90, fill=(240, 240, 235), width=14)
    return img


def building(w=1400, h=933):
    img = gradient(w, h, (150, 200, 245), (230, 240, 250))
    d = ImageDraw.Draw(img)
    d.rectangle([int(w * .2), int(h * .3), int(w * .8), h], fill=(200, 170, 140))
    for r in range(3):
        for c in range(6):
            x, y = int(w * .24) + c * int(w * .09), int(h * .38) + r * int(h * .18)
            d.rectangle([x, y, x + int(w * .05), y + int(h * .1)], fill=(60, 90, 120))
    d.rectangle([int(w * .46), int(h * .8), int(w * .54), h], fill=(90, 60, 40))
    return img


def fest(w=1200, h=800):
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    colours = [(230, 57, 70, 255), (241, 250, 238, 255), (69, 123, 157, 255), (29, 53, 87, 255)]
    for i in range(24):
        a = i / 24 * math.tau
        x, y = w / 2 + math.cos(a) * w * .35, h / 2 + math.sin(a) * h * .35
        d.polygon([(w / 2, h / 2), (x, y), (x + 40, y + 40)], fill=colours[i % 4])
    return img


def gps_exif(img):
    exif = img.getexif()
    exif[0x010F] = "Wegweiser Testkamera"  # Make
    exif[0x013B] = "Anna Beispiel"  # Artist
    exif[0xA431] = "SN-1234567890"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (49.0, 58.0, 30.0)
    gps[3], gps[4] = "E", (8.0, 3.0, 15.0)
    return exif


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--bench":
        out, n = Path(sys.argv[2]), int(sys.argv[3])
        out.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            cafe(1600, 1067, seed=i).save(out / f"foto-{i:02}.jpg", quality=82, exif=gps_exif(Image.new("RGB", (1, 1))))
        return
    root = Path(__file__).resolve().parent.parent
    (root / "content/offers/images").mkdir(parents=True, exist_ok=True)
    (root / "content/locations/images").mkdir(parents=True, exist_ok=True)
    (root / "static/images").mkdir(parents=True, exist_ok=True)
    img = cafe()
    img.save(root / "content/offers/images/sprachcafe.jpg", quality=80, exif=gps_exif(img))
    # Stored turned a quarter (portrait pixels) with orientation 6: shown landscape.
    b = building().transpose(Image.Transpose.ROTATE_90)
    exif = b.getexif()
    exif[0x0112] = 6
    b.save(root / "content/locations/images/zukunftswerk.jpg", quality=80, exif=exif)
    fest().save(root / "static/images/begegnungsfest.png", optimize=True)
    cafe(900, 600, seed=7).save(root / "content/offers/images/tassen.jpg", quality=80)


if __name__ == "__main__":
    main()
