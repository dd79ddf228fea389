//! Every regular expression of the analysis is compiled here.
//!
//! The regex crate is built without its Unicode tables (scripts, general categories, Perl
//! classes, case folding): they would be most of what the patterns cost in the browser's
//! download, and the patterns need three classes of them only. [`regex`] writes those three out
//! as plain ranges before compiling:
//! - `\p{Han}` (and `\P{Han}`): the Han script, [`HAN`];
//! - `\d` (and `\D`): the ASCII and full-width digits (the only digits these texts use; Unicode's
//!   `\d` also takes the digits of other scripts);
//! - `\s` (and `\S`): Unicode's White_Space, [`WHITE_SPACE`].
//!
//! Case-insensitive matching (`(?i)`) needs the case tables too: write both cases of a letter.
//! Any other Unicode class in a pattern is an error from [`regex`], not a silent mismatch; the
//! tests compile every pattern of the code and the data files.

use regex::Regex;

/// The Han script (Unicode's Scripts.txt, `Han`), as class ranges.
pub const HAN: &str = "\u{2E80}-\u{2E99}\u{2E9B}-\u{2EF3}\u{2F00}-\u{2FD5}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FA6D}\u{FA70}-\u{FAD9}\u{16FE2}-\u{16FE3}\u{16FF0}-\u{16FF1}\u{20000}-\u{2A6DF}\u{2A700}-\u{2B739}\u{2B740}-\u{2B81D}\u{2B820}-\u{2CEA1}\u{2CEB0}-\u{2EBE0}\u{2EBF0}-\u{2EE5D}\u{2F800}-\u{2FA1D}\u{30000}-\u{3134A}\u{31350}-\u{323AF}";

/// Unicode's White_Space property (PropList.txt), as class ranges.
pub const WHITE_SPACE: &str =
    "\t-\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}";

/// The digits `\d` stands for.
pub const DIGITS: &str = "0-9\u{FF10}-\u{FF19}";

/// `pattern` with `\p{Han}`, `\d` and `\s` (and their negations) written out as classes.
pub fn expand(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(next) = chars.next() else {
            out.push(c);
            break;
        };
        let class =
            |negated: bool, ranges: &str| format!("[{}{ranges}]", if negated { "^" } else { "" });
        match next {
            'd' | 'D' => out.push_str(&class(next == 'D', DIGITS)),
            's' | 'S' => out.push_str(&class(next == 'S', WHITE_SPACE)),
            'p' | 'P' => {
                let rest: String = chars.clone().take(5).collect();
                if rest == "{Han}" {
                    for _ in 0..5 {
                        chars.next();
                    }
                    out.push_str(&class(next == 'P', HAN));
                } else {
                    out.push(c);
                    out.push(next);
                }
            }
            _ => {
                out.push(c);
                out.push(next);
            }
        }
    }
    out
}

/// Compile `pattern` after [`expand`].
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&expand(pattern))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        regex(pattern).expect("valid pattern").is_match(text)
    }

    #[test]
    fn han_covers_the_script_and_nothing_else() {
        for c in ["一", "龥", "㐀", "豈", "𠀀", "𪚥", "𰀀", "〇", "々", "⺀"] {
            assert!(matches(r"^\p{Han}$", c), "{c}");
        }
        for c in ["a", "1", "，", "。", "ア", "한", "😀", "\u{3000}"] {
            assert!(!matches(r"^\p{Han}$", c), "{c}");
            assert!(matches(r"^\P{Han}$", c), "{c}");
        }
    }

    #[test]
    fn classes_expand_inside_and_outside_brackets() {
        assert!(matches(r"^[\p{Han}A-Za-z]+$", "公文ABC"));
        assert!(matches(r"^[\p{Han}&&[^万亿]]$", "件"));
        assert!(!matches(r"^[\p{Han}&&[^万亿]]$", "万"));
        assert!(matches(r"^\d+$", "2024１２"));
        assert!(!matches(r"^\d$", "二"));
        assert!(matches(r"^\D$", "二"));
        assert!(matches(r"^a\s+b$", "a \u{3000}\u{a0}\tb"));
        assert!(matches(r"^\S+$", "全角"));
    }

    #[test]
    fn escapes_that_are_not_classes_stay() {
        assert!(matches(r"^\\d$", r"\d"), "an escaped backslash before d");
        assert!(matches(r"^\.\(\)$", ".()"));
        assert!(matches(r"^\u{3000}$", "\u{3000}"));
        assert_eq!(expand(r"\p{Greek}"), r"\p{Greek}");
    }

    /// The shipped build has no Unicode tables (the tests' build has them, through the test
    /// tools), so the sources and data files are held to the classes [`expand`] writes out.
    #[test]
    fn no_pattern_needs_a_unicode_table() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("src"), root.join("data")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs" || e == "tsv") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 50);
        let needs_tables = |line: &str| {
            [r"\w", r"\W", r"\b", r"\B", "(?i"]
                .iter()
                .any(|t| line.contains(t))
                || line
                    .match_indices(r"\p{")
                    .chain(line.match_indices(r"\P{"))
                    // `\p{{Han}}` in a format string is `\p{Han}`.
                    .any(|(i, _)| {
                        !["Han}", "{Han}}"]
                            .iter()
                            .any(|h| line[i + 3..].starts_with(h))
                    })
        };
        for path in files.iter().filter(|p| !p.ends_with("pattern.rs")) {
            let text = std::fs::read_to_string(path).expect("UTF-8");
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") || code.starts_with('#') {
                    continue;
                }
                assert!(!needs_tables(line), "{}:{}: {line}", path.display(), n + 1);
            }
        }
    }
}
