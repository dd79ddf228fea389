//! The tabs that choose which panel shows the selected report.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Panel;

/// Every panel with its tab's label, in the order shown.
const TABS: [(Panel, &str, &str); 7] = [
    (Panel::Overview, "概览", "Overview"),
    (Panel::Text, "原文标注", "Annotated text"),
    (Panel::Findings, "检查结果", "Findings"),
    (Panel::Statistics, "统计数字", "Statistics"),
    (Panel::Charts, "图表", "Charts"),
    (Panel::Compare, "多报告对比", "Compare"),
    (Panel::LastYear, "与上年对比", "Against last year"),
];

#[derive(Properties, PartialEq)]
pub struct TabBarProps {
    pub panel: Panel,
    pub on_select: Callback<Panel>,
}

#[function_component(TabBar)]
pub fn tab_bar(props: &TabBarProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    html! {
        <div class="tabs" role="tablist">
            { for TABS.iter().map(|&(p, zh, en)| {
                let selected = props.panel == p;
                html! {
                    <button role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("active"))}
                        onclick={props.on_select.reform(move |_| p)}>{ l.t(zh, en) }</button>
                }
            }) }
        </div>
    }
}
