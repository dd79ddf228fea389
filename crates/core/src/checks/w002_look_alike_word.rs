//! W002: a look-alike word used for another. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W002",
    name: "LookAlikeWord",
    title_zh: "形近词或同音词误用",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Words often used for a look-alike or sound-alike (`截止` for `截至`, `做出决定` for `作出决定`,
`妨碍公务` for `妨害公务`, `权利清单` for `权力清单`), from the list in `data/lookalikes.tsv`, each with
the context that makes it wrong. One finding per word, with every place; the user's word list
exempts terms.
## Why it matters
These slips change the meaning (`截止` means to stop) or misname a legal term, and a proofreader
will catch every one.
## Example
`截止目前，全市共办理…` → `截至目前，全市共办理…`";

pub struct LookAlikeWord;

struct Entry {
    wrong: &'static str,
    right: &'static str,
    after: Option<Regex>,
    why: &'static str,
}

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/lookalikes.tsv"))
        .filter_map(|cols| {
            let [wrong, right, after, why] = cols[..] else {
                return None;
            };
            let after = if after == "-" {
                None
            } else {
                Some(crate::pattern::regex(&format!("^(?:{after})")).ok()?)
            };
            Some(Entry {
                wrong,
                right,
                after,
                why,
            })
        })
        .collect()
});

impl Check for LookAlikeWord {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // One pass finds every listed word; entries are then settled in list order, an earlier
        // entry claiming its places before a later, overlapping one.
        let mut found: Vec<Vec<Span>> = vec![Vec::new(); ENTRIES.len()];
        for (line_span, line) in doc.body() {
            for m in MATCHER.find_overlapping_iter(line) {
                let k = m.pattern().as_usize();
                let entry = &ENTRIES[k];
                if entry
                    .after
                    .as_ref()
                    .is_some_and(|re| !re.is_match(&line[m.end()..]))
                {
                    continue;
                }
                found[k].push(Span::new(m.start(), m.end()).offset(line_span.start));
            }
        }
        let mut claimed: Vec<Span> = Vec::new();
        for (entry, places) in ENTRIES.iter().zip(found) {
            let spans: Vec<Span> = places
                .into_iter()
                .filter(|&s| !doc.allowed(s) && !claimed.iter().any(|c| c.overlaps(s)))
                .collect();
            if spans.is_empty() {
                continue;
            }
            claimed.extend(spans.iter().copied());
            let several = spans.len() > 1;
            let fix = Fix::replace_all(
                format!("改为“{}”", entry.right),
                spans.iter().copied(),
                entry.right,
                Applicability::Review,
            );
            let mut f = doc.grouped(
                &META,
                spans,
                |times| {
                    let times = if several { times } else { "" };
                    format!("“{}”应为“{}”{times}：{}。", entry.wrong, entry.right, entry.why)
                },
                format!("“{}” should be “{}”.", entry.wrong, entry.right),
            );
            f.fix = Some(fix);
            out.push(f);
        }
    }
}

/// Every listed word in one automaton; pattern `k` is `ENTRIES[k].wrong`.
static MATCHER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(ENTRIES.iter().map(|e| e.wrong))
        .expect("the word list builds an automaton")
});

#[cfg(test)]
mod tests {
    use super::ENTRIES;
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn the_list_parses_whole() {
        let lines = crate::data::rows(include_str!("../../data/lookalikes.tsv")).count();
        assert_eq!(ENTRIES.len(), lines);
        assert!(ENTRIES.len() >= 30);
    }

    #[test]
    fn hits_and_near_misses() {
        assert_flags("W002", "截止目前，共办理12件。", "截止");
        assert_flags("W002", "截止11月1日，共办理。", "截止");
        assert_count("W002", "报名截止。", 0);
        assert_count("W002", "截至目前，共办理。", 0);
        assert_flags("W002", "复议机关做出维持决定。", "做出");
        assert_count("W002", "做出了贡献。", 0);
        assert_flags("W002", "以涉嫌妨碍公务罪移送。", "妨碍公务");
        assert_count("W002", "公布权力清单。", 0);
        assert_count("W002", "公布权利清单。", 1);
        assert_count("W002", "制订年度计划。", 0);
        assert_count("W002", "制订管理办法。", 1);
        let f = findings(
            "W002",
            "截止目前办理5件，截止10月28日办理8件，截至目前完成。",
        );
        assert_eq!(f.len(), 1, "one finding for the word, {f:#?}");
        assert_eq!(f[0].count, 2);
        assert!(f[0].message.contains("全文2处"));
    }
}
