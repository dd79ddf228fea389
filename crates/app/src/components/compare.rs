//! Several reports side by side: required parts and indicators; several years of one unit as
//! time series of their indicators.

use baogao_core::comparison::{self, Series};
use baogao_core::numerals::plain;
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
                ids.push((i.id.clone(), l.t(&i.name, &i.name_en).to_owned()));
            }
        }
    }
    let analyses: Vec<&baogao_core::Analysis> = reports.iter().map(|r| &*r.analysis).collect();
    let series = comparison::series(&analyses);
    html! {
        <div class="compare">
            if !series.is_empty() {
                <section class="series">
                    <h3>{ l.t("历年指标（同一地区多个年度的报告）", "Indicators over the years (one region, several years)") }</h3>
                    <div class="series-charts">
                        { for series.iter().map(|s| html! { <SeriesChart series={s.clone()} /> }) }
                    </div>
                </section>
            }
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

#[derive(Properties, PartialEq)]
struct SeriesProps {
    series: Series,
}

const W: f64 = 300.0;
const H: f64 = 150.0;
const PAD: f64 = 34.0;

/// One indicator of one unit over the years: a line with each year's value written above it.
#[function_component(SeriesChart)]
fn series_chart(props: &SeriesProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let s = &props.series;
    let (first, last) = match (s.points.first(), s.points.last()) {
        (Some(f), Some(z)) => (f.0, z.0),
        _ => return html! {},
    };
    let max = s.points.iter().map(|p| p.1).fold(0.0, f64::max).max(1e-9);
    let span = f64::from((last - first).max(1));
    let x = |y: i32| PAD + f64::from(y - first) / span * (W - 2.0 * PAD);
    let y = |v: f64| H - PAD - v / max * (H - 2.0 * PAD);
    let line: Vec<String> = s
        .points
        .iter()
        .map(|&(yr, v)| format!("{:.1},{:.1}", x(yr), y(v)))
        .collect();
    let unit = s.measure.clone().unwrap_or_default();
    let name = l.t(&s.name, &s.name_en);
    let title = format!("{} · {name}", s.unit);
    html! {
        <figure class="chart series-chart">
            <svg xmlns="http://www.w3.org/2000/svg" width={W.to_string()} height={H.to_string()} viewBox={format!("0 0 {W} {H}")} role="img" aria-label={title.clone()}>
                <title>{ title.clone() }</title>
                <line x1={PAD.to_string()} y1={(H - PAD).to_string()} x2={(W - PAD).to_string()} y2={(H - PAD).to_string()} stroke="#999" />
                <polyline points={line.join(" ")} fill="none" stroke="#1f5fa8" stroke-width="2" />
                { for s.points.iter().map(|&(yr, v)| html! {
                    <g>
                        <circle cx={format!("{:.1}", x(yr))} cy={format!("{:.1}", y(v))} r="3.5" fill="#1f5fa8" />
                        <text x={format!("{:.1}", x(yr))} y={format!("{:.1}", y(v) - 8.0)} text-anchor="middle" font-size="12">{ format!("{}{unit}", plain(v)) }</text>
                        <text x={format!("{:.1}", x(yr))} y={format!("{:.1}", H - PAD + 16.0)} text-anchor="middle" font-size="12">{ yr.to_string() }</text>
                    </g>
                }) }
            </svg>
            <figcaption>{ title }</figcaption>
        </figure>
    }
}
