//! Content streams (ISO 32000-1, 8–9): the text operators run with the graphics state
//! (`q`/`Q`/`cm`), the text state and the text matrices, so that every shown character lands
//! where it is drawn; form XObjects are entered (to a bounded depth), image XObjects and inline
//! images are only noted, so that a page of scans can be told from an empty one.

use std::collections::HashMap;
use std::rc::Rc;

use crate::document::{Document, Page};
use crate::font::Font;
use crate::layout::Glyph;
use crate::syntax::{Lexer, Object, Token};
use crate::{Failure, MAX_OPERATIONS, MAX_TEXT_CHARS};

const MAX_FORM_DEPTH: usize = 8;
const MAX_STATE_DEPTH: usize = 256;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// What reading the pages found.
#[derive(Default)]
pub struct Reading {
    pub glyphs: Vec<Glyph>,
    /// Glyphs whose code had no Unicode meaning.
    pub unknown: usize,
    pub images: usize,
    operations: usize,
}

pub struct Interpreter<'d, 'a> {
    doc: &'d Document<'a>,
    fonts: HashMap<u32, Rc<Font>>,
    pub reading: Reading,
}

impl<'d, 'a> Interpreter<'d, 'a> {
    pub fn new(doc: &'d Document<'a>) -> Self {
        Self {
            doc,
            fonts: HashMap::new(),
            reading: Reading::default(),
        }
    }

    pub fn page(&mut self, index: u32, page: &Page) -> Result<(), Failure> {
        let content = self.doc.contents(page)?;
        let [x0, y0, _, y1] = page.media_box;
        // Device space with y growing downwards from the top of the media box, in points.
        let base = [1.0, 0.0, 0.0, -1.0, -x0, y1];
        let _ = y0;
        let resources = page.resources.clone();
        self.run(&content, &resources, base, index, 0)
    }

    fn font(&mut self, resources: &Object, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.doc.lookup(resources.as_dict()?, b"Font")?;
        let entry = fonts.as_dict()?.get(name)?.clone();
        if let Object::Ref(n) = entry {
            if let Some(f) = self.fonts.get(&n) {
                return Some(f.clone());
            }
            let dict = self.doc.get(n);
            let font = Rc::new(Font::load(self.doc, dict.as_dict()?));
            self.fonts.insert(n, font.clone());
            return Some(font);
        }
        Some(Rc::new(Font::load(self.doc, entry.as_dict()?)))
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &Object,
        ctm: Matrix,
        page: u32,
        depth: usize,
    ) -> Result<(), Failure> {
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut lexer = Lexer::new(content, 0);
        let mut operands: Vec<Object> = Vec::new();
        loop {
            let op = match lexer.token() {
                Token::End => break,
                Token::Value(o) => {
                    if operands.len() < 64 {
                        operands.push(o);
                    }
                    continue;
                }
                Token::Keyword(k) => k,
            };
            self.reading.operations += 1;
            if self.reading.operations > MAX_OPERATIONS {
                return Err(Failure::TooMuchText);
            }
            let args = std::mem::take(&mut operands);
            let num = |i: usize| args.get(i).and_then(Object::as_f64).unwrap_or(0.0);
            match op.as_slice() {
                b"q" if saved.len() < MAX_STATE_DEPTH => {
                    saved.push(state.clone());
                }
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                b"cm" if args.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    state.ctm = mul(&m, &state.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    state.size = num(1);
                    state.font = args
                        .first()
                        .and_then(Object::as_name)
                        .and_then(|n| self.font(resources, n));
                }
                b"Tc" => state.char_spacing = num(0),
                b"Tw" => state.word_spacing = num(0),
                b"Tz" => state.scale = num(0) / 100.0,
                b"TL" => state.leading = num(0),
                b"Ts" => state.rise = num(0),
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        state.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if args.len() == 6 => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        state.word_spacing = num(0);
                        state.char_spacing = num(1);
                    }
                    if op != b"Tj" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::Str(s)) = args.last() {
                        self.show(s, &state, &mut tm, page)?;
                    }
                }
                b"TJ" => {
                    for item in args.first().and_then(Object::as_array).unwrap_or_default() {
                        match item {
                            Object::Str(s) => self.show(s, &state, &mut tm, page)?,
                            other => {
                                let adjust = other.as_f64().unwrap_or(0.0);
                                let tx = -adjust / 1000.0 * state.size * state.scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(name) = args.first().and_then(Object::as_name) {
                        self.x_object(resources, name, &state, page, depth)?;
                    }
                }
                b"BI" => {
                    self.reading.images += 1;
                    skip_inline_image(&mut lexer);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn x_object(
        &mut self,
        resources: &Object,
        name: &[u8],
        state: &State,
        page: u32,
        depth: usize,
    ) -> Result<(), Failure> {
        let doc = self.doc;
        let Some(x_objects) = resources.as_dict().and_then(|r| doc.lookup(r, b"XObject")) else {
            return Ok(());
        };
        let Some(entry) = x_objects.as_dict().and_then(|d| d.get(name)) else {
            return Ok(());
        };
        let object = doc.resolve(entry);
        let Object::Stream(dict, raw) = &*object else {
            return Ok(());
        };
        match dict.get(b"Subtype").and_then(Object::as_name) {
            Some(b"Image") => self.reading.images += 1,
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let content = match doc.decode(dict, raw) {
                    Ok(c) => c,
                    Err(Failure::Unsupported) => return Ok(()),
                    Err(e) => return Err(e),
                };
                let matrix = doc
                    .lookup(dict, b"Matrix")
                    .and_then(|m| {
                        let v: Vec<f64> = m.as_array()?.iter().filter_map(Object::as_f64).collect();
                        <[f64; 6]>::try_from(v).ok()
                    })
                    .unwrap_or(IDENTITY);
                let own = doc.lookup(dict, b"Resources");
                let resources = own.as_deref().unwrap_or(resources).clone();
                self.run(
                    &content,
                    &resources,
                    mul(&matrix, &state.ctm),
                    page,
                    depth + 1,
                )?;
            }
            _ => {}
        }
        Ok(())
    }

    fn show(&mut self, s: &[u8], state: &State, tm: &mut Matrix, page: u32) -> Result<(), Failure> {
        let Some(font) = state.font.clone() else {
            return Ok(());
        };
        for code in font.decode(s) {
            let trm = mul(
                &mul(
                    &[
                        state.size * state.scale,
                        0.0,
                        0.0,
                        state.size,
                        0.0,
                        state.rise,
                    ],
                    tm,
                ),
                &state.ctm,
            );
            let advance = code.width / 1000.0 * state.size
                + state.char_spacing
                + if code.is_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let width = code.width / 1000.0 * (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            match code.text {
                Some(text) => {
                    let n = text.chars().count().max(1) as f64;
                    for (k, ch) in text.chars().enumerate() {
                        if self.reading.glyphs.len() >= MAX_TEXT_CHARS {
                            return Err(Failure::TooMuchText);
                        }
                        self.reading.glyphs.push(Glyph {
                            page,
                            x: (trm[4] + width * k as f64 / n) as f32,
                            y: trm[5] as f32,
                            size: size as f32,
                            width: (width / n) as f32,
                            ch,
                        });
                    }
                }
                None => self.reading.unknown += 1,
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance * state.scale, 0.0], tm);
        }
        Ok(())
    }
}

/// Move past an inline image's data: from `ID` to the `EI` that follows white space.
fn skip_inline_image(lexer: &mut Lexer<'_>) {
    loop {
        match lexer.token() {
            Token::End => return,
            Token::Keyword(k) if k == b"ID" => break,
            _ => {}
        }
    }
    let data = lexer.data;
    let mut i = lexer.pos + 1;
    while i + 2 <= data.len() {
        if &data[i..i + 2] == b"EI"
            && crate::syntax::is_white(data[i - 1])
            && data.get(i + 2).is_none_or(|b| crate::syntax::is_white(*b))
        {
            lexer.pos = i + 2;
            return;
        }
        i += 1;
    }
    lexer.pos = data.len();
}
