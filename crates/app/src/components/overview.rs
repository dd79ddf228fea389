//! Metadata, the five required parts as a checklist, key indicators and the outline.

use baogao_core::parts::Part;
use baogao_core::structure::Section;
use baogao_core::Analysis;
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub report: Report,
}

fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_owned())
}

fn outline(sections: &[Section], l: Lang) -> Html {
    html! {
        <ol class="outline">
            { for sections.iter().map(|s| {
                let heading = if s.heading.is_empty() { l.t("（无标题的正文）", "(text without headings)") } else { s.heading.as_str() };
                let size = format!(" {}", Msg::Chars(s.chars).text(l));
                let area = s.area.map(|a| format!(" · {}", l.t(a.name_zh(), a.name_en()))).unwrap_or_default();
                html! {
                    <li>
                        <span class="heading">{ heading }</span>
                        <span class="meta">{ size }{ area }</span>
                        if !s.children.is_empty() { { outline(&s.children, l) } }
                    </li>
                }
            }) }
        </ol>
    }
}

/// The metadata read from the report: title, genre, issuer, region, year, numbers and dates.
fn metadata(a: &Analysis, l: Lang) -> Html {
    let m = &a.metadata;
    let level = l.t(m.level.name_zh(), m.level.name_en());
    let rows = [
        (l.t("标题", "Title"), or_dash(&m.title)),
        (
            l.t("文种", "Genre"),
            l.t(a.genre.name_zh(), a.genre.name_en()).to_owned(),
        ),
        (l.t("发文单位", "Issuer"), or_dash(&m.issuer)),
        (
            l.t("地区", "Region"),
            format!("{}（{level}）", or_dash(&m.region)),
        ),
        (
            l.t("报告年度", "Year reported"),
            m.report_year.map_or("—".to_owned(), |y| y.to_string()),
        ),
        (l.t("文号", "Document no."), or_dash(&m.doc_number)),
        (l.t("索引号", "Index no."), or_dash(&m.index_number)),
        (l.t("主送机关", "Addressed to"), or_dash(&m.recipient)),
        (l.t("成文日期", "Signed"), or_dash(&m.signed_date)),
        (l.t("发布日期", "Published"), or_dash(&m.published_date)),
    ];
    html! {
        <section class="card" aria-labelledby="meta-h">
            <h2 id="meta-h">{ l.t("基本信息", "Metadata") }</h2>
            <dl class="meta-grid">
                { for rows.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v }</dd></> }) }
            </dl>
        </section>
    }
}

/// The five required parts as a checklist, each with where it was found.
fn parts(a: &Analysis, l: Lang) -> Html {
    html! {
        <section class="card" aria-labelledby="parts-h">
            <h2 id="parts-h">{ l.t("规定的报告内容", "Required parts") }</h2>
            <ul class="checklist">
                { for Part::ALL.iter().map(|&p| {
                    let found = a.parts.get(p);
                    let ok = !found.is_empty();
                    let optional = !ok && p == Part::Other;
                    let class = if ok { "ok" } else if optional { "optional" } else { "missing" };
                    let mark = if ok { "✓" } else if optional { "–" } else { "✗" };
                    let place = if ok {
                        found.join("；")
                    } else if optional {
                        l.t("（可选）", "(optional)").to_owned()
                    } else {
                        l.t("缺少", "missing").to_owned()
                    };
                    html! {
                        <li class={class}>
                            <span class="mark" aria-hidden="true">{ mark }</span>
                            <span class="name">{ l.t(p.name_zh(), p.name_en()) }</span>
                            <span class="where">{ place }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The key indicators with their figures as written.
fn indicators(a: &Analysis, l: Lang) -> Html {
    html! {
        <section class="card" aria-labelledby="ind-h">
            <h2 id="ind-h">{ l.t("主要指标", "Key indicators") }</h2>
            <ul class="indicator-cards">
                { for a.indicators.iter().map(|i| {
                    let written = a.quantities.iter().find(|q| q.span == i.span).map_or(String::new(), |q| q.text.clone());
                    html! { <li class={classes!(i.out_of_range.then_some("warn"))}><span class="k">{ l.t(&i.name, &i.name_en) }</span><span class="v">{ written }</span></li> }
                }) }
            </ul>
        </section>
    }
}

/// The top keywords, policy terms marked.
fn keywords(a: &Analysis, l: Lang) -> Html {
    html! {
        <section class="card" aria-labelledby="keywords-h">
            <h2 id="keywords-h">{ l.t("关键词", "Keywords") }</h2>
            <ol class="keywords">
                { for a.keywords.iter().take(20).map(|k| html! {
                    <li class={classes!(k.policy_term.then_some("policy"))}>
                        { &k.term }<span class="count">{ format!("×{}", k.count) }</span>
                        if k.policy_term { <span class="visually-hidden">{ l.t("（政策术语）", " (policy term)") }</span><span aria-hidden="true">{ "◆" }</span> }
                    </li>
                }) }
            </ol>
            <p class="hint">{ l.t("◆ 政策术语；按出现次数与政府报告语料的逆文档频率加权。", "◆ policy term; weighted by count and inverse document frequency in government reports.") }</p>
        </section>
    }
}

/// The policy terms found, by area of the outline of rule-of-law government.
fn policy_terms(a: &Analysis, l: Lang) -> Html {
    html! {
        <section class="card" aria-labelledby="terms-h">
            <h2 id="terms-h">{ l.t("政策术语（按纲要领域）", "Policy terms by area") }</h2>
            <dl class="terms">
                { for a.policy_terms.iter().map(|group| html! {
                    <>
                        <dt>{ l.t(group.area.name_zh(), group.area.name_en()) }</dt>
                        <dd>{ group.terms.iter().take(12).map(|t| format!("{}×{}", t.term, t.count)).collect::<Vec<_>>().join("　") }</dd>
                    </>
                }) }
            </dl>
        </section>
    }
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let a = &props.report.analysis;
    html! {
        <div class="overview">
            { metadata(a, l) }
            { parts(a, l) }
            if !a.indicators.is_empty() { { indicators(a, l) } }
            if !a.keywords.is_empty() { { keywords(a, l) } }
            if !a.policy_terms.is_empty() { { policy_terms(a, l) } }
            <section class="card" aria-labelledby="outline-h">
                <h2 id="outline-h">{ l.t("结构", "Outline") }</h2>
                { outline(&a.sections, l) }
            </section>
        </div>
    }
}
