//! Word drafts (.docx): the paragraphs of `word/document.xml` in order, tables as rows, and the
//! automatic list numbering of `numbering.xml` rendered as text, so that a heading numbered by
//! Word reads `一、` or `（一）` exactly as the printed draft shows it.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{IngestError, IngestErrorKind};
use crate::numerals;

/// The largest `document.xml` accepted once inflated.
pub const MAX_DOCUMENT_XML: usize = 48 * 1024 * 1024;
/// The largest `numbering.xml` or `styles.xml` accepted once inflated.
pub const MAX_SIDE_PART: usize = 8 * 1024 * 1024;

pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let corrupt = |why: String| IngestError::new(name, IngestErrorKind::CorruptDocx(why));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("zip 结构无效（{e}）")))?;
    let document = match read_part(&mut archive, "word/document.xml", MAX_DOCUMENT_XML) {
        Ok(Some(xml)) => xml,
        Ok(None) => return Err(IngestError::new(name, IngestErrorKind::ZipNotDocx)),
        Err(PartError::TooLarge) => {
            return Err(IngestError::new(
                name,
                IngestErrorKind::DocxTooLarge {
                    limit: MAX_DOCUMENT_XML,
                },
            ))
        }
        Err(PartError::Broken(why)) => return Err(corrupt(why)),
    };
    let side = |archive: &mut zip::ZipArchive<Cursor<&[u8]>>, part: &str| {
        match read_part(archive, part, MAX_SIDE_PART) {
            Ok(xml) => Ok(xml.unwrap_or_default()),
            Err(PartError::TooLarge) => Err(IngestError::new(
                name,
                IngestErrorKind::DocxTooLarge {
                    limit: MAX_SIDE_PART,
                },
            )),
            // Numbering and styles only decorate the text: a broken one is ignored.
            Err(PartError::Broken(_)) => Ok(String::new()),
        }
    };
    let numbering = Numbering::parse(&side(&mut archive, "word/numbering.xml")?);
    let styles = parse_style_numbering(&side(&mut archive, "word/styles.xml")?);
    paragraphs(&document, &numbering, &styles).map_err(corrupt)
}

pub(crate) enum PartError {
    TooLarge,
    Broken(String),
}

/// A part of the package as UTF-8 text, `None` when the package has no such part.
pub(crate) fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    part: &str,
    limit: usize,
) -> Result<Option<String>, PartError> {
    let file = match archive.by_name(part) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(PartError::Broken(format!("无法打开 {part}（{e}）"))),
    };
    if file.size() > limit as u64 {
        return Err(PartError::TooLarge);
    }
    // The declared size can lie: never read more than the limit, whatever the header says.
    let mut out = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| PartError::Broken(format!("{part} 解压失败（{e}）")))?;
    if out.len() > limit {
        return Err(PartError::TooLarge);
    }
    let text = String::from_utf8(out)
        .map_err(|_| PartError::Broken(format!("{part} 不是 UTF-8 编码的 XML")))?;
    Ok(Some(text))
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// `numbering.xml`: list instances (`w:num`) pointing at abstract definitions.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by level)
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

fn val(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

impl Numbering {
    fn parse(xml: &str) -> Self {
        let mut out = Self::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num: Option<(String, String, HashMap<u8, u32>)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = val(&e, "abstractNumId"),
                    "lvl" => {
                        let ilvl = val(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "start" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e, "val")) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e, "val")) {
                            l.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val(&e, "val")) {
                            l.text = v;
                        }
                    }
                    "num" => {
                        num = val(&e, "numId").map(|id| (id, String::new(), HashMap::new()));
                    }
                    "abstractNumId" => {
                        if let (Some(n), Some(v)) = (num.as_mut(), val(&e, "val")) {
                            n.1 = v;
                        }
                    }
                    "lvlOverride" => {
                        override_level = val(&e, "ilvl").and_then(|v| v.parse().ok());
                    }
                    "startOverride" => {
                        if let (Some(n), Some(l), Some(v)) =
                            (num.as_mut(), override_level, val(&e, "val"))
                        {
                            n.2.insert(l, v.parse().unwrap_or(1));
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (abstract_id.as_ref(), level.take()) {
                            out.abstracts.entry(id.clone()).or_default().insert(ilvl, l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => {
                        if let Some((id, abs, overrides)) = num.take() {
                            out.nums.insert(id, (abs, overrides));
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        out
    }

    fn level(&self, num_id: &str, ilvl: u8) -> Option<(&Level, Option<u32>)> {
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let level = self.abstracts.get(abstract_id)?.get(&ilvl)?;
        Some((level, overrides.get(&ilvl).copied()))
    }
}

/// Numbering attached to paragraph styles in `styles.xml`: styleId → (numId, ilvl).
fn parse_style_numbering(xml: &str) -> HashMap<String, (String, u8)> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut style: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut ilvl = 0u8;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    style = val(&e, "styleId");
                    num_id = None;
                    ilvl = 0;
                }
                "numId" => num_id = val(&e, "val"),
                "ilvl" => ilvl = val(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(s), Some(n)) = (style.take(), num_id.take()) {
                    out.insert(s, (n, ilvl));
                }
            }
            _ => {}
        }
    }
    out
}

/// Running list counters: numId → current value per level.
#[derive(Default)]
struct Counters {
    values: HashMap<String, [Option<u32>; 9]>,
}

impl Counters {
    /// Advance the counter of `(num_id, ilvl)` and render the level's text, e.g. `（二）`.
    fn label(&mut self, numbering: &Numbering, num_id: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let (level, start_override) = numbering.level(num_id, ilvl)?;
        let start = start_override.unwrap_or(level.start);
        let counters = self.values.entry(num_id.to_owned()).or_default();
        let idx = usize::from(ilvl);
        counters[idx] = Some(counters[idx].map_or(start, |v| v.saturating_add(1)));
        for deeper in counters.iter_mut().skip(idx + 1) {
            *deeper = None;
        }
        if level.format == "none" {
            return Some(String::new());
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d) if c == '%' && (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as usize;
                    let (fmt, fallback) = match numbering.level(num_id, l as u8) {
                        Some((lv, so)) => (lv.format.as_str(), so.unwrap_or(lv.start)),
                        None => ("decimal", 1),
                    };
                    let value = counters[l].unwrap_or(fallback);
                    out.push_str(&format_number(value, fmt));
                }
                _ => out.push(c),
            }
        }
        Some(out)
    }
}

/// A list counter in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "ideographLegalTraditional" => numerals::to_chinese(n),
        "chineseLegalSimplified" => numerals::to_chinese_financial(n),
        "ideographTraditional" => nth_of("甲乙丙丁戊己庚辛壬癸", n),
        "ideographZodiac" => nth_of("子丑寅卯辰巳午未申酉戌亥", n),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let n = n.max(1) - 1;
            let letter = char::from(base + (n % 26) as u8);
            std::iter::repeat_n(letter, (n / 26) as usize + 1).collect()
        }
        "upperRoman" => numerals::to_roman(n),
        "lowerRoman" => numerals::to_roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

fn nth_of(series: &str, n: u32) -> String {
    let items: Vec<char> = series.chars().collect();
    let i = (n.max(1) - 1) as usize % items.len();
    items[i].to_string()
}

/// Table being read: rows of cells of paragraphs.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
}

/// Walk `document.xml` and produce one line per paragraph and per table row.
fn paragraphs(
    xml: &str,
    numbering: &Numbering,
    styles: &HashMap<String, (String, u8)>,
) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("document.xml 不是有效的 XML（{e}）"))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => walk.start(e.local_name().as_ref()),
            Event::Empty(e) => walk.empty(&e),
            Event::Text(t) if walk.in_text => {
                walk.push_str(&t.xml_content(XmlVersion::Implicit1_0));
            }
            Event::GeneralRef(r) if walk.in_text => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_owned),
                };
                if let Some(s) = resolved {
                    walk.push_str(&s);
                }
            }
            Event::End(e) => walk.end(e.local_name().as_ref(), numbering, styles),
            _ => {}
        }
    }
    if !walk.saw_body {
        return Err("document.xml 中没有正文（w:body）".into());
    }
    Ok(walk.lines.join("\n").trim_end().to_owned())
}

/// Where [`paragraphs`] stands in `document.xml`.
#[derive(Default)]
struct Walk {
    /// The lines done.
    lines: Vec<String>,
    counters: Counters,
    /// The open tables, innermost last.
    tables: Vec<Table>,
    /// The text of the open paragraph.
    paragraph: Option<String>,
    /// The open paragraph's list, level and style.
    num_id: Option<String>,
    ilvl: Option<u8>,
    style: Option<String>,
    in_text: bool,
    in_ppr: bool,
    saw_body: bool,
}

impl Walk {
    fn start(&mut self, name: &str) {
        match name {
            "body" => self.saw_body = true,
            "p" => {
                self.paragraph = Some(String::new());
                (self.num_id, self.ilvl, self.style) = (None, None, None);
            }
            "pPr" => self.in_ppr = true,
            "t" => self.in_text = true,
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            "tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(String::new());
                }
            }
            _ => {}
        }
    }

    fn empty(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            "p" => push_paragraph(String::new(), &mut self.tables, &mut self.lines),
            "tab" if !self.in_ppr => self.push_str("\t"),
            "br" | "cr" => self.push_str("\n"),
            "noBreakHyphen" => self.push_str("-"),
            "numId" if self.in_ppr => self.num_id = val(e, "val"),
            "ilvl" if self.in_ppr => self.ilvl = val(e, "val").and_then(|v| v.parse().ok()),
            "pStyle" if self.in_ppr => self.style = val(e, "val"),
            _ => {}
        }
    }

    /// Text into the open paragraph, if one is open.
    fn push_str(&mut self, s: &str) {
        if let Some(p) = self.paragraph.as_mut() {
            p.push_str(s);
        }
    }

    fn end(&mut self, name: &str, numbering: &Numbering, styles: &HashMap<String, (String, u8)>) {
        match name {
            "t" => self.in_text = false,
            "pPr" => self.in_ppr = false,
            "p" => self.end_paragraph(numbering, styles),
            "tbl" => self.end_table(),
            _ => {}
        }
    }

    /// The paragraph done, with its list label in front.
    fn end_paragraph(&mut self, numbering: &Numbering, styles: &HashMap<String, (String, u8)>) {
        let mut text = self.paragraph.take().unwrap_or_default();
        let style = self.style.as_ref().and_then(|s| styles.get(s));
        let (list, level) = match (&self.num_id, style) {
            (Some(n), _) => (Some(n.clone()), self.ilvl.unwrap_or(0)),
            (None, Some((n, l))) => (Some(n.clone()), self.ilvl.unwrap_or(*l)),
            (None, None) => (None, 0),
        };
        if let Some(list) = list.filter(|n| n != "0") {
            if !text.trim().is_empty() {
                if let Some(label) = self.counters.label(numbering, &list, level) {
                    text.insert_str(0, &label);
                }
            }
        }
        push_paragraph(text, &mut self.tables, &mut self.lines);
    }

    /// The table done: each row a line of tab-separated cells.
    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        let rendered: Vec<String> = table
            .rows
            .into_iter()
            .map(|cells| {
                let cells: Vec<String> = cells.into_iter().map(|c| c.trim().to_owned()).collect();
                cells.join("\t").trim_end().to_owned()
            })
            .collect();
        for row in rendered {
            push_paragraph(row, &mut self.tables, &mut self.lines);
        }
    }
}

/// A finished paragraph goes into the innermost open table cell, or becomes a line.
fn push_paragraph(text: String, tables: &mut [Table], lines: &mut Vec<String>) {
    if let Some(cell) = tables
        .last_mut()
        .and_then(|t| t.rows.last_mut())
        .and_then(|r| r.last_mut())
    {
        if !text.trim().is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text.trim());
        }
        return;
    }
    lines.push(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_number_formats() {
        assert_eq!(format_number(1, "chineseCounting"), "一");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(5, "decimalFullWidth"), "５");
    }
}
