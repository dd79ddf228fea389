//! Saving an export as a file the browser downloads; made in the page, never uploaded.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offer `content` as a download named `name`. Returns false when the browser refuses.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    blob_of(mime, content).is_some_and(|blob| download_blob(name, &blob))
}

/// A blob holding `content`.
pub fn blob_of(mime: &str, content: &str) -> Option<Blob> {
    let parts = js_sys_array(content);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offer a blob as a download named `name`.
pub fn download_blob(name: &str, blob: &Blob) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else { return false };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    true
}

fn js_sys_array(content: &str) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(content));
    array.into()
}

/// Render an SVG document to a PNG at twice its size and offer it as a download.
pub fn svg_to_png(name: String, svg: &str, width: u32, height: u32) {
    use wasm_bindgen::closure::Closure;
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

    let Some(blob) = blob_of("image/svg+xml", svg) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&source);
        let document = web_sys::window().and_then(|w| w.document());
        let Some(canvas) = document
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, f64::from(width * 2), f64::from(height * 2));
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(width * 2),
            f64::from(height * 2),
        );
        let done = Closure::once_into_js(move |blob: Option<Blob>| {
            if let Some(blob) = blob {
                download_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}
