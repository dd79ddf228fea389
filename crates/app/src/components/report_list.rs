//! The set of reports as chips: select one to show it, remove a loaded one (never the draft).

use baogao_core::checks::Severity;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct ReportListProps {
    /// `reports[0]` is the draft.
    pub reports: Vec<Report>,
    pub selected: usize,
    pub on_select: Callback<usize>,
    pub on_remove: Callback<usize>,
}

#[function_component(ReportList)]
pub fn report_list(props: &ReportListProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    html! {
        <nav class="reports" aria-label={l.t("已载入的报告", "Loaded reports")}>
            { for props.reports.iter().enumerate().map(|(i, r)| chip(props, i, r, l)) }
        </nav>
    }
}

/// One report's chip: its name, how many findings and errors, and a remove button.
fn chip(props: &ReportListProps, i: usize, r: &Report, l: Lang) -> Html {
    let active = i == props.selected;
    let select = props.on_select.reform(move |_| i);
    let remove = props.on_remove.reform(move |_| i);
    let findings = &r.analysis.findings;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    html! {
        <div class={classes!("report-chip", active.then_some("active"))}>
            <button onclick={select} aria-current={active.then_some("true")}>
                { &r.name }<span class="count">{ Msg::FindingCount(findings.len()).text(l) }</span>
                if errors > 0 { <span class="badge error">{ Msg::ErrorCount(errors).text(l) }</span> }
            </button>
            if i > 0 {
                <button class="remove" aria-label={format!("{} {}", l.t("移除", "Remove"), r.name)} onclick={remove}>{ "×" }</button>
            }
        </div>
    }
}
