//! The PDF reader, a WebAssembly module of its own (`crates/pdf-wasm`), loaded the first time a
//! PDF is dropped so that a first visit does not download it. In the hosted app the analysis
//! worker fetches `baogao-pdf.js` and `baogao-pdf_bg.wasm` next to the page (`importScripts`,
//! then the module's init under the global `baogao_pdf`), resolved against the page's address:
//! the worker runs from a `blob:` URL, against which no relative path resolves; in the single-file build both are inlined in the
//! page, and the page's `baogaoLoadPdf()` (written by `scripts/single-file.mjs`) starts them.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The PDF module's init function (wasm-bindgen `--no-modules-global baogao_pdf`).
    #[cfg(not(feature = "inline"))]
    #[wasm_bindgen(js_name = baogao_pdf)]
    fn init_pdf_module(options: &JsValue) -> js_sys::Promise;

    #[cfg(not(feature = "inline"))]
    #[wasm_bindgen(catch, js_name = importScripts)]
    fn import_scripts(url: &str) -> Result<(), JsValue>;

    /// Starts the PDF module inlined in the single-file build.
    #[cfg(feature = "inline")]
    #[wasm_bindgen(catch, js_name = baogaoLoadPdf)]
    fn load_inlined_pdf_module() -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = baogao_pdf, js_name = readPdf)]
    fn read_pdf_js(name: &str, bytes: &[u8]) -> Result<String, JsValue>;
}

thread_local! {
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Why reading failed, in Chinese and English.
pub type Failure = (String, String);

/// The text layer of a PDF in reading order, loading the reader first if this is the first PDF
/// (from next to the page at `base`, in the hosted app).
pub async fn read(name: &str, bytes: &[u8], base: &str) -> Result<String, Failure> {
    if !LOADED.with(Cell::get) {
        load(base).await.map_err(|e| {
            let why = describe(&e);
            (
                format!("无法载入 PDF 阅读模块，未能读取“{name}”：{why}"),
                format!("The PDF reader could not be loaded, so “{name}” was not read: {why}"),
            )
        })?;
        LOADED.with(|l| l.set(true));
    }
    read_pdf_js(name, bytes).map_err(|e| {
        let field = |key: &str| {
            js_sys::Reflect::get(&e, &key.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        match (field("zh"), field("en")) {
            (Some(zh), Some(en)) => (zh, en),
            _ => {
                let why = describe(&e);
                (
                    format!("读取 PDF“{name}”时出错：{why}"),
                    format!("Reading the PDF “{name}” failed: {why}"),
                )
            }
        }
    })
}

#[cfg(not(feature = "inline"))]
async fn load(base: &str) -> Result<(), JsValue> {
    let next_to_page = |file: &str| -> Result<String, JsValue> {
        Ok(web_sys::Url::new_with_base(file, base)?.href())
    };
    import_scripts(&next_to_page("baogao-pdf.js")?)?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &"module_or_path".into(),
        &next_to_page("baogao-pdf_bg.wasm")?.into(),
    )?;
    JsFuture::from(init_pdf_module(&options)).await?;
    Ok(())
}

#[cfg(feature = "inline")]
async fn load(_base: &str) -> Result<(), JsValue> {
    JsFuture::from(load_inlined_pdf_module()?).await?;
    Ok(())
}

/// A thrown JavaScript value as text: an `Error`'s message, else its string form.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
