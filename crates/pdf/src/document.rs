//! The file structure (ISO 32000-1, 7.5): cross-reference tables and streams, object streams,
//! stream filters, and the page tree. A file whose cross-reference data is missing or wrong is
//! read by scanning it for `N G obj`. Every loop that follows the file's own pointers (the
//! `/Prev` chain, object streams, the page tree) is bounded or guarded against cycles, and
//! decoded bytes are counted against one budget.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::rc::Rc;

use crate::syntax::{is_white, Dict, Lexer, Object, Token};
use crate::Failure;

/// The most bytes one stream may decode to.
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// The most bytes all streams of a file may decode to together.
pub const MAX_DECODED_BYTES: usize = 256 * 1024 * 1024;
/// The most pages read.
pub const MAX_PAGES: usize = 20_000;
const MAX_PREV: usize = 256;
const MAX_RESOLVE_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy)]
enum Entry {
    /// At a byte offset of the file.
    Offset(usize),
    /// The `index`-th object of the object stream `stream`.
    InStream { stream: u32, index: usize },
}

/// One page: its dictionary with inherited `/Resources` and `/MediaBox` filled in.
pub struct Page {
    pub dict: Dict,
    pub resources: Rc<Object>,
    /// Lower-left and upper-right corners.
    pub media_box: [f64; 4],
}

pub struct Document<'a> {
    data: &'a [u8],
    entries: HashMap<u32, Entry>,
    pub trailer: Dict,
    cache: RefCell<HashMap<u32, Rc<Object>>>,
    /// Objects being loaded, to stop an object stream that contains or refers to itself.
    loading: RefCell<HashSet<u32>>,
    /// Decoded bytes still allowed.
    budget: Cell<usize>,
}

impl<'a> Document<'a> {
    pub fn open(data: &'a [u8]) -> Result<Self, Failure> {
        let mut doc = Document {
            data,
            entries: HashMap::new(),
            trailer: Dict::default(),
            cache: RefCell::new(HashMap::new()),
            loading: RefCell::new(HashSet::new()),
            budget: Cell::new(MAX_DECODED_BYTES),
        };
        let read = doc.read_xref_chain();
        if read.is_err() || doc.catalog().is_none() {
            doc.cache.borrow_mut().clear();
            doc.scan();
        }
        if doc
            .trailer
            .get(b"Encrypt")
            .is_some_and(|e| *e != Object::Null)
        {
            return Err(Failure::Encrypted);
        }
        if doc.catalog().is_none() {
            return Err(Failure::Corrupt("找不到文档目录（Catalog）".into()));
        }
        Ok(doc)
    }

    fn catalog(&self) -> Option<Rc<Object>> {
        let root = self.resolve(self.trailer.get(b"Root")?);
        root.as_dict()?.get(b"Pages")?;
        Some(root)
    }

    /// Follow `startxref` and the `/Prev` chain; earlier sections never replace later ones.
    fn read_xref_chain(&mut self) -> Result<(), ()> {
        let tail_from = self.data.len().saturating_sub(2048);
        let at = find_last(&self.data[tail_from..], b"startxref").ok_or(())? + tail_from;
        let mut lexer = Lexer::new(self.data, at + 9);
        let mut offset = lexer.object().and_then(|o| o.as_i64()).ok_or(())?;
        let mut seen = HashSet::new();
        let mut first = true;
        while seen.len() < MAX_PREV {
            let Ok(pos) = usize::try_from(offset) else {
                break;
            };
            if !seen.insert(pos) || pos >= self.data.len() {
                break;
            }
            let trailer = self.read_xref_section(pos)?;
            if let Some(stm) = trailer.get(b"XRefStm").and_then(Object::as_i64) {
                if let Ok(stm) = usize::try_from(stm) {
                    if seen.insert(stm) {
                        let _ = self.read_xref_section(stm);
                    }
                }
            }
            let prev = trailer.get(b"Prev").and_then(Object::as_i64);
            if first {
                self.trailer = trailer;
                first = false;
            }
            match prev {
                Some(p) => offset = p,
                None => break,
            }
        }
        if first {
            Err(())
        } else {
            Ok(())
        }
    }

    fn read_xref_section(&mut self, pos: usize) -> Result<Dict, ()> {
        let mut lexer = Lexer::new(self.data, pos);
        lexer.skip_white();
        if self.data[lexer.pos..].starts_with(b"xref") {
            lexer.pos += 4;
            return self.read_xref_table(&mut lexer);
        }
        // A cross-reference stream: `N G obj << … >> stream`.
        let (_, object) = self.object_at(pos).ok_or(())?;
        let Object::Stream(dict, raw) = object else {
            return Err(());
        };
        if dict.get(b"Type").and_then(Object::as_name) != Some(b"XRef") {
            return Err(());
        }
        let data = self.decode(&dict, &raw).map_err(|_| ())?;
        let widths: Vec<usize> = dict
            .get(b"W")
            .and_then(Object::as_array)
            .ok_or(())?
            .iter()
            .map(|w| w.as_i64().unwrap_or(0).clamp(0, 8) as usize)
            .collect();
        if widths.len() != 3 {
            return Err(());
        }
        let row = widths.iter().sum::<usize>();
        if row == 0 {
            return Err(());
        }
        let size = dict.get(b"Size").and_then(Object::as_i64).unwrap_or(0);
        let index: Vec<i64> = match dict.get(b"Index").and_then(Object::as_array) {
            Some(a) => a.iter().filter_map(Object::as_i64).collect(),
            None => vec![0, size],
        };
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks(2) {
            let (Some(&start), Some(&count)) = (pair.first(), pair.get(1)) else {
                break;
            };
            for k in 0..count.max(0) {
                let Some(r) = rows.next() else { break };
                let field = |i: usize| -> u64 {
                    let from: usize = widths[..i].iter().sum();
                    r[from..from + widths[i]]
                        .iter()
                        .fold(0u64, |v, b| v << 8 | u64::from(*b))
                };
                let kind = if widths[0] == 0 { 1 } else { field(0) };
                let Ok(num) = u32::try_from(start + k) else {
                    break;
                };
                let entry = match kind {
                    1 => Entry::Offset(field(1) as usize),
                    2 => Entry::InStream {
                        stream: u32::try_from(field(1)).unwrap_or(u32::MAX),
                        index: field(2) as usize,
                    },
                    _ => continue,
                };
                self.entries.entry(num).or_insert(entry);
            }
        }
        Ok(dict)
    }

    fn read_xref_table(&mut self, lexer: &mut Lexer<'_>) -> Result<Dict, ()> {
        loop {
            match lexer.token() {
                Token::Keyword(k) if k == b"trailer" => {
                    return lexer.object().and_then(|o| o.as_dict().cloned()).ok_or(());
                }
                Token::Value(Object::Int(start)) => {
                    let count = lexer.object().and_then(|o| o.as_i64()).ok_or(())?;
                    for k in 0..count.max(0) {
                        let offset = lexer.object().and_then(|o| o.as_i64());
                        let _generation = lexer.object();
                        let kind = lexer.token();
                        let (Some(offset), Ok(num)) = (offset, u32::try_from(start + k)) else {
                            return Err(());
                        };
                        if kind == Token::Keyword(b"n".to_vec()) {
                            let offset = usize::try_from(offset).map_err(|_| ())?;
                            self.entries.entry(num).or_insert(Entry::Offset(offset));
                        }
                    }
                }
                _ => return Err(()),
            }
        }
    }

    /// Rebuild the cross-reference data by finding every `N G obj` in the file.
    fn scan(&mut self) {
        self.entries.clear();
        let data = self.data;
        let mut i = 0;
        let mut trailer: Option<Dict> = None;
        while let Some(found) = find(&data[i..], b"obj") {
            let at = i + found;
            i = at + 3;
            if let Some(start) = object_header_start(data, at) {
                let mut lexer = Lexer::new(data, start);
                if let Some(Object::Int(n)) = lexer.object() {
                    if let Ok(n) = u32::try_from(n) {
                        self.entries.insert(n, Entry::Offset(start));
                    }
                }
            }
        }
        let mut j = 0;
        while let Some(found) = find(&data[j..], b"trailer") {
            let at = j + found;
            j = at + 7;
            if let Some(d) = Lexer::new(data, j)
                .object()
                .and_then(|o| o.as_dict().cloned())
            {
                if d.get(b"Root").is_some() {
                    trailer = Some(d);
                }
            }
        }
        if trailer.is_none() {
            // An xref stream's dictionary serves as the trailer; failing that, the catalog.
            let mut numbers: Vec<u32> = self.entries.keys().copied().collect();
            numbers.sort_unstable();
            for n in numbers {
                let object = self.get(n);
                let Some(d) = object.as_dict() else { continue };
                let kind = d.get(b"Type").and_then(Object::as_name);
                if kind == Some(b"XRef") && d.get(b"Root").is_some() {
                    trailer = Some(d.clone());
                } else if kind == Some(b"Catalog") && trailer.is_none() {
                    trailer = Some(Dict(vec![(b"Root".to_vec(), Object::Ref(n))]));
                }
            }
            self.cache.borrow_mut().clear();
        }
        if let Some(t) = trailer {
            self.trailer = t;
        }
    }

    /// The object at a byte offset (`N G obj …`), with its number.
    fn object_at(&self, pos: usize) -> Option<(u32, Object)> {
        let mut lexer = Lexer::new(self.data, pos);
        let num = u32::try_from(lexer.object()?.as_i64()?).ok()?;
        lexer.object()?;
        if lexer.token() != Token::Keyword(b"obj".to_vec()) {
            return None;
        }
        let object = lexer.object().unwrap_or(Object::Null);
        let Object::Dict(dict) = object else {
            return Some((num, object));
        };
        lexer.skip_white();
        if !self.data[lexer.pos..].starts_with(b"stream") {
            return Some((num, Object::Dict(dict)));
        }
        let mut start = lexer.pos + 6;
        if self.data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if self.data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let declared = dict
            .get(b"Length")
            .map(|l| match l {
                Object::Ref(r) if !self.loading.borrow().contains(r) => self.get(*r),
                other => Rc::new(other.clone()),
            })
            .and_then(|l| l.as_i64())
            .and_then(|l| usize::try_from(l).ok());
        let end = match declared {
            Some(len)
                if start.checked_add(len).is_some_and(|e| {
                    e <= self.data.len()
                        && self.data[e..]
                            .iter()
                            .position(|b| !is_white(*b))
                            .is_some_and(|k| self.data[e + k..].starts_with(b"endstream"))
                }) =>
            {
                start + len
            }
            _ => {
                let found =
                    find(&self.data[start..], b"endstream").map_or(self.data.len(), |k| start + k);
                let mut end = found;
                while end > start && is_white(self.data[end - 1]) {
                    end -= 1;
                }
                end
            }
        };
        Some((num, Object::Stream(dict, self.data[start..end].to_vec())))
    }

    /// Object number `num` (null when it is missing, damaged, or part of a cycle).
    pub fn get(&self, num: u32) -> Rc<Object> {
        if let Some(o) = self.cache.borrow().get(&num) {
            return o.clone();
        }
        if self.loading.borrow().len() >= MAX_RESOLVE_DEPTH
            || !self.loading.borrow_mut().insert(num)
        {
            return Rc::new(Object::Null);
        }
        let object = match self.entries.get(&num) {
            Some(Entry::Offset(pos)) => self
                .object_at(*pos)
                .filter(|(n, _)| *n == num)
                .map_or(Object::Null, |(_, o)| o),
            Some(Entry::InStream { stream, index }) => self
                .object_in_stream(*stream, *index)
                .unwrap_or(Object::Null),
            None => Object::Null,
        };
        self.loading.borrow_mut().remove(&num);
        let object = Rc::new(object);
        self.cache.borrow_mut().insert(num, object.clone());
        object
    }

    fn object_in_stream(&self, stream: u32, index: usize) -> Option<Object> {
        let container = self.get(stream);
        let Object::Stream(dict, raw) = &*container else {
            return None;
        };
        let data = self.decode(dict, raw).ok()?;
        let count = dict.get(b"N").and_then(Object::as_i64)?;
        let first = usize::try_from(dict.get(b"First").and_then(Object::as_i64)?).ok()?;
        if index as i64 >= count {
            return None;
        }
        let mut lexer = Lexer::new(&data, 0);
        let mut offset = None;
        for i in 0..=index {
            let _num = lexer.object()?;
            let off = lexer.object()?.as_i64()?;
            if i == index {
                offset = usize::try_from(off).ok();
            }
        }
        let at = first.checked_add(offset?)?;
        if at > data.len() {
            return None;
        }
        Lexer::new(&data, at).object()
    }

    /// `o` itself, or the object it refers to.
    pub fn resolve(&self, o: &Object) -> Rc<Object> {
        match o {
            Object::Ref(n) => self.get(*n),
            other => Rc::new(other.clone()),
        }
    }

    /// The entry `key` of `dict`, resolved.
    pub fn lookup(&self, dict: &Dict, key: &[u8]) -> Option<Rc<Object>> {
        let o = self.resolve(dict.get(key)?);
        (*o != Object::Null).then_some(o)
    }

    /// A stream's bytes with its filters undone. Filters for images (DCT, JPX, CCITT, JBIG2)
    /// are not decoded: text never needs them.
    pub fn decode(&self, dict: &Dict, raw: &[u8]) -> Result<Vec<u8>, Failure> {
        let filters: Vec<Vec<u8>> = match dict.get(b"Filter").map(|f| self.resolve(f)) {
            None => Vec::new(),
            Some(f) => match &*f {
                Object::Name(n) => vec![n.clone()],
                Object::Array(a) => a
                    .iter()
                    .filter_map(|n| n.as_name().map(<[u8]>::to_vec))
                    .collect(),
                _ => Vec::new(),
            },
        };
        let params: Vec<Option<Dict>> = match dict.get(b"DecodeParms").map(|p| self.resolve(p)) {
            Some(p) => match &*p {
                Object::Dict(d) => vec![Some(d.clone())],
                Object::Array(a) => a
                    .iter()
                    .map(|p| self.resolve(p).as_dict().cloned())
                    .collect(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        let mut data = raw.to_vec();
        for (i, filter) in filters.iter().enumerate() {
            let limit = MAX_STREAM_BYTES.min(self.budget.get());
            data = match filter.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    let inflated = inflate(&data, limit)?;
                    match params.get(i).and_then(Option::as_ref) {
                        Some(p) => unpredict(inflated, p),
                        None => inflated,
                    }
                }
                b"ASCIIHexDecode" | b"AHx" => {
                    let end = data.iter().position(|b| *b == b'>').unwrap_or(data.len());
                    let mut wrapped = vec![b'<'];
                    wrapped.extend_from_slice(&data[..end]);
                    wrapped.push(b'>');
                    match Lexer::new(&wrapped, 0).object() {
                        Some(Object::Str(s)) => s,
                        _ => Vec::new(),
                    }
                }
                b"ASCII85Decode" | b"A85" => ascii85(&data),
                _ => return Err(Failure::Unsupported),
            };
            if data.len() > limit {
                return Err(Failure::TooLarge);
            }
        }
        self.budget
            .set(self.budget.get().saturating_sub(data.len()));
        Ok(data)
    }

    /// The pages in order, each with what it inherits from the page tree.
    pub fn pages(&self) -> Vec<Page> {
        let mut out = Vec::new();
        let Some(catalog) = self.catalog() else {
            return out;
        };
        let Some(root) = catalog.as_dict().and_then(|c| c.get(b"Pages")).cloned() else {
            return out;
        };
        let mut seen = HashSet::new();
        // (node, inherited resources, inherited media box), walked depth-first in order.
        let mut stack = vec![(root, None::<Rc<Object>>, None::<[f64; 4]>)];
        while let Some((node, resources, media_box)) = stack.pop() {
            if out.len() >= MAX_PAGES {
                break;
            }
            if let Object::Ref(n) = node {
                if !seen.insert(n) {
                    continue;
                }
            }
            let object = self.resolve(&node);
            let Some(dict) = object.as_dict() else {
                continue;
            };
            let resources = self.lookup(dict, b"Resources").or(resources);
            let media_box = self
                .lookup(dict, b"MediaBox")
                .and_then(|m| rect(&m))
                .or(media_box);
            match self.lookup(dict, b"Kids") {
                Some(kids) if dict.get(b"Type").and_then(Object::as_name) != Some(b"Page") => {
                    let Some(kids) = kids.as_array() else {
                        continue;
                    };
                    for kid in kids.iter().rev() {
                        if stack.len() > MAX_PAGES {
                            break;
                        }
                        stack.push((kid.clone(), resources.clone(), media_box));
                    }
                }
                _ => out.push(Page {
                    dict: dict.clone(),
                    resources: resources.unwrap_or_else(|| Rc::new(Object::Null)),
                    media_box: media_box.unwrap_or([0.0, 0.0, 595.0, 842.0]),
                }),
            }
        }
        out
    }

    /// A page's content: its streams decoded and joined.
    pub fn contents(&self, page: &Page) -> Result<Vec<u8>, Failure> {
        let Some(contents) = self.lookup(&page.dict, b"Contents") else {
            return Ok(Vec::new());
        };
        let streams: Vec<Rc<Object>> = match &*contents {
            Object::Array(a) => a.iter().map(|s| self.resolve(s)).collect(),
            _ => vec![contents.clone()],
        };
        let mut out = Vec::new();
        for s in streams {
            if let Object::Stream(d, raw) = &*s {
                match self.decode(d, raw) {
                    Ok(data) => out.extend_from_slice(&data),
                    Err(Failure::Unsupported) => {}
                    Err(e) => return Err(e),
                }
                out.push(b'\n');
            }
        }
        Ok(out)
    }
}

pub fn rect(o: &Object) -> Option<[f64; 4]> {
    let a = o.as_array()?;
    let v: Vec<f64> = a.iter().filter_map(Object::as_f64).collect();
    (v.len() == 4).then(|| {
        [
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ]
    })
}

/// Where the `N G obj` ending at `at` (the position of `obj`) starts, if it is one.
fn object_header_start(data: &[u8], at: usize) -> Option<usize> {
    if data
        .get(at + 3)
        .is_some_and(|b| !is_white(*b) && !crate::syntax::is_delimiter(*b))
    {
        return None;
    }
    let mut i = at;
    let mut fields = 0;
    while fields < 2 {
        while i > 0 && is_white(data[i - 1]) {
            i -= 1;
        }
        let end = i;
        while i > 0 && data[i - 1].is_ascii_digit() {
            i -= 1;
        }
        if i == end {
            return None;
        }
        fields += 1;
    }
    (i == 0 || !data[i - 1].is_ascii_alphanumeric()).then_some(i)
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// zlib (or, failing its header, raw deflate) data inflated to at most `limit` bytes; a
/// truncated stream yields what was decoded before the damage.
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    let read = flate2::read::ZlibDecoder::new(data)
        .take(limit as u64 + 1)
        .read_to_end(&mut out);
    if read.is_err() && out.is_empty() {
        out.clear();
        let _ = flate2::read::DeflateDecoder::new(data)
            .take(limit as u64 + 1)
            .read_to_end(&mut out);
    }
    if out.len() > limit {
        return Err(Failure::TooLarge);
    }
    Ok(out)
}

/// Undo a PNG predictor (`/Predictor` 10–15), as cross-reference streams use.
fn unpredict(data: Vec<u8>, params: &Dict) -> Vec<u8> {
    let predictor = params
        .get(b"Predictor")
        .and_then(Object::as_i64)
        .unwrap_or(1);
    if predictor < 10 {
        return data;
    }
    let colors = params
        .get(b"Colors")
        .and_then(Object::as_i64)
        .unwrap_or(1)
        .clamp(1, 32);
    let bits = params
        .get(b"BitsPerComponent")
        .and_then(Object::as_i64)
        .unwrap_or(8)
        .clamp(1, 16);
    let columns = params
        .get(b"Columns")
        .and_then(Object::as_i64)
        .unwrap_or(1)
        .clamp(1, 1 << 20);
    let bpp = ((colors * bits + 7) / 8) as usize;
    let row = ((colors * bits * columns + 7) / 8) as usize;
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = vec![0u8; row];
        for i in 0..line.len() {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = match kind {
                1 => line[i].wrapping_add(left),
                2 => line[i].wrapping_add(up),
                3 => line[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    };
                    line[i].wrapping_add(pred)
                }
                _ => line[i],
            };
        }
        out.extend_from_slice(&cur[..line.len()]);
        prev = cur;
    }
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group = [0u32; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = u32::from(b - b'!');
                n += 1;
                if n == 5 {
                    let v = group
                        .iter()
                        .fold(0u32, |v, d| v.wrapping_mul(85).wrapping_add(*d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group
            .iter()
            .fold(0u32, |v, d| v.wrapping_mul(85).wrapping_add(*d));
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii85_and_predictors() {
        assert_eq!(ascii85(b"87cURD]j7BEbo7~>"), b"Hello world");
        let params = Dict(vec![
            (b"Predictor".to_vec(), Object::Int(12)),
            (b"Columns".to_vec(), Object::Int(2)),
        ]);
        assert_eq!(unpredict(vec![2, 1, 2, 2, 1, 1], &params), [1, 2, 2, 3]);
    }

    #[test]
    fn object_headers_are_found_by_scanning() {
        let data = b"x 12 0 obj";
        assert_eq!(object_header_start(data, 7), Some(2));
        assert_eq!(object_header_start(b"a12 0 obj", 6), None);
        assert_eq!(object_header_start(b"endobj", 3), None);
    }
}
