//! A small PDF writer for the tests: a report's text typeset on A4 pages (三号 characters,
//! first lines indented two characters, lines wrapped at the right margin, an empty line left as
//! a line's height of space) and shown with a Type0 font on SimSun, in one of the ways Chinese
//! PDFs carry text: a predefined Adobe-GB1 CMap without ToUnicode (the code bytes are GBK,
//! UCS-2 or UTF-16), or Identity-H with an embedded subset and a ToUnicode CMap. Pages may have
//! two columns, and a running header and a page-number footer; a drawn rule is on every page.

use std::collections::BTreeMap;
use std::io::Write;

/// Font size, in points (三号).
pub const EM: f32 = 16.0;
const PAGE_W: f32 = 595.3;
const PAGE_H: f32 = 841.9;
const LEFT: f32 = 79.4;
const RIGHT: f32 = 515.9;
const TOP: f32 = 104.9;
const PITCH: f32 = 28.4;
const LINES_PER_PAGE: usize = 22;
const GUTTER: f32 = 2.0 * EM;
/// The running header of [`PdfLayout::running`].
pub const RUNNING_HEADER: &str = "某某市人民政府办公室";

/// How the font maps the shown bytes to characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfFont {
    /// `/Encoding /GBK-EUC-H`, no ToUnicode: GBK bytes.
    GbkEucH,
    /// `/Encoding /UniGB-UCS2-H`, no ToUnicode: UCS-2 big-endian code units.
    UniGbUcs2H,
    /// `/Encoding /UniGB-UTF16-H`, no ToUnicode: UTF-16 big-endian code units.
    UniGbUtf16H,
    /// `/Encoding /Identity-H` on an embedded TrueType subset, with a ToUnicode CMap.
    IdentityToUnicode,
}

/// How the pages are laid out and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfLayout {
    pub font: PdfFont,
    /// Two columns a page instead of one.
    pub two_columns: bool,
    /// A running header and a `- N -` footer on every page.
    pub running: bool,
    /// Content streams compressed with FlateDecode.
    pub compress: bool,
}

impl PdfLayout {
    pub fn of(font: PdfFont) -> Self {
        Self {
            font,
            two_columns: false,
            running: false,
            compress: false,
        }
    }
}

fn width(ch: char) -> f32 {
    if ch.is_ascii() {
        EM / 2.0
    } else {
        EM
    }
}

/// A placed line: page, baseline (from the top), first x, characters.
struct Placed {
    page: usize,
    y: f32,
    x: f32,
    text: Vec<char>,
}

fn typeset(text: &str, columns: usize) -> Vec<Placed> {
    let column_width = (RIGHT - LEFT - GUTTER * (columns as f32 - 1.0)) / columns as f32;
    let per_page = LINES_PER_PAGE * columns;
    let place = |slot: usize| {
        let page = slot / per_page;
        let column = slot % per_page / LINES_PER_PAGE;
        let row = slot % LINES_PER_PAGE;
        let left = LEFT + column as f32 * (column_width + GUTTER);
        (page, left, TOP + row as f32 * PITCH)
    };
    let mut out = Vec::new();
    let mut slot = 0usize;
    for paragraph in text.lines() {
        if paragraph.trim().is_empty() {
            slot += if slot % LINES_PER_PAGE == LINES_PER_PAGE - 1 {
                2
            } else {
                1
            };
            continue;
        }
        let mut x = 2.0 * EM;
        let mut line = Vec::new();
        let mut start = x;
        for ch in paragraph.chars() {
            if x + width(ch) > column_width + 0.01 && !line.is_empty() {
                let (page, left, y) = place(slot);
                out.push(Placed {
                    page,
                    y,
                    x: left + start,
                    text: std::mem::take(&mut line),
                });
                slot += 1;
                x = 0.0;
                start = 0.0;
            }
            line.push(ch);
            x += width(ch);
        }
        let (page, left, y) = place(slot);
        out.push(Placed {
            page,
            y,
            x: left + start,
            text: line,
        });
        slot += 1;
    }
    out
}

/// A PDF file of `objects` (object `i + 1` is `objects[i]`, each the bytes between `obj` and
/// `endobj`), object 1 the catalog, with a cross-reference table and trailer; `trailer_extra`
/// is added to the trailer dictionary.
pub fn pdf_file(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object's bytes: `dict` entries, then the data (compressed when asked).
pub fn stream(dict: &str, data: &[u8], compress: bool) -> Vec<u8> {
    let (data, filter) = if compress {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).expect("deflate");
        (e.finish().expect("deflate"), "/Filter /FlateDecode ")
    } else {
        (data.to_vec(), "")
    };
    let mut out = format!("<< {dict} {filter}/Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::from("<");
    for b in bytes {
        s.push_str(&format!("{b:02X}"));
    }
    s.push('>');
    s
}

/// The Type0 font objects for `font` (the font first; later objects numbered from `first`),
/// and how a string is encoded with it.
fn font_objects(
    font: PdfFont,
    chars: &[char],
    first: usize,
) -> (Vec<Vec<u8>>, BTreeMap<char, u16>) {
    let ascii_widths = format!("/W [1 [{}]]", vec!["500"; 95].join(" "));
    let system = "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>";
    let descriptor = |file: &str| {
        format!(
            "<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 \
             /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 {file} >>"
        )
        .into_bytes()
    };
    let encoding = match font {
        PdfFont::GbkEucH => "GBK-EUC-H",
        PdfFont::UniGbUcs2H => "UniGB-UCS2-H",
        PdfFont::UniGbUtf16H => "UniGB-UTF16-H",
        PdfFont::IdentityToUnicode => "Identity-H",
    };
    if font != PdfFont::IdentityToUnicode {
        let objects = vec![
            format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} /DescendantFonts [{} 0 R] >>",
                first + 1
            )
            .into_bytes(),
            format!(
                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun {system} /FontDescriptor {} 0 R /DW 1000 {ascii_widths} >>",
                first + 2
            )
            .into_bytes(),
            descriptor(""),
        ];
        return (objects, BTreeMap::new());
    }
    // Identity-H: codes 1, 2, … for the characters used, a ToUnicode CMap for them.
    let codes: BTreeMap<char, u16> = chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                *c,
                u16::try_from(i + 1).expect("fewer than 65,535 characters"),
            )
        })
        .collect();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&char, &u16)> = codes.iter().collect();
    for chunk in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (c, code) in chunk {
            let units: Vec<u8> = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .flat_map(|u| u.to_be_bytes())
                .collect();
            cmap.push_str(&format!("<{code:04X}> {}\n", hex(&units)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let widths: Vec<String> = codes
        .iter()
        .map(|(c, code)| format!("{code} [{}]", if c.is_ascii() { 500 } else { 1000 }))
        .collect();
    let objects = vec![
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H \
             /DescendantFonts [{} 0 R] /ToUnicode {} 0 R >>",
            first + 1,
            first + 2
        )
        .into_bytes(),
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun {system} /FontDescriptor {} 0 R \
             /CIDToGIDMap /Identity /DW 1000 /W [{}] >>",
            first + 3,
            widths.join(" ")
        )
        .into_bytes(),
        stream("", cmap.as_bytes(), true),
        descriptor(&format!("/FontFile2 {} 0 R", first + 4)),
        // Stands in for the subset's glyph program, which the reader never looks at.
        stream("/Length1 16", b"\0\x01\0\0\0\x00\x00\x80\0\x03\0\x70glyf", false),
    ];
    (objects, codes)
}

fn encode(font: PdfFont, codes: &BTreeMap<char, u16>, text: &[char]) -> Vec<u8> {
    let s: String = text.iter().collect();
    match font {
        PdfFont::GbkEucH => {
            let (bytes, _, bad) = encoding_rs::GBK.encode(&s);
            assert!(!bad, "not in GBK: {s}");
            bytes.into_owned()
        }
        PdfFont::UniGbUcs2H => s
            .chars()
            .flat_map(|c| {
                u16::try_from(u32::from(c))
                    .expect("UCS-2 holds the BMP only")
                    .to_be_bytes()
            })
            .collect(),
        PdfFont::UniGbUtf16H => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        PdfFont::IdentityToUnicode => text.iter().flat_map(|c| codes[c].to_be_bytes()).collect(),
    }
}

/// A report's text as a PDF laid out as `layout` says.
pub fn pdf(text: &str, layout: PdfLayout) -> Vec<u8> {
    // GBK has no no-break space: a GBK typesetter sets a space.
    let text = if layout.font == PdfFont::GbkEucH {
        text.replace('\u{a0}', " ")
    } else {
        text.to_owned()
    };
    let text = text.as_str();
    let placed = typeset(text, if layout.two_columns { 2 } else { 1 });
    let page_count = placed.last().map_or(1, |p| p.page + 1);
    let footer = |page: usize| format!("- {} -", page + 1);
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    chars.extend(RUNNING_HEADER.chars());
    chars.extend("- 0123456789".chars());
    chars.sort_unstable();
    chars.dedup();
    // Objects: 1 catalog, 2 page tree, 3… font, then a page and its content for each page.
    let (font_objects, codes) = font_objects(layout.font, &chars, 3);
    let first_page = 3 + font_objects.len();
    let mut contents = vec![String::new(); page_count];
    for (page, content) in contents.iter_mut().enumerate() {
        content.push_str("q 0.5 w 79.4 770 m 515.9 770 l S Q\nBT /F1 16 Tf\n");
        if layout.running {
            let header: Vec<char> = RUNNING_HEADER.chars().collect();
            let foot: Vec<char> = footer(page).chars().collect();
            content.push_str(&format!(
                "1 0 0 1 {} {} Tm {} Tj\n1 0 0 1 {} {} Tm {} Tj\n",
                (PAGE_W - EM * header.len() as f32) / 2.0,
                PAGE_H - 60.0,
                hex(&encode(layout.font, &codes, &header)),
                (PAGE_W - EM / 2.0 * foot.len() as f32) / 2.0,
                50.0,
                hex(&encode(layout.font, &codes, &foot)),
            ));
        }
    }
    for line in &placed {
        contents[line.page].push_str(&format!(
            "1 0 0 1 {:.2} {:.2} Tm {} Tj\n",
            line.x,
            PAGE_H - line.y,
            hex(&encode(layout.font, &codes, &line.text))
        ));
    }
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {page_count} /MediaBox [0 0 {PAGE_W} {PAGE_H}] >>",
            (0..page_count)
                .map(|i| format!("{} 0 R", first_page + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
    ];
    objects.extend(font_objects);
    for (i, content) in contents.iter_mut().enumerate() {
        content.push_str("ET\n");
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objects.push(stream("", content.as_bytes(), layout.compress));
    }
    pdf_file(&objects, "")
}

/// A scanned-style PDF: each page one image drawn over the whole page, no text.
pub fn pdf_image_only(pages: usize) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect::<Vec<_>>().join(" ")
        )
        .into_bytes(),
        stream(
            "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
            &[0, 255, 255, 0],
            true,
        ),
    ];
    for i in 0..pages {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
                 /Resources << /XObject << /Im1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream(
            "",
            format!("q {PAGE_W} 0 0 {PAGE_H} 0 0 cm /Im1 Do Q").as_bytes(),
            false,
        ));
    }
    pdf_file(&objects, "")
}
