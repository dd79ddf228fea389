//! W005: 的 written for 地 or 得. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::w001_duplicated_word::{is_bound, quoted, word_bounds};
use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W005",
    name: "MisusedDe",
    title_zh: "“的”“地”“得”误用",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
`的` written where the standard written language has `地` or `得`, in the two patterns where the
reading is certain:
- an adverbial of manner of the genre (`认真`, `积极`, `有效`, `扎实`, `切实`, `依法` …) then `的` then
  one of the genre's verbs (`推进`, `落实`, `开展`, `化解` …) followed by its object or `了`:
  `认真的落实各项任务` → `认真地落实`;
- one of those verbs then `的` then a degree word (`很`, `非常`, `十分`, `比较`, `更加`, `不够` …) and a
  complement that ends the clause: `工作落实的很好。` → `落实得很好`.
The lists are closed (`data/de_di_de.tsv`). A verb used as a noun keeps `的`: after a light verb
(`问题得到有效的解决`, `作了全面的部署`), before a noun or a position word (`有效的化解机制`,
`在积极的推动下`), or at the end of the clause.
## Why it matters
The written standard, as 《现代汉语词典》 describes 地 and 得, joins an adverbial to its verb with
`地` and a verb to its complement with `得`; official documents keep the three apart, and a
proofreader marks every `的` in their place.
## Example
`认真的落实行政执法三项制度` → `认真地落实行政执法三项制度`";

pub struct MisusedDe;

struct Lists {
    /// An adverbial of the list then 的.
    adverbial: Regex,
    /// 的 then a degree word.
    degree: Regex,
    adverbs: Vec<&'static str>,
    verbs: Vec<&'static str>,
    nouns: Vec<&'static str>,
    light: Vec<&'static str>,
    not_complement: Vec<&'static str>,
    not_verb: Vec<&'static str>,
}

fn list(kind: &str) -> Vec<&'static str> {
    crate::data::words_of(include_str!("../../data/de_di_de.tsv"), kind)
}

/// `a|b|c`, longest first so that the regex takes the whole word.
fn alternation(kind: &str) -> String {
    let mut words = list(kind);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.join("|")
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    adverbial: crate::pattern::regex(&format!("(?:{})的", alternation("adverb")))
        .expect("the adverbial pattern builds"),
    degree: crate::pattern::regex(&format!("的(?:{})", alternation("degree")))
        .expect("the degree pattern builds"),
    adverbs: list("adverb"),
    verbs: list("verb"),
    nouns: list("noun"),
    light: list("light"),
    not_complement: list("not_complement"),
    not_verb: list("not_verb"),
});

/// Marks that end a clause, for looking back from an adverbial.
const CLAUSE_END: &[char] = &[
    '，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '（', '(',
];

/// The clause that `before` ends, at most its last 40 characters (a line may be long).
fn clause_before(before: &str) -> &str {
    let near = crate::span::last_chars(before, 40);
    near.rfind(CLAUSE_END).map_or(near, |i| &near[i..])
}

/// The word of `bounds` that starts at `at` in `line`.
fn word_at<'a>(line: &'a str, bounds: &[usize], at: usize) -> Option<&'a str> {
    let i = bounds.binary_search(&at).ok()?;
    line.get(at..*bounds.get(i + 1)?)
}

/// The word of `bounds` that ends at `at` in `line`.
fn word_before<'a>(line: &'a str, bounds: &[usize], at: usize) -> Option<&'a str> {
    let i = bounds.binary_search(&at).ok()?;
    line.get(*bounds.get(i.checked_sub(1)?)?..at)
}

impl Check for MisusedDe {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let mut bounds: Option<Vec<usize>> = None;
            // The 的, what it should be, and the words around it that the user's list may exempt.
            let mut hits: Vec<(usize, char, Span)> = Vec::new();
            for m in LISTS.adverbial.find_iter(line) {
                let de = m.end() - '的'.len_utf8();
                let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                if adverbial_de(line, bounds, m.start(), de) {
                    hits.push((de, '地', Span::new(m.start(), m.end())));
                }
            }
            for m in LISTS.degree.find_iter(line) {
                let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                if complement_de(line, bounds, m.start(), m.end()) {
                    hits.push((m.start(), '得', Span::new(m.start(), m.end())));
                }
            }
            for (at, right, around) in hits {
                let span = Span::new(at, at + '的'.len_utf8()).offset(line_span.start);
                let around =
                    Span::new(around.start, around.end).offset(line_span.start);
                if doc.allowed(around) {
                    continue;
                }
                let (message, message_en) = if right == '地' {
                    (
                        "“的”应为“地”：状语和它修饰的动词之间用“地”。",
                        "“的” should be “地”: an adverbial joins its verb with 地.",
                    )
                } else {
                    (
                        "“的”应为“得”：动词和程度补语之间用“得”。",
                        "“的” should be “得”: a verb joins its complement of degree with 得.",
                    )
                };
                let mut f =
                    doc.finding(&META, vec![span], message.to_owned(), message_en.to_owned());
                f.fix = (!quoted(line, at)).then(|| {
                    Fix::replace(format!("改为“{right}”"), span, right, Applicability::Review)
                });
                out.push(f);
            }
        }
    }
}

/// Whether the 的 at byte `de` of `line`, after an adverbial of the list starting at `adverb`,
/// joins it to a verb: the adverbial and 的 whole words, no light verb earlier in the clause
/// (`得到了有效的解决`), and after 的 (and maybe a second adverbial, `有效的扎实推进`) a verb of the
/// list with its object, or any word with 到, 了 or 着 (`不断的感受到`).
fn adverbial_de(line: &str, bounds: &[usize], adverb: usize, de: usize) -> bool {
    let lists = &*LISTS;
    let before = &line[..adverb];
    if before.ends_with(['的', '所']) {
        return false;
    }
    let clause = clause_before(before);
    if lists.light.iter().any(|w| clause.contains(w)) {
        return false;
    }
    let after_de = de + '的'.len_utf8();
    if !is_bound(bounds, adverb) || !is_bound(bounds, de) || !is_bound(bounds, after_de) {
        return false;
    }
    let Some(mut verb) = word_at(line, bounds, after_de) else {
        return false;
    };
    let mut verb_at = after_de;
    if lists.adverbs.contains(&verb) {
        verb_at += verb.len();
        let Some(next) = word_at(line, bounds, verb_at) else {
            return false;
        };
        verb = next;
    }
    let rest = &line[verb_at + verb.len()..];
    let tail = word_at(line, bounds, verb_at + verb.len());
    // A noun after the verb, or a one-character position word or particle as a word of its own
    // (`推动下`, but not the 中 of `中央`).
    let noun_after = lists.nouns.iter().any(|w| {
        if w.chars().count() > 1 {
            rest.starts_with(w)
        } else {
            tail == Some(*w)
        }
    });
    if noun_after {
        return false;
    }
    if lists.verbs.contains(&verb) {
        return rest
            .chars()
            .next()
            .is_some_and(|c| crate::span::is_han(c) || matches!(c, '“' | '《' | '"'));
    }
    verb.chars().count() >= 2
        && verb.chars().all(crate::span::is_han)
        && !lists.nouns.contains(&verb)
        && matches!(tail, Some("到" | "了" | "着"))
}

/// Whether the 的 at byte `de` of `line`, with a degree word up to `degree_end`, joins a verb to its
/// complement: 的 and the degree word whole words after a Han word that can be a verb, and one
/// word after the degree word (maybe with 一些) ending the clause: `落实的很好。`, `住的更舒心、`.
fn complement_de(line: &str, bounds: &[usize], de: usize, degree_end: usize) -> bool {
    let lists = &*LISTS;
    let after_de = de + '的'.len_utf8();
    if ![de, after_de, degree_end]
        .iter()
        .all(|&x| is_bound(bounds, x))
    {
        return false;
    }
    let Some(verb) = word_before(line, bounds, de) else {
        return false;
    };
    let before = &line[..de - verb.len()];
    if !verb.chars().all(crate::span::is_han)
        || lists.not_verb.contains(&verb)
        || before.ends_with('所')
    {
        return false;
    }
    // `比去年的更好`: a possessive in a comparison; `得到市委的非常重视`: a noun after a light verb.
    let clause = clause_before(before);
    if clause.contains(['比', '较']) || lists.light.iter().any(|w| clause.contains(w)) {
        return false;
    }
    let Some(complement) = word_at(line, bounds, degree_end) else {
        return false;
    };
    if !complement.chars().all(crate::span::is_han)
        || complement.chars().count() > 2
        || lists.not_complement.contains(&complement)
        || lists.nouns.contains(&complement)
    {
        return false;
    }
    let rest = &line[degree_end + complement.len()..];
    let rest = ["一些", "一点", "了"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    if let Some(more) = rest.strip_prefix('、') {
        // `住的更舒心、更安心。`: complements in a series, not attributes of a noun
        // (`追求的更高、更好的生活`).
        let series = more
            .split(['，', '。', '；', '！', '？', ',', ';', '!', '?'])
            .next();
        return series.is_some_and(|s| !s.contains('的'));
    }
    rest.starts_with(['，', '。', '；', '！', '？', ',', ';', '!', '?'])
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn adverbial_de() {
        assert_flags("W005", "认真的落实行政执法三项制度。", "的");
        assert_count("W005", "各部门积极的推进“放管服”改革。", 1);
        assert_count("W005", "有效的化解了一批矛盾纠纷。", 1);
        assert_count("W005", "一是扎实的开展普法宣传。", 1);
        assert_count("W005", "依法的履行政府职能。", 1);
        assert_count("W005", "认真的贯彻中央决策部署。", 1);
        assert_count("W005", "有力有效的扎实推进各项工作。", 1);
        assert_count("W005", "让群众不断的感受到变化。", 1);
        assert_count("W005", "采取积极的财政政策。", 0);
    }

    #[test]
    fn complement_de() {
        assert_count("W005", "教育品牌擦的更亮。", 1);
        assert_count("W005", "让群众住的更舒心、更安心。", 1);
        assert_count("W005", "把工作做的更扎实一些，", 1);
        assert_count("W005", "各项改革任务落实的很好。", 1);
        assert_count("W005", "整改工作推进的不够扎实，", 1);
        assert_count("W005", "这项工作做的比较到位。", 1);
        let f = findings("W005", "落实的很好。");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.edits[0].replacement.as_str()),
            Some("得")
        );
    }

    #[test]
    fn nominal_uses_keep_de() {
        assert_count("W005", "采取有效的措施。", 0);
        assert_count("W005", "作了全面的部署。", 0);
        assert_count("W005", "问题得到了有效的解决。", 0);
        assert_count("W005", "建立有效的化解机制。", 0);
        assert_count("W005", "在市委积极的推动下，工作取得进展。", 0);
        assert_count("W005", "离不开各部门认真的落实。", 0);
        assert_count("W005", "取得了积极的推动作用。", 0);
        assert_count("W005", "认真地落实各项任务。", 0);
        assert_count("W005", "落实得很好。", 0);
        assert_count("W005", "我们所做的很多工作。", 0);
        assert_count("W005", "推进的很多项目已经完工。", 0);
        assert_count("W005", "开展的十分必要。", 0);
        assert_count("W005", "这个目的很明确，", 0);
        assert_count("W005", "发挥的更大作用。", 0);
        assert_count("W005", "真的很好。", 0);
        assert_count("W005", "今年的形势比去年的更好。", 0);
        assert_count("W005", "体现了群众追求的更高、更好的生活。", 0);
        assert_count("W005", "在这个特殊的非常时期，", 0);
        assert_count("W005", "组织开展的特别行动，", 0);
        assert_count("W005", "得到市委的非常重视。", 0);
        assert_count("W005", "形成积极的推动因素。", 0);
    }
}
