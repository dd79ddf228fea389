//! Several reports side by side: required parts and indicators.

use baogao_core::parts::Part;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub reports: Vec<Report>,
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let reports = &props.reports;
    if reports.len() < 2 {
        return html! { <p class="empty">{ l.t("拖入或选择两份以上报告即可对比。", "Drop or choose two or more reports to compare them.") }</p> };
    }
    let mut ids: Vec<(String, String)> = Vec::new();
    for r in reports {
        for i in &r.analysis.indicators {
            if !ids.iter().any(|(id, _)| *id == i.id) {
                ids.push((
                    i.id.clone(),
                    if l == Lang::Zh {
                        i.name.clone()
                    } else {
                        i.name_en.clone()
                    },
                ));
            }
        }
    }
    html! {
        <div class="compare">
            <table>
                <thead><tr><th scope="col">{ l.t("项目", "Item") }</th>{ for reports.iter().map(|r| html! { <th scope="col">{ &r.name }</th> }) }</tr></thead>
                <tbody>
                    { for Part::ALL.iter().map(|&p| html! {
                        <tr><th scope="row">{ l.t(p.name_zh(), p.name_en()) }</th>
                            { for reports.iter().map(|r| { let ok = !r.analysis.parts.get(p).is_empty(); html! { <td class={if ok { "ok" } else { "missing" }}>{ if ok { l.t("✓ 有", "✓ yes") } else { l.t("✗ 无", "✗ no") } }</td> } }) }
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
