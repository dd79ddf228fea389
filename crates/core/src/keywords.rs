//! Keywords: what a report is about, in the words of its genre.
//!
//! The text is cut into words by jieba-rs with a small lexicon of our own (`data/lexicon.tsv`: the
//! general words government reports use, see `docs/keywords.md` for how it was derived) plus the
//! genre's policy terms (`data/domain_terms.tsv`) and the user's own words, each added so that it
//! always comes out as one token. A word is a keyword candidate when it is a known word of two or
//! more Han characters, not a number, year or date, and not on the genre's stop list
//! (`data/keyword_stop.txt`). Candidates are weighted by count × IDF, where the IDF comes from
//! government-report paragraphs (the third column of `data/lexicon.tsv`), so that words every report uses weigh
//! little and the report's own themes rise.

use crate::span::is_han;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::sync::{Arc, LazyLock, Mutex};

use jieba_rs::Jieba;

use crate::clean::{Line, LineKind};
use crate::model::Section;
pub use crate::model::{Keyword, TermCount};
use crate::span::Span;
use crate::terms::TERMS;

/// How many keywords a report gets.
pub const KEYWORDS: usize = 30;
/// A policy term is the genre's own vocabulary: it weighs this much more than a general word.
pub const POLICY_BOOST: f64 = 1.5;
/// How many terms each section lists.
pub const SECTION_TERMS: usize = 10;

/// The lexicon and the genre IDF shipped with Baogao, one file: `word\tfrequency\tidf` rows after
/// a `# documents\tN` header (`-` where a word has no frequency or no IDF).
const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

/// The lexicon as jieba reads it: `word frequency` lines, in the file's order.
pub static LEXICON: LazyLock<String> = LazyLock::new(|| {
    let mut out = String::with_capacity(LEXICON_TSV.len());
    for cols in crate::data::rows(LEXICON_TSV) {
        if let [word, freq, ..] = cols[..] {
            if freq != "-" {
                out.push_str(word);
                out.push(' ');
                out.push_str(freq);
                out.push('\n');
            }
        }
    }
    out
});

/// The segmenter with the lexicon and the policy terms, built once.
static SEGMENTER: LazyLock<Arc<Jieba>> = LazyLock::new(|| Arc::new(segmenter(&LEXICON)));

/// The last segmenter built with user words, and those words: a draft re-analysed as the user
/// types keeps the same list, so the copy is built once, not on every analysis.
static WITH_USER_TERMS: Mutex<Option<(Vec<String>, Arc<Jieba>)>> = Mutex::new(None);

/// Build a segmenter from a lexicon (`word frequency` lines) and add the policy terms so that each
/// is one token. Used once per process for [`LEXICON`]; public so that the lexicon builder can try
/// a new lexicon before it is shipped.
pub fn segmenter(lexicon: &str) -> Jieba {
    let mut jieba = Jieba::with_dict(&mut Cursor::new(lexicon)).unwrap_or_else(|_| Jieba::empty());
    add_whole(&mut jieba, TERMS.iter().map(|(t, _)| *t));
    jieba
}

/// Add words so that each comes out whole: with at least the frequency that beats any way of
/// cutting it (doubled, so a neighbouring word cannot tip the balance).
fn add_whole<'a>(jieba: &mut Jieba, words: impl Iterator<Item = &'a str>) {
    for word in words {
        let word = word.trim();
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            continue;
        }
        let freq = jieba.suggest_freq(word).saturating_mul(2).max(1000);
        jieba.add_word(word, Some(freq), None);
    }
}

/// The segmenter for one analysis: the shared one, or a copy with the user's words added (kept
/// for the next analysis with the same words).
pub fn segmenter_with(user_terms: &[String]) -> Arc<Jieba> {
    let words: Vec<String> = user_terms
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return Arc::clone(&SEGMENTER);
    }
    let mut cached = WITH_USER_TERMS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((known, jieba)) = cached.as_ref() {
        if *known == words {
            return Arc::clone(jieba);
        }
    }
    let mut jieba = (**SEGMENTER).clone();
    add_whole(&mut jieba, words.iter().map(String::as_str));
    let jieba = Arc::new(jieba);
    *cached = Some((words, Arc::clone(&jieba)));
    jieba
}

/// Build the shared segmenter now (it is otherwise built by the first analysis).
pub fn warm_up() {
    LazyLock::force(&SEGMENTER);
}

/// Cut text into words with their byte spans (relative to `text`). Without jieba's HMM: a word it
/// would guess is unknown to the lexicon and so never a keyword, and the guessing costs time.
pub fn cut<'t>(jieba: &Jieba, text: &'t str) -> Vec<(&'t str, Span)> {
    jieba
        .cut(text, false)
        .into_iter()
        .map(|t| (t.word, Span::new(t.byte_start, t.byte_end)))
        .collect()
}

/// The genre IDF table, from the third column of [`LEXICON_TSV`].
struct Idf {
    table: HashMap<&'static str, f64>,
    /// The IDF of a word the table has never seen.
    unseen: f64,
}

static IDF: LazyLock<Idf> = LazyLock::new(|| {
    let documents = LEXICON_TSV
        .lines()
        .find_map(|l| l.strip_prefix("# documents\t"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1.0f64);
    let mut table = HashMap::new();
    for cols in crate::data::rows(LEXICON_TSV) {
        if let [term, _, idf] = cols[..] {
            if let Ok(idf) = idf.parse::<f64>() {
                table.insert(term, idf);
            }
        }
    }
    Idf {
        table,
        unseen: idf(documents as usize, 0),
    }
});

/// Smoothed inverse document frequency: `ln((N + 1) / (df + 1)) + 1`.
pub fn idf(documents: usize, document_frequency: usize) -> f64 {
    ((documents as f64 + 1.0) / (document_frequency as f64 + 1.0)).ln() + 1.0
}

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../data/keyword_stop.txt"))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Whether a word is on the genre's stop list (never a keyword).
pub fn is_stop_word(word: &str) -> bool {
    STOP.contains(word)
}

/// Whether a word is one of the genre's policy terms.
pub fn is_policy_term(word: &str) -> bool {
    POLICY.contains(word)
}

static POLICY: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TERMS.iter().map(|(t, _)| *t).collect());

fn is_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十两百千万亿壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

/// Whether a word may be a keyword: a known word of two or more Han characters that is not a
/// number, a year or a date, not on the stop list and not part of the report's own place names.
/// Policy terms may start with a numeral (`一网通办`, `三项制度`); the user's words always may.
fn candidate(word: &str, jieba: &Jieba, user: &HashSet<&str>, places: &[&str]) -> bool {
    if user.contains(word) {
        return true;
    }
    if STOP.contains(word) || places.iter().any(|p| p.contains(word)) {
        return false;
    }
    if POLICY.contains(word) {
        return true;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    word.chars().count() >= 2
        && word.chars().all(is_han)
        && !is_numeral(first)
        && !STOP.contains(word)
        && jieba.has_word(word)
}

/// The report's keywords (at most [`KEYWORDS`], heaviest first) from its body lines, and each
/// section's most used terms, in the order of [`Section::walk`].
pub fn keywords(
    text: &str,
    lines: &[Line],
    sections: &[Section],
    places: &[&str],
    user_terms: &[String],
) -> (Vec<Keyword>, Vec<Vec<TermCount>>) {
    let jieba = segmenter_with(user_terms);
    let user: HashSet<&str> = user_terms.iter().map(|t| t.trim()).collect();
    let mut found: Vec<(&str, Span)> = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Body) {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        found.extend(
            cut(&jieba, content)
                .into_iter()
                .filter(|(word, _)| candidate(word, &jieba, &user, places))
                .map(|(word, span)| (word, span.offset(line.span.start))),
        );
    }
    let idf = &*IDF;
    let weight_of = |term: &str| idf.table.get(term).copied().unwrap_or(idf.unseen);

    let mut flat = Vec::new();
    Section::walk(sections, &mut flat);
    let section_terms: Vec<Vec<TermCount>> = flat
        .iter()
        .map(|s| section_terms(s.span, &found, &weight_of))
        .collect();

    let mut by_term: HashMap<&str, Vec<Span>> = HashMap::new();
    for (word, span) in &found {
        by_term.entry(word).or_default().push(*span);
    }
    let mut keywords: Vec<Keyword> = by_term
        .into_iter()
        .map(|(term, spans)| Keyword {
            term: term.to_owned(),
            weight: spans.len() as f64
                * weight_of(term)
                * if POLICY.contains(term) {
                    POLICY_BOOST
                } else {
                    1.0
                },
            count: spans.len(),
            policy_term: POLICY.contains(term),
            spans,
        })
        .collect();
    keywords.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.term.cmp(&b.term))
    });
    keywords.truncate(KEYWORDS);
    let top = keywords.first().map_or(1.0, |k| k.weight);
    for k in &mut keywords {
        k.weight = (k.weight / top * 1000.0).round() / 1000.0;
    }
    (keywords, section_terms)
}

/// Count the candidate words inside a section (and, recursively, its subsections).
fn section_terms(
    span: Span,
    found: &[(&str, Span)],
    weight_of: &dyn Fn(&str) -> f64,
) -> Vec<TermCount> {
    let start = found.partition_point(|(_, s)| s.start < span.start);
    let end = found.partition_point(|(_, s)| s.start < span.end);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (word, _) in &found[start..end.max(start)] {
        *counts.entry(word).or_default() += 1;
    }
    let mut terms: Vec<(&str, usize)> = counts.into_iter().collect();
    terms.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| weight_of(b.0).total_cmp(&weight_of(a.0)))
            .then_with(|| a.0.cmp(b.0))
    });
    terms
        .into_iter()
        .take(SECTION_TERMS)
        .map(|(term, count)| TermCount {
            term: term.to_owned(),
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        cut(&SEGMENTER, text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn policy_terms_come_out_whole() {
        let mut missed = Vec::new();
        for (sentence, term) in [
            ("全年办理行政复议案件120件", "行政复议"),
            ("全县出庭应诉率达到100%", "出庭应诉率"),
            (
                "行政机关负责人出庭应诉率达到100%",
                "行政机关负责人出庭应诉率",
            ),
            ("深化一网通办改革", "一网通办"),
            ("全面推行行政执法三项制度", "行政执法三项制度"),
            ("严格落实三项制度", "三项制度"),
            ("清理规范性文件52件", "规范性文件"),
            ("加强规范性文件备案审查", "规范性文件备案"),
            ("重大行政决策严格履行法定程序", "重大行政决策"),
            ("持续深化放管服，优化营商环境", "放管服"),
            ("推进放管服改革", "放管服改革"),
            ("坚持和发展枫桥经验", "枫桥经验"),
            ("深入践行新时代枫桥经验", "新时代枫桥经验"),
            ("落实谁执法谁普法责任制", "谁执法谁普法"),
            ("培育农村法律明白人", "法律明白人"),
            ("全面推行双随机一公开监管", "双随机一公开"),
            ("严格合法性审查", "合法性审查"),
        ] {
            let cut = words(sentence);
            if !cut.contains(&term) {
                missed.push(format!("{term} in {sentence}: {cut:?}"));
            }
        }
        assert!(missed.is_empty(), "{missed:#?}");
    }

    #[test]
    fn user_words_come_out_whole_and_count_as_keywords() {
        let text = "一、成效\n推行秒批秒办，秒批秒办事项达到80项。秒批秒办覆盖全区。";
        let cleaned = crate::clean::clean(text);
        let (plain, _) = keywords(text, &cleaned.lines, &[], &[], &[]);
        assert!(!plain.iter().any(|k| k.term == "秒批秒办"));
        let (mine, _) = keywords(text, &cleaned.lines, &[], &[], &["秒批秒办".to_owned()]);
        let k = mine
            .iter()
            .find(|k| k.term == "秒批秒办")
            .expect("user word");
        assert_eq!(k.count, 3);
        for span in &k.spans {
            assert_eq!(span.text(text), Some("秒批秒办"));
        }
    }

    #[test]
    fn numbers_years_dates_and_boilerplate_are_never_keywords() {
        let text = "一、成效\n2023年，我市深入推进法治政府建设，进一步加强工作。二〇二三年十二月，三项制度全面落实，行政复议120件，一百二十件，十四五规划。";
        let cleaned = crate::clean::clean(text);
        let (found, _) = keywords(text, &cleaned.lines, &[], &[], &[]);
        let terms: Vec<&str> = found.iter().map(|k| k.term.as_str()).collect();
        for bad in [
            "2023",
            "二〇二三",
            "十二月",
            "一百二十",
            "推进",
            "加强",
            "工作",
            "进一步",
            "法治政府建设",
        ] {
            assert!(!terms.contains(&bad), "{bad} in {terms:?}");
        }
        assert!(
            terms.contains(&"三项制度") && terms.contains(&"行政复议"),
            "{terms:?}"
        );
        assert_eq!(found[0].weight, 1.0);
        assert!(found.windows(2).all(|w| w[0].weight >= w[1].weight));
    }

    #[test]
    fn sections_list_their_own_terms() {
        let text = "一、行政复议\n行政复议案件增加，行政复议纠错。\n二、普法\n开展普法宣传，普法志愿者参与。";
        let cleaned = crate::clean::clean(text);
        let sections = crate::structure::sections(text, &cleaned.lines);
        let (_, terms) = keywords(text, &cleaned.lines, &sections, &[], &[]);
        assert_eq!(sections.len(), 2);
        assert_eq!(terms[0][0].term, "行政复议");
        assert_eq!(terms[0][0].count, 3);
        assert!(!terms[0].iter().any(|t| t.term == "普法"));
        assert_eq!(terms[1][0].term, "普法");
    }

    #[test]
    fn idf_falls_with_document_frequency() {
        assert!(idf(100, 0) > idf(100, 10));
        assert!(idf(100, 10) > idf(100, 100));
        assert!(idf(100, 100) > 0.0);
    }
}
