//! W001: a word written twice in a row. See [`META`].

use std::sync::LazyLock;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "W001",
    name: "DuplicatedWord",
    title_zh: "词语重复",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A word written twice in a row (`清理清理`, `进一步进一步`), a doubled function character (`的的`,
`了了`, `在在`, `和和`), and a generic noun written again after the quoted name it ends
(`“体检活动”活动`). The doubled unit must be whole words of the genre's segmenter on both sides:
`构建共建共治共享` (构建 + 共建) and `博士博士后` (博士 + 博士后) are two words meeting, not a
doubled word, and so are `目的的实现` (目的 + 的) and `为了了解` (为了 + 了解), with the words that may
close or open such a pair listed in `data/doubled_characters.tsv`. Reduplication of speech
(`研究研究`, `一个一个`, `人人`, `常常`), a head noun followed by the same word as a verb
(`党组织组织党员学习`) and a second copy that opens a compound (`建设建设用地`) are not reported
(`data/doubled_words.tsv`). Inside a quotation or a title the finding comes without a fix.
## Why it matters
A doubled word is the commonest slip of editing in a draft (a word retyped after a cut and paste)
and reads as careless in a published report. No standard needs to be cited: the second copy adds
nothing to the sentence. The fix deletes it and asks for a look first, since a doubled word may
belong to a fixed formulation.
## Example
`开展规范性文件清理清理工作` → `开展规范性文件清理工作`";

pub struct DuplicatedWord;

/// One list of `data/doubled_words.tsv`.
fn list(kind: &str) -> Vec<&'static str> {
    crate::data::words_of(include_str!("../../data/doubled_words.tsv"), kind)
}

/// Verbs whose doubling is normal speech (`研究研究`); two-character units starting with `一` are
/// counting patterns (`一个一个`, `一步一步`) and are left alone as well.
static NORMAL: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("normal"));

/// Nouns that name what a quoted title is (`“…活动”`), so writing them again after it doubles them.
static GENERIC: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("generic"));

/// Words that end a compound noun and also start a predicate (`党组织组织党员学习`).
static HEADS_AND_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("head_and_verb"));

/// Nouns after which the second copy may open a compound (`建设` + `建设用地`).
static COMPOUND_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list("compound_head"));

/// The longest doubled unit looked for, in characters (`法治政府建设法治政府建设`).
const LONGEST: usize = 8;

/// The function characters whose doubling is reported, each with the words one copy may belong to.
static DOUBLED_CHARS: LazyLock<Vec<(char, Vec<&'static str>)>> = LazyLock::new(|| {
    crate::data::lines(include_str!("../../data/doubled_characters.tsv"))
        .filter_map(|l| {
            let (c, words) = l.split_once('\t')?;
            Some((c.chars().next()?, words.split_whitespace().collect()))
        })
        .collect()
});

/// Where the genre's segmenter (`crate::keywords`, without the user's words) ends its words in
/// `line`: byte offsets, sorted, including 0 and `line.len()`. The W checks read a slip only where
/// it is made of whole words, so that two words that merely meet are not taken for one.
pub(super) fn word_bounds(line: &str) -> Vec<usize> {
    let jieba = crate::keywords::segmenter_with(&[]);
    let mut bounds = vec![0];
    bounds.extend(
        crate::keywords::cut(&jieba, line)
            .iter()
            .map(|(_, s)| s.end),
    );
    bounds.dedup();
    bounds
}

/// Whether byte `at` of `line` lies inside a quotation (`“…”`) or a title (`《…》`): a fixed
/// formulation, a slogan or a name, which the W checks report but never offer to rewrite.
pub(super) fn quoted(line: &str, at: usize) -> bool {
    let (mut quotes, mut titles) = (0i32, 0i32);
    // The last 200 characters: a quotation or a title is shorter, and a line may be long.
    for c in crate::span::last_chars(line.get(..at).unwrap_or_default(), 200).chars() {
        match c {
            '“' => quotes += 1,
            '”' => quotes = (quotes - 1).max(0),
            '《' => titles += 1,
            '》' => titles = (titles - 1).max(0),
            _ => {}
        }
    }
    quotes > 0 || titles > 0
}

/// Whether `at` is a word boundary in `bounds`.
pub(super) fn is_bound(bounds: &[usize], at: usize) -> bool {
    bounds.binary_search(&at).is_ok()
}

impl Check for DuplicatedWord {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            // Byte offset of char `i` (the line's end for `i == chars.len()`).
            let at = |i: usize| chars.get(i).map_or(line.len(), |c| c.0);
            let same =
                |a: usize, b: usize, n: usize| (0..n).all(|i| chars[a + i].1 == chars[b + i].1);
            let word =
                |a: usize, n: usize| -> String { chars[a..a + n].iter().map(|x| x.1).collect() };
            // Cut only lines that hold a candidate: doubles are rare.
            let mut bounds: Option<Vec<usize>> = None;
            let mut k = 0;
            while k < chars.len() {
                // Only a Han character can start a doubled word: skip the rest cheaply.
                if !is_han(chars[k].1) {
                    k += 1;
                    continue;
                }
                let mut hit = None;
                for n in (1..=LONGEST).rev() {
                    // `清理清理`
                    if k + 2 * n <= chars.len()
                        && same(k, k + n, n)
                        && chars[k..k + n].iter().all(|x| is_han(x.1))
                        && !chars[k..k + n]
                            .iter()
                            .all(|x| crate::numerals::is_numeral_char(x.1))
                    {
                        let unit = word(k, n);
                        let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                        if doubled(&unit, line, bounds, [at(k), at(k + n), at(k + 2 * n)]) {
                            hit = Some((k + n, k + 2 * n, unit));
                            break;
                        }
                    }
                    // `“…活动”活动`: a generic noun that ends the quoted name and is written again.
                    if n >= 2
                        && k + n + 1 + n <= chars.len()
                        && chars[k + n].1 == '”'
                        && same(k, k + n + 1, n)
                    {
                        let unit = word(k, n);
                        if GENERIC.contains(&unit.as_str()) {
                            hit = Some((k + n + 1, k + 2 * n + 1, unit));
                            break;
                        }
                    }
                }
                let Some((from, to, unit)) = hit else {
                    k += 1;
                    continue;
                };
                let span = Span::new(at(k), at(to)).offset(line_span.start);
                let repeat = Span::new(at(from), at(to)).offset(line_span.start);
                if !doc.allowed(span) {
                    let mut f = doc.finding(
                        &META,
                        vec![span],
                        format!("“{unit}”重复。"),
                        format!("“{unit}” is written twice."),
                    );
                    f.fix = (!quoted(line, at(from))).then(|| {
                        Fix::replace(
                            format!("删去重复的“{unit}”"),
                            repeat,
                            "",
                            Applicability::Review,
                        )
                    });
                    out.push(f);
                }
                k = to;
            }
        }
    }
}

/// Whether `unit`, written at the byte offsets `[a, b, c)` of `line` twice, is a doubled word: each
/// copy whole words of the segmenter (`bounds`), a unit of several characters made of words of two
/// or more, a single character one of the listed function characters and no listed word of it
/// taking either copy.
fn doubled(unit: &str, line: &str, bounds: &[usize], [a, b, c]: [usize; 3]) -> bool {
    if !is_bound(bounds, b) || !is_bound(bounds, c) {
        return false;
    }
    let mut chars = unit.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else {
        return false;
    };
    if rest.is_empty() {
        if !is_bound(bounds, a) {
            return false;
        }
        let Some((_, words)) = DOUBLED_CHARS.iter().find(|(ch, _)| *ch == first) else {
            return false;
        };
        // `一把把`: a measure word repeated after 一.
        if line[..a].ends_with('一') {
            return false;
        }
        return !words.iter().any(|w| covers(line, w, a, c));
    }
    if NORMAL.contains(&unit) || (first == '一' && unit.chars().count() == 2) {
        return false;
    }
    // `加快建设建设用地审批`: the second copy opens a compound with the word after it.
    let next = bounds
        .binary_search(&c)
        .ok()
        .and_then(|i| line.get(c..*bounds.get(i + 1)?));
    if next.is_some_and(|w| COMPOUND_HEADS.contains(&w)) {
        return false;
    }
    // `党组织组织党员学习`, `社会组织组织开展`: a head noun and the same word as a verb.
    if HEADS_AND_VERBS.contains(&unit) && line[..a].chars().next_back().is_some_and(is_han) {
        return false;
    }
    // The first copy starts a word, or ends a compound of the genre whose head it is
    // (`规范性文件清理` + `清理`).
    // The bounds from the last one before `a` on (binary search: a line may be long).
    let first = bounds.partition_point(|&x| x < a);
    if !is_bound(bounds, a) {
        let (Some(&from), Some(&next)) = (
            first.checked_sub(1).and_then(|i| bounds.get(i)),
            bounds.get(first),
        ) else {
            return false;
        };
        if next != b || line[from..a].chars().count() < 2 {
            return false;
        }
    }
    // Every word inside a copy has two characters or more: `人人`, `天天` are single-character
    // words reduplicated, not a doubled word.
    bounds[first..]
        .windows(2)
        .take_while(|w| w[1] <= b)
        .all(|w| line[w[0]..w[1]].chars().count() >= 2)
}

/// Whether an occurrence of `word` in `line` overlaps the bytes `[a, c)`.
fn covers(line: &str, word: &str, a: usize, c: usize) -> bool {
    let from = line[..a]
        .char_indices()
        .rev()
        .take(word.chars().count())
        .last()
        .map_or(a, |(i, _)| i);
    let to = (c + word.len()).min(line.len());
    let Some(window) = line.get(from..to) else {
        return false;
    };
    window.match_indices(word).any(|(i, m)| {
        let (s, e) = (from + i, from + i + m.len());
        s < c && e > a
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("W001", "开展规范性文件清理清理工作。", "清理清理");
        assert_flags("W001", "开展“涉企法治体检活动”活动。", "活动”活动");
        assert_count("W001", "加强加强监督。", 1);
        assert_count("W001", "推进法治政府建设法治政府建设。", 1);
        assert_count("W001", "清清楚楚，明明白白。", 0);
        assert_count("W001", "一个一个落实，一步一步推进。", 0);
        assert_count("W001", "请大家研究研究。", 0);
        assert_count("W001", "十四五十四五", 0);
        assert_count("W001", "人人参与，天天学法。", 0);
        assert_count("W001", "开展“法治宣传”进社区活动。", 0);
        assert_count("W001", "落实“谁执法谁普法”普法责任制。", 0);
    }

    #[test]
    fn doubled_words_of_the_genre() {
        assert_flags("W001", "要进一步进一步优化营商环境。", "进一步进一步");
        assert_flags("W001", "全面加强加强行政执法监督。", "加强加强");
        assert_flags("W001", "扎实做好各项工作工作。", "工作工作");
        assert_flags("W001", "法治政府建设的的主要举措。", "的的");
        assert_flags("W001", "完成了了年度任务。", "了了");
        assert_flags("W001", "在在全市推行行政执法公示。", "在在");
        assert_flags("W001", "行政复议和和行政应诉工作。", "和和");
    }

    #[test]
    fn words_that_merely_meet_stay_quiet() {
        assert_count("W001", "在构建共建共治共享社会治理新格局上下功夫。", 0);
        assert_count("W001", "落实博士博士后资助政策。", 0);
        assert_count("W001", "达到普法目的的有效途径。", 0);
        assert_count("W001", "为了了解群众需求，开展走访。", 0);
        assert_count("W001", "现在在全市推开。", 0);
        assert_count("W001", "做好调解和和解工作。", 0);
        assert_count("W001", "实实在在的成效。", 0);
        assert_count("W001", "工作的的确确取得进展。", 0);
        assert_count("W001", "谢谢大家，常常来。", 0);
        assert_count("W001", "发放一把把钥匙。", 0);
        assert_count("W001", "要把把关作为第一道防线。", 0);
        assert_count("W001", "面对对手的挑战。", 0);
        assert_count("W001", "基层党组织组织党员学习。", 0);
        assert_count("W001", "引导社会组织组织开展志愿服务。", 0);
        assert_count("W001", "加快建设建设用地审批平台。", 0);
        assert_count("W001", "推动经济社会社会事业全面发展。", 0);
    }

    #[test]
    fn no_fix_inside_a_name() {
        let text = "印发《关于进一步进一步加强行政复议工作的意见》。";
        let f = findings("W001", text);
        assert_eq!(f.len(), 1);
        assert!(f[0].fix.is_none());
        assert!(super::quoted("“法治”建设", 3));
        assert!(!super::quoted("“法治”建设", "“法治”建".len()));
    }

    #[test]
    fn the_fix_deletes_the_second_copy_for_review() {
        let f = findings("W001", "加强加强监督。");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, crate::checks::Applicability::Review);
        assert_eq!(fix.edits[0].span.text("加强加强监督。"), Some("加强"));
        assert_eq!(fix.edits[0].replacement, "");
    }

    #[test]
    fn the_word_lists_are_read() {
        for list in [
            &super::NORMAL,
            &super::GENERIC,
            &super::HEADS_AND_VERBS,
            &super::COMPOUND_HEADS,
        ] {
            assert!(list.len() >= 5);
            assert!(list
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(crate::span::is_han)));
        }
    }

    #[test]
    fn every_function_character_has_its_words() {
        let list = &*super::DOUBLED_CHARS;
        assert!(list.len() >= 4);
        for (c, words) in list {
            assert!(!words.is_empty(), "{c}");
            assert!(words.iter().all(|w| w.contains(*c)), "{c}: {words:?}");
        }
    }
}
