//! PDF objects and the lexer that reads them (ISO 32000-1, 7.2–7.3): numbers, strings
//! (literal and hexadecimal), names, arrays, dictionaries, indirect references, and the bare
//! keywords of content streams.

/// How deep arrays and dictionaries may nest before the rest is refused.
const MAX_DEPTH: usize = 64;

/// A PDF object. Streams are stored by the document, not here.
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32),
    /// A stream: its dictionary and its raw (still encoded) bytes.
    Stream(Dict, Vec<u8>),
}

/// A dictionary, in the order of the file (they are small; lookup is linear).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Object)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Object {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Object::Int(i) => Some(*i as f64),
            Object::Real(r) if r.is_finite() => Some(*r),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Object::Int(i) => Some(*i),
            Object::Real(r) if r.is_finite() => Some(*r as i64),
            _ => None,
        }
    }

    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) | Object::Stream(d, _) => Some(d),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// A token: an object, a keyword (`obj`, `stream`, `Tj`, …), or the end of the input.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Value(Object),
    Keyword(Vec<u8>),
    End,
}

pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

pub fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// Reads tokens and objects from a byte slice.
pub struct Lexer<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Self { data, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skip white space and comments.
    pub fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\r' || b == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next run of regular characters (a number or keyword), without consuming delimiters.
    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// The next token, with arrays and dictionaries read whole and `N G R` read as a reference.
    pub fn token(&mut self) -> Token {
        self.token_at(0)
    }

    fn token_at(&mut self, depth: usize) -> Token {
        self.skip_white();
        let Some(b) = self.peek() else {
            return Token::End;
        };
        match b {
            b'/' => {
                self.pos += 1;
                Token::Value(Object::Name(self.name()))
            }
            b'(' => {
                self.pos += 1;
                Token::Value(Object::Str(self.literal()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                if depth >= MAX_DEPTH {
                    return Token::End;
                }
                Token::Value(Object::Dict(self.dict(depth + 1)))
            }
            b'<' => {
                self.pos += 1;
                Token::Value(Object::Str(self.hex()))
            }
            b'[' => {
                self.pos += 1;
                if depth >= MAX_DEPTH {
                    return Token::End;
                }
                Token::Value(Object::Array(self.array(depth + 1)))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Token::Keyword(vec![b])
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    self.pos += 1;
                    return Token::Keyword(vec![b]);
                }
                if let Some(number) = number(word) {
                    if let Object::Int(n) = number {
                        if let Some(r) = self.reference(n) {
                            return Token::Value(r);
                        }
                    }
                    return Token::Value(number);
                }
                match word {
                    b"true" => Token::Value(Object::Bool(true)),
                    b"false" => Token::Value(Object::Bool(false)),
                    b"null" => Token::Value(Object::Null),
                    _ => Token::Keyword(word.to_vec()),
                }
            }
        }
    }

    /// After an integer `n`: `G R` makes it a reference (the lexer is left after `R`).
    fn reference(&mut self, n: i64) -> Option<Object> {
        let save = self.pos;
        self.skip_white();
        let generation = self.word();
        if !generation.is_empty() && generation.iter().all(u8::is_ascii_digit) {
            self.skip_white();
            if self.word() == b"R" && self.peek().is_none_or(|b| !is_regular(b)) {
                if let Ok(n) = u32::try_from(n) {
                    return Some(Object::Ref(n));
                }
            }
        }
        self.pos = save;
        None
    }

    /// One object (keywords other than `null`/`true`/`false` are `None`).
    pub fn object(&mut self) -> Option<Object> {
        match self.token() {
            Token::Value(o) => Some(o),
            _ => None,
        }
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            if !is_regular(b) {
                break;
            }
            self.pos += 1;
            if b == b'#' {
                let hex = self.data.get(self.pos..self.pos + 2).and_then(hex_pair);
                if let Some(v) = hex {
                    out.push(v);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        out
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut nesting = 0usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    nesting += 1;
                    out.push(b);
                }
                b')' => {
                    if nesting == 0 {
                        break;
                    }
                    nesting -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let mut digits = Vec::new();
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_digit(b) {
                digits.push(v);
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect()
    }

    fn array(&mut self, depth: usize) -> Vec<Object> {
        let mut out = Vec::new();
        loop {
            match self.token_at(depth) {
                Token::Value(o) => out.push(o),
                Token::Keyword(k) if k == b"]" => break,
                Token::Keyword(_) => {}
                Token::End => break,
            }
        }
        out
    }

    fn dict(&mut self, depth: usize) -> Dict {
        let mut out = Vec::new();
        loop {
            self.skip_white();
            if self.data.get(self.pos..self.pos + 2) == Some(b">>") {
                self.pos += 2;
                break;
            }
            match self.token_at(depth) {
                Token::Value(Object::Name(key)) => {
                    let value = match self.token_at(depth) {
                        Token::Value(v) => v,
                        Token::Keyword(k) if k == b">" => {
                            // `>>` right after a key: the key has no value.
                            if self.peek() == Some(b'>') {
                                self.pos += 1;
                            }
                            break;
                        }
                        Token::Keyword(_) => Object::Null,
                        Token::End => break,
                    };
                    out.push((key, value));
                }
                Token::End => break,
                _ => {}
            }
        }
        Dict(out)
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn hex_pair(p: &[u8]) -> Option<u8> {
    Some(hex_digit(*p.first()?)? << 4 | hex_digit(*p.get(1)?)?)
}

/// A number token (`12`, `-3`, `.5`, `4.`), or `None` for any other word.
pub fn number(word: &[u8]) -> Option<Object> {
    let s = std::str::from_utf8(word).ok()?;
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if !body.contains('.') {
        return s
            .parse::<i64>()
            .ok()
            .map(Object::Int)
            .or(Some(Object::Real(0.0)));
    }
    if body == "." || body.matches('.').count() > 1 {
        return Some(Object::Real(0.0));
    }
    s.parse::<f64>().ok().map(Object::Real)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Object {
        Lexer::new(s.as_bytes(), 0).object().unwrap_or(Object::Null)
    }

    #[test]
    fn objects_of_every_kind() {
        assert_eq!(parse("42"), Object::Int(42));
        assert_eq!(parse("-.5"), Object::Real(-0.5));
        assert_eq!(parse("/A#20B"), Object::Name(b"A B".to_vec()));
        assert_eq!(parse("(a\\(b\\)c\\101)"), Object::Str(b"a(b)cA".to_vec()));
        assert_eq!(parse("(x(y)z)"), Object::Str(b"x(y)z".to_vec()));
        assert_eq!(parse("<4E6F7>"), Object::Str(vec![0x4e, 0x6f, 0x70]));
        assert_eq!(parse("12 0 R"), Object::Ref(12));
        assert_eq!(
            parse("[1 2 0 R /N]"),
            Object::Array(vec![
                Object::Int(1),
                Object::Ref(2),
                Object::Name(b"N".to_vec())
            ])
        );
        let d = parse("<</Type/Page/Kids[3 0 R]%c\n/N null>>");
        let d = d.as_dict().cloned().unwrap_or_default();
        assert_eq!(d.get(b"Type"), Some(&Object::Name(b"Page".to_vec())));
        assert_eq!(d.get(b"N"), Some(&Object::Null));
        assert_eq!(d.get(b"Kids"), Some(&Object::Array(vec![Object::Ref(3)])));
    }

    #[test]
    fn keywords_and_odd_input() {
        let mut l = Lexer::new(b"BT /F1 12 Tf (a) Tj ET", 0);
        let mut words = Vec::new();
        loop {
            match l.token() {
                Token::End => break,
                Token::Keyword(k) => words.push(String::from_utf8_lossy(&k).into_owned()),
                Token::Value(_) => {}
            }
        }
        assert_eq!(words, ["BT", "Tf", "Tj", "ET"]);
        // Deep nesting stops instead of recursing without bound.
        let deep = "[".repeat(100_000);
        let _ = Lexer::new(deep.as_bytes(), 0).object();
        assert_eq!(parse("1.2.3"), Object::Real(0.0));
        assert_eq!(parse("99999999999999999999"), Object::Real(0.0));
    }
}
