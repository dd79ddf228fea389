//! A small HTML tokenizer: the WHATWG tokenization rules a reader of page text needs, and no
//! tree building.
//!
//! It yields start tags (lower-case name, `/>`, and the first `alt` attribute of an `<img>`), end
//! tags and text; comments, `<!DOCTYPE>`, `<![CDATA[…]]>` (a bogus comment in HTML content) and
//! processing instructions yield nothing. After a start tag the text rules change as the
//! standard says for that element: `<title>` and `<textarea>` hold text with character
//! references up to their end tag; `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`
//! and `<noscript>` raw text; `<script>` script data (where `<!--<script>…</script>-->` does not
//! end the script); `<plaintext>` the rest of the page. Anything malformed is read the way the
//! standard recovers from it, so no text is lost and nothing panics: a `<` that starts no tag
//! is text, a tag cut off by the end of the page is dropped.

use std::borrow::Cow;

use super::references::reference;

/// What the tokenizer yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'a> {
    Start {
        /// The name in ASCII lower case.
        name: String,
        self_closing: bool,
        /// The first `alt` attribute of an `<img>`, character references decoded.
        alt: Option<String>,
    },
    End {
        name: String,
    },
    /// Text as written (no reference in it to decode).
    Text(&'a str),
    /// A decoded character reference, or U+FFFD for a NUL where the standard replaces it.
    Char(char),
}

/// The tokens of a page whose line breaks are already normalised (see [`normalise_newlines`]).
pub(super) fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        src: html,
        pos: 0,
        raw: None,
    }
}

/// `\r\n` and `\r` as `\n`, as the standard preprocesses its input.
pub(super) fn normalise_newlines(html: &str) -> Cow<'_, str> {
    if html.contains('\r') {
        Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(html)
    }
}

/// The tokenizer's state: where it is, and whether it is inside an element whose content is
/// not markup.
pub(super) struct Tokens<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<Raw>,
}
/// Inside `<script>`, `<style>`, `<title>`, … : text up to `end`, where the end tag starts.
struct Raw {
    name: &'static str,
    end: usize,
    /// Character references are decoded (in `<title>` and `<textarea>`).
    references: bool,
}

/// The elements whose content is not markup, and whether references count in them. The switch
/// happens on the start tag alone, wherever it stands (even `<script/>`), as before.
const RAW: &[(&str, bool)] = &[
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    ("noscript", false),
    ("plaintext", false),
    ("script", false),
    ("style", false),
    ("textarea", true),
    ("title", true),
    ("xmp", false),
];

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ')
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let src = self.src;
        let b = src.as_bytes();
        loop {
            let at = self.pos;
            if at >= b.len() {
                return None;
            }
            if let Some(raw) = &self.raw {
                if at < raw.end {
                    let references = raw.references;
                    let stop = (at..raw.end)
                        .find(|&i| b[i] == 0 || references && b[i] == b'&')
                        .unwrap_or(raw.end);
                    if stop > at {
                        self.pos = stop;
                        return Some(Token::Text(&src[at..stop]));
                    }
                    if b[at] == 0 {
                        self.pos = at + 1;
                        return Some(Token::Char('\u{fffd}'));
                    }
                    return Some(self.reference(at));
                }
                // The end tag: `</name`, then its attributes (ignored) up to `>`.
                let name = raw.name;
                self.raw = None;
                let Some((end, _, _)) = tag_rest(src, at + 2 + name.len(), false) else {
                    self.pos = b.len();
                    return None;
                };
                self.pos = end;
                return Some(Token::End { name: name.into() });
            }
            let stop = (at..b.len())
                .find(|&i| b[i] == b'<' || b[i] == b'&')
                .unwrap_or(b.len());
            if stop > at {
                self.pos = stop;
                return Some(Token::Text(&src[at..stop]));
            }
            if b[at] == b'&' {
                return Some(self.reference(at));
            }
            if let Some(token) = self.markup(at) {
                return Some(token);
            }
        }
    }
}

impl<'a> Tokens<'a> {
    /// The character reference at `at`, or the `&` as text.
    fn reference(&mut self, at: usize) -> Token<'a> {
        match reference(&self.src[at..], false) {
            Some((c, len)) => {
                self.pos = at + len;
                Token::Char(c)
            }
            None => {
                self.pos = at + 1;
                Token::Text("&")
            }
        }
    }

    /// What starts with the `<` at `at`: a tag, a comment or a declaration (which yield
    /// nothing), or a `<` that is only text.
    fn markup(&mut self, at: usize) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(at + 1, false),
            Some(b'/') => match b.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(at + 2, true),
                // `</>` is dropped.
                Some(b'>') => {
                    self.pos = at + 3;
                    None
                }
                None => {
                    self.pos = at + 2;
                    Some(Token::Text("</"))
                }
                // `</ p>`, `</3>`: a bogus comment.
                Some(_) => {
                    self.pos = after_gt(b, at + 2);
                    None
                }
            },
            Some(b'!') => {
                self.pos = if b[at + 2..].starts_with(b"--") {
                    comment_end(b, at + 4)
                } else {
                    // `<!DOCTYPE …>`, `<![CDATA[…]]>` and other declarations end at the first `>`.
                    after_gt(b, at + 2)
                };
                None
            }
            // A processing instruction `<?xml …?>` is a bogus comment too.
            Some(b'?') => {
                self.pos = after_gt(b, at + 1);
                None
            }
            _ => {
                self.pos = at + 1;
                Some(Token::Text("<"))
            }
        }
    }

    /// The tag whose name starts at `start`; `None` (and the end of the page) when the page
    /// ends inside it.
    fn tag(&mut self, start: usize, end_tag: bool) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        let name_end = (start..b.len())
            .find(|&i| is_space(b[i]) || b[i] == b'/' || b[i] == b'>')
            .unwrap_or(b.len());
        let name = self.src[start..name_end].to_ascii_lowercase();
        let want_alt = !end_tag && name == "img";
        let Some((end, self_closing, alt)) = tag_rest(self.src, name_end, want_alt) else {
            self.pos = b.len();
            return None;
        };
        self.pos = end;
        if end_tag {
            return Some(Token::End { name });
        }
        if let Some(&(raw, references)) = RAW.iter().find(|(raw, _)| *raw == name) {
            let end = match raw {
                "plaintext" => b.len(),
                "script" => script_end(b, end),
                _ => (end..b.len())
                    .find(|&i| closes(b, i, raw))
                    .unwrap_or(b.len()),
            };
            self.raw = Some(Raw {
                name: raw,
                end,
                references,
            });
        }
        Some(Token::Start {
            name,
            self_closing,
            alt,
        })
    }
}

/// The rest of a tag from just after its name: where it ends, whether it ends in `/>`, and its
/// first `alt` attribute when `want_alt`. `None` when the page ends inside the tag.
fn tag_rest(src: &str, mut i: usize, want_alt: bool) -> Option<(usize, bool, Option<String>)> {
    let b = src.as_bytes();
    let mut alt = None;
    loop {
        match *b.get(i)? {
            c if is_space(c) => i += 1,
            b'>' => return Some((i + 1, false, alt)),
            b'/' => {
                if *b.get(i + 1)? == b'>' {
                    return Some((i + 2, true, alt));
                }
                i += 1;
            }
            _ => {
                // An attribute name (which may start with `=`), then perhaps `=` and a value.
                let name_start = i;
                i += 1;
                while b
                    .get(i)
                    .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
                {
                    i += 1;
                }
                let name = &src[name_start..i];
                while b.get(i).copied().is_some_and(is_space) {
                    i += 1;
                }
                let mut value = "";
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    while b.get(i).copied().is_some_and(is_space) {
                        i += 1;
                    }
                    match *b.get(i)? {
                        quote @ (b'"' | b'\'') => {
                            let close = (i + 1..b.len()).find(|&j| b[j] == quote)?;
                            value = &src[i + 1..close];
                            i = close + 1;
                        }
                        // `a=>`: an empty value; the `>` ends the tag.
                        b'>' => {}
                        _ => {
                            let end = (i..b.len())
                                .find(|&j| is_space(b[j]) || b[j] == b'>')
                                .unwrap_or(b.len());
                            value = &src[i..end];
                            i = end;
                        }
                    }
                }
                if want_alt && alt.is_none() && name.eq_ignore_ascii_case("alt") {
                    alt = Some(attribute_value(value));
                }
            }
        }
    }
}

/// An attribute value with its character references decoded and NULs replaced.
fn attribute_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find(['&', '\0']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, len) = if rest.starts_with('\0') {
            ('\u{fffd}', 1)
        } else {
            reference(rest, true).unwrap_or(('&', 1))
        };
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// Just past the first `>` at or after `from`, or the end of the page.
fn after_gt(b: &[u8], from: usize) -> usize {
    (from..b.len())
        .find(|&i| b[i] == b'>')
        .map_or(b.len(), |i| i + 1)
}

/// Where a comment whose text starts at `from` (just after `<!--`) ends: after `-->` or
/// `--!>`, right away for `<!-->` and `<!--->`, or at the end of the page.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let find = |needle: &[u8]| rest.windows(needle.len()).position(|w| w == needle);
    match (find(b"-->"), find(b"--!>")) {
        (Some(a), Some(c)) if c < a => from + c + 4,
        (Some(a), _) => from + a + 3,
        (None, Some(c)) => from + c + 4,
        (None, None) => b.len(),
    }
}

/// Does the end tag of `name` start at `i`: `</name` (any case) followed by a space, `/` or `>`?
fn closes(b: &[u8], i: usize, name: &str) -> bool {
    let n = name.len();
    b[i] == b'<'
        && b.get(i + 1) == Some(&b'/')
        && b.get(i + 2..i + 2 + n)
            .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
        && b.get(i + 2 + n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where a script's content that starts at `from` ends: at its `</script>`, except inside an
/// escaped `<!--<script>…</script>-->`, where the standard does not end it.
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        /// After `<!--`: `dashes` counts the `-` just read (up to 2).
        Escaped,
        /// After `<!--` and then `<script`.
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut dashes = 0;
    let mut i = from;
    let ends_script_name = |j: usize| {
        let run = b[j..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        b[j..j + run].eq_ignore_ascii_case(b"script")
            && b.get(j + run)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    };
    while i < b.len() {
        let c = b[i];
        match state {
            State::Data => {
                if c == b'<' {
                    if closes(b, i, "script") {
                        return i;
                    }
                    if b[i + 1..].starts_with(b"!--") {
                        state = State::Escaped;
                        dashes = 2;
                        i += 4;
                        continue;
                    }
                }
            }
            State::Escaped | State::DoubleEscaped => match c {
                b'-' => {
                    dashes = (dashes + 1).min(2);
                    i += 1;
                    continue;
                }
                b'>' if dashes == 2 => state = State::Data,
                b'<' if state == State::Escaped => {
                    if closes(b, i, "script") {
                        return i;
                    }
                    if ends_script_name(i + 1) {
                        state = State::DoubleEscaped;
                        i += 7; // `<script` and the character after it
                    }
                }
                b'<' if b.get(i + 1) == Some(&b'/') && ends_script_name(i + 2) => {
                    state = State::Escaped;
                    i += 8; // `</script` and the character after it
                }
                _ => {}
            },
        }
        dashes = 0;
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &str) -> Token<'static> {
        Token::Start {
            name: name.into(),
            self_closing: false,
            alt: None,
        }
    }

    fn end(name: &str) -> Token<'static> {
        Token::End { name: name.into() }
    }

    #[track_caller]
    fn tokenizes(html: &str, expected: &[Token]) {
        let html = normalise_newlines(html);
        assert_eq!(tokens(&html).collect::<Vec<_>>(), expected, "{html:?}");
    }

    #[test]
    fn tags_with_every_kind_of_attribute() {
        let p = [start("p"), Token::Text("甲"), end("p")];
        tokenizes("<p>甲</p>", &p);
        tokenizes("<P CLASS=A>甲</P >", &p);
        tokenizes(r#"<p class="a b" id='c' hidden data-x=1>甲</p>"#, &p);
        tokenizes("<p\n  class = \"a\"\tid\n=\nb >甲</p\n>", &p);
        tokenizes("<p a=\"x\"b='y'c>甲</p foo=\"bar\">", &p);
        tokenizes("<p =x a\"b=1 c<d>甲</p>", &p);
    }

    #[test]
    fn a_greater_than_sign_inside_quotes_does_not_end_the_tag() {
        tokenizes(
            r#"<div title="a>b" data-x='c>d'>甲</div>"#,
            &[start("div"), Token::Text("甲"), end("div")],
        );
        // Unquoted, it does.
        tokenizes("<a href=x>y>丙", &[start("a"), Token::Text("y>丙")]);
    }

    #[test]
    fn self_closing_tags() {
        let br = |self_closing| Token::Start {
            name: "br".into(),
            self_closing,
            alt: None,
        };
        tokenizes("<br/>", &[br(true)]);
        tokenizes("<BR />", &[br(true)]);
        tokenizes("<br / >", &[br(false)]);
        // An unquoted value takes the `/` (as in a browser).
        tokenizes("<br a=1/>", &[br(false)]);
        tokenizes("<br a=1 />", &[br(true)]);
        tokenizes("</br/>", &[end("br")]);
    }

    #[test]
    fn the_alt_of_an_image_is_decoded_and_the_first_one_counts() {
        let img = |alt: Option<&str>| Token::Start {
            name: "img".into(),
            self_closing: false,
            alt: alt.map(Into::into),
        };
        tokenizes(r#"<IMG SRC="x" ALT="图&amp;二">"#, &[img(Some("图&二"))]);
        tokenizes("<img alt=图一>", &[img(Some("图一"))]);
        tokenizes("<img alt=a alt=b>", &[img(Some("a"))]);
        tokenizes("<img alt src=x>", &[img(Some(""))]);
        tokenizes("<img alt=&copy=x>", &[img(Some("&copy=x"))]);
        tokenizes("<img alt=\"&copy;=x\">", &[img(Some("©=x"))]);
        tokenizes("<img src=x>", &[img(None)]);
    }

    #[test]
    fn comments_declarations_and_processing_instructions_yield_nothing() {
        tokenizes("<!DOCTYPE html>甲", &[Token::Text("甲")]);
        tokenizes(
            r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">甲"#,
            &[Token::Text("甲")],
        );
        tokenizes("<!-- <p>乙</p> -->甲", &[Token::Text("甲")]);
        tokenizes(
            "<!-->甲<!--->乙<!---->丙",
            &[Token::Text("甲"), Token::Text("乙"), Token::Text("丙")],
        );
        tokenizes("<!-- a -- b --!>甲", &[Token::Text("甲")]);
        tokenizes("<?xml version=\"1.0\"?>甲", &[Token::Text("甲")]);
        tokenizes("<![CDATA[ x ]]>甲", &[Token::Text("甲")]);
        // In HTML content CDATA is a bogus comment: it ends at the first `>`.
        tokenizes("<![CDATA[ a > b ]]>", &[Token::Text(" b ]]>")]);
        tokenizes("<!-- 未闭合 <p>甲</p>", &[]);
    }

    #[test]
    fn script_style_and_title_content_is_one_text() {
        tokenizes(
            "<script>if (a < b) document.write('<p>x</p>')</script>甲",
            &[
                start("script"),
                Token::Text("if (a < b) document.write('<p>x</p>')"),
                end("script"),
                Token::Text("甲"),
            ],
        );
        tokenizes(
            "<STYLE>p > a { x: '&amp;' }</style >",
            &[
                start("style"),
                Token::Text("p > a { x: '&amp;' }"),
                end("style"),
            ],
        );
        // Character references count in a title, not in a style.
        tokenizes(
            "<title>甲&amp;乙</title>",
            &[
                start("title"),
                Token::Text("甲"),
                Token::Char('&'),
                Token::Text("乙"),
                end("title"),
            ],
        );
        tokenizes(
            "<script>var s = '</scripts>';</script>",
            &[
                start("script"),
                Token::Text("var s = '</scripts>';"),
                end("script"),
            ],
        );
        tokenizes(
            "<noscript><p>甲</p></noscript><xmp><b>乙</b></xmp>",
            &[
                start("noscript"),
                Token::Text("<p>甲</p>"),
                end("noscript"),
                start("xmp"),
                Token::Text("<b>乙</b>"),
                end("xmp"),
            ],
        );
        tokenizes(
            "<script>var a = 1; <p>乙</p>",
            &[start("script"), Token::Text("var a = 1; <p>乙</p>")],
        );
    }

    #[test]
    fn an_escaped_script_tag_in_a_script_does_not_end_it() {
        let body = "<!-- document.write(\"<script src=a.js></script>\"); //-->";
        tokenizes(
            &format!("<script>{body}</script>甲"),
            &[
                start("script"),
                Token::Text(body),
                end("script"),
                Token::Text("甲"),
            ],
        );
        // Without the comment-like opening, the first `</script>` ends it.
        tokenizes(
            "<script>x = \"<script></script>乙",
            &[
                start("script"),
                Token::Text("x = \"<script>"),
                end("script"),
                Token::Text("乙"),
            ],
        );
        // `-->` closes the escape, and then `</script>` ends the script again.
        tokenizes(
            "<script><!-- x --></script>甲",
            &[
                start("script"),
                Token::Text("<!-- x -->"),
                end("script"),
                Token::Text("甲"),
            ],
        );
    }

    #[test]
    fn plaintext_runs_to_the_end() {
        tokenizes(
            "<plaintext><p>乙</p></plaintext>",
            &[start("plaintext"), Token::Text("<p>乙</p></plaintext>")],
        );
    }

    #[test]
    fn references_in_text() {
        tokenizes(
            "&lt;p&gt;",
            &[Token::Char('<'), Token::Text("p"), Token::Char('>')],
        );
        tokenizes(
            "a & b &c",
            &[
                Token::Text("a "),
                Token::Text("&"),
                Token::Text(" b "),
                Token::Text("&"),
                Token::Text("c"),
            ],
        );
        tokenizes("&nbsp&#x4E00;", &[Token::Char('\u{a0}'), Token::Char('一')]);
    }

    #[test]
    fn malformed_markup_keeps_its_text() {
        tokenizes(
            "a < b > c",
            &[Token::Text("a "), Token::Text("<"), Token::Text(" b > c")],
        );
        tokenizes("<3甲", &[Token::Text("<"), Token::Text("3甲")]);
        tokenizes("甲<", &[Token::Text("甲"), Token::Text("<")]);
        tokenizes("甲</", &[Token::Text("甲"), Token::Text("</")]);
        tokenizes("甲</>乙", &[Token::Text("甲"), Token::Text("乙")]);
        // `</ p>` is a bogus comment, as in a browser.
        tokenizes("甲</ p>乙", &[Token::Text("甲"), Token::Text("乙")]);
        // A tag cut off by the end of the page is dropped, not the text before it.
        tokenizes("甲<p class=\"a", &[Token::Text("甲")]);
        tokenizes("甲<p", &[Token::Text("甲")]);
        tokenizes("甲<br/", &[Token::Text("甲")]);
        tokenizes("<p<p>甲", &[start("p<p"), Token::Text("甲")]);
    }

    #[test]
    fn nul_and_carriage_returns() {
        tokenizes("甲\0乙", &[Token::Text("甲\0乙")]);
        tokenizes(
            "<style>\0</style>",
            &[start("style"), Token::Char('\u{fffd}'), end("style")],
        );
        tokenizes("a\r\nb\rc", &[Token::Text("a\nb\nc")]);
        tokenizes("<p\rclass=x>", &[start("p")]);
    }
}
