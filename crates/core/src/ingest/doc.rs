//! Word 97–2003 and WPS drafts (.doc, .wps): the main document's text from the piece table of
//! a Word binary file (MS-DOC), inside an OLE compound file ([`super::cfb`]).
//!
//! The `WordDocument` stream opens with the FIB, which says how long the main text is
//! (`ccpText`), which table stream holds the piece table (`fWhichTblStm`: `0Table` or
//! `1Table`) and whether the file is encrypted. The piece table (the `Pcdt` of the CLX) maps
//! character positions to pieces of the `WordDocument` stream, each either UTF-16LE or
//! "compressed" (one byte per character, Windows-1252). Only the main text is read: footnotes,
//! headers and footers, comments and text boxes follow it in the same character space and are
//! left out. Paragraph marks become line ends, table cells are joined with a tab and each row
//! is a line (as the .docx reader does), and of a field only its displayed result is kept.

use super::cfb::Compound;
use super::{IngestErrorKind, MAX_TEXT_CHARS};

const W_IDENT: u16 = 0xA5EC;
/// The oldest `nFib` of the Word 97 format (Word 6 and 95 files are older and laid out otherwise).
const NFIB_WORD97: u16 = 0x00C1;
const F_ENCRYPTED: u16 = 0x0100;
const F_WHICH_TBL_STM: u16 = 0x0200;
/// `FibRgLw97.ccpText`, and `FibRgFcLcb97.fcClx` / `lcbClx`, as byte offsets in the FIB.
const AT_CCP_TEXT: usize = 0x4C;
const AT_FC_CLX: usize = 0x1A2;

/// Whether `file` holds the main stream of a Word binary file.
pub(crate) fn has_word_stream(file: &Compound<'_>) -> bool {
    file.has_stream("WordDocument")
}

/// The main text of the Word binary document in `file`, and the encoding its pieces used.
pub(crate) fn read(file: &Compound<'_>) -> Result<(String, &'static str), IngestErrorKind> {
    let broken = IngestErrorKind::CorruptDoc;
    let word = file
        .stream("WordDocument")
        .map_err(broken)?
        .ok_or_else(|| broken("缺少 WordDocument 流".into()))?;
    let u16_at = |at: usize| {
        word.get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        word.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    if u16_at(0) != Some(W_IDENT) {
        return Err(broken("WordDocument 流的文件信息块（FIB）标识不对".into()));
    }
    let flags = u16_at(10).unwrap_or(0);
    if flags & F_ENCRYPTED != 0 {
        return Err(IngestErrorKind::Encrypted);
    }
    if u16_at(2).is_some_and(|n| n < NFIB_WORD97) {
        return Err(broken("这是 Word 6.0/95 或更早的格式".into()));
    }
    let short = || broken("文件信息块（FIB）不完整".into());
    let ccp_text = u32_at(AT_CCP_TEXT).ok_or_else(short)? as usize;
    let fc_clx = u32_at(AT_FC_CLX).ok_or_else(short)? as usize;
    let lcb_clx = u32_at(AT_FC_CLX + 4).ok_or_else(short)? as usize;
    if ccp_text > MAX_TEXT_CHARS {
        return Err(IngestErrorKind::TooMuchText {
            limit: MAX_TEXT_CHARS,
        });
    }
    let table_name = if flags & F_WHICH_TBL_STM != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let table = file
        .stream(table_name)
        .map_err(broken)?
        .ok_or_else(|| broken(format!("缺少 {table_name} 流")))?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| broken("片段表（CLX）超出表格流".into()))?;
    let pieces = piece_table(clx).map_err(broken)?;

    let mut chars: Vec<u16> = Vec::with_capacity(ccp_text.min(word.len()));
    let (mut unicode, mut compressed) = (false, false);
    for piece in pieces {
        if piece.cp_start >= ccp_text {
            break;
        }
        let count = piece.cp_end.min(ccp_text) - piece.cp_start;
        if piece.compressed {
            compressed = true;
            let bytes = word
                .get(piece.fc..piece.fc.saturating_add(count))
                .ok_or_else(|| broken("片段表指向 WordDocument 流之外".into()))?;
            let decoded = super::charset::decode_windows_1252(bytes);
            chars.extend(decoded.encode_utf16());
        } else {
            unicode = true;
            let bytes = word
                .get(piece.fc..piece.fc.saturating_add(count.saturating_mul(2)))
                .ok_or_else(|| broken("片段表指向 WordDocument 流之外".into()))?;
            chars.extend(
                bytes
                    .chunks_exact(2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]])),
            );
        }
    }
    let encoding = if unicode || !compressed {
        "UTF-16LE"
    } else {
        "windows-1252"
    };
    Ok((lines(&String::from_utf16_lossy(&chars)), encoding))
}

/// One entry of the piece table: the characters `cp_start..cp_end` stored at byte `fc`.
#[derive(Debug)]
struct Piece {
    cp_start: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
}

/// The pieces of the CLX's `Pcdt`, after skipping its `Prc` property blocks.
fn piece_table(clx: &[u8]) -> Result<Vec<Piece>, String> {
    let mut at = 0usize;
    loop {
        match clx.get(at) {
            Some(1) => {
                let size = clx
                    .get(at + 1..at + 3)
                    .map(|b| i16::from_le_bytes([b[0], b[1]]))
                    .ok_or("CLX 中的属性块不完整")?;
                let size = usize::try_from(size).map_err(|_| "CLX 中的属性块长度为负")?;
                at += 3 + size;
            }
            Some(2) => break,
            _ => return Err("CLX 中没有片段表（Pcdt）".into()),
        }
    }
    let lcb = clx
        .get(at + 1..at + 5)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or("片段表长度缺失")?;
    let plc = clx
        .get(at + 5..(at + 5).saturating_add(lcb))
        .ok_or("片段表超出 CLX")?;
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(format!("片段表长度（{lcb}）不合规"));
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| {
        u32::from_le_bytes([plc[4 * i], plc[4 * i + 1], plc[4 * i + 2], plc[4 * i + 3]]) as usize
    };
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (cp_start, cp_end) = (cp(i), cp(i + 1));
        if cp_end < cp_start {
            return Err("片段表的字符位置不是递增的".into());
        }
        let pcd = &plc[4 * (n + 1) + 8 * i..4 * (n + 1) + 8 * i + 8];
        let fc = u32::from_le_bytes([pcd[2], pcd[3], pcd[4], pcd[5]]);
        let compressed = fc & 0x4000_0000 != 0;
        let raw = (fc & 0x3FFF_FFFF) as usize;
        pieces.push(Piece {
            cp_start,
            cp_end,
            fc: if compressed { raw / 2 } else { raw },
            compressed,
        });
    }
    Ok(pieces)
}

/// Word's characters to lines: paragraph marks (13) end lines, cell marks (7) end cells and a
/// second cell mark in a row ends the row, of a field (19 instruction 20 result 21) only the
/// result is kept, and the other control characters (pictures, anchors, note references) drop.
fn lines(chars: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut after_cell = false;
    // Each open field: `true` once its separator is passed (its result is being read).
    let mut fields: Vec<bool> = Vec::new();
    for c in chars.chars() {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|in_result| !in_result) => {}
            '\u{07}' => {
                if after_cell {
                    let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
                    out.push(cells.join("\t").trim_end().to_owned());
                    row.clear();
                    after_cell = false;
                } else {
                    row.push(std::mem::take(&mut line));
                    after_cell = true;
                }
                continue;
            }
            '\r' if !row.is_empty() => {
                // A paragraph ends inside a cell of a row already begun: it stays in the cell.
                line.push(' ');
            }
            '\r' => out.push(std::mem::take(&mut line)),
            '\u{0B}' | '\u{0C}' => line.push('\n'),
            '\t' => line.push('\t'),
            '\u{1E}' => line.push('-'),
            c if c.is_control() => {}
            c => line.push(c),
        }
        after_cell = false;
    }
    if !row.is_empty() {
        row.push(line);
        let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
        out.push(cells.join("\t").trim_end().to_owned());
    } else {
        out.push(line);
    }
    out.join("\n").trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn paragraphs_cells_fields_and_special_characters() {
        assert_eq!(lines("一、总体情况\r正文。\r"), "一、总体情况\n正文。");
        assert_eq!(
            lines("甲\u{7}乙\u{7}\u{7}丙\u{7}丁\u{7}\u{7}后文\r"),
            "甲\t乙\n丙\t丁\n后文"
        );
        assert_eq!(
            lines("见\u{13} HYPERLINK \"http://x\" \u{14}网站\u{15}。\r"),
            "见网站。"
        );
        assert_eq!(lines("第\u{13} PAGE \u{15}页\r"), "第页");
        assert_eq!(
            lines("\u{13}IF \u{13}PAGE\u{14}1\u{15} = 1 \u{14}是\u{15}\r"),
            "是"
        );
        assert_eq!(lines("图\u{1}\u{8}文\u{2}\r"), "图文");
        assert_eq!(lines("上\u{0B}下\u{0C}页\r"), "上\n下\n页");
        assert_eq!(lines(" 甲 \u{7}\u{7}"), "甲");
        assert_eq!(lines("a\u{7}第一段\r第二段\u{7}\u{7}"), "a\t第一段 第二段");
        assert_eq!(lines(""), "");
        assert_eq!(lines("\u{13}\u{13}\u{15}未完"), "");
    }
}
