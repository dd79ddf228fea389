//! Last year's report against this year's, on pairs built from real texts: each corpus and stress
//! report is last year's, and its "next year" is made from it by shifting its years, updating
//! every other figure, rewriting its first measures section, copying its problems part word for
//! word and reporting on one of its plans. The comparison must find exactly that: the rewritten
//! section new, the problems part repeated (a C001 finding), the updated indicators changed by
//! what was added and the others the same, the plan done, and no updated figure called repeated.

use std::path::Path;

use baogao_core::analysis::{analyze, Analysis, Options};
use baogao_core::comparison::{self, reuse, Direction, PlanStatus};
use baogao_core::parts::Part;
use baogao_core::quantity::Kind;
use baogao_core::structure::Section;
use baogao_core::Span;
use baogao_tests::{shared_dir, shared_texts};

/// What every updated figure gains.
const ADDED: u64 = 7;

/// A sentence that stands in no report.
const REWRITTEN: &str =
    "本年度该项工作按照新的部署扎实推进，相关配套制度已经印发实施并取得阶段成效。";

struct NextYear {
    text: String,
    /// Old spans of the figures that were updated.
    updated: Vec<Span>,
    /// The heading of the rewritten section, if one was.
    rewritten: Option<String>,
    /// The plan reported on, as written last year.
    plan: Option<String>,
}

fn flat(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    Section::walk(sections, &mut out);
    out
}

/// A figure whose written digits are its whole value: `120件`, `1100余场次` (not `2.2万`).
fn plain_integer(text: &str, q: &baogao_core::quantity::Quantity) -> Option<(Span, u64)> {
    let written = q.span.text(text)?;
    let lead = written.find(|c: char| c.is_ascii_digit())?;
    let digits: String = written[lead..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = &written[lead + digits.len()..];
    if rest.starts_with(['.', ',', '万', '亿', '千', '百']) || written.contains('%') {
        return None;
    }
    let value: u64 = digits.parse().ok()?;
    ((value as f64 - q.value).abs() < 1e-9 && q.kind == Kind::Count).then(|| {
        let start = q.span.start + lead;
        (Span::new(start, start + digits.len()), value)
    })
}

/// The year a report is about: its own, else the one in its file name (`gwr-03-2019.txt`).
fn year_of(name: &str, a: &Analysis) -> Option<i32> {
    a.metadata.report_year.or_else(|| {
        let digits: String = name.chars().filter(char::is_ascii_digit).collect();
        digits.get(digits.len().checked_sub(4)?..)?.parse().ok()
    })
}

fn next_year(text: &str, year: i32, a: &Analysis) -> Option<NextYear> {
    let sections = flat(&a.sections);
    let problems: Vec<Span> = sections
        .iter()
        .filter(|s| s.part == Some(Part::Problems))
        .map(|s| s.span)
        .collect();
    let plans: Vec<Span> = sections
        .iter()
        .filter(|s| s.part == Some(Part::Plans))
        .map(|s| s.span)
        .collect();
    // The first measures section with sentences of its own, below the top level if it has any.
    let target = sections.iter().find(|s| {
        s.part == Some(Part::Achievements)
            && s.children.is_empty()
            && reuse::sentences(text, &[Span::new(s.heading_span.end, s.span.end)]).len() >= 2
    });
    let mut edits: Vec<(Span, String)> = Vec::new();
    let mut rewritten = None;
    let mut plan = None;
    let mut kept: Vec<Span> = Vec::new();
    if let Some(s) = target {
        let body = Span::new(s.heading_span.end, s.span.end);
        for sentence in reuse::sentences(text, &[body]) {
            edits.push((sentence.span, REWRITTEN.to_owned()));
        }
        rewritten = Some(s.heading.clone());
        // Report on last year's first plan with a policy term: its own words, in the rewritten section.
        let has_term = |p: &reuse::Sentence| {
            a.policy_terms
                .iter()
                .flat_map(|area| &area.terms)
                .any(|t| t.spans.iter().any(|s| p.span.contains(*s)))
        };
        if let Some(p) = reuse::sentences(text, &plans).into_iter().find(has_term) {
            let words = p.span.text(text)?.to_owned();
            edits.push((Span::new(body.end, body.end), format!("\n{words}")));
            // Its figures stay as they were, in the plan and in its copy.
            kept.push(p.span);
            plan = Some(words);
        }
    }
    let mut updated = Vec::new();
    let rewrites: Vec<Span> = edits.iter().map(|(e, _)| *e).chain(kept).collect();
    let untouched = |span: Span| {
        !problems.iter().any(|p| p.contains(span))
            && !rewrites
                .iter()
                .any(|e| e.overlaps(span) || e.contains(span))
    };
    let mut every_other = false;
    for q in &a.quantities {
        let Some((digits, value)) = plain_integer(text, q) else {
            continue;
        };
        // A figure written the same elsewhere stays: which of the two a repeat matches is moot.
        let unique = a
            .quantities
            .iter()
            .filter(|o| o.span.text(text) == q.span.text(text))
            .count()
            == 1;
        if !untouched(q.span) || !unique || (1900..=2100).contains(&value) {
            continue;
        }
        every_other = !every_other;
        if every_other {
            edits.push((digits, (value + ADDED).to_string()));
            updated.push(q.span);
        }
    }
    edits.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = String::new();
    let mut at = 0;
    for (span, with) in &edits {
        if span.start < at {
            continue;
        }
        out.push_str(text.get(at..span.start)?);
        out.push_str(with);
        at = span.end;
    }
    out.push_str(text.get(at..)?);
    // Years move on: next year's plans year first, then the report's.
    let out = out
        .replace(&format!("{}年", year + 1), &format!("{}年", year + 2))
        .replace(&format!("{year}年"), &format!("{}年", year + 1));
    Some(NextYear {
        text: out,
        updated,
        rewritten,
        plan,
    })
}

fn analysed(text: &str, name: &str) -> Analysis {
    analyze(
        text,
        &Options {
            name: Some(name.to_owned()),
            ..Options::default()
        },
    )
}

fn check_pair(name: &str, text: &str) -> Option<()> {
    let old = analysed(text, name);
    let next = next_year(text, year_of(name, &old)?, &old)?;
    let new = analysed(&next.text, &format!("next-{name}"));
    let c = comparison::compare(text, &old, &next.text, &new);
    if let Some(year) = old.metadata.report_year {
        assert_eq!(c.new.year, Some(year + 1), "{name}");
    }
    if c.old.unit.is_some() {
        assert!(c.same_unit, "{name}: {:?} / {:?}", c.old.unit, c.new.unit);
    }
    assert!(
        c.reuse.share > 0.3 && c.reuse.share < 1.0,
        "{name}: reuse {}",
        c.reuse.share
    );
    if let Some(h) = &next.rewritten {
        let s = c
            .sections
            .iter()
            .find(|s| &s.heading == h)
            .unwrap_or_else(|| panic!("{name}: section {h}"));
        // Its heading (kept) and the plan sentence put into it may repeat; nothing else.
        assert!(s.reused <= 2, "{name}: rewritten section {s:?}");
    }
    if let Some(p) = &c.problems {
        if p.sentences >= 2 {
            assert!(p.repeated && p.share > 0.95, "{name}: problems {p:?}");
            assert!(c.findings.iter().any(|f| f.code == "C001"), "{name}");
        }
    }
    for i in &c.indicators {
        let (Some(old_span), Some(_)) = (i.old_span, i.new_span) else {
            continue;
        };
        if next.updated.contains(&old_span) && i.measure.as_deref() != Some("%") {
            assert_eq!(i.direction, Direction::Up, "{name}: {i:?}");
            assert_eq!(i.change, Some(ADDED as f64), "{name}: {i:?}");
        }
    }
    if let Some(plan) = &next.plan {
        let t = c
            .plans
            .iter()
            .find(|t| &t.text == plan)
            .unwrap_or_else(|| panic!("{name}: plan {plan}"));
        assert_eq!(t.status, PlanStatus::Done, "{name}: {t:?}");
    }
    for r in &c.repeated_figures {
        assert!(
            !next.updated.contains(&r.old_span),
            "{name}: updated figure {r:?} called repeated"
        );
        let old_q = old.quantities.iter().find(|q| q.span == r.old_span)?;
        let new_q = new.quantities.iter().find(|q| q.span == r.span)?;
        assert_eq!(old_q.value, new_q.value, "{name}: {r:?}");
    }
    for f in &c.findings {
        assert!(f.span.text(&next.text).is_some(), "{name}: {f:?}");
    }
    let changed = c
        .indicators
        .iter()
        .filter(|i| matches!(i.direction, Direction::Up | Direction::Down))
        .count();
    let done = c
        .plans
        .iter()
        .filter(|t| t.status == PlanStatus::Done)
        .count();
    eprintln!(
        "{name}: reuse {:.2}, problems {}, indicators changed {changed}/{}, plans done {done}/{}, repeated figures {}, findings {:?}",
        c.reuse.share,
        c.problems.as_ref().map_or("none".to_owned(), |p| format!("{:.2}", p.share)),
        c.indicators.len(),
        c.plans.len(),
        c.repeated_figures.len(),
        c.findings.iter().map(|f| f.code).collect::<Vec<_>>()
    );
    Some(())
}

#[test]
fn next_year_pairs_of_real_reports_compare_as_built() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no real reports to pair");
        return;
    };
    let mut compared = 0;
    let mut with_problems = 0;
    for (name, path) in shared_texts(&shared, &["corpus", "stress"]) {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        if check_pair(&name, &text).is_some() {
            compared += 1;
        }
        let a = analysed(&text, &name);
        if !a.parts.problems.is_empty() {
            with_problems += 1;
        }
    }
    assert!(compared >= 25, "only {compared} pairs were built");
    assert!(with_problems >= 5, "{with_problems}");
}

#[test]
fn a_corpus_report_against_itself_repeats_everything() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present");
        return;
    };
    let path = Path::new(&shared).join("corpus/benxi-2022.txt");
    let text = std::fs::read_to_string(path).expect("corpus text");
    let a = analysed(&text, "benxi");
    let c = comparison::compare(&text, &a, &text, &a);
    assert!(c.reuse.share > 0.99, "{}", c.reuse.share);
    assert!(c.indicators.iter().all(|i| i.direction == Direction::Same));
}

/// An invented pair: last year's report, and this year's with its problems part copied.
fn invented_pair() -> (String, String) {
    let old = "某某县人民政府关于2022年法治政府建设情况的报告\n\n县人大常委会：\n一、主要举措和成效\n全年共受理行政复议案件120件，纠错率为12.5%。全年开展普法宣传活动230场次。\n二、存在的不足和原因\n一是部分行政执法人员素质参差不齐，执法不规范的问题仍然存在。二是基层法治宣传教育的针对性和实效性有待进一步提高。\n三、2023年工作安排\n一是深化综合行政执法改革，推进行政执法三项制度全面落实。二是全面推行证明事项告知承诺制，减少群众办事证明材料。\n\n某某县人民政府\n2023年2月10日\n";
    let new = old
        .replace("2023年", "2024年")
        .replace("2022年", "2023年")
        .replace("120件", "150件")
        .replace(
            "全年开展普法宣传活动230场次。",
            "全年开展普法宣传活动230场次。综合行政执法改革向乡镇延伸，行政执法三项制度实现全覆盖。",
        );
    (old.to_owned(), new)
}

#[test]
fn the_cli_compares_in_either_order_as_text_or_json() {
    let (old, new) = invented_pair();
    let old_path = baogao_tests::temp_file("diff", "2022.txt", old.as_bytes());
    let new_path = baogao_tests::temp_file("diff", "2023.txt", new.as_bytes());
    let (o, n) = (
        old_path.display().to_string(),
        new_path.display().to_string(),
    );
    let (status, out, err) = baogao_tests::cli(&["diff", &o, &n], b"");
    assert_eq!(status, 0, "{err}");
    for expected in [
        "与上年对比：2022.txt（2022年）→ 2023.txt（2023年）",
        "存在的不足  100% 与上年相同",
        "行政复议受理数  120件 → 150件  +30件（+25%） 上升",
        "[已有落实情况] 一是深化综合行政执法改革",
        "[未提及] 二是全面推行证明事项告知承诺制",
        "230场次",
        "C001 警告",
    ] {
        assert!(out.contains(expected), "{expected} in\n{out}");
    }
    let (status, swapped, err) = baogao_tests::cli(&["diff", &n, &o], b"");
    assert_eq!(status, 0);
    assert!(err.contains("已按年度先后对比"), "{err}");
    assert_eq!(swapped, out);
    let (status, json, _) = baogao_tests::cli(&["diff", "--format", "json", &o, &n], b"");
    assert_eq!(status, 0);
    let c: comparison::Comparison = serde_json::from_str(&json).expect("the comparison object");
    assert_eq!((c.old.year, c.new.year), (Some(2022), Some(2023)));
    assert!(c.problems.is_some_and(|p| p.repeated));
    let (status, _, err) = baogao_tests::cli(&["diff", &o, "/nonexistent/2024.txt"], b"");
    assert_eq!(status, 2);
    assert!(err.contains("文件不存在"), "{err}");
    let (status, doc, _) = baogao_tests::cli(&["explain", "c001"], b"");
    assert_eq!(status, 0);
    assert!(doc.contains("问题年年写"), "{doc}");
}
