//! QR codes for printed pages: the `qrcode` crate encodes, and the modules
//! are written as one SVG path of horizontal runs (a few KB, crisp at any
//! print size, no image file to fetch).
//!
//! The mask is fixed instead of chosen by the standard's penalty score:
//! any of the eight masks decodes (the format information names it), and
//! scoring all eight was a fifth of a whole build's CPU time (every item page
//! in every language carries a code). `the_printed_code_decodes_to_the_address`
//! proves the result with an independent decoder.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, Version, bits, ec};

/// The modules of a QR code (error correction M, mask 000) for `data`, row by row.
fn modules(data: &[u8]) -> Option<(usize, Vec<Color>)> {
    let bits = bits::encode_auto(data, EcLevel::M).ok()?;
    let version = bits.version();
    if !matches!(version, Version::Normal(_)) {
        return None;
    }
    let (data, ec) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((version.width() as usize, canvas.into_colors()))
}

/// An SVG QR code of `url` with a quiet zone, or `None` if it is too long to encode.
pub fn svg(url: &str, label: &str) -> Option<String> {
    let (w, colors) = modules(url.as_bytes())?;
    let quiet = 4;
    let size = w + 2 * quiet;
    // Each run of dark modules is one horizontal stroke, one module thick;
    // runs after the first in a row move relative to the previous one.
    let mut d = String::with_capacity(w * w / 2);
    for y in 0..w {
        let row = &colors[y * w..(y + 1) * w];
        let mut x = 0;
        let mut pen: Option<usize> = None; // where the last run of this row ended
        while x < w {
            if row[x] == Color::Dark {
                let start = x;
                while x < w && row[x] == Color::Dark {
                    x += 1;
                }
                match pen {
                    None => {
                        d.push('M');
                        push_number(&mut d, start + quiet);
                        d.push(' ');
                        push_number(&mut d, y + quiet);
                        d.push_str(".5h");
                    }
                    Some(end) => {
                        d.push('m');
                        push_number(&mut d, start - end);
                        d.push_str(" 0h");
                    }
                }
                push_number(&mut d, x - start);
                pen = Some(x);
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" class=\"qr\"><path fill=\"#fff\" d=\"M0 0h{size}v{size}H0z\"/><path stroke=\"#000\" d=\"{d}\"/></svg>",
        escape_attr(label)
    ))
}

/// Appends `n` in decimal. (`write!` took more than half of the time of a
/// whole code: a page's path has some 400 numbers.)
fn push_number(s: &mut String, mut n: usize) {
    // Most are coordinates and run lengths below 100.
    if n < 10 {
        s.push(char::from(b'0' + n as u8));
        return;
    }
    if n < 100 {
        s.push(char::from(b'0' + (n / 10) as u8));
        s.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&b| char::from(b)));
}

pub(crate) fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut s = String::new();
        for n in [0, 7, 9, 10, 42, 99, 100, 405, usize::MAX] {
            push_number(&mut s, n);
            s.push(',');
        }
        assert_eq!(s, format!("0,7,9,10,42,99,100,405,{},", usize::MAX));
    }

    #[test]
    fn encodes_a_page_address() {
        let s = svg(
            "https://integration.example.org/ar/offers/sprachcafe/",
            "QR \"x\"",
        )
        .unwrap();
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.contains("aria-label=\"QR &quot;x&quot;\""));
        assert!(s.len() < 5000, "{}", s.len());
        // The finder pattern's top row: 7 dark modules at the top left.
        assert!(s.contains("M4 4.5h7m"), "{s}");
        assert!(s.len() < 3500, "{}", s.len());
    }

    /// Reads the SVG path back into modules and decodes them with another
    /// crate (rqrr): what is printed is the address.
    #[test]
    fn the_printed_code_decodes_to_the_address() {
        // Short and long addresses: several QR versions, each with the fixed mask.
        for url in [
            "https://a.de/",
            "https://integration.example.org/uk/events/offener-sprachtreff-ingelheim/",
            "https://integration.landkreis-mainz-bingen.de/fa/offers/beratung-fuer-frauen-mit-fluchterfahrung-und-kindern-in-bingen-am-rhein-und-umgebung/",
        ] {
            decodes(url);
        }
    }

    fn decodes(url: &str) {
        let s = svg(url, "QR").unwrap();
        let size: usize = s
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let d = s
            .split("<path stroke=\"#000\" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; size * size];
        let (mut x, mut y) = (0usize, 0usize);
        let mut cmd = ' ';
        let mut num = String::new();
        let mut args: Vec<f64> = Vec::new();
        let mut apply = |cmd: char, args: &[f64], x: &mut usize, y: &mut usize| match cmd {
            'M' => {
                *x = args[0] as usize;
                *y = args[1] as usize;
            }
            'm' => *x += args[0] as usize,
            'h' => {
                for i in 0..args[0] as usize {
                    dark[*y * size + *x + i] = true;
                }
                *x += args[0] as usize;
            }
            _ => {}
        };
        for c in d.chars().chain(std::iter::once('E')) {
            if c.is_ascii_alphabetic() {
                if !num.is_empty() {
                    args.push(num.parse().unwrap());
                    num.clear();
                }
                if cmd != ' ' {
                    apply(cmd, &args, &mut x, &mut y);
                }
                cmd = c;
                args.clear();
            } else if c == ' ' {
                if !num.is_empty() {
                    args.push(num.parse().unwrap());
                    num.clear();
                }
            } else {
                num.push(c);
            }
        }
        let scale = 4;
        let mut img =
            rqrr::PreparedImage::prepare_from_greyscale(size * scale, size * scale, |px, py| {
                if dark[(py / scale) * size + px / scale] {
                    0
                } else {
                    255
                }
            });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
    }
}
