//! Several reports side by side: required parts and indicators.

use baogao_core::parts::Part;
use yew::prelude::*;

use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub reports: Vec<Report>,
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let reports = &props.reports;
    if reports.len() < 2 {
        return html! { <p class="empty">{ "拖入或选择两份以上报告即可对比。" }</p> };
    }
    let mut ids: Vec<(String, String)> = Vec::new();
    for r in reports {
        for i in &r.analysis.indicators {
            if !ids.iter().any(|(id, _)| *id == i.id) {
                ids.push((i.id.clone(), i.name.clone()));
            }
        }
    }
    html! {
        <div class="compare">
            <table>
                <thead><tr><th scope="col">{ "项目" }</th>{ for reports.iter().map(|r| html! { <th scope="col">{ &r.name }</th> }) }</tr></thead>
                <tbody>
                    { for Part::ALL.iter().map(|&p| html! {
                        <tr><th scope="row">{ p.name_zh() }</th>
                            { for reports.iter().map(|r| { let ok = !r.analysis.parts.get(p).is_empty(); html! { <td class={if ok { "ok" } else { "missing" }}>{ if ok { "✓ 有" } else { "✗ 无" } }</td> } }) }
                        </tr>
                    }) }
                    { for ids.iter().map(|(id, name)| html! {
                        <tr><th scope="row">{ name }</th>
                            { for reports.iter().map(|r| {
                                let v = r.analysis.indicators.iter().find(|i| &i.id == id)
                                    .and_then(|i| r.analysis.quantities.iter().find(|q| q.span == i.span)).map(|q| q.text.clone()).unwrap_or_else(|| "—".to_owned());
                                html! { <td>{ v }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
