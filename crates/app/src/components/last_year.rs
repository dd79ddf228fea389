//! 与上年对比: the selected report against last year's report of the same unit (paired by region
//! and year among the loaded reports, or chosen by the user): reused text, the problems part,
//! indicator changes, last year's plans traced, figures left as they were, and this year's text
//! with the reused sentences marked.

use std::rc::Rc;

use baogao_core::comparison::{self, Comparison, Direction, PlanStatus};
use baogao_core::numerals::plain;
use baogao_core::span::Span;
use baogao_core::Analysis;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::services::download;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct LastYearProps {
    pub reports: Vec<Report>,
    pub selected: usize,
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn year(l: Lang, y: Option<i32>) -> String {
    y.map_or_else(
        || l.t("年度不详", "year unknown").to_owned(),
        |y| Msg::Year(y).text(l),
    )
}

#[function_component(LastYear)]
pub fn last_year(props: &LastYearProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    // The report the user chose to compare with, by name (indices move when reports go).
    let chosen = use_state(|| None::<String>);
    let reports = &props.reports;
    let analyses: Vec<&Analysis> = reports.iter().map(|r| &*r.analysis).collect();
    let by_choice = chosen
        .as_ref()
        .and_then(|name| reports.iter().position(|r| &r.name == name))
        .filter(|&i| i != props.selected)
        .map(|other| {
            let (a, b) = (&analyses[other], &analyses[props.selected]);
            match (a.metadata.report_year, b.metadata.report_year) {
                (Some(x), Some(y)) if x > y => (props.selected, other),
                _ => (other, props.selected),
            }
        });
    let paired = by_choice.or_else(|| comparison::pair(&analyses, props.selected));
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            chosen.set((!v.is_empty()).then_some(v));
        })
    };
    let picker = html! {
        <p class="pair-picker">
            <label for="pair-with">{ l.t("对比的另一年度报告：", "Compare with: ") }</label>
            <select id="pair-with" onchange={on_choose}>
                <option value="" selected={chosen.is_none()}>{ l.t("自动（同一地区、相邻年度）", "automatic (same region, nearest year)") }</option>
                { for reports.iter().enumerate().filter(|(i, _)| *i != props.selected).map(|(_, r)| html! {
                    <option value={r.name.clone()} selected={chosen.as_deref() == Some(r.name.as_str())}>
                        { format!("{}（{}）", r.name, year(l, r.analysis.metadata.report_year)) }
                    </option>
                }) }
            </select>
        </p>
    };
    let Some((old_i, new_i)) = paired else {
        return html! {
            <div class="last-year">
                { picker }
                <p class="empty">{ l.t(
                    "再载入同一地区另一年度的报告（如上年的报告），即可按地区和年度自动配对对比；也可在上面选择要对比的报告。",
                    "Load another year's report of the same region (last year's, say): the two are paired by region and year. Or choose the report to compare with above.") }</p>
            </div>
        };
    };
    let (old, new) = (reports[old_i].clone(), reports[new_i].clone());
    html! {
        <div class="last-year">
            { picker }
            <PairView old={old} new={new} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PairProps {
    old: Report,
    new: Report,
}

#[function_component(PairView)]
fn pair_view(props: &PairProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let c: Rc<Comparison> = {
        let (old, new) = (props.old.clone(), props.new.clone());
        use_memo((old, new), |(old, new)| {
            comparison::compare(&old.text, &old.analysis, &new.text, &new.analysis)
        })
    };
    let on_export = {
        let c = c.clone();
        let name = props.new.name.clone();
        Callback::from(move |_| {
            let json = serde_json::to_string_pretty(&*c).unwrap_or_default();
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            download::download(
                &format!("{stem}.与上年对比.json"),
                "application/json",
                &json,
            );
        })
    };
    html! {
        <>
            <h2 class="pair-title">
                { format!("{}（{}）→ {}（{}）", props.old.name, year(l, c.old.year), props.new.name, year(l, c.new.year)) }
            </h2>
            if !c.same_unit {
                <p class="warn" role="note">{ l.t("注意：两份报告的地区或发文单位不同，对比结果仅供参考。", "Note: the two reports name different regions or issuers; read the comparison with care.") }</p>
            }
            <div class="pair-summary">
                <p class="big-figure"><strong>{ percent(c.reuse.share) }</strong>
                    { Msg::TextReuse { sentences: c.reuse.sentences, reused: c.reuse.reused }.text(l) }</p>
                if let Some(p) = &c.problems {
                    <p class={classes!("problems-reuse", p.repeated.then_some("repeated"))}>
                        { Msg::ProblemsReuse { share: p.share, sentences: p.sentences, reused: p.reused }.text(l) }
                        if p.repeated { <strong>{ l.t(" · 问题年年写", " · the same problems every year") }</strong> }
                    </p>
                }
                { for c.findings.iter().map(|f| html! {
                    <p class={classes!("finding", f.severity.name_en().to_lowercase())}>
                        <span class="code">{ f.code }</span>{ " " }{ l.t(&f.message, &f.message_en) }
                    </p>
                }) }
                <button class="button quiet" onclick={on_export}>{ l.t("导出对比 JSON", "Export comparison JSON") }</button>
            </div>
            <SectionTable c={c.clone()} />
            <IndicatorTable c={c.clone()} />
            <PlanList c={c.clone()} />
            <ReusedText c={c.clone()} text={props.new.text.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CProps {
    c: Rc<Comparison>,
}

#[function_component(SectionTable)]
fn section_table(props: &CProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let rows: Vec<_> = props
        .c
        .sections
        .iter()
        .filter(|s| s.level <= 2 && s.sentences > 0)
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="pair-block">
            <h3>{ l.t("各部分的文字沿用", "Reuse by section") }</h3>
            <table class="reuse-table">
                <thead><tr><th scope="col">{ l.t("部分", "Section") }</th><th scope="col">{ l.t("与上年相同", "Repeats") }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|s| html! {
                        <tr class={format!("level-{}", s.level)}>
                            <th scope="row">{ &s.heading }</th>
                            <td><span class="share-bar" style={format!("width:{:.0}px", s.share * 120.0)}></span>{ format!(" {}", percent(s.share)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[function_component(IndicatorTable)]
fn indicator_table(props: &CProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let c = &props.c;
    if c.indicators.is_empty() {
        return html! {};
    }
    let value =
        |v: Option<f64>, unit: &str| v.map_or("—".to_owned(), |v| format!("{}{unit}", plain(v)));
    html! {
        <section class="pair-block">
            <h3>{ l.t("指标对比", "Indicators") }</h3>
            <table class="indicator-changes">
                <thead><tr>
                    <th scope="col">{ l.t("指标", "Indicator") }</th>
                    <th scope="col">{ year(l, c.old.year) }</th>
                    <th scope="col">{ year(l, c.new.year) }</th>
                    <th scope="col">{ l.t("变化", "Change") }</th>
                </tr></thead>
                <tbody>
                    { for c.indicators.iter().map(|i| {
                        let unit = i.measure.as_deref().unwrap_or("");
                        let change = match (i.change, i.change_percent) {
                            _ if i.direction == Direction::Same => String::new(),
                            (Some(d), Some(p)) => format!("{d:+}{unit}（{p:+}%）"),
                            (Some(d), None) if unit == "%" => format!("{d:+}{}", l.t("个百分点", " points")),
                            (Some(d), None) => format!("{d:+}{unit}"),
                            _ => String::new(),
                        };
                        let arrow = match i.direction { Direction::Up => "↑ ", Direction::Down => "↓ ", Direction::Same => "＝ ", _ => "" };
                        html! {
                            <tr class={format!("dir-{:?}", i.direction).to_lowercase()}>
                                <th scope="row">{ l.t(&i.name, &i.name_en) }</th>
                                <td>{ value(i.old, unit) }</td>
                                <td>{ value(i.new, unit) }</td>
                                <td>{ arrow }{ l.t(i.direction.name_zh(), i.direction.name_en()) }{ " " }{ change }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[function_component(PlanList)]
fn plan_list(props: &CProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let plans = &props.c.plans;
    if plans.is_empty() {
        return html! {};
    }
    let count = |s| plans.iter().filter(|p| p.status == s).count();
    html! {
        <section class="pair-block">
            <h3>{ l.t("上年计划的落实", "Last year's plans") }</h3>
            <p class="note">{ Msg::Plans { total: plans.len(), done: count(PlanStatus::Done), partly: count(PlanStatus::Partly), missing: count(PlanStatus::NotMentioned) }.text(l) }</p>
            <ul class="plans">
                { for plans.iter().map(|p| {
                    let status = match p.status { PlanStatus::Done => "done", PlanStatus::Partly => "partly", PlanStatus::NotMentioned => "not-mentioned" };
                    html! {
                        <li class={classes!("plan", status)}>
                            <span class="badge">{ l.t(p.status.name_zh(), p.status.name_en()) }</span>{ " " }{ &p.text }
                            if !p.found.is_empty() { <small>{ format!(" {}{}", l.t("本年提及：", "found: "), p.found.join("、")) }</small> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReusedTextProps {
    c: Rc<Comparison>,
    text: Rc<str>,
}

/// `text[span]` with the figures inside it marked.
fn with_figures(text: &str, span: Span, figures: &[Span], title: &str) -> Vec<Html> {
    let mut out = Vec::new();
    let mut at = span.start;
    for f in figures
        .iter()
        .filter(|f| span.contains(**f) && f.start >= span.start)
    {
        if f.start < at || !text.is_char_boundary(f.start) || !text.is_char_boundary(f.end) {
            continue;
        }
        out.push(html! { { &text[at..f.start] } });
        out.push(html! { <mark class="hl repeated-figure" title={title.to_owned()}>{ &text[f.start..f.end] }</mark> });
        at = f.end;
    }
    out.push(html! { { &text[at..span.end] } });
    out
}

/// This year's text with the reused sentences and the repeated figures marked (text nodes only).
#[function_component(ReusedText)]
fn reused_text(props: &ReusedTextProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let text: &str = &props.text;
    let ok = |s: &Span| {
        s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let figures: Vec<Span> = props
        .c
        .repeated_figures
        .iter()
        .map(|r| r.span)
        .filter(ok)
        .collect();
    let figure_title = l.t("数字与上年相同", "figure as last year");
    let mut sentences: Vec<(Span, f64)> = props
        .c
        .reuse
        .pairs
        .iter()
        .map(|p| (p.span, p.similarity))
        .filter(|(s, _)| ok(s))
        .collect();
    sentences.sort_by_key(|(s, _)| s.start);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (span, similarity) in sentences {
        if span.start < at {
            continue;
        }
        pieces.extend(with_figures(
            text,
            Span::new(at, span.start),
            &figures,
            figure_title,
        ));
        let title = format!(
            "{} {}",
            l.t("与上年相同", "as last year"),
            percent(similarity)
        );
        pieces.push(html! { <mark class="hl reused" title={title}>{ for with_figures(text, span, &figures, figure_title) }</mark> });
        at = span.end;
    }
    pieces.extend(with_figures(
        text,
        Span::new(at, text.len()),
        &figures,
        figure_title,
    ));
    html! {
        <section class="pair-block">
            <h3>{ l.t("本年报告原文（标出与上年相同的句子）", "This year's text, sentences as last year marked") }</h3>
            <p class="legend"><mark class="hl reused">{ l.t("与上年相同的句子", "Sentence as last year") }</mark>{ " " }<mark class="hl repeated-figure">{ l.t("与上年相同的数字", "Figure as last year") }</mark></p>
            <pre class="source reused-text">{ for pieces }</pre>
        </section>
    }
}
