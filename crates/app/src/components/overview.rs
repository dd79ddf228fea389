//! Metadata, the five required parts as a checklist, key indicators and the outline.

use baogao_core::parts::Part;
use baogao_core::structure::Section;
use yew::prelude::*;

use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub report: Report,
}

fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_owned())
}

fn outline(sections: &[Section]) -> Html {
    html! {
        <ol class="outline">
            { for sections.iter().map(|s| html! {
                <li>
                    <span class="heading">{ if s.heading.is_empty() { "（无标题的正文）" } else { s.heading.as_str() } }</span>
                    <span class="meta">{ format!(" {}字", s.chars) }
                        { s.area.map(|a| format!(" · {}", a.name_zh())).unwrap_or_default() }</span>
                    if !s.children.is_empty() { { outline(&s.children) } }
                </li>
            }) }
        </ol>
    }
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let a = &props.report.analysis;
    let m = &a.metadata;
    let rows = [
        ("标题", or_dash(&m.title)),
        ("发文单位", or_dash(&m.issuer)),
        (
            "地区",
            format!("{}（{}）", or_dash(&m.region), m.level.name_zh()),
        ),
        (
            "报告年度",
            m.report_year.map_or("—".to_owned(), |y| y.to_string()),
        ),
        ("文号", or_dash(&m.doc_number)),
        ("索引号", or_dash(&m.index_number)),
        ("主送机关", or_dash(&m.recipient)),
        ("成文日期", or_dash(&m.signed_date)),
        ("发布日期", or_dash(&m.published_date)),
    ];
    html! {
        <div class="overview">
            <section class="card" aria-labelledby="meta-h">
                <h2 id="meta-h">{ "基本信息" }</h2>
                <dl class="meta-grid">
                    { for rows.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }) }
                </dl>
            </section>
            <section class="card" aria-labelledby="parts-h">
                <h2 id="parts-h">{ "规定的报告内容" }</h2>
                <ul class="checklist">
                    { for Part::ALL.iter().map(|&p| {
                        let found = a.parts.get(p);
                        let ok = !found.is_empty();
                        let optional = !ok && p == Part::Other;
                        html! {
                            <li class={if ok { "ok" } else if optional { "optional" } else { "missing" }}>
                                <span class="mark" aria-hidden="true">{ if ok { "✓" } else if optional { "–" } else { "✗" } }</span>
                                <span class="name">{ p.name_zh() }</span>
                                <span class="where">{ if ok { found.join("；") } else if p == Part::Other { "（可选）".to_owned() } else { "缺少".to_owned() } }</span>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            if !a.indicators.is_empty() {
                <section class="card" aria-labelledby="ind-h">
                    <h2 id="ind-h">{ "主要指标" }</h2>
                    <ul class="indicator-cards">
                        { for a.indicators.iter().map(|i| {
                            let written = a.quantities.iter().find(|q| q.span == i.span).map_or(String::new(), |q| q.text.clone());
                            html! { <li class={classes!(i.out_of_range.then_some("warn"))}><span class="k">{ &i.name }</span><span class="v">{ written }</span></li> }
                        }) }
                    </ul>
                </section>
            }
            <section class="card" aria-labelledby="outline-h">
                <h2 id="outline-h">{ "结构" }</h2>
                { outline(&a.sections) }
            </section>
        </div>
    }
}
