//! W005: 的 written for 地 or 得. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::w001_duplicated_word::{is_bound, word_bounds};
use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W005",
    name: "MisusedDe",
    title_zh: "“的”“地”“得”误用",
    severity: Severity::Warning,
    doc: "## What it checks
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
`认真的落实行政执法三项制度` → `认真地落实行政执法三项制度`",
};

pub struct MisusedDe;

struct Lists {
    adverbial: Regex,
    complement: Regex,
    nouns: Vec<&'static str>,
    light: Vec<&'static str>,
}

fn list(kind: &str) -> Vec<&'static str> {
    include_str!("../../data/de_di_de.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .map(|(_, w)| w.trim())
        .collect()
}

/// `a|b|c`, longest first so that the regex takes the whole word.
fn alternation(kind: &str) -> String {
    let mut words = list(kind);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.join("|")
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    adverbial: Regex::new(&format!(
        "({})的({})",
        alternation("adverb"),
        alternation("verb")
    ))
    .expect("the adverbial pattern builds"),
    complement: Regex::new(&format!(
        "({})的(?:{})(?:{})(?:[，。；！？,;!?]|$)",
        alternation("complement_verb"),
        alternation("degree"),
        alternation("complement")
    ))
    .expect("the complement pattern builds"),
    nouns: list("noun"),
    light: list("light"),
});

/// Marks that end a clause, for looking back from an adverbial.
const CLAUSE_END: &[char] = &[
    '，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '（', '(',
];

impl Check for MisusedDe {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let lists = &*LISTS;
        for (line_span, line) in doc.body() {
            let mut bounds: Option<Vec<usize>> = None;
            let mut hits: Vec<(usize, char)> = Vec::new();
            for c in lists.adverbial.captures_iter(line) {
                let (Some(adverb), Some(verb)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                let before = &line[..adverb.start()];
                if before.ends_with(['的', '所']) {
                    continue;
                }
                let clause = before
                    .rfind(CLAUSE_END)
                    .map_or(before, |i| &before[i..]);
                if lists.light.iter().any(|w| clause.contains(w)) {
                    continue;
                }
                let after = &line[verb.end()..];
                let object = after.chars().next().is_some_and(|c| {
                    crate::span::is_han(c) || matches!(c, '“' | '《' | '"')
                });
                if !object || lists.nouns.iter().any(|w| after.starts_with(w)) {
                    continue;
                }
                let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                let whole = [adverb.start(), adverb.end(), verb.start(), verb.end()]
                    .iter()
                    .all(|&x| is_bound(bounds, x));
                if whole {
                    hits.push((adverb.end(), '地'));
                }
            }
            for c in lists.complement.captures_iter(line) {
                let Some(verb) = c.get(1) else {
                    continue;
                };
                if line[..verb.start()].ends_with('所') {
                    continue;
                }
                let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                if is_bound(bounds, verb.start()) && is_bound(bounds, verb.end()) {
                    hits.push((verb.end(), '得'));
                }
            }
            for (at, right) in hits {
                let span = Span::new(line_span.start + at, line_span.start + at + '的'.len_utf8());
                let (message, message_en, why) = if right == '地' {
                    (
                        "“的”应为“地”：状语和它修饰的动词之间用“地”。",
                        "“的” should be “地”: an adverbial joins its verb with 地.",
                        "改为“地”",
                    )
                } else {
                    (
                        "“的”应为“得”：动词和程度补语之间用“得”。",
                        "“的” should be “得”: a verb joins its complement of degree with 得.",
                        "改为“得”",
                    )
                };
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    message.to_owned(),
                    message_en.to_owned(),
                );
                f.fix = Some(Fix::new(
                    why,
                    vec![Edit {
                        span,
                        replacement: right.to_string(),
                    }],
                    Applicability::Review,
                ));
                out.push(f);
            }
        }
    }
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
    }

    #[test]
    fn complement_de() {
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
    }
}
