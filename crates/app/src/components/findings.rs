//! The findings of the checks, grouped by severity, each with its explanation and fix.

use baogao_core::checks::{self, Applicability, Finding, Severity};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub report: Report,
    /// Fixes can be applied only to the draft.
    pub editable: bool,
    /// (code, span start) of the findings the user ignored.
    pub ignored: Vec<(&'static str, usize)>,
    pub on_fix: Callback<Finding>,
    /// Apply every safe fix of the visible findings at once.
    pub on_fix_all: Callback<Vec<Finding>>,
    pub on_ignore: Callback<Finding>,
    /// Show the text at a byte offset.
    pub on_jump: Callback<usize>,
}

/// The check families: code letter, Chinese and English names.
const FAMILIES: [(char, &str, &str); 8] = [
    ('S', "结构", "Structure"),
    ('A', "数字核算", "Arithmetic"),
    ('N', "数字用法", "Numbers"),
    ('P', "标点符号", "Punctuation"),
    ('D', "日期", "Dates"),
    ('W', "用词", "Wording"),
    ('F', "公文格式", "Format"),
    ('K', "时效常识", "Dated knowledge"),
];

/// The first letter of a finding's code: its family.
fn family_of(f: &Finding) -> char {
    f.code.chars().next().unwrap_or('?')
}

/// A chip per family with findings (and one for all), each with its count; one is pressed.
fn family_chips(visible: &[&Finding], family: &UseStateHandle<Option<char>>, l: Lang) -> Html {
    let choices = std::iter::once(None).chain(FAMILIES.iter().map(|(c, _, _)| Some(*c)));
    html! {
        <div class="families" role="group" aria-label={l.t("按类别筛选", "Filter by family")}>
            { for choices.map(|choice| {
                let n = visible.iter().filter(|f| choice.is_none_or(|c| family_of(f) == c)).count();
                let label = choice.and_then(|c| FAMILIES.iter().find(|(x, _, _)| *x == c)).map_or(l.t("全部", "All"), |(_, zh, en)| l.t(zh, en));
                let pressed = **family == choice;
                let family = family.clone();
                html! {
                    if n > 0 || choice.is_none() {
                        <button class={classes!("chip", pressed.then_some("active"))} aria-pressed={pressed.to_string()}
                            onclick={Callback::from(move |_| family.set(choice))}>{ format!("{label} {n}") }</button>
                    }
                }
            }) }
        </div>
    }
}

/// One finding: its message, excerpt, fix (on the draft only), and the actions on it.
fn finding_item(props: &FindingsProps, f: &Finding, l: Lang) -> Html {
    let doc = checks::doc(f.code).unwrap_or_default();
    let fix = f.fix.clone().filter(|_| props.editable);
    let emit = |cb: &Callback<Finding>| {
        let (cb, f) = (cb.clone(), f.clone());
        Callback::from(move |_| cb.emit(f.clone()))
    };
    let at = f.span.start;
    let on_jump = props.on_jump.reform(move |_| at);
    html! {
        <li class="finding">
            <p class="msg"><span class="code">{ f.code }</span>{ " " }{ l.t(&f.message, &f.message_en) }
                if f.count > 1 { <span class="count">{ Msg::Places(f.count).text(l) }</span> }</p>
            <p class="excerpt">{ &f.excerpt }</p>
            <div class="finding-actions">
                if let Some(fix) = fix {
                    <button class="button" onclick={emit(&props.on_fix)}>{ format!("{}{}", l.t("修改：", "Fix: "), fix.label) }</button>
                    <span class={classes!("applicability", fix.applicability.name_en())}>{ l.t(fix.applicability.name_zh(), fix.applicability.name_en()) }</span>
                }
                <button class="button quiet" onclick={on_jump}>{ l.t("在原文中查看", "Show in the text") }</button>
                <button class="button quiet" onclick={emit(&props.on_ignore)}>{ l.t("忽略", "Ignore") }</button>
                <details><summary>{ l.t("说明", "About this check") }</summary><pre class="doc">{ doc }</pre></details>
            </div>
        </li>
    }
}

/// The findings of one severity under its heading with their count; nothing when there are none.
fn group(props: &FindingsProps, visible: &[&Finding], severity: Severity, l: Lang) -> Html {
    let title = l.t(severity.name_zh(), severity.name_en());
    let items: Vec<&&Finding> = visible.iter().filter(|f| f.severity == severity).collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("finding-group", format!("{severity:?}").to_lowercase())}>
            <h2>{ format!("{title}（{}）", items.len()) }</h2>
            <ul>
                { for items.into_iter().map(|f| finding_item(props, f, l)) }
            </ul>
        </section>
    }
}

/// The button that applies every safe fix among the visible findings, on the draft only.
fn fix_all(props: &FindingsProps, visible: &[&Finding], l: Lang) -> Option<Html> {
    let safe: Vec<Finding> = visible
        .iter()
        .filter(|f| {
            f.fix
                .as_ref()
                .is_some_and(|x| x.applicability == Applicability::Safe)
        })
        .map(|f| (*f).clone())
        .collect();
    (props.editable && !safe.is_empty()).then(|| {
        let n = safe.len();
        let cb = props.on_fix_all.clone();
        html! {
            <p class="fix-all">
                <button class="button" onclick={Callback::from(move |_| cb.emit(safe.clone()))}>
                    { Msg::ApplyAllSafe(n).text(l) }
                </button>
                <span class="hint">{ l.t("需人工确认的修改不会批量应用。", "Fixes that need review are never applied in bulk.") }</span>
            </p>
        }
    })
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let family = use_state(|| None::<char>);
    let visible: Vec<&Finding> = props
        .report
        .analysis
        .findings
        .iter()
        .filter(|f| !props.ignored.contains(&(f.code, f.span.start)))
        .collect();
    if visible.is_empty() {
        return html! { <p class="empty">{ l.t("没有发现问题。", "No findings.") }</p> };
    }
    let chips = family_chips(&visible, &family, l);
    let visible: Vec<&Finding> = visible
        .into_iter()
        .filter(|f| family.is_none_or(|c| family_of(f) == c))
        .collect();
    html! {
        <div class="findings">
            { chips }
            { for fix_all(props, &visible, l) }
            { group(props, &visible, Severity::Error, l) }
            { group(props, &visible, Severity::Warning, l) }
            { group(props, &visible, Severity::Info, l) }
        </div>
    }
}
