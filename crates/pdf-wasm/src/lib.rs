//! The PDF reader as a WebAssembly module of its own, so that a first visit does not download it:
//! the app's analysis worker, the single-file build and the portal element load it the first time
//! a PDF is dropped, read the text layer with it, and analyse that text with the analyzer they
//! already have (the source's format given as `pdf`).
//!
//! One function, `readPdf(name, bytes)`: the text of the PDF's pages in reading order, or a
//! thrown `Error` whose `message` is "Chinese / English" and whose `zh` and `en` properties hold
//! each language alone (a scanned PDF says it needs OCR, an encrypted one says so).

use wasm_bindgen::prelude::*;

/// The text layer of a PDF in reading order, or an `Error` naming the file and the reason.
#[wasm_bindgen(js_name = readPdf)]
pub fn read_pdf(name: &str, bytes: &[u8]) -> Result<String, JsValue> {
    baogao_pdf::read_pdf(name, bytes).map_err(|e| {
        let (zh, en) = (e.to_string(), e.english());
        let error = js_sys::Error::new(&format!("{zh} / {en}"));
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &"zh".into(), &zh.into());
        let _ = js_sys::Reflect::set(&error, &"en".into(), &en.into());
        error.into()
    })
}
