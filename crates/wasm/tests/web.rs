//! The JavaScript API in headless Chromium: what a host page sees.

#![cfg(target_arch = "wasm32")]

use baogao_wasm::{analyze, check, checks, version, Input, JsOptions};
use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().map_or(u32::MAX, |n| n as u32)
}

fn items(v: &JsValue) -> Vec<JsValue> {
    v.dyn_ref::<Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn text_input(s: &str) -> Input {
    JsValue::from_str(s).unchecked_into()
}

fn options(json: &str) -> Option<JsOptions> {
    Some(
        js_sys::JSON::parse(json)
            .expect("options json")
            .unchecked_into(),
    )
}

/// `text.slice(span.start, span.end)` in JavaScript's own UTF-16 terms.
fn slice(text: &JsValue, span: &JsValue) -> String {
    let text: &JsString = text.dyn_ref().expect("text is a string");
    String::from(text.slice(num(span, "start"), num(span, "end")))
}

fn error_message(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    assert!(v.is_instance_of::<js_sys::Error>(), "a JavaScript Error");
    get(&v, "message").as_string().unwrap_or_default()
}

const REPORT: &str = "𠀀😀县人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n😀全年办理行政复议案件120件，纠错率为10%。𠀀推行一网通办。\n二、存在的不足\n👍基层执法力量不足。";

#[wasm_bindgen_test]
fn spans_are_utf16_offsets_around_astral_characters() {
    let a: JsValue = analyze(&text_input(REPORT), None).expect("analyses").into();
    let text = get(&a, "text");
    assert_eq!(text.as_string().as_deref(), Some(REPORT));
    let quantities = items(&get(&a, "quantities"));
    assert!(quantities.len() >= 2);
    for q in &quantities {
        assert_eq!(
            slice(&text, &get(q, "span")),
            get(q, "text").as_string().unwrap_or_default()
        );
    }
    let sections = items(&get(&a, "sections"));
    assert_eq!(sections.len(), 2);
    assert_eq!(
        slice(&text, &get(&sections[0], "heading_span")),
        "一、主要成效"
    );
    let keywords = items(&get(&a, "keywords"));
    let k = keywords
        .iter()
        .find(|k| get(k, "term").as_string().as_deref() == Some("一网通办"))
        .expect("keyword 一网通办");
    for s in items(&get(k, "spans")) {
        assert_eq!(slice(&text, &s), "一网通办");
    }
}

#[wasm_bindgen_test]
fn findings_point_at_their_text_in_utf16() {
    let text = "😀一、成效\n𠀀全年办理案件12件,纠错3件。";
    let findings: JsValue = check(&text_input(text), None).expect("checks").into();
    let comma = items(&findings)
        .into_iter()
        .find(|f| get(f, "code").as_string().as_deref() == Some("P001"))
        .expect("half-width comma found");
    assert_eq!(slice(&JsValue::from_str(text), &get(&comma, "span")), ",");
    let fix = get(&comma, "fix");
    let edit = &items(&get(&fix, "edits"))[0];
    assert_eq!(slice(&JsValue::from_str(text), &get(edit, "span")), ",");
}

#[wasm_bindgen_test]
fn bytes_are_decoded_and_unreadable_bytes_throw() {
    let gbk: [u8; 8] = [0xd2, 0xbb, 0xa1, 0xa2, 0xb3, 0xc9, 0xd0, 0xa7]; // 一、成效 in GBK
    let bytes: Input = JsValue::from(Uint8Array::from(&gbk[..])).unchecked_into();
    let a: JsValue = analyze(&bytes, options(r#"{"name":"旧稿.txt"}"#))
        .expect("reads GBK")
        .into();
    assert_eq!(get(&a, "text").as_string().as_deref(), Some("一、成效"));
    assert_eq!(
        get(&get(&a, "source"), "encoding").as_string().as_deref(),
        Some("GB18030")
    );
    // Big5, told from GBK by its common characters, decoded by the browser too.
    let traditional = "臺北市政府關於推進依法行政工作情況的報告：本年度共辦理行政復議案件三十件。";
    let big5: [u8; 74] = [
        187, 79, 165, 95, 165, 171, 172, 70, 169, 178, 195, 246, 169, 243, 177, 192, 182, 105, 168,
        204, 170, 107, 166, 230, 172, 70, 164, 117, 167, 64, 177, 161, 170, 112, 170, 186, 179,
        248, 167, 105, 161, 71, 165, 187, 166, 126, 171, 215, 166, 64, 191, 236, 178, 122, 166,
        230, 172, 70, 180, 95, 196, 179, 174, 215, 165, 243, 164, 84, 164, 81, 165, 243, 161, 67,
    ];
    let bytes: Input = JsValue::from(Uint8Array::from(&big5[..])).unchecked_into();
    let a: JsValue = analyze(&bytes, options(r#"{"name":"臺北.txt"}"#))
        .expect("reads Big5")
        .into();
    assert_eq!(get(&a, "text").as_string().as_deref(), Some(traditional));
    assert_eq!(
        get(&get(&a, "source"), "encoding").as_string().as_deref(),
        Some("Big5")
    );

    let pdf: Input = JsValue::from(Uint8Array::from(&b"%PDF-1.7\n"[..])).unchecked_into();
    let message = error_message(
        analyze(&pdf, options(r#"{"name":"扫描件.pdf"}"#))
            .err()
            .expect("a PDF is refused"),
    );
    assert!(message.contains("PDF"), "{message}");

    let number: Input = JsValue::from_f64(3.0).unchecked_into();
    let message = error_message(analyze(&number, None).err().expect("a number is refused"));
    assert!(message.contains("Uint8Array"), "{message}");
}

#[wasm_bindgen_test]
fn options_switch_checks_off_and_add_terms() {
    let text = "一、成效\n推行秒批秒办,秒批秒办事项80项。";
    let all: JsValue = check(&text_input(text), None).expect("checks").into();
    assert!(items(&all)
        .iter()
        .any(|f| get(f, "code").as_string().as_deref() == Some("P001")));
    let some: JsValue = check(&text_input(text), options(r#"{"disable":["P001"]}"#))
        .expect("checks")
        .into();
    assert!(!items(&some)
        .iter()
        .any(|f| get(f, "code").as_string().as_deref() == Some("P001")));

    let a: JsValue = analyze(&text_input(text), options(r#"{"terms":["秒批秒办"]}"#))
        .expect("analyses")
        .into();
    assert!(items(&get(&a, "keywords"))
        .iter()
        .any(|k| get(k, "term").as_string().as_deref() == Some("秒批秒办")));

    let message = error_message(
        check(&text_input(text), options(r#"{"disable":["Z999"]}"#))
            .err()
            .expect("unknown code"),
    );
    assert!(message.contains("Z999"), "{message}");
    let message = error_message(
        check(&text_input(text), options(r#"{"colour":"red"}"#))
            .err()
            .expect("unknown key"),
    );
    assert!(message.contains("colour"), "{message}");
}

#[wasm_bindgen_test]
fn text_a_host_read_from_a_file_keeps_the_file_format() {
    let text = "一、成效\n全年办理行政复议案件120件。";
    let a: JsValue = analyze(
        &text_input(text),
        options(r#"{"name":"年报.pdf","format":"pdf"}"#),
    )
    .expect("analyses")
    .into();
    let source = get(&a, "source");
    assert_eq!(get(&source, "format").as_string().as_deref(), Some("pdf"));
    assert_eq!(
        get(&source, "name").as_string().as_deref(),
        Some("年报.pdf")
    );
    assert_eq!(get(&a, "text").as_string().as_deref(), Some(text));

    let message = error_message(
        analyze(&text_input(text), options(r#"{"format":"pptx"}"#))
            .err()
            .expect("an unknown format"),
    );
    assert!(message.contains("pptx"), "{message}");
    let bytes: Input = JsValue::from(Uint8Array::from(text.as_bytes())).unchecked_into();
    let message = error_message(
        analyze(&bytes, options(r#"{"format":"pdf"}"#))
            .err()
            .expect("format with bytes"),
    );
    assert!(message.contains("format"), "{message}");
}

#[wasm_bindgen_test]
fn checks_are_documented_and_the_version_is_given() {
    baogao_wasm::warm_up();
    let docs: JsValue = checks().expect("docs").into();
    let docs = items(&docs);
    assert!(docs.len() >= 30);
    for d in &docs {
        assert!(get(d, "code").as_string().is_some_and(|c| c.len() == 4));
        assert!(get(d, "doc").as_string().is_some_and(|s| s.len() > 40));
    }
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
