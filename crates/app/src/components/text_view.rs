//! The report's text with its findings and statistics highlighted. The text is rendered as text
//! nodes only: nothing from a dropped file is ever injected as HTML.

use baogao_core::span::Span;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub report: Report,
    /// A byte offset to scroll to and focus.
    pub focus: Option<usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Finding,
    Quantity,
}

#[function_component(TextView)]
pub fn text_view(props: &TextViewProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    {
        let focus = props.focus;
        use_effect_with(focus, move |focus| {
            let element = focus
                .and_then(|at| {
                    web_sys::window()?
                        .document()?
                        .get_element_by_id(&format!("at-{at}"))
                })
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(e) = element {
                e.scroll_into_view();
                let _ = e.focus();
            }
        });
    }
    let text: &str = &props.report.text;
    let a = &props.report.analysis;
    // Marks sorted by start; overlapping ones give way to the earlier.
    let mut marks: Vec<(Span, Mark, String)> = a
        .findings
        .iter()
        .flat_map(|f| {
            f.spans
                .iter()
                .take(200)
                .map(move |s| (*s, Mark::Finding, format!("{} {}", f.code, f.message)))
        })
        .chain(
            a.quantities
                .iter()
                .map(|q| (q.span, Mark::Quantity, format!("{} = {}", q.text, q.about))),
        )
        .collect();
    marks.sort_by_key(|(s, m, _)| (s.start, *m == Mark::Quantity));
    let mut pieces = Vec::new();
    let mut at = 0;
    for (span, mark, title) in marks {
        if span.start < at
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        pieces.push(html! { { &text[at..span.start] } });
        let class = if mark == Mark::Finding {
            "hl finding"
        } else {
            "hl quantity"
        };
        let covered = if span.is_empty() {
            "▯"
        } else {
            &text[span.start..span.end]
        };
        pieces.push(html! { <mark class={class} title={title} id={format!("at-{}", span.start)} tabindex="-1">{ covered }</mark> });
        at = span.end;
    }
    pieces.push(html! { { &text[at.min(text.len())..] } });
    html! {
        <div class="text-view">
            <p class="legend"><mark class="hl finding">{ l.t("问题", "Finding") }</mark>{ " " }<mark class="hl quantity">{ l.t("统计数字", "Statistic") }</mark></p>
            <pre class="source">{ for pieces }</pre>
        </div>
    }
}
