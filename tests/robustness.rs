//! Whatever the input, reading returns a result and analysing returns an analysis: never a panic,
//! and every span lies on character boundaries of the text.

use baogao_core::{analyze, ingest, Options};
use proptest::prelude::*;

fn check_spans(text: &str) {
    let analysis = analyze(text, &Options::default());
    for section in analysis.all_sections() {
        assert!(
            section.span.text(text).is_some(),
            "section span on a boundary"
        );
        assert!(
            section.heading_span.text(text).is_some(),
            "heading span on a boundary"
        );
    }
    let _ = serde_json::to_string(&analysis).expect("serialises");
}

/// Text built from the pieces reports are made of, so that the generator reaches the parser's
/// corners (markers, dates, signatures, portal keys) far more often than random characters do.
fn report_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（3）",
        "一是",
        "二是",
        "。",
        "，",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u{3000}",
        "2022年",
        "12月5日",
        "202116",
        "人民政府",
        "关于",
        "报告",
        "市",
        "县",
        "区",
        "：",
        ":",
        "索引号:",
        "文号:",
        "发布日期:",
        "〔2021〕4号",
        "存在问题",
        "下一步",
        "第一责任人",
        "3.45亿元",
        "%",
        "𠀀",
        "😀",
        "\u{feff}",
        "主办单位",
        "首页 > ",
        "责任编辑",
        "(此件公开发布)",
        "abc",
        "",
        "十",
        "〇",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics_on_strings(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn analyze_never_panics_on_report_like_text(text in report_like()) {
        check_spans(&text);
    }

    #[test]
    fn ingest_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(ingested) = ingest("fuzz.bin", &bytes) {
            check_spans(&ingested.text);
        }
    }

    #[test]
    fn ingest_never_panics_on_zip_like_bytes(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = ingest("fuzz.docx", &bytes);
    }

    #[test]
    fn ingest_never_panics_on_html_like_text(text in report_like()) {
        let page = format!("<html><body><p>{text}</p><script>{text}</script><td>{text}</body>");
        if let Ok(ingested) = ingest("fuzz.html", page.as_bytes()) {
            check_spans(&ingested.text);
        }
    }
}
