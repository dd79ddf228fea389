//! The selected report's exports: its analysis as JSON, its statistics and findings as CSV, and
//! printing the page. Files are made in the page and downloaded, never uploaded.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::services::download::download;
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub report: Report,
}

/// A file name without its extension, for naming exports.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Offer what `make` writes of the report as a download named after it with `suffix`.
fn export(
    report: &Report,
    suffix: &'static str,
    mime: &'static str,
    make: fn(&Report) -> String,
) -> Callback<MouseEvent> {
    let r = report.clone();
    Callback::from(move |_| {
        download(&format!("{}.{suffix}", stem(&r.name)), mime, &make(&r));
    })
}

fn json(r: &Report) -> String {
    serde_json::to_string_pretty(&*r.analysis).unwrap_or_default()
}

fn quantities_csv(r: &Report) -> String {
    baogao_core::export::quantities_csv(&r.text, &r.analysis)
}

fn findings_csv(r: &Report) -> String {
    baogao_core::export::findings_csv(&r.text, &r.analysis)
}

const CSV: &str = "text/csv;charset=utf-8";

#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let r = &props.report;
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="exports" aria-label={l.t("导出", "Export")}>
            <button class="button quiet" onclick={export(r, "analysis.json", "application/json", json)}>{ l.t("导出 JSON", "Export JSON") }</button>
            <button class="button quiet" onclick={export(r, "统计数字.csv", CSV, quantities_csv)}>{ l.t("导出统计 CSV", "Statistics CSV") }</button>
            <button class="button quiet" onclick={export(r, "检查结果.csv", CSV, findings_csv)}>{ l.t("导出问题 CSV", "Findings CSV") }</button>
            <button class="button quiet" onclick={print}>{ l.t("打印", "Print") }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn exports_are_named_after_the_report_without_its_extension() {
        assert_eq!(stem("甲县2024.txt"), "甲县2024");
        assert_eq!(stem("草稿"), "草稿");
        assert_eq!(stem("a.b.docx"), "a.b");
    }
}
