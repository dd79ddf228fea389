//! A small writer of OFD packages (GB/T 33190) for the tests: a report's text laid out on A4
//! pages the way a typesetter would (first lines indented two characters, lines wrapped at the
//! right margin, an empty line left as an empty line's height), with a template page and an
//! annotation whose text must not be read, and a drawn rule on every page.

use crate::zip_of;

/// Font size, in millimetres (三号, 16 pt).
pub const EM: f32 = 5.6;
const LEFT: f32 = 28.0;
const RIGHT: f32 = 182.0;
const TOP: f32 = 37.0;
const PITCH: f32 = 10.0;
const LINES_PER_PAGE: usize = 22;

/// How the characters of a line are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfdLayout {
    /// One `TextObject` per line, its `TextCode` stepping with `DeltaX` (runs as `g N STEP`).
    PerLine,
    /// One `TextObject` per character, written in reverse order on each page.
    PerCharacter,
}

fn width(ch: char) -> f32 {
    if ch.is_ascii() {
        EM / 2.0
    } else {
        EM
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A placed line: page, baseline, first x, characters.
struct Placed {
    page: usize,
    y: f32,
    x: f32,
    text: Vec<char>,
}

fn typeset(text: &str) -> Vec<Placed> {
    let mut out = Vec::new();
    let mut slot = 0usize;
    for paragraph in text.lines() {
        let chars: Vec<char> = paragraph.chars().collect();
        if paragraph.trim().is_empty() {
            // An empty line at the foot of a page would leave no trace: it opens the next.
            slot += if slot % LINES_PER_PAGE == LINES_PER_PAGE - 1 {
                2
            } else {
                1
            };
            continue;
        }
        let mut x = LEFT + 2.0 * EM;
        let mut line = Vec::new();
        let mut start = x;
        for ch in chars {
            if x + width(ch) > RIGHT + 0.01 && !line.is_empty() {
                out.push(Placed {
                    page: slot / LINES_PER_PAGE,
                    y: TOP + (slot % LINES_PER_PAGE) as f32 * PITCH,
                    x: start,
                    text: std::mem::take(&mut line),
                });
                slot += 1;
                x = LEFT;
                start = LEFT;
            }
            line.push(ch);
            x += width(ch);
        }
        out.push(Placed {
            page: slot / LINES_PER_PAGE,
            y: TOP + (slot % LINES_PER_PAGE) as f32 * PITCH,
            x: start,
            text: line,
        });
        slot += 1;
    }
    out
}

/// A `DeltaX` list for `chars`, equal steps written as `g COUNT STEP`.
fn delta_x(chars: &[char]) -> String {
    let steps: Vec<f32> = chars
        .iter()
        .take(chars.len().saturating_sub(1))
        .map(|c| width(*c))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let mut j = i;
        while j < steps.len() && steps[j] == steps[i] {
            j += 1;
        }
        if j - i > 1 {
            out.push(format!("g {} {}", j - i, steps[i]));
        } else {
            out.push(format!("{}", steps[i]));
        }
        i = j;
    }
    out.join(" ")
}

/// The parts of an OFD package whose pages hold `pages` (each the objects of one layer).
pub fn ofd_entries(pages: &[String]) -> Vec<(String, String)> {
    const NS: &str = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    let mut entries = vec![
        (
            "OFD.xml".to_owned(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {NS} Version=\"1.0\" DocType=\"OFD\">\
                 <ofd:DocBody><ofd:DocInfo><ofd:DocID>0C1D4F7159954EEEDE517F7285979EDB</ofd:DocID>\
                 <ofd:Title>报告</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\
                 </ofd:DocBody></ofd:OFD>"
            ),
        ),
        (
            "Doc_0/Tpls/Tpl_0/Content.xml".to_owned(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID=\"90\">\
                 <ofd:TextObject ID=\"91\" Boundary=\"28 10 154 8\" Font=\"3\" Size=\"4\">\
                 <ofd:TextCode X=\"0\" Y=\"4\" DeltaX=\"g 3 4\">模板页眉</ofd:TextCode></ofd:TextObject>\
                 </ofd:Layer></ofd:Content></ofd:Page>"
            ),
        ),
        (
            "Doc_0/Annots/Page_0/Annotation.xml".to_owned(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:PageAnnot {NS}><ofd:Annot ID=\"95\" Type=\"Stamp\">\
                 <ofd:Appearance Boundary=\"120 240 40 40\"><ofd:TextObject ID=\"96\" Boundary=\"0 0 40 40\" Font=\"3\" Size=\"5\">\
                 <ofd:TextCode X=\"0\" Y=\"20\">批注印章</ofd:TextCode></ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>"
            ),
        ),
        (
            "Doc_0/Annots/Annotations.xml".to_owned(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Annotations {NS}>\
                 <ofd:Page PageID=\"1\"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>"
            ),
        ),
    ];
    let mut list = String::new();
    for (i, objects) in pages.iter().enumerate() {
        list.push_str(&format!(
            "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>",
            i + 1
        ));
        entries.push((
            format!("Doc_0/Pages/Page_{i}/Content.xml"),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {NS}>\
                 <ofd:Template TemplateID=\"80\" ZOrder=\"Background\"/><ofd:Content><ofd:Layer ID=\"2\">\
                 <ofd:PathObject ID=\"3\" Boundary=\"28 30 154 1\" LineWidth=\"0.5\">\
                 <ofd:AbbreviatedData>M 0 0 L 154 0</ofd:AbbreviatedData></ofd:PathObject>{objects}\
                 </ofd:Layer></ofd:Content></ofd:Page>"
            ),
        ));
    }
    entries.push((
        "Doc_0/Document.xml".to_owned(),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {NS}><ofd:CommonData>\
             <ofd:MaxUnitID>100</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\
             <ofd:TemplatePage ID=\"80\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData>\
             <ofd:Pages>{list}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>"
        ),
    ));
    entries
}

/// A zip of the entries made by [`ofd_entries`].
pub fn ofd_zip(entries: &[(String, String)]) -> Vec<u8> {
    let refs: Vec<(&str, &str)> = entries
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    zip_of(&refs)
}

/// A report's text as an OFD file laid out as `layout` says.
pub fn ofd(text: &str, layout: OfdLayout) -> Vec<u8> {
    let placed = typeset(text);
    let page_count = placed.last().map_or(1, |p| p.page + 1);
    let mut pages = vec![Vec::<String>::new(); page_count];
    let mut id = 100;
    for line in &placed {
        match layout {
            OfdLayout::PerLine => {
                id += 1;
                let text: String = line.text.iter().collect();
                pages[line.page].push(format!(
                    "<ofd:TextObject ID=\"{id}\" Boundary=\"{LEFT} {} {} {}\" Font=\"3\" Size=\"{EM}\">\
                     <ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"{}\" Y=\"{EM}\" DeltaX=\"{}\">{}</ofd:TextCode></ofd:TextObject>",
                    line.y - EM,
                    RIGHT - LEFT,
                    EM * 1.2,
                    line.x - LEFT,
                    delta_x(&line.text),
                    escape(&text)
                ));
            }
            OfdLayout::PerCharacter => {
                let mut x = line.x;
                for ch in &line.text {
                    id += 1;
                    pages[line.page].push(format!(
                        "<ofd:TextObject ID=\"{id}\" Boundary=\"{x} {} {EM} {}\" Font=\"3\" Size=\"{EM}\">\
                         <ofd:TextCode X=\"0\" Y=\"{EM}\">{}</ofd:TextCode></ofd:TextObject>",
                        line.y - EM,
                        EM * 1.2,
                        escape(&ch.to_string())
                    ));
                    x += width(*ch);
                }
            }
        }
    }
    let pages: Vec<String> = pages
        .into_iter()
        .map(|mut objects| {
            if layout == OfdLayout::PerCharacter {
                objects.reverse();
            }
            objects.concat()
        })
        .collect();
    ofd_zip(&ofd_entries(&pages))
}

/// An OFD package whose one page is a deflate bomb: `expanded` spaces inside the page's XML
/// (the bomb of [`crate::zip_bomb`], copied into the package without inflating it).
pub fn ofd_bomb(expanded: u64) -> Vec<u8> {
    use std::io::{Cursor, Write};
    let bomb = crate::zip_bomb(b' ', expanded, None);
    let mut source = zip::ZipArchive::new(Cursor::new(bomb)).expect("the bomb is a zip");
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (path, content) in ofd_entries(&[String::new()]) {
        if path.contains("Pages/Page_0") {
            continue;
        }
        writer.start_file(path, options).expect("zip entry");
        writer.write_all(content.as_bytes()).expect("zip write");
    }
    let page = source.by_index_raw(0).expect("the bomb's entry");
    writer
        .raw_copy_file_rename(page, "Doc_0/Pages/Page_0/Content.xml")
        .expect("raw copy");
    writer.finish().expect("zip finish").into_inner()
}
