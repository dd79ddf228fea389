//! Fonts: how a shown string splits into character codes, what each code means in Unicode,
//! and how far it advances.
//!
//! Unicode comes from, in order: the font's `/ToUnicode` CMap; for a Type0 font with a
//! predefined Chinese CMap, the code itself (`UniGB-UCS2-H` and `UniGB-UTF16-H` codes *are*
//! UTF-16 code units; `GB-EUC-H`, `GBpc-EUC-H`, `GBK-EUC-H`, `GBKp-EUC-H` codes are GBK bytes
//! and `GBK2K-H` codes GB 18030 bytes, decoded with `encoding_rs`); for a simple font, its
//! encoding (WinAnsi read as windows-1252, others as ASCII) with `/Differences` glyph names of
//! the `uniXXXX` form or a few common names. A Type0 font with `Identity-H` and no
//! `/ToUnicode` cannot be read without the Adobe character collection tables, which this crate
//! does not carry: its codes are counted as unknown.

use std::collections::HashMap;

use crate::document::Document;
use crate::syntax::{Dict, Lexer, Object, Token};

/// The most entries read from one CMap (a `bfrange` over 65,536 codes counts as one).
const MAX_CMAP_ENTRIES: usize = 200_000;

/// How codes are cut from a string.
#[derive(Debug, Clone)]
enum Codes {
    OneByte,
    TwoByte,
    /// GBK / EUC: one byte up to 0x80, two from a lead byte on.
    Gbk,
    /// GB 18030: as GBK, and four bytes when the second is a digit.
    Gb18030,
    /// UTF-16: two bytes, four for a surrogate pair.
    Utf16,
    /// The code space ranges of an embedded CMap: (length, low bytes, high bytes).
    Ranges(Vec<(usize, Vec<u8>, Vec<u8>)>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Predefined {
    Identity,
    Gbk,
    Gb18030,
    Ucs2,
    Utf16,
}

/// A `bfrange` of a ToUnicode CMap: codes `lo..=hi` map to `base` plus the offset.
#[derive(Debug, Clone)]
struct UnicodeRange {
    lo: u32,
    hi: u32,
    base: Vec<u16>,
}

#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    singles: HashMap<u32, String>,
    ranges: Vec<UnicodeRange>,
}

impl ToUnicode {
    fn get(&self, code: u32) -> Option<String> {
        if let Some(s) = self.singles.get(&code) {
            return Some(s.clone());
        }
        let i = self.ranges.partition_point(|r| r.lo <= code);
        let r = self.ranges.get(i.checked_sub(1)?)?;
        if code > r.hi {
            return None;
        }
        let mut units = r.base.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add((code - r.lo) as u16);
        Some(String::from_utf16_lossy(&units))
    }
}

/// A font as the text reader needs it.
#[derive(Debug, Clone)]
pub struct Font {
    codes: Codes,
    predefined: Option<Predefined>,
    to_unicode: Option<ToUnicode>,
    /// Code → CID for an embedded (non-predefined) CMap.
    cids: HashMap<u32, u32>,
    /// A simple font's code → Unicode.
    simple: Option<[Option<char>; 256]>,
    /// Glyph widths in thousandths of an em: simple fonts by code, CID fonts by CID.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

/// One character code read from a string.
pub struct Code {
    pub text: Option<String>,
    /// Advance in thousandths of the font size.
    pub width: f64,
    /// A single-byte code 32, which word spacing applies to.
    pub is_space: bool,
}

impl Font {
    pub fn load(doc: &Document<'_>, dict: &Dict) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or_default();
        let to_unicode = doc
            .lookup(dict, b"ToUnicode")
            .and_then(|s| match &*s {
                Object::Stream(d, raw) => doc.decode(d, raw).ok(),
                _ => None,
            })
            .map(|data| parse_cmap(&data));
        if subtype == b"Type0" {
            Self::composite(doc, dict, to_unicode.map(|(u, _, _)| u))
        } else {
            Self::simple(doc, dict, to_unicode.map(|(u, _, _)| u))
        }
    }

    fn composite(doc: &Document<'_>, dict: &Dict, to_unicode: Option<ToUnicode>) -> Font {
        let mut font = Font {
            codes: Codes::TwoByte,
            predefined: Some(Predefined::Identity),
            to_unicode,
            cids: HashMap::new(),
            simple: None,
            widths: HashMap::new(),
            default_width: 1000.0,
        };
        match doc.lookup(dict, b"Encoding").as_deref() {
            Some(Object::Name(name)) => {
                let (codes, predefined) = predefined_cmap(name);
                font.codes = codes;
                font.predefined = Some(predefined);
            }
            Some(Object::Stream(d, raw)) => {
                if let Ok(data) = doc.decode(d, raw) {
                    let (_, cids, ranges) = parse_cmap(&data);
                    font.cids = cids;
                    font.predefined = None;
                    if !ranges.is_empty() {
                        font.codes = Codes::Ranges(ranges);
                    }
                    if let Some(Object::Name(base)) = d.get(b"UseCMap") {
                        let (codes, predefined) = predefined_cmap(base);
                        font.predefined = Some(predefined);
                        if font.cids.is_empty() {
                            font.codes = codes;
                        }
                    }
                }
            }
            _ => {}
        }
        let descendant = doc
            .lookup(dict, b"DescendantFonts")
            .and_then(|d| d.as_array().and_then(|a| a.first().cloned()))
            .map(|d| doc.resolve(&d));
        if let Some(cid_font) = descendant.as_deref().and_then(Object::as_dict) {
            if let Some(dw) = doc.lookup(cid_font, b"DW").and_then(|w| w.as_f64()) {
                font.default_width = dw;
            }
            if let Some(w) = doc.lookup(cid_font, b"W") {
                font.widths = cid_widths(doc, w.as_array().unwrap_or_default());
            }
        }
        font
    }

    fn simple(doc: &Document<'_>, dict: &Dict, to_unicode: Option<ToUnicode>) -> Font {
        let mut table = [None; 256];
        let base = |name: &[u8], table: &mut [Option<char>; 256]| {
            for (code, slot) in table.iter_mut().enumerate() {
                let b = code as u8;
                *slot = if name == b"WinAnsiEncoding" {
                    let byte = [b];
                    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
                    s.chars().next().filter(|c| !c.is_control() || *c == ' ')
                } else if (0x20..0x7f).contains(&b) {
                    Some(char::from(b))
                } else {
                    None
                };
            }
        };
        base(b"StandardEncoding", &mut table);
        match doc.lookup(dict, b"Encoding").as_deref() {
            Some(Object::Name(n)) => base(n, &mut table),
            Some(Object::Dict(d)) => {
                if let Some(n) = d.get(b"BaseEncoding").and_then(Object::as_name) {
                    base(n, &mut table);
                }
                if let Some(diffs) = d.get(b"Differences").and_then(Object::as_array) {
                    let mut code = 0usize;
                    for item in diffs {
                        match item {
                            Object::Int(c) => code = usize::try_from(*c).unwrap_or(256),
                            Object::Name(name) => {
                                if let Some(slot) = table.get_mut(code) {
                                    *slot = glyph_name(name);
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        let mut widths = HashMap::new();
        let first = doc
            .lookup(dict, b"FirstChar")
            .and_then(|f| f.as_i64())
            .unwrap_or(0);
        if let Some(w) = doc.lookup(dict, b"Widths") {
            for (i, v) in w
                .as_array()
                .unwrap_or_default()
                .iter()
                .enumerate()
                .take(256)
            {
                if let (Some(v), Ok(code)) =
                    (doc.resolve(v).as_f64(), u32::try_from(first + i as i64))
                {
                    widths.insert(code, v);
                }
            }
        }
        let missing = doc
            .lookup(dict, b"FontDescriptor")
            .and_then(|d| {
                d.as_dict()
                    .and_then(|d| d.get(b"MissingWidth"))
                    .and_then(Object::as_f64)
            })
            .unwrap_or(500.0);
        Font {
            codes: Codes::OneByte,
            predefined: None,
            to_unicode,
            cids: HashMap::new(),
            simple: Some(table),
            widths,
            default_width: missing,
        }
    }

    /// The codes of a shown string, each with its text and advance.
    pub fn decode(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let n = self.code_length(&bytes[i..]).clamp(1, bytes.len() - i);
            let raw = &bytes[i..i + n];
            i += n;
            let code = raw.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.get(code))
                .or_else(|| self.builtin_text(raw, code));
            let cid = self.cid(raw, code);
            let width = cid
                .and_then(|c| self.widths.get(&c).copied())
                .unwrap_or(self.default_width);
            out.push(Code {
                text,
                width,
                is_space: n == 1 && code == 32,
            });
        }
        out
    }

    fn code_length(&self, rest: &[u8]) -> usize {
        let first = rest.first().copied().unwrap_or(0);
        match &self.codes {
            Codes::OneByte => 1,
            Codes::TwoByte => 2,
            Codes::Gbk => {
                if first <= 0x80 || first == 0xff {
                    1
                } else {
                    2
                }
            }
            Codes::Gb18030 => {
                if first <= 0x80 || first == 0xff {
                    1
                } else if rest.get(1).is_some_and(u8::is_ascii_digit) {
                    4
                } else {
                    2
                }
            }
            Codes::Utf16 => {
                if (0xd8..0xdc).contains(&first) {
                    4
                } else {
                    2
                }
            }
            Codes::Ranges(ranges) => {
                for (len, lo, hi) in ranges {
                    let Some(code) = rest.get(..*len) else {
                        continue;
                    };
                    if code
                        .iter()
                        .zip(lo.iter().zip(hi))
                        .all(|(b, (l, h))| l <= b && b <= h)
                    {
                        return *len;
                    }
                }
                ranges.iter().map(|r| r.0).min().unwrap_or(1)
            }
        }
    }

    fn builtin_text(&self, raw: &[u8], code: u32) -> Option<String> {
        if let Some(table) = &self.simple {
            return table
                .get(code as usize)
                .copied()
                .flatten()
                .map(String::from);
        }
        let text = match self.predefined? {
            Predefined::Identity => return None,
            Predefined::Ucs2 => char::from_u32(code).map(String::from)?,
            Predefined::Utf16 => {
                let units: Vec<u16> = raw
                    .chunks(2)
                    .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
                    .collect();
                String::from_utf16(&units).ok()?
            }
            Predefined::Gbk | Predefined::Gb18030 => {
                let (s, _, bad) = encoding_rs::GB18030.decode(raw);
                if bad {
                    return None;
                }
                s.into_owned()
            }
        };
        (!text.chars().any(|c| c.is_control() && c != ' ')).then_some(text)
    }

    /// The CID of a code, as far as it is known: Identity maps codes to themselves, an
    /// embedded CMap says it, and the Adobe-GB1 CIDs 1–95 are the printable ASCII codes of
    /// the predefined CMaps. Widths are looked up by it.
    fn cid(&self, raw: &[u8], code: u32) -> Option<u32> {
        if self.simple.is_some() {
            return Some(code);
        }
        if let Some(c) = self.cids.get(&code) {
            return Some(*c);
        }
        match self.predefined? {
            Predefined::Identity => Some(code),
            _ => {
                let ascii = match raw {
                    [b] => Some(u32::from(*b)),
                    [0, b] => Some(u32::from(*b)),
                    _ => None,
                };
                ascii.filter(|c| (0x20..0x7f).contains(c)).map(|c| c - 31)
            }
        }
    }
}

/// How the predefined CMap `name` cuts codes, and what its codes mean.
fn predefined_cmap(name: &[u8]) -> (Codes, Predefined) {
    let name = String::from_utf8_lossy(name);
    if name.starts_with("Identity") {
        (Codes::TwoByte, Predefined::Identity)
    } else if name.contains("UCS2") {
        (Codes::TwoByte, Predefined::Ucs2)
    } else if name.contains("UTF16") {
        (Codes::Utf16, Predefined::Utf16)
    } else if name.starts_with("GBK2K") {
        (Codes::Gb18030, Predefined::Gb18030)
    } else if name.starts_with("GB") {
        (Codes::Gbk, Predefined::Gbk)
    } else {
        (Codes::TwoByte, Predefined::Identity)
    }
}

fn cid_widths(doc: &Document<'_>, w: &[Object]) -> HashMap<u32, f64> {
    let mut out = HashMap::new();
    let mut i = 0;
    while i < w.len() && out.len() < MAX_CMAP_ENTRIES {
        let Some(first) = w[i].as_i64().and_then(|v| u32::try_from(v).ok()) else {
            i += 1;
            continue;
        };
        match w.get(i + 1).map(|o| doc.resolve(o)).as_deref() {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(MAX_CMAP_ENTRIES) {
                    if let Some(v) = v.as_f64() {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) = (last.as_i64(), w.get(i + 2).and_then(Object::as_f64))
                else {
                    break;
                };
                let last = u32::try_from(last)
                    .unwrap_or(0)
                    .min(first.saturating_add(65_535));
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |v, b| v << 8 | u32::from(*b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
        .collect()
}

type CodeSpace = Vec<(usize, Vec<u8>, Vec<u8>)>;

/// A CMap's `bfchar`/`bfrange` (to Unicode), `cidchar`/`cidrange` (to CIDs) and code space.
pub fn parse_cmap(data: &[u8]) -> (ToUnicode, HashMap<u32, u32>, CodeSpace) {
    let mut unicode = ToUnicode::default();
    let mut cids = HashMap::new();
    let mut space = Vec::new();
    let mut lexer = Lexer::new(data, 0);
    let mut operands: Vec<Object> = Vec::new();
    let mut entries = 0usize;
    loop {
        match lexer.token() {
            Token::End => break,
            Token::Value(o) => {
                if operands.len() < 3 * 100_000 {
                    operands.push(o);
                }
            }
            Token::Keyword(k) => {
                let args = std::mem::take(&mut operands);
                let strs = |o: &Object| match o {
                    Object::Str(s) => Some(s.clone()),
                    _ => None,
                };
                match k.as_slice() {
                    b"endcodespacerange" => {
                        for p in args.chunks(2) {
                            if let [Object::Str(lo), Object::Str(hi)] = p {
                                if lo.len() == hi.len() && !lo.is_empty() && lo.len() <= 4 {
                                    space.push((lo.len(), lo.clone(), hi.clone()));
                                }
                            }
                        }
                    }
                    b"endbfchar" => {
                        for p in args.chunks(2) {
                            if let (Some(code), Some(Object::Str(dst))) = (strs(&p[0]), p.get(1)) {
                                entries += 1;
                                unicode.singles.insert(
                                    code_of(&code),
                                    String::from_utf16_lossy(&utf16_units(dst)),
                                );
                            }
                        }
                    }
                    b"endbfrange" => {
                        for p in args.chunks(3) {
                            let (Some(lo), Some(hi)) =
                                (p.first().and_then(strs), p.get(1).and_then(strs))
                            else {
                                continue;
                            };
                            let (lo, hi) = (code_of(&lo), code_of(&hi));
                            if hi < lo {
                                continue;
                            }
                            entries += 1;
                            match p.get(2) {
                                Some(Object::Str(dst)) => unicode.ranges.push(UnicodeRange {
                                    lo,
                                    hi,
                                    base: utf16_units(dst),
                                }),
                                Some(Object::Array(list)) => {
                                    for (k, dst) in
                                        list.iter().enumerate().take((hi - lo) as usize + 1)
                                    {
                                        if let Object::Str(dst) = dst {
                                            entries += 1;
                                            unicode.singles.insert(
                                                lo + k as u32,
                                                String::from_utf16_lossy(&utf16_units(dst)),
                                            );
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    b"endcidchar" => {
                        for p in args.chunks(2) {
                            if let (Some(code), Some(cid)) =
                                (strs(&p[0]), p.get(1).and_then(Object::as_i64))
                            {
                                entries += 1;
                                cids.insert(code_of(&code), u32::try_from(cid).unwrap_or(0));
                            }
                        }
                    }
                    b"endcidrange" => {
                        for p in args.chunks(3) {
                            let (Some(lo), Some(hi), Some(cid)) = (
                                p.first().and_then(strs),
                                p.get(1).and_then(strs),
                                p.get(2).and_then(Object::as_i64),
                            ) else {
                                continue;
                            };
                            let (lo, hi) = (code_of(&lo), code_of(&hi));
                            let cid = u32::try_from(cid).unwrap_or(0);
                            for c in lo..=hi.min(lo.saturating_add(65_535)) {
                                entries += 1;
                                cids.insert(c, cid.saturating_add(c - lo));
                            }
                        }
                    }
                    _ => {}
                }
                if entries > MAX_CMAP_ENTRIES {
                    break;
                }
            }
        }
    }
    unicode.ranges.sort_by_key(|r| r.lo);
    space.sort_by_key(|s| s.0);
    (unicode, cids, space)
}

/// The character a glyph name stands for: `uniXXXX`, `uXXXX[XX]`, or a common name.
fn glyph_name(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let hex = name
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            name.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        });
    if let Some(c) = hex
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .and_then(char::from_u32)
    {
        return Some(c);
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("underscore", '_'),
        ("quoteleft", '‘'),
        ("quoteright", '’'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("endash", '–'),
        ("emdash", '—'),
        ("bullet", '•'),
        ("periodcentered", '·'),
    ];
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_cmaps_with_chars_ranges_and_arrays() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                     2 beginbfchar <0003> <4E00> <0004> <D840DC00> endbfchar\n\
                     1 beginbfrange <0010> <0012> <0041> endbfrange\n\
                     1 beginbfrange <0020> <0021> [<4E8C> <0066006C>] endbfrange";
        let (u, _, space) = parse_cmap(cmap);
        assert_eq!(u.get(3).as_deref(), Some("一"));
        assert_eq!(u.get(4).as_deref(), Some("𠀀"));
        assert_eq!(u.get(0x12).as_deref(), Some("C"));
        assert_eq!(u.get(0x13), None);
        assert_eq!(u.get(0x20).as_deref(), Some("二"));
        assert_eq!(u.get(0x21).as_deref(), Some("fl"));
        assert_eq!(space, vec![(2, vec![0, 0], vec![0xff, 0xff])]);
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name(b"uni4E00"), Some('一'));
        assert_eq!(glyph_name(b"u1F600"), Some('😀'));
        assert_eq!(glyph_name(b"comma"), Some(','));
        assert_eq!(glyph_name(b"g"), Some('g'));
        assert_eq!(glyph_name(b"g123"), None);
    }
}
