//! Baogao for JavaScript hosts: `analyze`, `check`, `checks` and `version`, compiled to
//! WebAssembly with wasm-bindgen.
//!
//! Results are plain JavaScript objects (the JSON format of `docs/json-format.md`) with one
//! difference: every span's `start` and `end` count UTF-16 code units, as JavaScript strings do,
//! so `text.slice(span.start, span.end)` is the spanned text even around characters outside the
//! Basic Multilingual Plane (`𠀀`, emoji). The result of `analyze` carries the decoded `text` the
//! spans refer to.

use std::sync::Once;

use baogao_core::checks::{CheckOptions, METAS};
use baogao_core::{analyze_bytes, span, Analysis, Options};
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options of `analyze` and `check`; every key may be left out. */
export interface AnalyzeOptions {
  /** The name shown for the report (a file name); defaults to "粘贴文本" for text. */
  name?: string;
  /** Check codes to switch off, e.g. ["P001", "W002"]. */
  disable?: string[];
  /** Words the wording checks leave alone. */
  allowWords?: string[];
  /** The user's own terms: cut as whole words, may become keywords. */
  terms?: string[];
}

/** A span of the decoded text in UTF-16 code units: `text.slice(start, end)`. */
export interface Span { start: number; end: number; }

/** A draft-checking finding; see `checks()` for every code. */
export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  span: Span;
  spans: Span[];
  count: number;
  /** `safe`: may be applied with the other safe fixes; `review`: shown, never applied in bulk. */
  fix: { label: string; edits: { span: Span; replacement: string }[]; applicability: "safe" | "review" } | null;
  [key: string]: unknown;
}

/** The analysis of one report (docs/json-format.md) plus the text its spans refer to. */
export interface Analysis {
  schema_version: number;
  /** The decoded text of the report; every span indexes it in UTF-16 code units. */
  text: string;
  source: { name: string; format: "text" | "html" | "docx" | "doc" | "ofd" | "pdf"; encoding: string };
  metadata: Record<string, unknown>;
  /** What kind of document it is; only a rule_of_law report is held to the regulation's parts. */
  genre: "rule_of_law" | "government_work" | "information_disclosure" | "interpretation" | "notice" | "unknown";
  sections: unknown[];
  parts: Record<string, string[]>;
  quantities: unknown[];
  indicators: unknown[];
  relations: unknown[];
  findings: Finding[];
  policy_terms: unknown[];
  keywords: { term: string; weight: number; count: number; policy_term: boolean; spans: Span[] }[];
  [key: string]: unknown;
}

/** One check's documentation. */
export interface CheckDoc {
  code: string;
  name: string;
  title: string;
  severity: "error" | "warning" | "info";
  /** Markdown: what it finds, why, an example. */
  doc: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "string | Uint8Array")]
    pub type Input;
    #[wasm_bindgen(typescript_type = "AnalyzeOptions | undefined")]
    pub type JsOptions;
    #[wasm_bindgen(typescript_type = "Analysis")]
    pub type JsAnalysis;
    #[wasm_bindgen(typescript_type = "Finding[]")]
    pub type JsFindings;
    #[wasm_bindgen(typescript_type = "CheckDoc[]")]
    pub type JsCheckDocs;

    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

static HOOK: Once = Once::new();

/// Report a panic on the console with its message (instead of `unreachable` alone).
fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error(&format!("baogao: internal error: {info}"));
        }));
    });
}

/// Runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    install_panic_hook();
}

/// The version of Baogao.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Build every table of the analysis now (the word segmenter, the patterns of every stage and
/// check) instead of during the first analysis; a host may call it while the page is idle, or in
/// a worker.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    install_panic_hook();
    baogao_core::analysis::warm_up();
}

/// Analyse a report: text, or the bytes of a .txt (any encoding), .html, .docx, .doc, .wps or .ofd file.
/// Throws an `Error` with a message in Chinese and English when the bytes cannot be read.
#[wasm_bindgen]
pub fn analyze(input: &Input, options: Option<JsOptions>) -> Result<JsAnalysis, JsError> {
    let (text, analysis) = run(input, options)?;
    let mut value = serde_json::to_value(&analysis).map_err(internal)?;
    utf16_spans(&text, &mut value);
    if let Value::Object(map) = &mut value {
        map.insert("text".to_owned(), Value::String(text));
    }
    to_js(&value).map(JsCast::unchecked_into)
}

/// Check a draft: the findings of [`analyze`] alone.
#[wasm_bindgen]
pub fn check(input: &Input, options: Option<JsOptions>) -> Result<JsFindings, JsError> {
    let (text, analysis) = run(input, options)?;
    let mut value = serde_json::to_value(&analysis.findings).map_err(internal)?;
    utf16_spans(&text, &mut value);
    to_js(&value).map(JsCast::unchecked_into)
}

/// Every check with its documentation, sorted by code.
#[wasm_bindgen]
pub fn checks() -> Result<JsCheckDocs, JsError> {
    let docs: Vec<Value> = METAS
        .iter()
        .map(|m| {
            json!({
                "code": m.code,
                "name": m.name,
                "title": m.title_zh,
                "severity": m.severity,
                "doc": baogao_core::checks::doc(m.code).unwrap_or_default(),
            })
        })
        .collect();
    to_js(&docs).map(JsCast::unchecked_into)
}

/// The options a host may pass, as read from a JavaScript object.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostOptions {
    name: Option<String>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    allow_words: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
}

fn run(input: &Input, options: Option<JsOptions>) -> Result<(String, Analysis), JsError> {
    install_panic_hook();
    let host: HostOptions = match options.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            if let Some(object) = v.dyn_ref::<js_sys::Object>() {
                for key in js_sys::Object::keys(object)
                    .iter()
                    .filter_map(|k| k.as_string())
                {
                    if !["name", "disable", "allowWords", "terms"].contains(&key.as_str()) {
                        return Err(JsError::new(&format!(
                            "未知选项“{key}”（可用的键：name、disable、allowWords、terms）/ Unknown option “{key}” (keys: name, disable, allowWords, terms)"
                        )));
                    }
                }
            }
            serde_wasm_bindgen::from_value(v)
            .map_err(|e| {
                JsError::new(&format!(
                    "选项无效：{e}（可用的键：name、disable、allowWords、terms）/ Invalid options: {e} (keys: name, disable, allowWords, terms)"
                ))
            })?
        }
        _ => HostOptions::default(),
    };
    for code in &host.disable {
        if baogao_core::checks::meta(code).is_none() {
            return Err(JsError::new(&format!(
                "没有代码为“{code}”的检查项 / No check has the code “{code}”"
            )));
        }
    }
    let options = Options {
        name: host.name.clone(),
        checks: CheckOptions {
            disabled: host.disable,
            allowed_words: host.allow_words,
        },
        user_terms: host.terms,
    };
    let input: &JsValue = input.as_ref();
    if let Some(text) = input.as_string() {
        let analysis = baogao_core::analyze(&text, &options);
        return Ok((text, analysis));
    }
    if let Some(bytes) = input.dyn_ref::<js_sys::Uint8Array>() {
        let name = host.name.unwrap_or_else(|| "report.txt".to_owned());
        return analyze_bytes(&name, &bytes.to_vec(), &options)
            .map_err(|e| JsError::new(&format!("{e} / {}", e.english())));
    }
    Err(JsError::new(
        "输入须为字符串或 Uint8Array / The input must be a string or a Uint8Array",
    ))
}

fn internal(e: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("内部错误 / Internal error: {e}"))
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(internal)
}

/// Rewrite every span (`{start, end}` of byte offsets) in `value` to UTF-16 code units of `text`.
pub fn utf16_spans(text: &str, value: &mut Value) {
    let mut offsets = Vec::new();
    visit_spans(value, &mut |n| offsets.push(*n));
    offsets.sort_unstable();
    offsets.dedup();
    let map = utf16_offsets(text, &offsets);
    visit_spans(value, &mut |n| {
        if let Ok(i) = offsets.binary_search(n) {
            *n = map[i];
        }
    });
}

/// The UTF-16 offset of each byte offset in `sorted` (ascending): [`span::utf16_offsets`].
pub fn utf16_offsets(text: &str, sorted: &[u64]) -> Vec<u64> {
    let bytes: Vec<usize> = sorted
        .iter()
        .map(|&n| usize::try_from(n).unwrap_or(usize::MAX))
        .collect();
    span::utf16_offsets(text, &bytes)
        .into_iter()
        .map(|n| n as u64)
        .collect()
}

/// Call `f` on the `start` and `end` of every span object in `value`.
fn visit_spans(value: &mut Value, f: &mut dyn FnMut(&mut u64)) {
    match value {
        Value::Object(map) => {
            let is_span = map.len() == 2
                && map.get("start").is_some_and(Value::is_u64)
                && map.get("end").is_some_and(Value::is_u64);
            if is_span {
                for key in ["start", "end"] {
                    if let Some(Value::Number(n)) = map.get_mut(key) {
                        if let Some(mut v) = n.as_u64() {
                            f(&mut v);
                            *n = v.into();
                        }
                    }
                }
            } else {
                for v in map.values_mut() {
                    visit_spans(v, f);
                }
            }
        }
        Value::Array(items) => {
            for v in items {
                visit_spans(v, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_utf16_offsets() {
        let text = "a𠀀b😀行政复议";
        // bytes: a=0, 𠀀=1..5, b=5, 😀=6..10, 行=10
        assert_eq!(
            utf16_offsets(text, &[0, 1, 5, 6, 10, 13, 22, 99]),
            vec![0, 1, 3, 4, 6, 7, 10, 10]
        );
    }

    #[test]
    fn every_span_in_an_analysis_is_rewritten() {
        let text = "一、成效\n𠀀😀全年办理行政复议案件120件，行政复议纠错率为10%。";
        let analysis = baogao_core::analyze(text, &Options::default());
        let mut value = serde_json::to_value(&analysis).expect("json");
        utf16_spans(text, &mut value);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let slice = |s: &Value| {
            let a = s["start"].as_u64().expect("start") as usize;
            let b = s["end"].as_u64().expect("end") as usize;
            String::from_utf16(&utf16[a..b]).expect("whole characters")
        };
        let q = &value["quantities"][0];
        assert_eq!(slice(&q["span"]), q["text"].as_str().expect("text"));
        let k = value["keywords"]
            .as_array()
            .expect("keywords")
            .iter()
            .find(|k| k["term"] == "行政复议")
            .expect("keyword");
        for s in k["spans"].as_array().expect("spans") {
            assert_eq!(slice(s), "行政复议");
        }
    }
}
