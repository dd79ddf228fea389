//! Every statistic with its value, unit, meaning, section and indicator; filterable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct StatisticsProps {
    pub report: Report,
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

#[function_component(Statistics)]
pub fn statistics(props: &StatisticsProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let filter = use_state(String::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let a = &props.report.analysis;
    let needle = filter.trim();
    let rows: Vec<_> = a
        .quantities
        .iter()
        .filter(|q| {
            needle.is_empty()
                || q.text.contains(needle)
                || q.about.contains(needle)
                || q.section.as_deref().is_some_and(|s| s.contains(needle))
                || q.indicator.as_deref().is_some_and(|s| s.contains(needle))
                || q.area.is_some_and(|x| x.name_zh().contains(needle))
        })
        .collect();
    html! {
        <div class="statistics">
            <label class="filter">{ l.t("筛选：", "Filter: ") }<input type="search" value={(*filter).clone()} oninput={on_filter} placeholder={l.t("指标、领域、章节或文字", "indicator, area, section or text")} /></label>
            <p class="summary">{ if l == Lang::Zh { format!("共 {} 个统计数字，显示 {} 个", a.quantities.len(), rows.len()) } else { format!("{} statistics, {} shown", a.quantities.len(), rows.len()) } }</p>
            <table>
                <thead><tr><th scope="col">{ l.t("原文", "As written") }</th><th scope="col">{ l.t("数值", "Value") }</th><th scope="col">{ l.t("单位", "Unit") }</th><th scope="col">{ l.t("含义", "Measures") }</th><th scope="col">{ l.t("指标", "Indicator") }</th><th scope="col">{ l.t("领域", "Area") }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|q| html! {
                        <tr>
                            <td>{ &q.text }</td>
                            <td class="num">{ number(q.value) }</td>
                            <td>{ q.unit.clone().unwrap_or_default() }</td>
                            <td>{ &q.about }</td>
                            <td>{ q.indicator.as_deref().and_then(|id| baogao_core::indicators::CATALOG.iter().find(|i| i.id == id)).map(|i| i.name).unwrap_or("") }</td>
                            <td>{ q.area.map(|x| l.t(x.name_zh(), x.name_en())).unwrap_or("") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
