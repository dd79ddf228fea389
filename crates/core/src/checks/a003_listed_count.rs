//! A003: a stated count that disagrees with the items listed with it. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::numerals::{is_numeral_char, parse_chinese, to_chinese};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "A003",
    name: "ListedCount",
    title_zh: "列举项数与所称数量不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A count that says how many items a list has, and a list with another number of items:
- a list joined by 顿号 and closed with `等N个…` (or `N家`, `N项` …) that names more items than N
  (`甲、乙、丙、丁、戊等4个部门`): `等` may leave items out, never add them;
- a list followed at once by a count of its kinds (`立法、执法、司法四个环节`,
  `“城市更新、棚户区改造”三大工程`, `权力清单、责任清单、负面清单“两清单”`): the count is the
  number of items named, so it must equal them (a `和`/`及`/`与` inside an item may join two);
- a count announcing an enumeration that follows it (`存在四个方面的问题：一是…二是…三是…`,
  `主要有三点：1.…2.…`, also when the items go on in the next paragraphs): the announced number
  and the items must agree.
Quoted abbreviations whose characters are the items (`“视半工备、海陆空网”八大`) are read as such.
## Why it matters
A count is a promise to the reader; a list that breaks it means an item was dropped or added while
drafting and the count was not updated. Readers of these reports notice the mismatch at once.
《党政机关公文处理工作条例》 (2012) asks a draft to state things accurately (表述准确); that a
count equals the items it counts needs no further rule.
## Example
`推进立法、执法、司法四个环节` → three are named: `三个环节`, or name the fourth.
`主要有四个方面：一是…二是…三是…` → three items follow.";

pub struct ListedCount;

/// The words of `data/enumeration_words.tsv` of one kind (`noun`, `verb`, `name`).
fn words(kind: &str) -> Vec<&'static str> {
    crate::data::words_of(include_str!("../../data/enumeration_words.tsv"), kind)
}

/// Nouns that say a count after a list counts the list's kinds.
static NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("noun"));
/// Verbs that, ending a list, govern the count after it.
static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("verb"));
/// Fixed counted formulations: `三大攻坚战`, `三项制度`.
static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words("name"));

/// `甲、乙、丙等N个…`.
static WITH_DENG: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"((?:[^、，。,；;：:“”（）()]{1,20}、)+[^、，。,；;：:“”（）()]{1,20})等([0-9]+|[一二两三四五六七八九十]+)(个|家|项|类|所|支|名|条|大|种)")
        .expect("valid pattern")
});

/// A small count and what it counts: `三个`, `六大`, `2项`.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(十[一二三四五六七八九]?|[两二三四五六七八九]|1[0-9]|[2-9])(个方面|方面|个|项|张|条|种|类|大|级)?")
        .expect("valid pattern")
});

/// A count that announces an enumeration: `四个方面：`, `主要有三点：`, `两个中心，分别为`.
static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(十[一二三四五六七八九]?|[两二三四五六七八九]|1[0-9]|[2-9])(个方面|方面|个|项|条|点|件|大|种|类|家|所|支|部|名)[^，。；：,;:!?！？“”]{0,10}(?:[：:]|，(?:分别为|分别是|即))")
        .expect("valid pattern")
});

fn value(n: &str) -> Option<u64> {
    n.parse::<u64>().ok().or_else(|| parse_chinese(n))
}

impl Check for ListedCount {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let lines: Vec<(Span, &str)> = doc.body().collect();
        for (i, &(line_span, line)) in lines.iter().enumerate() {
            with_deng(doc, line_span, line, out);
            followed_by_count(doc, line_span, line, out);
            announced(doc, &lines[i..], out);
        }
    }
}

fn with_deng(doc: &Document<'_>, line_span: Span, line: &str, out: &mut Vec<Finding>) {
    for c in WITH_DENG.captures_iter(line) {
        let (Some(whole), Some(items), Some(n)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        // A heading number (`二、`) is not an item.
        let listed = items
            .as_str()
            .split('、')
            .filter(|it| !it.chars().all(is_numeral_char))
            .count() as u64;
        // `等一大批项目`, `等一系列`: not a count.
        if value(n.as_str()).is_some_and(|s| s >= 2 && listed > s) {
            let span = Span::new(whole.start(), whole.end()).offset(line_span.start);
            let measure = c.get(3).map_or("", |m| m.as_str());
            let mut finding = doc.finding(
                &META,
                vec![span],
                format!("列举了{listed}项，却称“等{}{measure}”。", n.as_str()),
                format!(
                    "{listed} items are listed but the count says {}.",
                    n.as_str()
                ),
            );
            finding.fix = Some(count_fix(line_span, n, measure, listed));
            out.push(finding);
        }
    }
}

/// The longest suffix all `items` share, in characters.
fn shared_suffix<'a>(items: &[&'a str]) -> &'a str {
    let Some(first) = items.first() else {
        return "";
    };
    first
        .char_indices()
        .map(|(i, _)| &first[i..])
        .find(|suffix| {
            items
                .iter()
                .all(|it| it.ends_with(suffix) && it.len() > suffix.len())
        })
        .unwrap_or("")
}

/// `立法、执法、司法四个环节`: a list and, right after it, the number of its items.
fn followed_by_count(doc: &Document<'_>, line_span: Span, line: &str, out: &mut Vec<Finding>) {
    for c in COUNT.captures_iter(line) {
        let (Some(whole), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let measure = c.get(2).map_or("", |m| m.as_str());
        let before = &line[..whole.start()];
        let prev = before.chars().next_back();
        if prev.is_some_and(|p| {
            p.is_ascii_digit()
                || is_numeral_char(p)
                || matches!(p, '第' | '等' | '、')
                || p == '.' && n.as_str().starts_with(|d: char| d.is_ascii_digit())
        }) || line[n.end()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || is_numeral_char(c))
        {
            continue;
        }
        let Some(stated) = value(n.as_str()) else {
            continue;
        };
        // `十九大`, `的10类`: a count that belongs to a name or to the words before it.
        if prev.is_some_and(|p| "的了是在为把将对向从于到".contains(p)) {
            continue;
        }
        // Inside quotation marks the count opens a name (`“四大攻坚行动”`), unless it closes a
        // list with its items' own noun: `权力清单、责任清单“两清单”`.
        let opened = before.ends_with('“');
        let before = before.strip_suffix('“').unwrap_or(before);
        let Some((list, list_start, quoted)) = list_before(before) else {
            continue;
        };
        if list.contains(['（', '(', '）', ')', '《', '》', '等']) {
            continue;
        }
        let items: Vec<&str> = list.split('、').collect();
        let named = if quoted { &items[..] } else { &items[1..] };
        if items.len() < 2
            || !items.iter().all(|it| plain_item(it))
            || named.iter().any(|it| it.chars().count() > 15)
        {
            continue;
        }
        // `加强执法监督、全面推行三项制度`, `加快城市更新、打好三大攻坚战`: the count belongs
        // to a verb's object or to a fixed formulation, not to the list.
        let last: String = items.last().map_or("", |l| *l).chars().take(6).collect();
        if !quoted && VERBS.iter().any(|v| last.contains(v))
            || NAMES.iter().any(|name| line[n.start()..].starts_with(name))
        {
            continue;
        }
        let rest = &line[whole.end()..];
        let arabic = n.as_str().starts_with(|d: char| d.is_ascii_digit());
        let list = ListBefore {
            items: &items,
            named,
            quoted,
            opened,
        };
        if !list.counted_by(measure, arabic, rest) {
            continue;
        }
        let Some((listed, min, joins)) = miscounted(&items, quoted, stated) else {
            continue;
        };
        let span = Span::new(list_start, whole.end()).offset(line_span.start);
        let mut finding = doc.finding(
            &META,
            vec![span],
            format!("列举了{listed}项，却称“{}{measure}”。", n.as_str()),
            format!("{listed} items are listed but the count says {stated}."),
        );
        if joins == 0 {
            finding.fix = Some(count_fix(line_span, n, measure, min));
        }
        out.push(finding);
    }
}

/// How many `items` a count of `stated` disagrees with: the number listed (counting each `和`,
/// `及`, `与` inside an item as a possible further one), the items and those joins; `None`
/// when the count fits.
fn miscounted(items: &[&str], quoted: bool, stated: u64) -> Option<(u64, u64, u64)> {
    let min = items.len() as u64;
    let joins = items
        .iter()
        .map(|it| it.matches(['和', '及', '与']).count() as u64)
        .sum::<u64>();
    // `“视半工备、海陆空网”八大`: each character an item.
    let letters: usize = items.iter().map(|it| it.chars().count()).sum();
    if quoted && items.iter().all(|it| it.chars().count() <= 4) && letters as u64 == stated {
        return None;
    }
    if (min..=min + joins).contains(&stated) {
        return None;
    }
    let listed = if stated < min { min } else { min + joins };
    Some((listed, min, joins))
}

/// The list that ends `before` (a count follows it): the quoted one right before (`“甲、乙”`),
/// else the text since the last mark; with its start and whether it is quoted.
fn list_before(before: &str) -> Option<(&str, usize, bool)> {
    if let Some(inner) = before.strip_suffix('”') {
        let open = inner.rfind('“')?;
        return Some((&inner[open + '“'.len_utf8()..], open, true));
    }
    let start = before
        .rfind([
            '，', '。', '；', '：', ',', ';', ':', '！', '？', '!', '?', ' ', '　', '\t',
        ])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    Some((&before[start..], start, false))
}

/// Items are words, not figures, heading numbers or half-quoted phrases.
fn plain_item(it: &str) -> bool {
    !it.is_empty()
        && !it.chars().all(is_numeral_char)
        && !it.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && (!it.contains(['“', '”'])
            || it.starts_with('“') && it.ends_with('”') && it.matches('“').count() == 1)
}

/// A list a count follows.
struct ListBefore<'a> {
    items: &'a [&'a str],
    /// The items the list names itself (the first of an unquoted list may carry a lead-in).
    named: &'a [&'a str],
    /// In quotation marks (`“甲、乙”三项`).
    quoted: bool,
    /// The count opens a quotation (`…“四大攻坚行动”`).
    opened: bool,
}

impl ListBefore<'_> {
    /// Whether the count, with its `measure` and the text `rest` after it, counts the kinds the
    /// list names (rather than opening a name of its own).
    fn counted_by(&self, measure: &str, arabic: bool, rest: &str) -> bool {
        match measure {
            "大" | "类" | "方面" | "个方面" => !self.opened,
            "级" => self.named.iter().all(|it| it.chars().count() <= 2),
            "" => {
                let suffix = shared_suffix(self.items);
                suffix.chars().count() >= 2
                    && rest.starts_with(suffix)
                    && (!self.opened || rest[suffix.len()..].starts_with('”'))
            }
            _ if self.opened => false,
            // `“思想意识、能力水平、纪律作风”三个滞后`: the quotation marks close the set, and a
            // number in Chinese numerals names its size (`“甲、乙”3个项目` counts instances).
            _ if self.quoted && !arabic => true,
            _ => {
                let suffix = shared_suffix(self.items);
                (!suffix.is_empty() && rest.starts_with(suffix))
                    || NOUNS.iter().any(|noun| rest.starts_with(noun))
            }
        }
    }
}

/// A fix that writes `count` for the stated number `n`, in the form `n` was written in. A reader
/// must choose between it and completing the list, so it is for review.
fn count_fix(line_span: Span, n: regex::Match<'_>, measure: &str, count: u64) -> Fix {
    let fixed = if n.as_str().starts_with(|c: char| c.is_ascii_digit()) {
        count.to_string()
    } else if count == 2 && !measure.is_empty() && !matches!(measure, "大" | "级") {
        "两".to_owned()
    } else {
        to_chinese(u32::try_from(count).unwrap_or(0))
    };
    Fix::new(
        format!("改为“{fixed}{measure}”（或补全所列项）"),
        vec![Edit::new(
            Span::new(n.start(), n.end()).offset(line_span.start),
            fixed,
        )],
        Applicability::Review,
    )
}

/// The `k`-th marker of the enumeration family that `first` opens, or `None`.
fn marker(first: &str, k: u64) -> Option<String> {
    let zh = to_chinese(u32::try_from(k).ok()?);
    Some(match first {
        "一是" => format!("{zh}是"),
        "第一，" => format!("第{zh}，"),
        "第一、" => format!("第{zh}、"),
        "（1）" => format!("（{k}）"),
        "(1)" => format!("({k})"),
        "1." => format!("{k}."),
        "1．" => format!("{k}．"),
        "1、" => format!("{k}、"),
        _ => return None,
    })
}

/// The first markers of the enumerations an announced count may open.
const FIRSTS: [&str; 8] = [
    "一是",
    "第一，",
    "第一、",
    "（1）",
    "(1)",
    "1．",
    "1.",
    "1、",
];

/// Where `m` stands in `s` at or after `from`, as a marker (not inside a longer number).
fn find_marker(s: &str, from: usize, m: &str) -> Option<usize> {
    let mut at = from;
    while let Some(i) = s.get(at..)?.find(m) {
        let pos = at + i;
        let prev = s[..pos].chars().next_back();
        let next = s[pos + m.len()..].chars().next();
        let arabic = m.starts_with(|c: char| c.is_ascii_digit());
        let chinese = m.ends_with('是');
        let clean_prev = if arabic {
            !prev.is_some_and(|p| p.is_ascii_digit() || p == '.')
        } else if chinese {
            !prev.is_some_and(is_numeral_char) && prev != Some('第')
        } else {
            true
        };
        let clean_next = !arabic || !next.is_some_and(|n| n.is_ascii_digit());
        if clean_prev && clean_next {
            return Some(pos);
        }
        at = pos + m.len();
    }
    None
}

/// `四个方面：一是…二是…三是…`: an announced count and the items that follow it.
fn announced(doc: &Document<'_>, lines: &[(Span, &str)], out: &mut Vec<Finding>) {
    let Some(&(line_span, line)) = lines.first() else {
        return;
    };
    for c in ANNOUNCED.captures_iter(line) {
        let (Some(whole), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let prev = line[..whole.start()].chars().next_back();
        let arabic = n.as_str().starts_with(|d: char| d.is_ascii_digit());
        if prev.is_some_and(|p| {
            p.is_ascii_digit()
                || is_numeral_char(p)
                || matches!(p, '第' | '“')
                || p == '.' && arabic
        }) {
            continue;
        }
        let Some(stated) = value(n.as_str()) else {
            continue;
        };
        // `三个方面12项问题：`: two counts, and the items may follow either.
        let measure_end = c.get(2).map_or(n.end(), |m| m.end());
        if COUNT.is_match(&line[measure_end..whole.end()]) {
            continue;
        }
        let after = whole.end();
        let head = line[after..].trim_start();
        let opens = |t: &str| FIRSTS.into_iter().find(|m| t.starts_with(m));
        // The enumeration ends where another announced count begins.
        let end = ANNOUNCED
            .find_at(line, after)
            .map_or(line.len(), |m| m.start());
        let (first, mut found, mut last) = if head.is_empty() {
            // `…四个方面：` closes its line; the items open the next ones.
            let Some(first) = lines.get(1).and_then(|&(_, l)| opens(l.trim_start())) else {
                continue;
            };
            (first, 0, Span::default())
        } else {
            let Some(first) = opens(head) else {
                colon_list(doc, line_span, line, &c, stated, out);
                continue;
            };
            let from = line.len() - head.len();
            let mut found = 1;
            let mut last = Span::new(from, from + first.len()).offset(line_span.start);
            let at = from + first.len();
            further_markers(&line[..end], line_span, first, at, &mut found, &mut last);
            (first, found, last)
        };
        if end == line.len() {
            // The items may go on in the next paragraphs, each opening with its marker.
            let idx = items_in_next_lines(lines, first, &mut found, &mut last);
            if found < stated && goes_on_unread(lines, first, found, idx) {
                continue;
            }
        }
        if found == stated {
            continue;
        }
        let span = Span::new(whole.start(), n.end() + c.get(2).map_or(0, |m| m.len())).offset(line_span.start);
        let measure = c.get(2).map_or("", |m| m.as_str());
        let mut finding = doc.finding(
            &META,
            vec![span, last],
            format!("称“{}{measure}”，其后却列出{found}项。", n.as_str()),
            format!("The count says {stated}, but {found} items follow."),
        );
        finding.fix = Some(count_fix(line_span, n, measure, found));
        out.push(finding);
    }
}

/// The markers after `first` found in `line` from byte `at` on, in sequence: counted in `found`,
/// the last one's place in `last`.
fn further_markers(
    line: &str,
    line_span: Span,
    first: &str,
    mut at: usize,
    found: &mut u64,
    last: &mut Span,
) {
    while let Some(m) = marker(first, *found + 1) {
        let Some(pos) = find_marker(line, at, &m) else {
            break;
        };
        *found += 1;
        at = pos + m.len();
        *last = Span::new(pos, at).offset(line_span.start);
    }
}

/// The items of an enumeration that go on in the paragraphs after its first line, each opening
/// with its marker; returns the index of the first line that does not.
fn items_in_next_lines(
    lines: &[(Span, &str)],
    first: &str,
    found: &mut u64,
    last: &mut Span,
) -> usize {
    let mut idx = 1;
    while let (Some(&(s, l)), Some(m)) = (lines.get(idx), marker(first, *found + 1)) {
        let t = l.trim_start();
        if !t.starts_with(&m) {
            break;
        }
        *found += 1;
        let off = l.len() - t.len();
        *last = Span::new(off, off + m.len()).offset(s.start);
        further_markers(l, s, first, off + m.len(), found, last);
        idx += 1;
    }
    idx
}

/// Fewer items than announced, and the next marker still comes a little later: the enumeration
/// goes on in a way this reading does not follow. Or the page is cut off inside it (the lines
/// ran out at `idx`): the rest is missing, not wrong.
fn goes_on_unread(lines: &[(Span, &str)], first: &str, found: u64, idx: usize) -> bool {
    let m = marker(first, found + 1).unwrap_or_default();
    let later = lines
        .iter()
        .skip(1)
        .take(6)
        .any(|&(_, l)| find_marker(l, 0, &m).is_some());
    let cut = idx >= lines.len()
        && !lines
            .last()
            .is_some_and(|(_, l)| l.trim_end().ends_with(['。', '！', '？', '；']));
    later || cut
}

/// How many titles `《…》` make up `s`, when it is nothing but titles joined by `、`, `和`,
/// `及`, `以及` or `与` (at least two).
fn titles(s: &str) -> Option<u64> {
    let mut rest = s;
    let mut count = 0;
    loop {
        let inner = rest.strip_prefix('《')?;
        let close = inner.find('》')?;
        if inner[..close].contains('《') {
            return None;
        }
        count += 1;
        rest = &inner[close + '》'.len_utf8()..];
        if rest.is_empty() {
            return (count >= 2).then_some(count);
        }
        rest = ["以及", "、", "和", "及", "与"]
            .into_iter()
            .find_map(|j| rest.strip_prefix(j))
            .unwrap_or(rest);
    }
}

/// `四个最严：最严谨的标准、最严格的监管、最严厉的处罚。`: a count, a colon, and the list
/// of what it counts, closed by the sentence's end.
fn colon_list(
    doc: &Document<'_>,
    line_span: Span,
    line: &str,
    c: &regex::Captures<'_>,
    stated: u64,
    out: &mut Vec<Finding>,
) {
    let (Some(whole), Some(n)) = (c.get(0), c.get(1)) else {
        return;
    };
    let rest = &line[whole.end()..];
    let stop = rest.find(['。', '；', ';']).unwrap_or(rest.len());
    let sentence = rest[..stop].trim_end();
    let sentence = ["指", "即", "包括"]
        .into_iter()
        .find_map(|w| sentence.strip_prefix(w))
        .unwrap_or(sentence);
    let (min, joins) = if let Some(titles) = titles(sentence) {
        // `出台规章2部：《甲办法》《乙规定》`: each title one item.
        (titles, 0)
    } else {
        // One flat list: no clauses, no nested counts, no brackets, no list inside quotation
        // marks.
        if sentence.contains(['，', ',', '：', ':', '（', '(', '《', '等'])
            || sentence.contains(|ch: char| ch.is_ascii_digit())
        {
            return;
        }
        let items: Vec<&str> = sentence.split('、').collect();
        let balanced = items
            .iter()
            .all(|it| it.matches('“').count() == it.matches('”').count());
        if items.len() < 2 || !balanced || items.iter().any(|it| it.is_empty()) {
            return;
        }
        let joins = items
            .iter()
            .map(|it| it.matches(['和', '及', '与']).count() as u64)
            .sum::<u64>();
        (items.len() as u64, joins)
    };
    if (min..=min + joins).contains(&stated) {
        return;
    }
    let listed = if stated < min { min } else { min + joins };
    let measure = c.get(2).map_or("", |m| m.as_str());
    let span = Span::new(whole.start(), n.end() + measure.len()).offset(line_span.start);
    // Where the list starts in `rest`: after `指` and the like.
    let off = (sentence.as_ptr() as usize).saturating_sub(rest.as_ptr() as usize);
    let list = Span::new(whole.end() + off, whole.end() + off + sentence.len()).offset(line_span.start);
    let mut finding = doc.finding(
        &META,
        vec![span, list],
        format!("称“{}{measure}”，其后却列出{listed}项。", n.as_str()),
        format!("The count says {stated}, but {listed} items follow."),
    );
    if joins == 0 {
        finding.fix = Some(count_fix(line_span, n, measure, listed));
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn counted_with_deng() {
        assert_flags(
            "A003",
            "为甲局、乙局、丙局、丁局、戊局等4个部门。",
            "为甲局、乙局、丙局、丁局、戊局等4个",
        );
        assert_count("A003", "选取小汉、孝泉、金山等3个经济发达镇。", 0);
        assert_count("A003", "选取小汉、孝泉等3个镇。", 0);
        assert_count("A003", "选取小汉、孝泉、金山、双东等三个镇。", 1);
        assert_count("A003", "选取小汉、孝泉、金山等三个镇。", 0);
        assert_count(
            "A003",
            "交通事故、医患纠纷、婚姻家庭等3个行业性人民调解委员会。",
            0,
        );
        assert_count("A003", "甲、乙、丙等2家企业。", 1);
        assert_count("A003", "甲、乙、丙等企业。", 0);
        assert_count("A003", "建成甲小镇、乙新校区等一大批项目。", 0);
        assert_count("A003", "二、甲局、乙局等2个部门联合执法", 0);
        assert_count(
            "A003",
            "挖掘东纵文化、客家文化、创新文化等两大特色文化。",
            1,
        );
        assert_count(
            "A003",
            "挖掘东纵文化、客家文化、创新文化等三大特色文化。",
            0,
        );
        assert_count("A003", "甲，乙，丙等2家企业。", 0);
        assert_count(
            "A003",
            "制定审查备案、执法、司法、守法普法等4个协调小组。",
            0,
        );
    }

    #[test]
    fn list_followed_by_its_count() {
        assert_flags(
            "A003",
            "打通“立法、执法、司法”四个环节。",
            "“立法、执法、司法”四个",
        );
        assert_flags(
            "A003",
            "统筹推进立法、执法、司法四个环节衔接。",
            "统筹推进立法、执法、司法四个",
        );
        assert_count("A003", "统筹推进立法、执法、司法三个环节衔接。", 0);
        assert_count(
            "A003",
            "实施“城市更新、棚户区改造、创新驱动发展”两大工程。",
            1,
        );
        assert_count(
            "A003",
            "实施“城市更新、棚户区改造、创新驱动发展”三大工程。",
            0,
        );
        assert_count("A003", "存在“思想意识、能力水平、纪律作风”三个滞后。", 0);
        assert_count("A003", "存在“思想意识、能力水平、纪律作风”两个滞后。", 1);
        assert_count("A003", "推进“城市更新、棚户区改造”3个项目。", 0);
        assert_count("A003", "公布权力清单、责任清单、负面清单“两清单”。", 1);
        assert_count("A003", "公布权力清单、责任清单两个清单。", 0);
        assert_count("A003", "公布权力清单、责任清单、负面清单两张清单。", 1);
        // `和` inside an item may join two.
        assert_count("A003", "推进立法、执法和司法三个环节。", 0);
        assert_count("A003", "推进立法、执法和司法四个环节。", 1);
        // Each character of the abbreviations is an item.
        assert_count("A003", "打造“视半工备、海陆空网”八大产业集群。", 0);
        assert_count("A003", "推动“打、防、管、治、建、宣”六项措施。", 0);
        // Instances, not kinds.
        assert_count("A003", "建成中小学、幼儿园6所。", 0);
        assert_count("A003", "新增众创空间、孵化器3个。", 0);
        assert_count("A003", "健全省、市、县三级联动机制。", 0);
        assert_count("A003", "健全省、市、县、乡三级联动机制。", 1);
        // Fixed names are not lists.
        assert_count(
            "A003",
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            0,
        );
        assert_count("A003", "打好三大攻坚战。", 0);
        assert_count("A003", "加快城市更新、打好三大攻坚战。", 0);
        assert_count("A003", "加强执法监督、严格落实行政执法三项制度。", 0);
        assert_count("A003", "规范执法行为、行政执法三项制度全面落实。", 0);
        assert_count("A003", "推行执法公示、全过程记录、法制审核三项制度。", 0);
        assert_count("A003", "推行执法公示、全过程记录、法制审核两项制度。", 1);
        assert_count("A003", "坚持依法行政、全面贯彻落实党的十九大精神。", 0);
        assert_count("A003", "锚定“走在前列”总目标、奋力实现“十大新突破”。", 0);
        assert_count("A003", "抓好“四大攻坚行动”、“八个方面”工作。", 0);
        assert_count("A003", "对各单位、各部门的10类行政权力事项进行梳理。", 0);
        assert_count("A003", "一、聚焦五个重点举措，推进法治政府建设", 0);
        assert_count(
            "A003",
            "入选《科学》年度十大突破、《自然》年度十大人物。",
            0,
        );
    }

    #[test]
    fn fixes_write_the_count_in_its_own_form_for_review() {
        use crate::checks::testing::findings;
        use crate::checks::Applicability;
        let replacement = |text: &str| {
            let got = findings("A003", text);
            let fix = got.first().and_then(|f| f.fix.clone()).expect("a fix");
            assert_eq!(fix.applicability, Applicability::Review);
            fix.edits.first().map(|e| e.replacement.clone())
        };
        assert_eq!(
            replacement("统筹推进立法、执法、司法四个环节衔接。").as_deref(),
            Some("三")
        );
        assert_eq!(
            replacement("为甲局、乙局、丙局、丁局、戊局等4个部门。").as_deref(),
            Some("5")
        );
        assert_eq!(
            replacement("公布权力清单、责任清单三张清单。").as_deref(),
            Some("两")
        );
    }

    #[test]
    fn announced_enumerations() {
        assert_flags(
            "A003",
            "存在四个方面的问题：一是制度不健全；二是执法不规范；三是监督不到位。",
            "四个方面",
        );
        assert_count(
            "A003",
            "存在三个方面的问题：一是制度不健全；二是执法不规范；三是监督不到位。",
            0,
        );
        assert_count(
            "A003",
            "存在两个方面的问题：一是制度不健全；二是执法不规范；三是监督不到位。",
            1,
        );
        assert_count("A003", "主要有三点：1.制度不健全；2.执法不规范。", 1);
        assert_count(
            "A003",
            "主要有两点：1.制度不健全；2.执法不规范，涉及1.5万件。",
            0,
        );
        assert_count(
            "A003",
            "今年，我们将重点抓好三个方面：\n一是完善制度。\n二是规范执法。\n三是强化监督。",
            0,
        );
        assert_count(
            "A003",
            "今年，我们将重点抓好四个方面：\n一是完善制度。\n二是规范执法。\n三是强化监督。",
            1,
        );
        // The fourth comes later in a paragraph of its own: not followed, not flagged.
        assert_count(
            "A003",
            "重点抓好四个方面：一是完善制度，二是规范执法。\n同时，三是强化监督，四是优化服务。",
            0,
        );
        assert_count("A003", "有以下两点：首先是制度，其次是执法。", 0);
        assert_count(
            "A003",
            "梳理出三个方面4项问题：一是甲；二是乙；三是丙；四是丁。",
            0,
        );
        // A page cut off inside its enumeration.
        assert_count(
            "A003",
            "主要做了四个方面工作：一是完善制度；二是规范执法；三是强化",
            0,
        );
    }

    #[test]
    fn announced_counts_before_a_colon_list() {
        assert_count(
            "A003",
            "18.四个最严：最严谨的标准、最严格的监管、最严厉的处罚、最严肃的问责。",
            0,
        );
        assert_flags(
            "A003",
            "18.四个最严：最严谨的标准、最严格的监管、最严肃的问责。",
            "四个",
        );
        assert_count(
            "A003",
            "27.三大工程：指保障性住房建设、城中村改造和平急两用设施建设。",
            0,
        );
        assert_count("A003", "主要有两类：一类是企业，另一类是个人。", 0);
        assert_count(
            "A003",
            "出台政府规章2部：《甲市物业管理办法》《甲市养犬管理规定》。",
            0,
        );
        assert_count(
            "A003",
            "出台政府规章3部：《甲市物业管理办法》《甲市养犬管理规定》。",
            1,
        );
        assert_count(
            "A003",
            "出台政府规章3部：《甲市物业管理办法》《甲市养犬管理规定》等。",
            0,
        );
        assert_count(
            "A003",
            "设立两个分中心，分别为城东分中心、城西分中心、城南分中心。",
            1,
        );
        assert_count(
            "A003",
            "设立三个分中心，分别为城东分中心、城西分中心、城南分中心。",
            0,
        );
        assert_count("A003", "", 0);
    }
}
