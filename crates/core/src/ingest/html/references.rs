//! Character references (`&nbsp;`, `&#x4E00;`, `&#12345;`), decoded as the HTML standard says.
//!
//! Numeric references follow the standard exactly. Named ones come from a small table: the
//! entities of HTML 4 (Latin-1, the typographic marks old page editors write — `&ldquo;`,
//! `&mdash;`, `&hellip;`, `&middot;`, `&emsp;` — Greek letters, arrows and mathematical signs),
//! `&apos;`, and the upper-case spellings browsers accept. A name outside the table stays as
//! it is written. The 106 legacy names (`&nbsp`, `&copy`, `&amp`, …) are also recognised
//! without their `;`, as browsers do.

/// The named references: name, character, and whether the name works without `;`.
/// Sorted by name (byte order) for binary search.
const NAMED: &[(&str, char, bool)] = &[
    ("AElig", '\u{c6}', true),
    ("AMP", '&', true),
    ("Aacute", '\u{c1}', true),
    ("Acirc", '\u{c2}', true),
    ("Agrave", '\u{c0}', true),
    ("Alpha", '\u{391}', false),
    ("Aring", '\u{c5}', true),
    ("Atilde", '\u{c3}', true),
    ("Auml", '\u{c4}', true),
    ("Beta", '\u{392}', false),
    ("COPY", '\u{a9}', true),
    ("Ccedil", '\u{c7}', true),
    ("Chi", '\u{3a7}', false),
    ("Dagger", '\u{2021}', false),
    ("Delta", '\u{394}', false),
    ("ETH", '\u{d0}', true),
    ("Eacute", '\u{c9}', true),
    ("Ecirc", '\u{ca}', true),
    ("Egrave", '\u{c8}', true),
    ("Epsilon", '\u{395}', false),
    ("Eta", '\u{397}', false),
    ("Euml", '\u{cb}', true),
    ("GT", '>', true),
    ("Gamma", '\u{393}', false),
    ("Iacute", '\u{cd}', true),
    ("Icirc", '\u{ce}', true),
    ("Igrave", '\u{cc}', true),
    ("Iota", '\u{399}', false),
    ("Iuml", '\u{cf}', true),
    ("Kappa", '\u{39a}', false),
    ("LT", '<', true),
    ("Lambda", '\u{39b}', false),
    ("Mu", '\u{39c}', false),
    ("Ntilde", '\u{d1}', true),
    ("Nu", '\u{39d}', false),
    ("OElig", '\u{152}', false),
    ("Oacute", '\u{d3}', true),
    ("Ocirc", '\u{d4}', true),
    ("Ograve", '\u{d2}', true),
    ("Omega", '\u{3a9}', false),
    ("Omicron", '\u{39f}', false),
    ("Oslash", '\u{d8}', true),
    ("Otilde", '\u{d5}', true),
    ("Ouml", '\u{d6}', true),
    ("Phi", '\u{3a6}', false),
    ("Pi", '\u{3a0}', false),
    ("Prime", '\u{2033}', false),
    ("Psi", '\u{3a8}', false),
    ("QUOT", '"', true),
    ("REG", '\u{ae}', true),
    ("Rho", '\u{3a1}', false),
    ("Scaron", '\u{160}', false),
    ("Sigma", '\u{3a3}', false),
    ("THORN", '\u{de}', true),
    ("Tau", '\u{3a4}', false),
    ("Theta", '\u{398}', false),
    ("Uacute", '\u{da}', true),
    ("Ucirc", '\u{db}', true),
    ("Ugrave", '\u{d9}', true),
    ("Upsilon", '\u{3a5}', false),
    ("Uuml", '\u{dc}', true),
    ("Xi", '\u{39e}', false),
    ("Yacute", '\u{dd}', true),
    ("Yuml", '\u{178}', false),
    ("Zeta", '\u{396}', false),
    ("aacute", '\u{e1}', true),
    ("acirc", '\u{e2}', true),
    ("acute", '\u{b4}', true),
    ("aelig", '\u{e6}', true),
    ("agrave", '\u{e0}', true),
    ("alefsym", '\u{2135}', false),
    ("alpha", '\u{3b1}', false),
    ("amp", '&', true),
    ("and", '\u{2227}', false),
    ("ang", '\u{2220}', false),
    ("apos", '\'', false),
    ("aring", '\u{e5}', true),
    ("asymp", '\u{2248}', false),
    ("atilde", '\u{e3}', true),
    ("auml", '\u{e4}', true),
    ("bdquo", '\u{201e}', false),
    ("beta", '\u{3b2}', false),
    ("brvbar", '\u{a6}', true),
    ("bull", '\u{2022}', false),
    ("cap", '\u{2229}', false),
    ("ccedil", '\u{e7}', true),
    ("cedil", '\u{b8}', true),
    ("cent", '\u{a2}', true),
    ("chi", '\u{3c7}', false),
    ("circ", '\u{2c6}', false),
    ("clubs", '\u{2663}', false),
    ("cong", '\u{2245}', false),
    ("copy", '\u{a9}', true),
    ("crarr", '\u{21b5}', false),
    ("cup", '\u{222a}', false),
    ("curren", '\u{a4}', true),
    ("dArr", '\u{21d3}', false),
    ("dagger", '\u{2020}', false),
    ("darr", '\u{2193}', false),
    ("deg", '\u{b0}', true),
    ("delta", '\u{3b4}', false),
    ("diams", '\u{2666}', false),
    ("divide", '\u{f7}', true),
    ("eacute", '\u{e9}', true),
    ("ecirc", '\u{ea}', true),
    ("egrave", '\u{e8}', true),
    ("empty", '\u{2205}', false),
    ("emsp", '\u{2003}', false),
    ("ensp", '\u{2002}', false),
    ("epsilon", '\u{3b5}', false),
    ("equiv", '\u{2261}', false),
    ("eta", '\u{3b7}', false),
    ("eth", '\u{f0}', true),
    ("euml", '\u{eb}', true),
    ("euro", '\u{20ac}', false),
    ("exist", '\u{2203}', false),
    ("fnof", '\u{192}', false),
    ("forall", '\u{2200}', false),
    ("frac12", '\u{bd}', true),
    ("frac14", '\u{bc}', true),
    ("frac34", '\u{be}', true),
    ("frasl", '\u{2044}', false),
    ("gamma", '\u{3b3}', false),
    ("ge", '\u{2265}', false),
    ("gt", '>', true),
    ("hArr", '\u{21d4}', false),
    ("harr", '\u{2194}', false),
    ("hearts", '\u{2665}', false),
    ("hellip", '\u{2026}', false),
    ("iacute", '\u{ed}', true),
    ("icirc", '\u{ee}', true),
    ("iexcl", '\u{a1}', true),
    ("igrave", '\u{ec}', true),
    ("image", '\u{2111}', false),
    ("infin", '\u{221e}', false),
    ("int", '\u{222b}', false),
    ("iota", '\u{3b9}', false),
    ("iquest", '\u{bf}', true),
    ("isin", '\u{2208}', false),
    ("iuml", '\u{ef}', true),
    ("kappa", '\u{3ba}', false),
    ("lArr", '\u{21d0}', false),
    ("lambda", '\u{3bb}', false),
    ("lang", '\u{27e8}', false),
    ("laquo", '\u{ab}', true),
    ("larr", '\u{2190}', false),
    ("lceil", '\u{2308}', false),
    ("ldquo", '\u{201c}', false),
    ("le", '\u{2264}', false),
    ("lfloor", '\u{230a}', false),
    ("lowast", '\u{2217}', false),
    ("loz", '\u{25ca}', false),
    ("lrm", '\u{200e}', false),
    ("lsaquo", '\u{2039}', false),
    ("lsquo", '\u{2018}', false),
    ("lt", '<', true),
    ("macr", '\u{af}', true),
    ("mdash", '\u{2014}', false),
    ("micro", '\u{b5}', true),
    ("middot", '\u{b7}', true),
    ("minus", '\u{2212}', false),
    ("mu", '\u{3bc}', false),
    ("nabla", '\u{2207}', false),
    ("nbsp", '\u{a0}', true),
    ("ndash", '\u{2013}', false),
    ("ne", '\u{2260}', false),
    ("ni", '\u{220b}', false),
    ("not", '\u{ac}', true),
    ("notin", '\u{2209}', false),
    ("nsub", '\u{2284}', false),
    ("ntilde", '\u{f1}', true),
    ("nu", '\u{3bd}', false),
    ("oacute", '\u{f3}', true),
    ("ocirc", '\u{f4}', true),
    ("oelig", '\u{153}', false),
    ("ograve", '\u{f2}', true),
    ("oline", '\u{203e}', false),
    ("omega", '\u{3c9}', false),
    ("omicron", '\u{3bf}', false),
    ("oplus", '\u{2295}', false),
    ("or", '\u{2228}', false),
    ("ordf", '\u{aa}', true),
    ("ordm", '\u{ba}', true),
    ("oslash", '\u{f8}', true),
    ("otilde", '\u{f5}', true),
    ("otimes", '\u{2297}', false),
    ("ouml", '\u{f6}', true),
    ("para", '\u{b6}', true),
    ("part", '\u{2202}', false),
    ("permil", '\u{2030}', false),
    ("perp", '\u{22a5}', false),
    ("phi", '\u{3c6}', false),
    ("pi", '\u{3c0}', false),
    ("piv", '\u{3d6}', false),
    ("plusmn", '\u{b1}', true),
    ("pound", '\u{a3}', true),
    ("prime", '\u{2032}', false),
    ("prod", '\u{220f}', false),
    ("prop", '\u{221d}', false),
    ("psi", '\u{3c8}', false),
    ("quot", '"', true),
    ("rArr", '\u{21d2}', false),
    ("radic", '\u{221a}', false),
    ("rang", '\u{27e9}', false),
    ("raquo", '\u{bb}', true),
    ("rarr", '\u{2192}', false),
    ("rceil", '\u{2309}', false),
    ("rdquo", '\u{201d}', false),
    ("real", '\u{211c}', false),
    ("reg", '\u{ae}', true),
    ("rfloor", '\u{230b}', false),
    ("rho", '\u{3c1}', false),
    ("rlm", '\u{200f}', false),
    ("rsaquo", '\u{203a}', false),
    ("rsquo", '\u{2019}', false),
    ("sbquo", '\u{201a}', false),
    ("scaron", '\u{161}', false),
    ("sdot", '\u{22c5}', false),
    ("sect", '\u{a7}', true),
    ("shy", '\u{ad}', true),
    ("sigma", '\u{3c3}', false),
    ("sigmaf", '\u{3c2}', false),
    ("sim", '\u{223c}', false),
    ("spades", '\u{2660}', false),
    ("sub", '\u{2282}', false),
    ("sube", '\u{2286}', false),
    ("sum", '\u{2211}', false),
    ("sup", '\u{2283}', false),
    ("sup1", '\u{b9}', true),
    ("sup2", '\u{b2}', true),
    ("sup3", '\u{b3}', true),
    ("supe", '\u{2287}', false),
    ("szlig", '\u{df}', true),
    ("tau", '\u{3c4}', false),
    ("there4", '\u{2234}', false),
    ("theta", '\u{3b8}', false),
    ("thetasym", '\u{3d1}', false),
    ("thinsp", '\u{2009}', false),
    ("thorn", '\u{fe}', true),
    ("tilde", '\u{2dc}', false),
    ("times", '\u{d7}', true),
    ("trade", '\u{2122}', false),
    ("uArr", '\u{21d1}', false),
    ("uacute", '\u{fa}', true),
    ("uarr", '\u{2191}', false),
    ("ucirc", '\u{fb}', true),
    ("ugrave", '\u{f9}', true),
    ("uml", '\u{a8}', true),
    ("upsih", '\u{3d2}', false),
    ("upsilon", '\u{3c5}', false),
    ("uuml", '\u{fc}', true),
    ("weierp", '\u{2118}', false),
    ("xi", '\u{3be}', false),
    ("yacute", '\u{fd}', true),
    ("yen", '\u{a5}', true),
    ("yuml", '\u{ff}', true),
    ("zeta", '\u{3b6}', false),
    ("zwj", '\u{200d}', false),
    ("zwnj", '\u{200c}', false),
];

/// The longest name that is accepted without `;` (`frac12`, `middot`, …).
const LONGEST_LEGACY: usize = 6;

/// What numeric references to 0x80–0x9F mean: the Windows-1252 characters pages written in
/// that encoding meant (the standard's table; the five holes keep their code point).
const C1: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// The character reference at the start of `s` (which starts with `&`): the character and how
/// many bytes it takes, or `None` when the `&` is only an ampersand. In an attribute value a
/// name without `;` followed by `=` or a letter or digit is not a reference (`?a=1&copy=2`).
pub(super) fn reference(s: &str, in_attribute: bool) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        return numeric(b);
    }
    let run = b
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = s.get(1..1 + run)?;
    if b.get(1 + run) == Some(&b';') {
        if let Some(c) = named(name) {
            return Some((c, run + 2));
        }
    }
    // Without `;`, the longest legacy name the text starts with.
    (2..=run.min(LONGEST_LEGACY)).rev().find_map(|len| {
        let (_, c, legacy) = NAMED[NAMED.binary_search_by(|e| e.0.cmp(&name[..len])).ok()?];
        let next = b.get(1 + len).copied().unwrap_or(b';');
        let blocked = in_attribute && (next == b'=' || next.is_ascii_alphanumeric());
        (legacy && !blocked).then_some((c, 1 + len))
    })
}

/// The character a name with `;` stands for.
fn named(name: &str) -> Option<char> {
    let i = NAMED.binary_search_by(|e| e.0.cmp(name)).ok()?;
    Some(NAMED[i].1)
}

/// `&#…;` or `&#x…;` (the `;` is optional); `None` without a digit.
fn numeric(b: &[u8]) -> Option<(char, usize)> {
    let (radix, start) = match b.get(2) {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(digit) = b.get(end).and_then(|&c| char::from(c).to_digit(radix)) {
        // Anything past the last code point is out of range: keep it just past.
        value = (value * radix + digit).min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    if b.get(end) == Some(&b';') {
        end += 1;
    }
    let c = match value {
        0x80..=0x9f => C1[(value - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    };
    Some((c, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn decodes(s: &str, expected: Option<(char, usize)>) {
        assert_eq!(reference(s, false), expected, "{s}");
    }

    #[test]
    fn the_table_is_sorted_and_has_the_106_legacy_names() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(NAMED.iter().filter(|e| e.2).count(), 106);
        assert!(NAMED
            .iter()
            .filter(|e| e.2)
            .all(|e| e.0.len() <= LONGEST_LEGACY));
    }

    #[test]
    fn named_references_with_a_semicolon() {
        decodes("&nbsp;", Some(('\u{a0}', 6)));
        decodes("&ldquo;放", Some(('“', 7)));
        decodes("&rdquo;", Some(('”', 7)));
        decodes("&mdash;", Some(('—', 7)));
        decodes("&hellip;", Some(('…', 8)));
        decodes("&middot;", Some(('·', 8)));
        decodes("&emsp;", Some(('\u{2003}', 6)));
        decodes("&apos;", Some(('\'', 6)));
        decodes("&lang;", Some(('⟨', 6)));
        decodes("&Omega;", Some(('Ω', 7)));
        decodes("&AMP;", Some(('&', 5)));
    }

    #[test]
    fn legacy_names_work_without_a_semicolon_and_others_do_not() {
        decodes("&nbsp&nbsp", Some(('\u{a0}', 5)));
        decodes("&copy2023", Some(('©', 5)));
        decodes("&amp", Some(('&', 4)));
        decodes("&notit;", Some(('¬', 4)));
        decodes("&notin;", Some(('∉', 7)));
        decodes("&ldquo", None);
        decodes("&hellip ", None);
    }

    #[test]
    fn unknown_names_and_bare_ampersands_stay_text() {
        decodes("&", None);
        decodes("& ", None);
        decodes("&;", None);
        decodes("&unknown;", None);
        decodes("&Amp;", None);
        decodes("&check;", None);
    }

    #[test]
    fn in_attributes_a_legacy_name_before_a_letter_or_equals_stays_text() {
        assert_eq!(reference("&copy=1", true), None);
        assert_eq!(reference("&copyx", true), None);
        assert_eq!(reference("&copy;=1", true), Some(('©', 6)));
        assert_eq!(reference("&copy 1", true), Some(('©', 5)));
        assert_eq!(reference("&copy", true), Some(('©', 5)));
    }

    #[test]
    fn numeric_references() {
        decodes("&#12345;", Some(('〹', 8)));
        decodes("&#x4E00;", Some(('一', 8)));
        decodes("&#X4e00", Some(('一', 7)));
        decodes("&#20013&#22269;", Some(('中', 7)));
        decodes("&#160;", Some(('\u{a0}', 6)));
        decodes("&#", None);
        decodes("&#;", None);
        decodes("&#x;", None);
        decodes("&#xZ", None);
    }

    #[test]
    fn numeric_references_out_of_range_or_in_c1_are_replaced() {
        decodes("&#0;", Some(('\u{fffd}', 4)));
        decodes("&#x110000;", Some(('\u{fffd}', 10)));
        decodes("&#xD800;", Some(('\u{fffd}', 8)));
        decodes("&#99999999999999999999;", Some(('\u{fffd}', 23)));
        decodes("&#150;", Some(('–', 6)));
        decodes("&#x80;", Some(('€', 6)));
        decodes("&#x81;", Some(('\u{81}', 6)));
        decodes("&#9;", Some(('\t', 4)));
    }
}
