//! Charts as SVG drawn by Yew: top keywords, section lengths, statistics by 纲要 area, rate indicators. Each can
//! be saved as an SVG file (the browser serialises the drawn element, so labels stay text).

use baogao_core::numerals::plain;
use baogao_core::parts::Area;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::services::download;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub report: Report,
}

#[derive(Clone, PartialEq)]
struct Bar {
    label: String,
    value: f64,
    shown: String,
}

#[derive(Properties, PartialEq)]
struct BarChartProps {
    title: AttrValue,
    file: AttrValue,
    bars: Vec<Bar>,
    /// The value a full-length bar stands for (e.g. 100 for rates).
    max: Option<f64>,
}

const LABEL_W: f64 = 190.0;
const BAR_W: f64 = 340.0;
const ROW_H: f64 = 24.0;

fn short(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() > 13 {
        chars[..12].iter().collect::<String>() + "…"
    } else {
        label.to_owned()
    }
}

#[function_component(BarChart)]
fn bar_chart(props: &BarChartProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let svg_ref = use_node_ref();
    let max = props
        .max
        .unwrap_or_else(|| props.bars.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(1e-9);
    let height = ROW_H * props.bars.len() as f64 + 36.0;
    let width = LABEL_W + BAR_W + 70.0;
    let on_save = {
        let svg_ref = svg_ref.clone();
        let file = props.file.clone();
        Callback::from(move |_| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
                let markup = format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
                    el.outer_html()
                );
                download::download(&format!("{file}.svg"), "image/svg+xml", &markup);
            }
        })
    };
    let on_png = {
        let svg_ref = svg_ref.clone();
        let file = props.file.clone();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (w, h) = (width as u32, height as u32);
        Callback::from(move |_| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
                download::svg_to_png(format!("{file}.png"), &el.outer_html(), w, h);
            }
        })
    };
    html! {
        <figure class="chart">
            <svg ref={svg_ref} xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                role="img" aria-label={props.title.clone()} font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="13">
                <title>{ props.title.clone() }</title>
                <text x="0" y="16" font-weight="bold" fill="#1d2733">{ props.title.clone() }</text>
                { for props.bars.iter().enumerate().map(|(i, b)| {
                    let y = 30.0 + ROW_H * i as f64;
                    let w = (b.value / max * BAR_W).clamp(0.0, BAR_W);
                    html! {
                        <g>
                            <text x={(LABEL_W - 6.0).to_string()} y={(y + 15.0).to_string()} text-anchor="end" fill="#1d2733">{ short(&b.label) }<title>{ &b.label }</title></text>
                            <rect x={LABEL_W.to_string()} y={(y + 3.0).to_string()} width={w.to_string()} height={(ROW_H - 8.0).to_string()} fill="#0b5cad" rx="2" />
                            <text x={(LABEL_W + w + 6.0).to_string()} y={(y + 15.0).to_string()} fill="#1d2733">{ &b.shown }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption><button class="button quiet" onclick={on_save}>{ format!("{}{}", l.t("下载 SVG：", "Download SVG: "), props.title) }</button>
                <button class="button quiet" onclick={on_png}>{ l.t("下载 PNG", "Download PNG") }</button></figcaption>
        </figure>
    }
}

#[function_component(Charts)]
pub fn charts(props: &ChartsProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let a = &props.report.analysis;
    let sections: Vec<Bar> = a
        .sections
        .iter()
        .map(|s| Bar {
            label: if s.heading.is_empty() {
                l.t("正文", "Text").to_owned()
            } else {
                s.heading.clone()
            },
            value: s.chars as f64,
            shown: Msg::Chars(s.chars).text(l),
        })
        .collect();
    let areas: Vec<Bar> = Area::ALL
        .iter()
        .map(|&area| {
            let n = a.quantities.iter().filter(|q| q.area == Some(area)).count();
            Bar {
                label: l.t(area.name_zh(), area.name_en()).to_owned(),
                value: n as f64,
                shown: Msg::Items(n).text(l),
            }
        })
        .collect();
    let rates: Vec<Bar> = a
        .indicators
        .iter()
        .filter(|i| i.unit.as_deref() == Some("%"))
        .map(|i| Bar {
            label: l.t(&i.name, &i.name_en).to_owned(),
            value: i.value,
            shown: format!("{}%", plain(i.value)),
        })
        .collect();
    let keywords: Vec<Bar> = a
        .keywords
        .iter()
        .take(15)
        .map(|k| Bar {
            label: k.term.clone(),
            value: k.weight,
            shown: Msg::Times(k.count).text(l),
        })
        .collect();
    html! {
        <div class="charts">
            if !keywords.is_empty() {
                <BarChart title={l.t("关键词（按权重）", "Top keywords (by weight)")} file={l.t("关键词", "keywords")} bars={keywords} max={None::<f64>} />
            }
            <BarChart title={l.t("各部分篇幅（字数）", "Length of each part (characters)")} file={l.t("章节篇幅", "section-lengths")} bars={sections} max={None::<f64>} />
            <BarChart title={l.t("统计数字按纲要领域分布", "Statistics by area")} file={l.t("领域分布", "statistics-by-area")} bars={areas} max={None::<f64>} />
            if !rates.is_empty() {
                <BarChart title={l.t("比率类指标（%）", "Rate indicators (%)")} file={l.t("比率指标", "rate-indicators")} bars={rates} max={Some(100.0)} />
            }
        </div>
    }
}
