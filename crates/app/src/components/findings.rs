//! The findings of the checks, grouped by severity, each with its explanation and fix.

use baogao_core::checks::{self, Finding, Severity};
use yew::prelude::*;

use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub report: Report,
    /// Fixes can be applied only to the draft.
    pub editable: bool,
    /// (code, span start) of the findings the user ignored.
    pub ignored: Vec<(&'static str, usize)>,
    pub on_fix: Callback<Finding>,
    pub on_ignore: Callback<Finding>,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let a = &props.report.analysis;
    let visible: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| !props.ignored.contains(&(f.code, f.span.start)))
        .collect();
    if visible.is_empty() {
        return html! { <p class="empty">{ "没有发现问题。" }</p> };
    }
    let group = |severity: Severity, title: &'static str| {
        let items: Vec<&&Finding> = visible.iter().filter(|f| f.severity == severity).collect();
        if items.is_empty() {
            return html! {};
        }
        html! {
            <section class={classes!("finding-group", format!("{severity:?}").to_lowercase())}>
                <h2>{ format!("{title}（{}）", items.len()) }</h2>
                <ul>
                    { for items.into_iter().map(|f| {
                        let doc = checks::find(f.code).map(|c| c.meta().doc).unwrap_or_default();
                        let fix = f.fix.clone().filter(|_| props.editable);
                        let finding = (*f).clone();
                        let on_fix = { let cb = props.on_fix.clone(); let f = finding.clone(); Callback::from(move |_| cb.emit(f.clone())) };
                        let on_ignore = { let cb = props.on_ignore.clone(); let f = finding.clone(); Callback::from(move |_| cb.emit(f.clone())) };
                        html! {
                            <li class="finding">
                                <p class="msg"><span class="code">{ f.code }</span>{ " " }{ &f.message }
                                    if f.count > 1 { <span class="count">{ format!("（{}处）", f.count) }</span> }</p>
                                <p class="excerpt">{ &f.excerpt }</p>
                                <div class="finding-actions">
                                    if let Some(fix) = fix { <button class="button" onclick={on_fix}>{ format!("修改：{}", fix.label) }</button> }
                                    <button class="button quiet" onclick={on_ignore}>{ "忽略" }</button>
                                    <details><summary>{ "说明" }</summary><pre class="doc">{ doc }</pre></details>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="findings">
            { group(Severity::Error, "错误") }
            { group(Severity::Warning, "警告") }
            { group(Severity::Info, "提示") }
        </div>
    }
}
