//! W004: 作 and 做 written for each other. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::w001_duplicated_word::{is_bound, quoted, word_bounds};
use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W004",
    name: "ZuoZuoConfusion",
    title_zh: "“作”“做”误用",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
`作` and `做` written for each other where the standard language has only one form: `作好` for
`做好`, `作到` for `做到`, `做为` for `作为`, `做用` for `作用`, `工做` for `工作`, `做风` for `作风`,
and idioms out of their fixed form (`自做主张` for `自作主张`). The list is `data/zuo_zuo.tsv`, from
the headwords of 《现代汉语词典》 (第7版). Pairs the dictionary accepts both ways (`作出`/`做出`,
`当作`/`当做`, `叫作`/`叫做`, `作法`/`做法`) are divided usage and never reported. A form is read only
where it is whole words of the genre's segmenter, so `工作好`, `员工做好`, `配合做好` and
`做用户满意的服务` stay quiet. One finding per form, with every place.
## Why it matters
A drafter types `作` and `做` by sound; a reader sees the wrong one at once, and in a published
report it reads as careless. `作风建设` and `发挥作用` are among the genre's commonest words.
## Example
`充分发挥法律顾问的做用` → `充分发挥法律顾问的作用`";

pub struct ZuoZuoConfusion;

struct Pair {
    wrong: &'static str,
    right: &'static str,
    /// Text after the wrong form that makes it another word (`做用户`).
    other_word: Option<Regex>,
}

static PAIRS: LazyLock<Vec<Pair>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/zuo_zuo.tsv"))
        .filter_map(|cols| {
            let [wrong, right, other_word] = cols[..] else {
                return None;
            };
            let other_word = match other_word {
                "-" => None,
                re => Some(crate::pattern::regex(&format!("^(?:{re})")).ok()?),
            };
            Some(Pair {
                wrong,
                right,
                other_word,
            })
        })
        .collect()
});

/// Every wrong form in one automaton; pattern `k` is `PAIRS[k].wrong`.
static MATCHER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(PAIRS.iter().map(|p| p.wrong))
        .expect("the word list builds an automaton")
});

impl Check for ZuoZuoConfusion {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Each place, and whether it lies in a quotation or a title (reported, never rewritten).
        let mut found: Vec<Vec<(Span, bool)>> = vec![Vec::new(); PAIRS.len()];
        for (line_span, line) in doc.body() {
            let mut bounds: Option<Vec<usize>> = None;
            for m in MATCHER.find_overlapping_iter(line) {
                let pair = &PAIRS[m.pattern().as_usize()];
                if pair
                    .other_word
                    .as_ref()
                    .is_some_and(|re| re.is_match(&line[m.end()..]))
                {
                    continue;
                }
                let bounds = bounds.get_or_insert_with(|| word_bounds(line));
                if !is_bound(bounds, m.start()) || !is_bound(bounds, m.end()) {
                    continue;
                }
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                if !doc.allowed(span) {
                    found[m.pattern().as_usize()].push((span, quoted(line, m.start())));
                }
            }
        }
        let mut claimed: Vec<Span> = Vec::new();
        for (pair, places) in PAIRS.iter().zip(found) {
            let places: Vec<(Span, bool)> = places
                .into_iter()
                .filter(|&(s, _)| !claimed.iter().any(|c| c.overlaps(s)))
                .collect();
            let spans: Vec<Span> = places.iter().map(|p| p.0).collect();
            let editable: Vec<Span> = places.iter().filter(|p| !p.1).map(|p| p.0).collect();
            if spans.is_empty() {
                continue;
            }
            claimed.extend(spans.iter().copied());
            let several = spans.len() > 1;
            let mut f = doc.grouped(
                &META,
                spans,
                |times| {
                    let times = if several { times } else { "" };
                    format!(
                        "“{}”应为“{}”{times}：规范词形是“{}”。",
                        pair.wrong, pair.right, pair.right
                    )
                },
                format!(
                    "“{}” should be “{}”, the standard form.",
                    pair.wrong, pair.right
                ),
            );
            f.fix = (!editable.is_empty()).then(|| {
                Fix::replace_all(
                    format!("改为“{}”", pair.right),
                    editable,
                    pair.right,
                    Applicability::Review,
                )
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PAIRS;
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Applicability;

    #[test]
    fn the_list_parses_whole() {
        let rows = crate::data::rows(include_str!("../../data/zuo_zuo.tsv")).count();
        assert_eq!(PAIRS.len(), rows);
        for p in PAIRS.iter() {
            assert_ne!(p.wrong, p.right);
            assert_eq!(
                p.wrong.chars().count(),
                p.right.chars().count(),
                "{}",
                p.wrong
            );
        }
    }

    #[test]
    fn hits() {
        assert_flags("W004", "充分发挥法律顾问的做用。", "做用");
        assert_flags("W004", "切实作好行政复议工作。", "作好");
        assert_flags("W004", "做为全市第一批试点单位。", "做为");
        assert_flags("W004", "全面推进政府工做报告确定的任务。", "工做");
        assert_flags("W004", "深入推进机关做风建设。", "做风");
        assert_flags("W004", "严格执法，真正作到有法必依。", "作到");
        assert_flags("W004", "推动民营企业作大做强。", "作大做强");
        assert_flags("W004", "加强部门之间的协调与合做。", "合做");
    }

    #[test]
    fn near_misses_stay_quiet() {
        assert_count("W004", "把各项工作好好落实。", 0);
        assert_count("W004", "组织员工做好防疫。", 0);
        assert_count("W004", "各部门密切配合做好应急处置。", 0);
        assert_count("W004", "做用户满意的政务服务。", 0);
        assert_count("W004", "努力做为民服务的表率。", 0);
        assert_count("W004", "复议机关依法作出决定，做出了贡献。", 0);
        assert_count("W004", "把群众满意当作标准，当做标准。", 0);
        assert_count("W004", "推广“五步工作法”的做法。", 0);
        assert_count("W004", "做好业务培训，做业务骨干。", 0);
        assert_count("W004", "发挥示范带动作用。", 0);
    }

    #[test]
    fn one_finding_per_form_with_its_places() {
        let text = "发挥了做用，起到了做用。";
        let f = findings("W004", text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].count, 2);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits.len(), 2);
        assert_eq!(fix.applicability, Applicability::Review);
        assert_flags("W004", "不能自做主张。", "自做主张");
        let f = findings("W004", "开展“做风建设年”活动。");
        assert_eq!(f.len(), 1);
        assert!(f[0].fix.is_none(), "a slogan is reported, not rewritten");
    }
}
