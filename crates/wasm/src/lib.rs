//! Baogao for JavaScript hosts: `analyze`, `check`, `checks` and `version`, compiled to
//! WebAssembly with wasm-bindgen.
//!
//! Results are plain JavaScript objects (the JSON format of `docs/json-format.md`) with one
//! difference: every span's `start` and `end` count UTF-16 code units, as JavaScript strings do,
//! so `text.slice(span.start, span.end)` is the spanned text even around characters outside the
//! Basic Multilingual Plane (`𠀀`, emoji). The result of `analyze` carries the decoded `text` the
//! spans refer to.

use std::sync::Once;

use baogao_core::checks::{Applicability, CheckOptions, Severity, METAS};
use baogao_core::parts::{Area, Part};
use baogao_core::{
    analyze_bytes, analyze_ingested, span, Analysis, Format, Ingested, Options, Source,
};
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
  /** For text the host read out of a file itself (a PDF's text layer read by `baogao-pdf.js`):
   * the file's format, recorded as the analysis's `source.format`. Text input only. */
  format?: "text" | "html" | "docx" | "doc" | "ofd" | "pdf";
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

/** A name in both languages. */
export interface Label { zh: string; en: string; }

/** The names core gives to what the JSON holds by id, for hosts to show. */
export interface Labels {
  /** The required parts of a report (`parts` keys), in the regulation's order. */
  parts: Record<"achievements" | "problems" | "first_responsible" | "plans" | "other", Label>;
  /** Finding severities. */
  severities: Record<"error" | "warning" | "info", Label>;
  /** The nine 纲要 areas (`area` of sections and quantities). */
  areas: Record<string, Label>;
  /** Fix applicability. */
  applicability: Record<"safe" | "review", Label>;
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
    #[wasm_bindgen(typescript_type = "Labels")]
    pub type JsLabels;

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
    install_text_decoder();
}

/// GB18030 and Big5 files are read by the browser's `TextDecoder`, which holds their tables:
/// core leaves its own out of the browser builds.
fn install_text_decoder() {
    #[cfg(target_arch = "wasm32")]
    baogao_core::ingest::set_legacy_decoder(|legacy, bytes| {
        web_sys::TextDecoder::new_with_label(legacy.label())
            .ok()?
            .decode_with_u8_array(bytes)
            .ok()
    });
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

/// The names of parts, severities, areas and fix applicability in Chinese and English, as core
/// gives them (one source for the app, the CLI and embedders).
#[wasm_bindgen]
pub fn labels() -> Result<JsLabels, JsError> {
    to_js(&labels_json()).map(JsCast::unchecked_into)
}

/// [`labels`] as JSON.
pub fn labels_json() -> Value {
    let label = |zh: &str, en: &str| json!({ "zh": zh, "en": en });
    let parts: serde_json::Map<String, Value> = Part::ALL
        .iter()
        .map(|p| (p.id().to_owned(), label(p.name_zh(), p.name_en())))
        .collect();
    let severities: serde_json::Map<String, Value> =
        [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .map(|s| (id_of(s), label(s.name_zh(), s.name_en())))
            .collect();
    let areas: serde_json::Map<String, Value> = Area::ALL
        .iter()
        .map(|a| (a.id().to_owned(), label(a.name_zh(), a.name_en())))
        .collect();
    let applicability: serde_json::Map<String, Value> =
        [Applicability::Safe, Applicability::Review]
            .iter()
            .map(|a| (id_of(a), label(a.name_zh(), a.name_en())))
            .collect();
    json!({ "parts": parts, "severities": severities, "areas": areas, "applicability": applicability })
}

/// The JSON id of a unit enum value (its serde name).
fn id_of(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
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
    format: Option<Format>,
}

/// The keys a host may pass.
const OPTION_KEYS: [&str; 5] = ["name", "disable", "allowWords", "terms", "format"];

fn run(input: &Input, options: Option<JsOptions>) -> Result<(String, Analysis), JsError> {
    install_panic_hook();
    install_text_decoder();
    let host: HostOptions = match options.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            if let Some(object) = v.dyn_ref::<js_sys::Object>() {
                for key in js_sys::Object::keys(object)
                    .iter()
                    .filter_map(|k| k.as_string())
                {
                    if !OPTION_KEYS.contains(&key.as_str()) {
                        return Err(JsError::new(&format!(
                            "未知选项“{key}”（可用的键：{}）/ Unknown option “{key}” (keys: {})",
                            OPTION_KEYS.join("、"),
                            OPTION_KEYS.join(", ")
                        )));
                    }
                }
            }
            serde_wasm_bindgen::from_value(v).map_err(|e| {
                JsError::new(&format!(
                    "选项无效：{e}（可用的键：{}）/ Invalid options: {e} (keys: {})",
                    OPTION_KEYS.join("、"),
                    OPTION_KEYS.join(", ")
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
        let Some(format) = host.format else {
            let analysis = baogao_core::analyze(&text, &options);
            return Ok((text, analysis));
        };
        let ingested = Ingested {
            source: Source {
                name: host.name.unwrap_or_else(|| "report.txt".to_owned()),
                format,
                encoding: "UTF-8".to_owned(),
            },
            text,
        };
        let analysis = analyze_ingested(&ingested, &options);
        return Ok((ingested.text, analysis));
    }
    if host.format.is_some() {
        return Err(JsError::new(
            "选项 format 只用于文本输入（文件的格式由其内容判断）/ The format option is for text input only (a file's format is told from its bytes)",
        ));
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

/// A value as a plain JavaScript object: written as JSON here and parsed by the engine's
/// `JSON.parse`, which builds the object far faster than setting each property from wasm.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(internal)?;
    js_sys::JSON::parse(&json).map_err(|e| internal(format!("{e:?}")))
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
    fn labels_name_every_part_severity_and_area_in_both_languages() {
        let labels = labels_json();
        assert_eq!(labels["parts"]["plans"]["zh"], "下一年度主要安排");
        assert_eq!(labels["severities"]["info"]["en"], "Info");
        assert_eq!(labels["applicability"]["safe"]["en"], "safe");
        assert_eq!(labels["areas"].as_object().map(|m| m.len()), Some(9));
        for group in ["parts", "severities", "areas", "applicability"] {
            for (id, label) in labels[group].as_object().expect("object") {
                assert!(!id.is_empty(), "{group}: an id");
                for lang in ["zh", "en"] {
                    assert!(
                        label[lang].as_str().is_some_and(|s| !s.is_empty()),
                        "{group}.{id}.{lang}"
                    );
                }
            }
        }
    }

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
