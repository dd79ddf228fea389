//! OFD files (GB/T 33190, the Chinese fixed-layout format): the text of each page's
//! `TextCode`s, put back into lines by position and into paragraphs by layout.
//!
//! The package is a zip: `OFD.xml` names each document's root (`DocBody/DocRoot`), the
//! document lists its pages (`Pages/Page@BaseLoc`), and each page's content holds layers of
//! objects. A `TextObject` has a `Boundary` (its origin) and a font `Size`; each `TextCode`
//! places its characters from `X`, `Y`, stepping by `DeltaX`/`DeltaY` (where `g 3 10.5` stands
//! for three steps of 10.5). Templates and annotations are not read.
//!
//! Characters are sorted into lines by their baseline and, within a line, by `x`. A line that
//! reaches the right margin and a next line that is not indented and not further down than the
//! usual line pitch belong to one paragraph, so a report laid out line by line comes back with
//! its paragraphs; an extra line's height of space between lines is kept as an empty line.

use std::io::Cursor;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::docx::{read_part, PartError, MAX_DOCUMENT_XML};
use super::{IngestErrorKind, MAX_TEXT_CHARS};

/// The most XML inflated from one package, all parts together.
pub const MAX_OFD_XML: usize = 64 * 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Whether the zip in `bytes` is an OFD package (has `OFD.xml` at its root).
pub(crate) fn is_ofd(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|archive| archive.index_for_name("OFD.xml").is_some())
}

pub(crate) fn read(bytes: &[u8]) -> Result<String, IngestErrorKind> {
    let broken = IngestErrorKind::CorruptOfd;
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| broken(format!("zip 结构无效（{e}）")))?;
    let mut package = Package {
        archive,
        left: MAX_OFD_XML,
    };
    let roots = elements_text(&package.part("OFD.xml")?, "DocRoot");
    if roots.is_empty() {
        return Err(broken("OFD.xml 中没有 DocBody/DocRoot".into()));
    }
    let mut glyphs = Vec::new();
    let mut pages = 0u32;
    for root in roots {
        let root = resolve("", &root);
        let document = package.part(&root)?;
        let dir = root.rsplit_once('/').map_or("", |(d, _)| d);
        for base in page_locations(&document) {
            let content = package.part(&resolve(dir, &base))?;
            read_page(&content, pages, &mut glyphs)?;
            pages += 1;
        }
    }
    if pages == 0 {
        return Err(broken("文档中没有页面（Pages/Page）".into()));
    }
    if glyphs.iter().all(|g| g.ch.is_whitespace()) {
        return Err(IngestErrorKind::NoTextLayer);
    }
    Ok(layout(glyphs))
}

struct Package<'a> {
    archive: Archive<'a>,
    /// Bytes of XML still allowed to be inflated.
    left: usize,
}

impl Package<'_> {
    fn part(&mut self, path: &str) -> Result<String, IngestErrorKind> {
        let limit = MAX_DOCUMENT_XML.min(self.left);
        match read_part(&mut self.archive, path, limit) {
            Ok(Some(xml)) => {
                self.left -= xml.len();
                Ok(xml)
            }
            Ok(None) => Err(IngestErrorKind::CorruptOfd(format!("缺少 {path}"))),
            Err(PartError::TooLarge) => Err(IngestErrorKind::DocxTooLarge {
                limit: if limit == MAX_DOCUMENT_XML {
                    MAX_DOCUMENT_XML
                } else {
                    MAX_OFD_XML
                },
            }),
            Err(PartError::Broken(why)) => Err(IngestErrorKind::CorruptOfd(why)),
        }
    }
}

/// `loc` resolved against the folder `dir` of the part that names it (`/` starts at the root).
fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let base = if loc.starts_with('/') { "" } else { dir };
    for piece in base.split('/').chain(loc.split('/')) {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The text of every element named `local` (any namespace).
fn elements_text(xml: &str, local: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut inside: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) if e.local_name().as_ref() == local => {
                inside = Some(String::new());
            }
            Ok(Event::Text(t)) => {
                if let Some(s) = inside.as_mut() {
                    s.push_str(&t.xml_content(XmlVersion::Implicit1_0));
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == local => {
                if let Some(s) = inside.take() {
                    if !s.trim().is_empty() {
                        out.push(s.trim().to_owned());
                    }
                }
            }
            Ok(_) => {}
        }
    }
    out
}

/// `Pages/Page@BaseLoc` of a `Document.xml`, in order.
fn page_locations(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut in_pages = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) if e.local_name().as_ref() == "Pages" => in_pages += 1,
            Ok(Event::End(e)) if e.local_name().as_ref() == "Pages" => {
                in_pages = in_pages.saturating_sub(1);
            }
            Ok(Event::Start(e) | Event::Empty(e))
                if in_pages > 0 && e.local_name().as_ref() == "Page" =>
            {
                if let Some(loc) = attr(&e, "BaseLoc") {
                    out.push(loc);
                }
            }
            Ok(_) => {}
        }
    }
    out
}

/// One character placed on a page (millimetres, `y` growing downwards).
#[derive(Debug, Clone, Copy)]
struct Glyph {
    page: u32,
    x: f32,
    y: f32,
    size: f32,
    ch: char,
}

/// The natural advance of `ch` when `DeltaX` does not give it: full width for CJK and
/// full-width forms, half for the rest.
fn advance(ch: char, size: f32) -> f32 {
    if ch.is_ascii() || ('\u{FF61}'..='\u{FFDC}').contains(&ch) {
        size / 2.0
    } else {
        size
    }
}

/// The steps of a `DeltaX`/`DeltaY` list, at most `n` of them (`g COUNT STEP` repeats).
fn deltas(spec: Option<&str>, n: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = spec.unwrap_or_default().split_ascii_whitespace();
    while out.len() < n {
        let Some(token) = tokens.next() else { break };
        if token == "g" {
            let count: usize = tokens.next().and_then(|t| t.parse().ok()).unwrap_or(0);
            let step: f32 = tokens.next().and_then(|t| t.parse().ok()).unwrap_or(0.0);
            let count = count.min(n - out.len());
            out.extend(std::iter::repeat_n(step, count));
        } else if let Ok(step) = token.parse() {
            out.push(step);
        }
    }
    out
}

fn numbers(spec: Option<&str>) -> Vec<f32> {
    spec.unwrap_or_default()
        .split_ascii_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect()
}

/// A `TextCode` being read: its attributes and its text so far.
struct Code {
    x: Option<f32>,
    y: Option<f32>,
    delta_x: Option<String>,
    delta_y: Option<String>,
    text: String,
}

/// Where the text of a page stands while it is read: the current TextObject's origin and font
/// size, where its next character would go, and the TextCode being read.
struct Pen {
    origin: (f32, f32),
    size: f32,
    at: (f32, f32),
    code: Option<Code>,
}

impl Pen {
    fn new() -> Self {
        Pen {
            origin: (0.0, 0.0),
            size: 3.5,
            at: (0.0, 0.0),
            code: None,
        }
    }

    /// A new TextObject: its boundary's corner is the origin; its size, else its height.
    fn text_object(&mut self, e: &BytesStart<'_>) {
        let boundary = numbers(attr(e, "Boundary").as_deref());
        self.origin = (
            boundary.first().copied().unwrap_or(0.0),
            boundary.get(1).copied().unwrap_or(0.0),
        );
        self.size = attr(e, "Size")
            .and_then(|s| s.trim().parse().ok())
            .filter(|s: &f32| s.is_finite() && *s > 0.0)
            .or_else(|| boundary.get(3).copied().filter(|h| *h > 0.0))
            .unwrap_or(3.5);
        self.at = (0.0, 0.0);
    }

    fn text_code(&mut self, e: &BytesStart<'_>) {
        let number = |key| attr(e, key).and_then(|v| v.trim().parse::<f32>().ok());
        self.code = Some(Code {
            x: number("X"),
            y: number("Y"),
            delta_x: attr(e, "DeltaX"),
            delta_y: attr(e, "DeltaY"),
            text: String::new(),
        });
    }

    fn text(&mut self, s: &str) {
        if let Some(c) = self.code.as_mut() {
            c.text.push_str(s);
        }
    }

    /// The end of a TextCode: its characters placed, each after the one before by its
    /// `DeltaX`/`DeltaY` step or, without one, by its natural width.
    fn end_code(&mut self, page: u32, glyphs: &mut Vec<Glyph>) -> Result<(), IngestErrorKind> {
        let Some(c) = self.code.take() else {
            return Ok(());
        };
        let n = c.text.chars().count();
        if glyphs.len() + n > MAX_TEXT_CHARS {
            return Err(IngestErrorKind::TooMuchText {
                limit: MAX_TEXT_CHARS,
            });
        }
        let dx = deltas(c.delta_x.as_deref(), n);
        let dy = deltas(c.delta_y.as_deref(), n);
        // Without DeltaX, characters step by their width, unless DeltaY sets them down a
        // column (vertical writing).
        let vertical = c.delta_y.is_some() && c.delta_x.is_none();
        let (mut x, mut y) = (c.x.unwrap_or(self.at.0), c.y.unwrap_or(self.at.1));
        for (i, ch) in c.text.chars().enumerate() {
            if !ch.is_control() {
                glyphs.push(Glyph {
                    page,
                    x: self.origin.0 + x,
                    y: self.origin.1 + y,
                    size: self.size,
                    ch,
                });
            }
            let natural = if vertical {
                0.0
            } else {
                advance(ch, self.size)
            };
            x += dx.get(i).copied().unwrap_or(natural);
            y += dy.get(i).copied().unwrap_or(0.0);
        }
        self.at = (x, y);
        Ok(())
    }
}

/// The characters of one page's content.
fn read_page(xml: &str, page: u32, glyphs: &mut Vec<Glyph>) -> Result<(), IngestErrorKind> {
    let mut reader = Reader::from_str(xml);
    let mut pen = Pen::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| IngestErrorKind::CorruptOfd(format!("页面内容不是有效的 XML（{e}）")))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "TextObject" => {
                pen.text_object(&e);
            }
            Event::Start(e) if e.local_name().as_ref() == "TextCode" => pen.text_code(&e),
            Event::Text(t) => pen.text(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(t) => pen.text(t.as_ref()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_owned),
                };
                if let Some(s) = resolved {
                    pen.text(&s);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "TextCode" => {
                pen.end_code(page, glyphs)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// One line of text on a page.
#[derive(Debug)]
struct Line {
    page: u32,
    y: f32,
    start: f32,
    end: f32,
    size: f32,
    text: String,
}

fn median(mut values: Vec<f32>) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied()
}

/// Characters → lines (by baseline, then by x) → paragraphs (by margins, indents and gaps).
fn layout(mut glyphs: Vec<Glyph>) -> String {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite());
    glyphs.sort_by(|a, b| {
        a.page
            .cmp(&b.page)
            .then(a.y.total_cmp(&b.y))
            .then(a.x.total_cmp(&b.x))
    });
    let lines = lines_of(&glyphs);
    match Measures::of(&lines) {
        Some(m) => paragraphs(&lines, &m),
        None => String::new(),
    }
}

/// The glyphs, sorted by page, baseline and x, gathered into lines: a glyph joins the line of
/// the first glyph whose baseline is within 0.4 of the larger font size.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let first = glyphs[i];
        let mut j = i + 1;
        while j < glyphs.len()
            && glyphs[j].page == first.page
            && glyphs[j].y - first.y <= 0.4 * first.size.max(glyphs[j].size)
        {
            j += 1;
        }
        lines.extend(line_of(&glyphs[i..j]));
        i = j;
    }
    lines
}

/// One row of glyphs read left to right, a space where a gap wider than 0.8 em parts them;
/// `None` for a row with nothing to read.
fn line_of(row: &[Glyph]) -> Option<Line> {
    let first = *row.first()?;
    let mut row = row.to_vec();
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut end = f32::NEG_INFINITY;
    let mut size = 0.0f32;
    for g in &row {
        if end.is_finite() && g.x - end > 0.8 * g.size && !text.ends_with(' ') {
            text.push(' ');
        }
        text.push(g.ch);
        end = end.max(g.x + advance(g.ch, g.size));
        size = size.max(g.size);
    }
    (!text.trim().is_empty()).then(|| Line {
        page: first.page,
        y: first.y,
        start: row.first().map_or(first.x, |g| g.x),
        end,
        size,
        text,
    })
}

/// What the lines of a document measure: the body's font size, its left and right margins, the
/// line pitch and the top of the text on a page.
struct Measures {
    em: f32,
    left: f32,
    right: f32,
    pitch: f32,
    top: f32,
}

impl Measures {
    fn of(lines: &[Line]) -> Option<Self> {
        let em = median(lines.iter().map(|l| l.size).collect())?;
        let left = lines.iter().map(|l| l.start).fold(f32::INFINITY, f32::min);
        let mut ends: Vec<f32> = lines.iter().map(|l| l.end).collect();
        ends.sort_by(f32::total_cmp);
        let right = ends[(ends.len() * 19 / 20).min(ends.len() - 1)];
        // The line pitch: the lower quartile of the steps between lines of a page, so that
        // paragraphs spaced an empty line apart still show the step within a paragraph.
        let mut steps: Vec<f32> = lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d >= 0.9 * em)
            .collect();
        steps.sort_by(f32::total_cmp);
        let pitch = steps.get(steps.len() / 4).copied().unwrap_or(em * 1.5);
        let top = lines
            .iter()
            .enumerate()
            .filter(|(k, l)| *k == 0 || lines[k - 1].page != l.page)
            .map(|(_, l)| l.y)
            .fold(f32::INFINITY, f32::min);
        Some(Measures {
            em,
            left,
            right,
            pitch,
            top,
        })
    }

    /// The empty lines a vertical gap stands for (at most three).
    fn blank_lines(&self, gap: f32) -> usize {
        ((gap / self.pitch).round() as i64).clamp(0, 3) as usize
    }
}

/// The lines joined into paragraphs: a line continues the one before when that one reaches the
/// right margin, it starts at the left margin and no gap parts them; gaps become empty lines.
fn paragraphs(lines: &[Line], m: &Measures) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            let prev = &lines[k - 1];
            let gap_lines = if prev.page == line.page {
                m.blank_lines(line.y - prev.y).saturating_sub(1)
            } else {
                m.blank_lines(line.y - m.top)
            };
            let continues =
                prev.end >= m.right - m.em && line.start <= m.left + 0.5 * m.em && gap_lines == 0;
            if continues {
                paragraph.push_str(&line.text);
                continue;
            }
            out.push(std::mem::take(&mut paragraph));
            out.extend(std::iter::repeat_n(String::new(), gap_lines));
        }
        paragraph.push_str(&line.text);
    }
    out.push(paragraph);
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_lists_and_their_g_shorthand() {
        assert_eq!(deltas(Some("g 3 10.5"), 10), [10.5, 10.5, 10.5]);
        assert_eq!(deltas(Some("1 g 2 3 4"), 10), [1.0, 3.0, 3.0, 4.0]);
        assert_eq!(deltas(Some("g 4000000000 1"), 2), [1.0, 1.0]);
        assert_eq!(deltas(Some("g x"), 5), Vec::<f32>::new());
        assert_eq!(deltas(None, 5), Vec::<f32>::new());
    }

    #[test]
    fn locations_resolve_against_their_part() {
        assert_eq!(resolve("", "Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(resolve("", "/Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
        assert_eq!(resolve("Doc_0", "../Doc_0/./P.xml"), "Doc_0/P.xml");
        assert_eq!(resolve("Doc_0", "..\\..\\..\\P.xml"), "P.xml");
    }

    fn glyphs_of(lines: &[(f32, f32, &str)]) -> Vec<Glyph> {
        let mut out = Vec::new();
        for &(x, y, text) in lines {
            let mut x = x;
            for ch in text.chars() {
                out.push(Glyph {
                    page: 0,
                    x,
                    y,
                    size: 4.0,
                    ch,
                });
                x += advance(ch, 4.0);
            }
        }
        out
    }

    #[test]
    fn lines_that_reach_the_margin_continue_their_paragraph() {
        // Ten characters a line (40 mm from x = 20), first lines indented two characters.
        let text = layout(glyphs_of(&[
            (20.0, 10.0, "一、总体情况"),
            (28.0, 16.0, "全年办理行政许可"),
            (20.0, 22.0, "事项一万件，办结率百"),
            (20.0, 28.0, "分之百。"),
            (28.0, 40.0, "二是加强监督。"),
        ]));
        assert_eq!(
            text,
            "一、总体情况\n全年办理行政许可事项一万件，办结率百分之百。\n\n二是加强监督。"
        );
    }

    #[test]
    fn characters_in_any_order_are_sorted_by_position() {
        let mut glyphs = glyphs_of(&[(20.0, 10.0, "甲乙"), (20.0, 16.0, "丙丁戊己庚")]);
        glyphs.reverse();
        assert_eq!(layout(glyphs), "甲乙\n丙丁戊己庚");
        // A wide gap in a line is a space; a slightly lower character stays on its line.
        let mut glyphs = glyphs_of(&[(20.0, 10.0, "左"), (40.0, 10.0, "右")]);
        glyphs.push(Glyph {
            page: 0,
            x: 44.0,
            y: 10.5,
            size: 4.0,
            ch: '下',
        });
        assert_eq!(layout(glyphs), "左 右下");
    }
}
