//! The indicator catalog (`data/indicators.tsv`) and the matching of quantities against it.
//!
//! A figure is an indicator's value only when it says so: the counted head noun is the
//! indicator's object (`人民调解组织209个` counts organisations, not disputes), the action is its
//! verb (`审结`, `备案`), its subject is named in the same clause (`复议` for a 纠错率), no
//! negation or outcome verb turns it round (`不予受理`, `驳回`), it is not a sub-count (after
//! `其中`, `含`, or with `成功`), not a stage or a target (`拟`, `列入计划`, `排查`, `力争`), not a
//! stock where a flow is meant (`总数`, `现行有效`), its measure word is one the indicator takes
//! (`课时` are not sessions), and a count is plausible for the reporting level. The catalog is
//! data: adding an indicator is one line.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub use crate::model::IndicatorValue;
use crate::model::{Kind, Level, Quantity};
use crate::span::Span;

/// What unit an indicator's figure has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    Percent,
    Count,
}

/// One entry of the catalog.
#[derive(Debug)]
pub struct Indicator {
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    /// The counted head noun or the rate word, anchored at the end of a phrase.
    object_end: Option<Regex>,
    /// The same, anywhere (a referred-back phrase, the noun phrase after a number).
    object_any: Option<Regex>,
    verb: Option<Regex>,
    subject: Option<Regex>,
    pub unit: UnitClass,
    /// The measure words a count may be written with (empty: any).
    pub units: Vec<&'static str>,
    /// A stock (people in post, items listed) rather than a flow (what happened this year).
    pub stock: bool,
    /// The highest plausible count for a county, a city, a province.
    pub max: [f64; 3],
}

impl Indicator {
    fn fits(&self, q: &Quantity) -> bool {
        let unit_ok =
            self.units.is_empty() || q.unit.as_deref().is_some_and(|u| self.units.contains(&u));
        unit_ok
            && match self.unit {
                UnitClass::Percent => {
                    q.unit.as_deref() == Some("%") && matches!(q.kind, Kind::Percent)
                }
                UnitClass::Count => {
                    matches!(q.kind, Kind::Count)
                        && !matches!(q.unit.as_deref(), Some("%" | "元" | "倍" | "‰"))
                }
            }
    }

    /// The highest plausible value at `level`; `None` where the level is not known.
    fn plausible_max(&self, level: Level) -> Option<f64> {
        match level {
            Level::County | Level::District => Some(self.max[0]),
            Level::City => Some(self.max[1]),
            Level::Province | Level::Department => Some(self.max[2]),
            Level::Unknown => None,
        }
    }
}

/// The Chinese and English names of the indicator `id`, read without building the catalog's
/// patterns (for a page that only shows results).
pub fn names(id: &str) -> Option<(&'static str, &'static str)> {
    NAMES
        .iter()
        .find(|(i, _, _, _)| *i == id)
        .map(|&(_, zh, en, _)| (zh, en))
}

/// Whether the indicator `id` counts a stock (people in post, items listed), which may stand
/// still from one year to the next, rather than a flow of the year. Read without the patterns.
pub fn is_stock(id: &str) -> bool {
    NAMES.iter().any(|&(i, _, _, stock)| i == id && stock)
}

const CATALOG_TSV: &str = include_str!("../data/indicators.tsv");

/// (id, Chinese name, English name, stock) of every indicator of the catalog file.
type Names = Vec<(&'static str, &'static str, &'static str, bool)>;
static NAMES: LazyLock<Names> = LazyLock::new(|| {
    crate::data::rows(CATALOG_TSV)
        .filter_map(|cols| {
            Some((
                *cols.first()?,
                *cols.get(1)?,
                *cols.get(2)?,
                *cols.get(8)? == "stock",
            ))
        })
        .collect()
});

/// What may follow the counted noun before the number: `案件数`, `人数`, `信息数量`.
const NOUN_TAIL: &str = "(?:数|数量|件数|人数|次数|总数|总量|总计)?";

fn pattern(p: &str, anchored: bool) -> Option<Option<Regex>> {
    if p == "-" {
        return Some(None);
    }
    let p = if anchored {
        format!("(?:{p}){NOUN_TAIL}$")
    } else {
        p.to_owned()
    };
    crate::pattern::regex(&p).ok().map(Some)
}

/// The catalog, parsed once from `data/indicators.tsv`.
pub static CATALOG: LazyLock<Vec<Indicator>> = LazyLock::new(|| {
    crate::data::rows(CATALOG_TSV)
        .filter_map(|cols| {
            let [id, name, name_en, object, verb, subject, unit, units, flow, county, city, province] =
                cols[..]
            else {
                return None;
            };
            Some(Indicator {
                id,
                name,
                name_en,
                object_end: pattern(object, true)?,
                object_any: pattern(object, false)?,
                verb: pattern(verb, false)?,
                subject: pattern(subject, false)?,
                unit: match unit {
                    "percent" => UnitClass::Percent,
                    "count" => UnitClass::Count,
                    _ => return None,
                },
                units: if units == "-" {
                    Vec::new()
                } else {
                    units.split(' ').collect()
                },
                stock: match flow {
                    "stock" => true,
                    "flow" => false,
                    _ => return None,
                },
                max: [county.parse().ok()?, city.parse().ok()?, province.parse().ok()?],
            })
        })
        .collect()
});

/// Every action verb of the catalog: a phrase holding none of them is a bare noun phrase whose
/// action, if any, stands earlier in its clause (`办理人大代表建议172件、政协委员提案179件`).
static ACTIONS: LazyLock<Regex> = LazyLock::new(|| {
    let verbs: Vec<&str> = crate::data::rows(CATALOG_TSV)
        .filter_map(|cols| cols.get(4).copied())
        .filter(|v| *v != "-")
        .collect();
    crate::pattern::regex(&verbs.join("|"))
        .unwrap_or_else(|_| crate::pattern::regex("$^").expect("empty pattern"))
});

/// Stages and targets: the figure is planned, listed or aimed at, not done.
static STAGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex("拟|列入|计划|力争|争取|确保|目标|预计|排查|摸排|不低于|不少于|启动|正在")
        .expect("stage pattern")
});

/// Negations and outcomes: what was refused, dismissed, withheld or lost is not the indicator
/// (unless the indicator's own object or verb says so, as in `不予处罚`, `败诉`).
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        "不予|不受理|未|驳回|败诉|维持|撤诉|撤回|终止|无法|拒绝|不属于|退回|确认违法|撤销",
    )
    .expect("negation pattern")
});

/// A stock where a flow is asked for.
static STOCK: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex("总数|总量|现有|实有|存量|在册|保有|现行有效|共有").expect("stock")
});

/// A total over several years (`五年共办理`, `近三年`), where a year's flow is asked for.
static MULTI_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        "[两二三四五六七八九十]年(?:来|共|累计|间|内)|近[两二三四五六七八九十]年|历年|任期内",
    )
    .expect("multi-year pattern")
});

/// Words between the counted noun and the number that say nothing about what is counted.
const FILLERS: &[&str] = &[
    "分别为",
    "共计",
    "合计",
    "总计",
    "累计",
    "分别",
    "全年",
    "达到",
    "超过",
    "突破",
    "不低于",
    "不少于",
    "已达",
    "共",
    "均",
    "为",
    "是",
    "有",
    "达",
    "约",
    "近",
    "超",
    "逾",
    "已",
    "计",
    "了",
];

/// Phrase boundaries: a phrase is one item of a list; a clause runs from comma to comma.
const PHRASE_STOPS: &[char] = &[
    '，', ',', '。', '；', ';', '：', ':', '、', '（', '(', '）', ')', '！', '？', '\n',
];
const CLAUSE_STOPS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '！', '？', '\n'];
const SENTENCE_STOPS: &[char] = &['。', '；', ';', '！', '？', '\n'];

/// What surrounds one quantity, as the matching reads it.
#[derive(Debug, Default)]
struct Frame<'a> {
    /// The list item before the number, fillers dropped: `办理法律援助案件`.
    phrase: &'a str,
    /// The clause before the number (a list is one clause).
    clause: &'a str,
    /// The sentence before the number.
    sentence: &'a str,
    /// The noun phrase right after the number, when the number stands before its noun
    /// (`24期法治培训班`); empty otherwise.
    after: &'a str,
    /// The phrase is only an action (`受理`, `综合纠错`): its noun is that of the figure before.
    bare: bool,
}

/// How far the matching looks around a figure, in bytes (about 200 characters back, 20 after):
/// a sentence longer than that is read from its last 200 characters, so that a text of one
/// endless line costs linear time.
const LOOK_BACK: usize = 600;
const LOOK_AHEAD: usize = 64;

/// `i` moved down to a character boundary of `text`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the stretch ending at `end` begins: after the last of `stops`, within the look-back.
fn start_after(text: &str, end: usize, stops: &[char]) -> usize {
    let from = floor_boundary(text, end.saturating_sub(LOOK_BACK));
    let head = text.get(from..end).unwrap_or_default();
    from + head.rfind(stops).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    })
}

fn frame(text: &str, span: Span) -> Frame<'_> {
    let at = span.start;
    let get = |a: usize| text.get(a..at).unwrap_or_default();
    let sentence = get(start_after(text, at, SENTENCE_STOPS));
    let clause = get(start_after(text, at, CLAUSE_STOPS));
    let mut phrase = get(start_after(text, at, PHRASE_STOPS)).trim();
    while let Some(w) = FILLERS.iter().find(|w| phrase.ends_with(**w)) {
        phrase = &phrase[..phrase.len() - w.len()];
    }
    let ahead = floor_boundary(text, span.end.saturating_add(LOOK_AHEAD));
    let rest = text.get(span.end..ahead).unwrap_or_default();
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    let after = if rest.starts_with(crate::span::is_han) {
        let end = rest.find(PHRASE_STOPS).unwrap_or(rest.len());
        let end = rest[..end].char_indices().nth(16).map_or(end, |(i, _)| i);
        &rest[..end]
    } else {
        ""
    };
    Frame {
        phrase,
        clause,
        sentence,
        after,
        bare: after.is_empty() && phrase.chars().count() <= 4,
    }
}

/// A count inside a breakdown: after `其中` where the figure's noun is the total's (`办理法律
/// 援助案件500件，其中刑事案件200件`) or only referred back to, or in a bracket opened by `含`.
/// A new noun after `其中` starts a new figure (`其中市政府18人…，公职律师52人`).
fn sub_count(sentence: &str, bare: bool, object: Option<&Regex>) -> bool {
    if let Some(at) = sentence.find("其中") {
        let total = &sentence[..at];
        if bare || object.is_none_or(|o| o.is_match(total)) {
            return true;
        }
    }
    let open = sentence.rfind(['（', '(']);
    let close = sentence.rfind(['）', ')']);
    open.is_some_and(|o| close.is_none_or(|c| c < o) && sentence[o..].chars().nth(1) == Some('含'))
}

/// `text` with the stretches `own` matches blanked out, so that an indicator's own words
/// (`不予处罚`, `败诉`) do not count against it.
fn without<'a>(text: &'a str, own: &[&Option<Regex>]) -> std::borrow::Cow<'a, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    for re in own.iter().copied().flatten() {
        if re.is_match(&out) {
            out = std::borrow::Cow::Owned(re.replace_all(&out, "|").into_owned());
        }
    }
    out
}

impl Indicator {
    /// Whether the quantity `q`, in `f`, with `antecedent` (the noun phrase of the figure before
    /// it in the same sentence), is this indicator's value at `level`.
    fn matches(&self, q: &Quantity, f: &Frame<'_>, antecedent: &str, level: Level) -> bool {
        if !self.fits(q) {
            return false;
        }
        let is_rate = self.unit == UnitClass::Percent;
        // The object: the head noun that is counted, or the rate word.
        let object_ok = match (&self.object_end, &self.object_any) {
            (Some(end), Some(any)) => {
                if is_rate {
                    end.is_match(f.phrase)
                } else if !f.after.is_empty() {
                    end.is_match(f.after)
                } else if end.is_match(f.phrase) {
                    true
                } else {
                    f.bare && any.is_match(antecedent)
                }
            }
            _ => true,
        };
        if !object_ok {
            return false;
        }
        // The verb: in the phrase, else in the clause when the phrase names no action at all.
        if let Some(verb) = &self.verb {
            let own = verb.is_match(f.phrase);
            let inherited = !f.bare && !ACTIONS.is_match(f.phrase) && verb.is_match(f.clause);
            if !(own || inherited) {
                return false;
            }
        }
        if self.object_end.is_none() && !self.verb.as_ref().is_some_and(|v| v.is_match(f.phrase)) {
            // Named by its verb alone (`败诉`): the verb must be the figure's own.
            return false;
        }
        if let Some(subject) = &self.subject {
            // The clause, the noun phrase after the number, or the figure this one follows in
            // its sentence (`开展法治宣传活动500余场，受教育群众40余万人`).
            if !(subject.is_match(f.clause)
                || subject.is_match(f.after)
                || subject.is_match(antecedent))
            {
                return false;
            }
        }
        if STAGE.is_match(f.clause) {
            return false;
        }
        let own = [&self.object_any, &self.verb];
        if NEGATION.is_match(&without(f.phrase, &own)) {
            return false;
        }
        if is_rate {
            return true;
        }
        if sub_count(f.sentence, f.bare, self.object_any.as_ref())
            || without(f.phrase, &own).contains("成功")
        {
            return false;
        }
        if !self.stock
            && (STOCK.is_match(f.phrase)
                || MULTI_YEAR.is_match(f.clause)
                || (f.sentence.contains("截至") && f.clause.contains("累计")))
        {
            return false;
        }
        self.plausible_max(level).is_none_or(|max| q.value <= max)
    }
}

/// The id of the indicator each of `quantities` reports, if any, for a report of `level` (in the
/// order of `quantities`: the analysis sets each quantity's `indicator` from it). Figures inside
/// `plans` (the sections that set out next year's work) are targets, not results, and report no
/// indicator.
pub fn credit(
    quantities: &[Quantity],
    text: &str,
    level: Level,
    plans: &[Span],
) -> Vec<Option<String>> {
    // The noun phrase of the figure before, while in the same sentence.
    let mut antecedent: (usize, &str) = (usize::MAX, "");
    let mut out = Vec::with_capacity(quantities.len());
    for q in quantities {
        let f = frame(text, q.span);
        let sentence_start = q.span.start - f.sentence.len();
        let before = if antecedent.0 == sentence_start {
            antecedent.1
        } else {
            ""
        };
        let planned = plans.iter().any(|p| p.contains(q.span));
        out.push(
            CATALOG
                .iter()
                .find(|ind| !planned && ind.matches(q, &f, before, level))
                .map(|ind| ind.id.to_owned()),
        );
        let noun = if f.bare { before } else { f.phrase };
        antecedent = (sentence_start, noun);
    }
    out
}

/// The `indicators` array: one value per indicator, the first the report gives.
pub fn values(quantities: &[Quantity]) -> Vec<IndicatorValue> {
    let mut out: Vec<IndicatorValue> = Vec::new();
    for q in quantities {
        let Some(id) = q.indicator.as_deref() else {
            continue;
        };
        if out.iter().any(|v| v.id == id) {
            continue;
        }
        let Some(ind) = CATALOG.iter().find(|i| i.id == id) else {
            continue;
        };
        out.push(IndicatorValue {
            id: id.to_owned(),
            name: ind.name.to_owned(),
            name_en: ind.name_en.to_owned(),
            value: q.value,
            unit: q.unit.clone(),
            qualifier: q.qualifier.clone(),
            span: q.span,
            out_of_range: ind.unit == UnitClass::Percent && q.value > 100.0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_with_the_catalog() {
        for i in CATALOG.iter() {
            assert_eq!(names(i.id), Some((i.name, i.name_en)));
        }
        assert_eq!(names("no_such_indicator"), None);
    }

    #[test]
    fn the_catalog_parses_whole() {
        let lines = crate::data::rows(CATALOG_TSV).count();
        assert_eq!(CATALOG.len(), lines, "every catalog line parses");
        assert!(CATALOG.len() >= 40);
        let mut ids: Vec<&str> = CATALOG.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CATALOG.len(), "ids are unique");
        assert!(CATALOG
            .iter()
            .filter(|i| i.unit == UnitClass::Percent)
            .all(|i| i.max == [100.0; 3]));
        for i in CATALOG.iter().filter(|i| i.unit == UnitClass::Count) {
            assert!(
                i.max[0] <= i.max[1] && i.max[1] <= i.max[2],
                "{}: a county's plausible count stays below a city's, a city's below a province's",
                i.id
            );
            assert!(
                !i.units.is_empty(),
                "{}: a count names its measure words",
                i.id
            );
            assert!(
                i.object_end.is_some() || i.verb.is_some(),
                "{}: a count is named by its object or its verb",
                i.id
            );
        }
    }

    /// The indicator credited to the quantity written `figure` in `text`, for a report of `level`.
    #[track_caller]
    fn pick_at(text: &str, figure: &str, level: Level) -> Option<String> {
        let analysis = crate::analysis::analyze(text, &crate::analysis::Options::default());
        let mut quantities = analysis.quantities;
        let ids = credit(&quantities, text, level, &[]);
        quantities
            .iter_mut()
            .zip(ids)
            .for_each(|(q, id)| q.indicator = id);
        let q = quantities
            .iter()
            .find(|q| q.text == figure)
            .unwrap_or_else(|| panic!("no quantity “{figure}” in “{text}”"));
        q.indicator.clone()
    }

    #[track_caller]
    fn pick(text: &str, figure: &str) -> Option<String> {
        pick_at(text, figure, Level::Unknown)
    }

    #[track_caller]
    fn assert_pick(text: &str, figure: &str, id: &str) {
        assert_eq!(
            pick(text, figure).as_deref(),
            Some(id),
            "{figure} in {text}"
        );
    }

    #[track_caller]
    fn assert_none(text: &str, figure: &str) {
        assert_eq!(pick(text, figure), None, "{figure} in {text}");
    }

    #[test]
    fn the_counted_head_noun_must_be_the_object() {
        let t = "全县新组建人民调解组织35个，调解矛盾纠纷820件。";
        assert_none(t, "35个");
        assert_pick(t, "820件", "mediation_disputes");
        assert_none("律师团队走访民营企业40家，座谈12场。", "40家");
        assert_none("新增就业岗位500个。", "500个");
        assert_pick("全年新登记市场主体3200户。", "3200户", "market_entities");
        assert_none("引进世界500强企业6家。", "6家");
    }

    #[test]
    fn a_keyword_from_another_domain_is_not_the_indicator() {
        assert_none("审查重大行政处罚备案120件。", "120件");
        assert_none("完成投资项目告知性备案45个。", "45个");
        assert_pick(
            "向市政府报备规范性文件12件。",
            "12件",
            "normative_docs_filed",
        );
        assert_pick(
            "主动公开重大行政决策等信息3万余条。",
            "3万余条",
            "info_disclosed",
        );
        assert_none("形成书面审查意见96份。", "96份");
        assert_pick("政府法律顾问出具法律意见书73份。", "73份", "legal_opinions");
    }

    #[test]
    fn a_rate_needs_its_own_subject() {
        assert_none("全年办理市长热线工单900件，办结率达98%。", "达98%");
        assert_pick(
            "办理市人大代表建议80件，办结率达100%。",
            "达100%",
            "proposal_completion_rate",
        );
        assert_none("执行案件结案率为70.5%。", "70.5%");
        assert_pick(
            "全市办结行政复议案件120件，纠错率为18.33%。",
            "18.33%",
            "admin_review_correction_rate",
        );
        assert_none("无财产可供执行案件合格率100%。", "100%");
    }

    #[test]
    fn negations_and_outcomes_are_not_counted_as_done() {
        let t = "收到行政复议申请60件，受理52件，不予受理5件，驳回复议申请3件。";
        assert_pick(t, "60件", "admin_review_received");
        assert_pick(t, "52件", "admin_review_accepted");
        assert_none(t, "5件");
        assert_none(t, "3件");
        assert_none("不予公开信息35条。", "35条");
        assert_pick(
            "对轻微违法行为作出不予处罚决定18件。",
            "18件",
            "lenient_enforcement",
        );
        assert_pick("行政诉讼败诉6件。", "6件", "litigation_lost");
    }

    #[test]
    fn sub_counts_are_not_totals() {
        let t = "办理法律援助案件300件，其中刑事法律援助案件120件。";
        assert_pick(t, "300件", "legal_aid_cases");
        assert_none(t, "120件");
        let t = "调处矛盾纠纷500件，调解成功490件。";
        assert_pick(t, "500件", "mediation_disputes");
        assert_none(t, "490件");
        let t = "共有政府法律顾问68人，其中市政府18人、县政府50人，党政机关公职律师52人。";
        assert_pick(t, "68人", "legal_advisers");
        assert_none(t, "18人");
        assert_none(t, "50人");
        assert_pick(t, "52人", "public_lawyers");
        assert_none("公开市政府规章13件（含新制定5件）。", "5件");
    }

    #[test]
    fn stages_targets_and_stocks_are_not_flows() {
        assert_none("拟修订规范性文件8件。", "8件");
        assert_none("列入年度立法计划的地方性法规3件。", "3件");
        assert_none("全市排查矛盾纠纷900起。", "900起");
        assert_none("力争调解成功率不低于98%。", "98%");
        assert_none("全县市场主体总数达4.2万户。", "达4.2万户");
        assert_none("清理后现行有效规范性文件136件。", "136件");
        assert_none("五年共办理人大代表建议900件。", "900件");
        assert_none("截至12月31日，累计主动公开政府信息1200条。", "1200条");
        assert_pick("全年主动公开政府信息1200条。", "1200条", "info_disclosed");
    }

    #[test]
    fn only_the_indicators_measure_words() {
        assert_none("为干部授课40课时。", "40课时");
        assert_pick("举办法治培训班6期。", "6期", "training_sessions");
        assert_pick("今年举办4期法治专题培训班。", "4期", "training_sessions");
        assert_none("为120家企业开展法治体检。", "120家");
    }

    #[test]
    fn ambiguous_entries_are_split() {
        let t = "办理人大代表建议172件、政协委员提案179件。";
        assert_pick(t, "172件", "deputy_suggestions");
        assert_pick(t, "179件", "cppcc_proposals");
        assert_pick(
            "办理市人大代表建议和市政协委员提案437件。",
            "437件",
            "deputy_proposals",
        );
        let t = "网上可办率98.5%，全程网办率91.2%。";
        assert_pick(t, "98.5%", "online_service_rate");
        assert_pick(t, "91.2%", "online_full_rate");
        assert_pick(
            "法院受理涉及我县一审行政案件69件。",
            "69件",
            "litigation_first_instance",
        );
        assert_pick(
            "办理诉县政府的行政诉讼案件39件。",
            "39件",
            "litigation_cases",
        );
        assert_none("市法院审理外县的行政案件28件。", "28件");
        let t = "废止政府规章2部、修改3部，废止规范性文件9件。";
        assert_pick(t, "2部", "rules_repealed");
        assert_pick(t, "3部", "rules_revised");
        assert_pick(t, "9件", "normative_docs_repealed");
        assert_pick("聘请法律顾问单位5家。", "5家", "legal_adviser_firms");
        assert_pick("聘请政府法律顾问24名。", "24名", "legal_advisers");
        assert_pick("梳理公布政务服务事项1286项。", "1286项", "service_items");
        assert_none("再次取消行政审批事项5项。", "5项");
        assert_none("梳理履职事项283项。", "283项");
    }

    #[test]
    fn a_count_must_be_plausible_for_the_level() {
        let t = "全年新增市场主体300万户。";
        assert_eq!(pick_at(t, "300万户", Level::County), None);
        assert_eq!(pick_at(t, "300万户", Level::City), None);
        assert_eq!(
            pick_at(t, "300万户", Level::Province).as_deref(),
            Some("market_entities")
        );
        assert_eq!(
            pick_at("市政府常务会议会前学法12次。", "12次", Level::City).as_deref(),
            Some("pre_meeting_study")
        );
    }

    #[test]
    fn figures_in_the_plans_part_are_targets() {
        let text = "某县2023年法治政府建设情况报告\n一、主要成效\n全年举办法治培训班6期。\n二、存在的不足\n培训覆盖面不够。\n三、2024年工作安排\n举办法治培训班8期。";
        let analysis = crate::analysis::analyze(text, &crate::analysis::Options::default());
        let picks: Vec<(&str, Option<&str>)> = analysis
            .quantities
            .iter()
            .map(|q| (q.text.as_str(), q.indicator.as_deref()))
            .collect();
        assert_eq!(
            picks,
            [("6期", Some("training_sessions")), ("8期", None)],
            "{:?}",
            analysis.parts
        );
    }

    #[test]
    fn a_rate_over_100_is_kept_and_flagged() {
        let text = "行政复议纠错率为120%。";
        let analysis = crate::analysis::analyze(text, &crate::analysis::Options::default());
        let v = analysis
            .indicators
            .iter()
            .find(|v| v.id == "admin_review_correction_rate")
            .expect("the rate is reported");
        assert!(v.out_of_range);
    }

    #[test]
    fn one_endless_line_is_read_in_linear_time() {
        let piece = "审结行政复议案件12件";
        let text = piece.repeat(10_000);
        let mut quantities: Vec<Quantity> = (0..10_000)
            .map(|i| {
                let end = (i + 1) * piece.len();
                Quantity {
                    text: "12件".to_owned(),
                    value: 12.0,
                    high: None,
                    unit: Some("件".to_owned()),
                    qualifier: None,
                    kind: Kind::Count,
                    span: Span::new(end - "12件".len(), end),
                    about: String::new(),
                    section: None,
                    area: None,
                    indicator: None,
                }
            })
            .collect();
        let start = std::time::Instant::now();
        let ids = credit(&quantities, &text, Level::Unknown, &[]);
        quantities
            .iter_mut()
            .zip(ids)
            .for_each(|(q, id)| q.indicator = id);
        // Reading each figure's whole unpunctuated prefix would scan about 1.5 GB here.
        assert!(start.elapsed().as_secs() < 15, "{:?}", start.elapsed());
        // With no punctuation every figure but the last is followed by Han text, so it reads as
        // standing before its noun (`12件审结…`), which is no catalog object; the last one ends
        // the text and counts the cases concluded.
        let (last, rest) = quantities.split_last().expect("figures");
        assert!(rest.iter().all(|q| q.indicator.is_none()));
        assert_eq!(last.indicator.as_deref(), Some("admin_review_concluded"));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in ["", "，", "其中", "（含", "5件", "其中5件（含", "受理"] {
            let _ = crate::analysis::analyze(text, &crate::analysis::Options::default());
        }
    }
}
