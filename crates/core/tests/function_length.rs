//! No function of the analyzer or the app runs over [`LIMIT`] lines, counted from the line of its
//! `fn` to the line of its closing brace, unless the comment lines just above it say why with a
//! `long:` note. Small functions with clear names are the house style; a long one must be a choice.

use std::path::{Path, PathBuf};

/// The most lines a function may take without a `long:` note.
const LIMIT: usize = 80;

/// What a comment above a long function must contain.
const MARKER: &str = "long:";

/// A function found in a source file.
#[derive(Debug, PartialEq)]
struct Function {
    name: String,
    /// 1-based line of the `fn` keyword.
    line: usize,
    /// Lines from the `fn` keyword to the closing brace, both included.
    lines: usize,
    /// Whether the comments just above it carry the [`MARKER`].
    explained: bool,
}

/// `src` with the inside of every comment, string and character literal blanked out (newlines
/// kept), so that braces and `fn` in them are not read as code.
fn mask(src: &str) -> Vec<char> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        let end = match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => line_comment_end(&chars, i),
            '/' if chars.get(i + 1) == Some(&'*') => block_comment_end(&chars, i),
            'r' if starts_raw_string(&chars, i) => raw_string_end(&chars, i),
            '"' => string_end(&chars, i),
            '\'' => char_literal_end(&chars, i),
            _ => None,
        };
        match end {
            Some(end) => {
                blank(&mut out[i..end]);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Spaces over `chars`, keeping line breaks.
fn blank(chars: &mut [char]) {
    for c in chars.iter_mut().filter(|c| **c != '\n') {
        *c = ' ';
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn line_comment_end(chars: &[char], start: usize) -> Option<usize> {
    let len = chars[start..].iter().position(|&c| c == '\n');
    Some(len.map_or(chars.len(), |n| start + n))
}

/// The end of a (nested) block comment opening at `start`.
fn block_comment_end(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < chars.len() {
        match (chars[i], chars[i + 1]) {
            ('/', '*') => {
                depth += 1;
                i += 2;
            }
            ('*', '/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    Some(chars.len())
}

/// Whether `r` at `i` opens a raw string: `r"`, `r#"`, `br##"`, not the end of an identifier.
fn starts_raw_string(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let prefix_ok = match before {
        Some('b') => i < 2 || !is_ident(chars[i - 2]),
        Some(c) => !is_ident(c),
        None => true,
    };
    let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
    prefix_ok && chars.get(i + 1 + hashes) == Some(&'"')
}

fn raw_string_end(chars: &[char], start: usize) -> Option<usize> {
    let hashes = chars[start + 1..].iter().take_while(|&&c| c == '#').count();
    let mut i = start + 1 + hashes + 1;
    while i < chars.len() {
        if chars[i] == '"'
            && chars[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(chars.len())
}

fn string_end(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    Some(chars.len())
}

/// The end of a character literal at `start` (`'a'`, `'\''`, `'\u{4e00}'`), or `None` for a
/// lifetime (`'a`, `'static`).
fn char_literal_end(chars: &[char], start: usize) -> Option<usize> {
    match chars.get(start + 1)? {
        '\\' => {
            let close = chars[start + 2..].iter().position(|&c| c == '\'')?;
            Some(start + 2 + close + 1)
        }
        _ if chars.get(start + 2) == Some(&'\'') => Some(start + 3),
        _ => None,
    }
}

/// Every function with a body in `src`, nested ones included.
fn functions(src: &str) -> Vec<Function> {
    let code = mask(src);
    let lines: Vec<&str> = src.lines().collect();
    let line_of = line_starts(&code);
    let mut out = Vec::new();
    for at in fn_keywords(&code) {
        let Some((name, open)) = signature(&code, at) else {
            continue;
        };
        let Some(close) = matching_brace(&code, open) else {
            continue;
        };
        let line = line_of(at);
        out.push(Function {
            name,
            line,
            lines: line_of(close) - line + 1,
            explained: comments_above(&lines, line).contains(MARKER),
        });
    }
    out
}

/// A function that gives the 1-based line of a char offset of `code`.
fn line_starts(code: &[char]) -> impl Fn(usize) -> usize {
    let breaks: Vec<usize> = (0..code.len()).filter(|&i| code[i] == '\n').collect();
    move |at| breaks.partition_point(|&b| b < at) + 1
}

/// Where the keyword `fn` stands in `code`, as a whole word.
fn fn_keywords(code: &[char]) -> Vec<usize> {
    (0..code.len().saturating_sub(2))
        .filter(|&i| code[i] == 'f' && code[i + 1] == 'n')
        .filter(|&i| i == 0 || !is_ident(code[i - 1]))
        .filter(|&i| !is_ident(code[i + 2]))
        .collect()
}

/// The name of the function whose `fn` is at `at` and where its body opens; `None` for a
/// declaration without a body (`fn f();`) or a function pointer type (`fn(u8) -> u8`).
fn signature(code: &[char], at: usize) -> Option<(String, usize)> {
    let rest = &code[at + 2..];
    let skip = rest.iter().take_while(|c| c.is_whitespace()).count();
    let name: String = rest[skip..].iter().take_while(|&&c| is_ident(c)).collect();
    if name.is_empty() {
        return None;
    }
    let mut depth = 0i32;
    for (i, &c) in rest.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '{' if depth == 0 => return Some((name, at + 2 + i)),
            ';' if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

fn matching_brace(code: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in code.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The comment and attribute lines just above 1-based `line`, joined.
fn comments_above(lines: &[&str], line: usize) -> String {
    lines[..line - 1]
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("//") || l.starts_with("#["))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The functions over [`LIMIT`] lines without a `long:` note in `src`.
fn too_long(src: &str) -> Vec<Function> {
    functions(src)
        .into_iter()
        .filter(|f| f.lines > LIMIT && !f.explained)
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_function_runs_over_the_limit_without_saying_why() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crates/core sits in crates/");
    let mut files = Vec::new();
    for dir in ["core/src", "app/src"] {
        rust_files(&crates.join(dir), &mut files);
    }
    let mut seen = 0;
    let mut long = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).expect("a readable source file");
        seen += functions(&src).len();
        let shown = path.strip_prefix(crates).unwrap_or(path).display();
        for f in too_long(&src) {
            long.push(format!("{shown}:{} {} ({} lines)", f.line, f.name, f.lines));
        }
    }
    assert!(
        seen > 1000,
        "only {seen} functions found: the scanner is broken"
    );
    assert!(
        long.is_empty(),
        "functions over {LIMIT} lines; split them, or say why in a `{MARKER}` comment above:\n{}",
        long.join("\n")
    );
}

/// The most lines a file of the quantity scanner may hold: it is split by concern (numbers,
/// words as data, tails, context, relations, tests by form), and no concern needs more.
const QUANTITY_FILE_LIMIT: usize = 300;

#[test]
fn no_file_of_the_quantity_scanner_runs_over_its_limit() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/quantity");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    assert!(
        files.len() >= 8,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).ok()?.lines().count();
            (lines > QUANTITY_FILE_LIMIT).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "quantity files over {QUANTITY_FILE_LIMIT} lines:\n{}",
        long.join("\n")
    );
}

/// A function `name` of `lines` lines in all, its body made of `body` lines.
fn function_of(name: &str, lines: usize, body: &str) -> String {
    let filler = "    let x = 1;\n".repeat(lines - 2 - body.lines().count());
    format!("fn {name}() {{\n{body}{filler}}}\n")
}

#[test]
fn counts_from_fn_to_the_closing_brace() {
    let src = format!("// a file\n\n{}", function_of("f", 10, ""));
    let got = functions(&src);
    assert_eq!(
        got,
        vec![Function {
            name: "f".to_owned(),
            line: 3,
            lines: 10,
            explained: false
        }]
    );
    assert!(too_long(&function_of("short", LIMIT, "")).is_empty());
    assert_eq!(too_long(&function_of("long", LIMIT + 1, "")).len(), 1);
}

#[test]
fn braces_in_strings_chars_and_comments_do_not_count() {
    let body = concat!(
        "    let a = \"}}} fn x() {\";\n",
        "    let b = '}';\n",
        "    let c = '\\'';\n",
        "    let d = r#\"}\" }\"#;\n",
        "    // }\n",
        "    /* } /* } */ } */\n",
        "    let e: &'static str = \"\\\"}\";\n",
    );
    let src = function_of("f", LIMIT + 1, body) + &function_of("g", 3, "");
    let got = functions(&src);
    let names: Vec<(&str, usize)> = got.iter().map(|f| (f.name.as_str(), f.lines)).collect();
    assert_eq!(names, vec![("f", LIMIT + 1), ("g", 3)]);
}

#[test]
fn nested_functions_are_measured_on_their_own() {
    let inner = function_of("inner", 5, "");
    let src = function_of("outer", LIMIT + 1, &inner);
    let got: Vec<(String, usize)> = functions(&src)
        .into_iter()
        .map(|f| (f.name, f.lines))
        .collect();
    assert_eq!(
        got,
        vec![("outer".to_owned(), LIMIT + 1), ("inner".to_owned(), 5)]
    );
    let names: Vec<String> = too_long(&src).into_iter().map(|f| f.name).collect();
    assert_eq!(names, vec!["outer"]);
}

#[test]
fn a_long_note_above_excuses_a_long_function() {
    let long = function_of("table", LIMIT + 20, "");
    let noted = format!("/// Doc.\n// long: one decision, a table of cases.\n#[inline]\n{long}");
    assert!(too_long(&noted).is_empty());
    let apart = format!("// long: about something else\n\nconst X: u8 = 1;\n{long}");
    assert_eq!(too_long(&apart).len(), 1);
}

#[test]
fn declarations_and_pointer_types_are_not_functions() {
    let src = "trait T {\n    fn f(&self);\n}\ntype P = fn(u8) -> u8;\nfn g<'a>(x: &'a str) -> [u8; 2] {\n    x\n}\n";
    let names: Vec<String> = functions(src).into_iter().map(|f| f.name).collect();
    assert_eq!(names, vec!["g"]);
}
