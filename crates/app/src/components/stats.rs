//! Every statistic with its value, unit, meaning, indicator and area: filterable, sortable by any
//! column, and each one a link to its place in the text.

use std::cmp::Ordering;

use baogao_core::numerals::plain;
use baogao_core::quantity::Quantity;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct StatisticsProps {
    pub report: Report,
    /// Show the text at a byte offset.
    pub on_jump: Callback<usize>,
}

fn indicator_name(q: &Quantity, l: Lang) -> &'static str {
    q.indicator
        .as_deref()
        .and_then(baogao_core::indicators::names)
        .map_or("", |(zh, en)| l.t(zh, en))
}

/// Columns, in display order: (Chinese, English) headings.
const COLUMNS: [(&str, &str); 6] = [
    ("原文", "As written"),
    ("数值", "Value"),
    ("单位", "Unit"),
    ("含义", "Measures"),
    ("指标", "Indicator"),
    ("领域", "Area"),
];

fn compare(column: usize, a: &Quantity, b: &Quantity, l: Lang) -> Ordering {
    match column {
        1 => a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal),
        2 => a.unit.cmp(&b.unit),
        3 => a.about.cmp(&b.about),
        4 => indicator_name(a, l).cmp(indicator_name(b, l)),
        5 => a.area.cmp(&b.area),
        _ => a.span.start.cmp(&b.span.start),
    }
}

#[function_component(Statistics)]
pub fn statistics(props: &StatisticsProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let filter = use_state(String::new);
    // (column, ascending); column 0 sorts by position in the text.
    let sort = use_state(|| (0usize, true));
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let a = &props.report.analysis;
    let needle = filter.trim();
    let mut rows: Vec<&Quantity> = a
        .quantities
        .iter()
        .filter(|q| {
            needle.is_empty()
                || q.text.contains(needle)
                || q.about.contains(needle)
                || q.section.as_deref().is_some_and(|s| s.contains(needle))
                || indicator_name(q, l).contains(needle)
                || q.area
                    .is_some_and(|x| x.name_zh().contains(needle) || x.name_en().contains(needle))
        })
        .collect();
    let (column, ascending) = *sort;
    rows.sort_by(|x, y| {
        let o = compare(column, x, y, l);
        if ascending {
            o
        } else {
            o.reverse()
        }
    });
    let header = |i: usize| {
        let sort = sort.clone();
        let active = column == i;
        let aria = if !active {
            "none"
        } else if ascending {
            "ascending"
        } else {
            "descending"
        };
        let (zh, en) = COLUMNS[i];
        let onclick =
            Callback::from(move |_| sort.set((i, if active { !ascending } else { true })));
        html! {
            <th scope="col" aria-sort={aria}>
                <button class="sort" {onclick}>{ l.t(zh, en) }{ if active { if ascending { " ▲" } else { " ▼" } } else { "" } }</button>
            </th>
        }
    };
    html! {
        <div class="statistics">
            <label class="filter">{ l.t("筛选：", "Filter: ") }<input type="search" value={(*filter).clone()} oninput={on_filter} placeholder={l.t("指标、领域、章节或文字", "indicator, area, section or text")} /></label>
            <p class="summary">{ Msg::StatisticsShown { total: a.quantities.len(), shown: rows.len() }.text(l) }</p>
            <table>
                <thead><tr>{ for (0..COLUMNS.len()).map(header) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|q| {
                        let jump = { let cb = props.on_jump.clone(); let at = q.span.start; Callback::from(move |_| cb.emit(at)) };
                        html! {
                            <tr>
                                <td><button class="link" onclick={jump} title={l.t("在原文中查看", "Show in the text")}>{ &q.text }</button></td>
                                <td class="num">{ plain(q.value) }</td>
                                <td>{ q.unit.clone().unwrap_or_default() }</td>
                                <td>{ &q.about }</td>
                                <td>{ indicator_name(q, l) }</td>
                                <td>{ q.area.map(|x| l.t(x.name_zh(), x.name_en())).unwrap_or("") }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
