#![doc = include_str!("../README.md")]
//!
//! Modules: `syntax` (objects and the lexer), `document` (cross-reference data, object
//! streams, filters, the page tree), `font` (codes → Unicode and widths), `content` (the text
//! operators of content streams → positioned glyphs), `layout` (glyphs → lines, columns,
//! paragraphs, without running headers and page numbers).

mod content;
mod document;
mod font;
mod layout;
mod syntax;

use baogao_core::ingest::{
    Format, IngestError, IngestErrorKind, Ingested, Source, MAX_INPUT_BYTES, MAX_TEXT_CHARS,
};

pub use document::{MAX_DECODED_BYTES, MAX_STREAM_BYTES};

/// The most content-stream operators run over the whole file (a long report runs well under a
/// million): more is refused rather than spending minutes on it.
pub const MAX_OPERATIONS: usize = 20_000_000;

/// Why reading stopped, inside the crate; turned into an [`IngestErrorKind`] at the edge.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    Corrupt(String),
    Encrypted,
    /// A stream decodes to more than the limits allow.
    TooLarge,
    /// More characters or operators than the limits allow.
    TooMuchText,
    /// A filter this reader does not decode (images only).
    Unsupported,
}

impl Failure {
    fn kind(self) -> IngestErrorKind {
        match self {
            Failure::Corrupt(why) => IngestErrorKind::CorruptPdf(why),
            Failure::Encrypted => IngestErrorKind::EncryptedPdf,
            Failure::TooLarge => IngestErrorKind::DocxTooLarge {
                limit: MAX_STREAM_BYTES,
            },
            Failure::TooMuchText => IngestErrorKind::TooMuchText {
                limit: MAX_TEXT_CHARS,
            },
            Failure::Unsupported => IngestErrorKind::CorruptPdf("使用了不支持的压缩方式".into()),
        }
    }
}

/// Whether `bytes` look like a PDF (`%PDF-` within the first kilobyte).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    document::find(head, b"%PDF-").is_some()
}

/// The text of a PDF's pages in reading order. `name` is used in messages.
pub fn read_pdf(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    read(bytes).map_err(|kind| IngestError::new(name, kind))
}

/// [`read_pdf`] as an [`Ingested`] (format `pdf`, encoding `UTF-8`), ready for
/// `baogao_core::analyze_ingested`.
pub fn ingest_pdf(name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    Ok(Ingested {
        text: read_pdf(name, bytes)?,
        source: Source {
            name: name.to_owned(),
            format: Format::Pdf,
            encoding: "UTF-8".to_owned(),
        },
    })
}

fn read(bytes: &[u8]) -> Result<String, IngestErrorKind> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestErrorKind::TooLarge {
            bytes: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if !is_pdf(bytes) {
        return Err(IngestErrorKind::CorruptPdf("缺少 %PDF- 文件头".into()));
    }
    let doc = document::Document::open(bytes).map_err(Failure::kind)?;
    let pages = doc.pages();
    if pages.is_empty() {
        return Err(IngestErrorKind::CorruptPdf("文档中没有页面".into()));
    }
    let mut interpreter = content::Interpreter::new(&doc);
    for (i, page) in pages.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        interpreter.page(index, page).map_err(Failure::kind)?;
    }
    let reading = interpreter.reading;
    let shown = reading
        .glyphs
        .iter()
        .filter(|g| !g.ch.is_whitespace())
        .count();
    if reading.unknown > 0 && reading.unknown >= shown {
        return Err(IngestErrorKind::CorruptPdf(
            "文字所用的字体没有 Unicode 对照表（ToUnicode），无法还原成文字".into(),
        ));
    }
    if shown == 0 {
        return Err(IngestErrorKind::NoTextLayer);
    }
    let text = layout::layout(reading.glyphs);
    if text.trim().is_empty() {
        return Err(IngestErrorKind::NoTextLayer);
    }
    Ok(text)
}
