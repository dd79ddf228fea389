//! Ingest: bytes of a dropped file → the text Baogao analyses, with its format and encoding.
//!
//! The format is sniffed from the content first and the file name second, so a `.txt` that is
//! really a Word file, or a page saved without an extension, is still read correctly. Anything
//! that is not a report Baogao can read is an [`IngestError`] that names the file and says what it
//! is; reading never panics, and the sizes it accepts are bounded ([`MAX_INPUT_BYTES`],
//! [`MAX_TEXT_CHARS`] and the zip limits), so a zip bomb or a compound file whose sector chains
//! loop is refused instead of filling memory.
//!
//! Readers: plain text in any common encoding (`text.rs`), saved pages (`html.rs`), Word drafts
//! in Office Open XML (`docx.rs`), Word 97–2003 and WPS binary drafts in an OLE compound file
//! (`doc.rs` over `cfb.rs`), and OFD fixed-layout files (`ofd.rs`).

mod cfb;
mod charset;
mod doc;
mod docx;
mod html;
mod ofd;
mod text;

pub use crate::model::{Format, Source};
pub use charset::{set_legacy_decoder, Legacy, LegacyDecoder};

/// The largest file accepted, in bytes (a long report is well under 1 MB of text).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The most characters read out of a .doc, .wps or .ofd file (a long report has a few hundred
/// thousand): more is refused rather than held in memory.
pub const MAX_TEXT_CHARS: usize = 2 * 1024 * 1024;

/// A file turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub source: Source,
    /// The decoded text. Every span of the analysis points into this string.
    pub text: String,
}

/// Why a file could not be read. `Display` gives the Chinese message; [`IngestError::english`]
/// the English one. Both name the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.chinese())]
pub struct IngestError {
    pub name: String,
    pub kind: IngestErrorKind,
}

/// The reasons a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestErrorKind {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Pdf,
    Image(&'static str),
    /// An OLE compound file that holds no Word document (an old Excel or PowerPoint file).
    LegacyOffice,
    /// A .doc or .wps protected by a password (encrypted or obfuscated).
    Encrypted,
    /// A .doc or .wps whose compound file or Word structures are damaged.
    CorruptDoc(String),
    /// An OFD package that is damaged or misses a part.
    CorruptOfd(String),
    /// A PDF whose structure is damaged, or whose text cannot be turned into characters.
    CorruptPdf(String),
    /// A PDF protected by a password or encrypted.
    EncryptedPdf,
    /// An OFD or PDF whose pages carry no text, only drawings or scanned images.
    NoTextLayer,
    /// More text than [`MAX_TEXT_CHARS`] in a .doc, .wps, .ofd or .pdf.
    TooMuchText {
        limit: usize,
    },
    ZipNotDocx,
    CorruptDocx(String),
    DocxTooLarge {
        limit: usize,
    },
    Binary,
    /// Text in GB18030 or Big5 in a build that has no decoder for it (a host that gave none, see
    /// [`set_legacy_decoder`]).
    NoDecoder(Legacy),
}

impl IngestError {
    /// The error `kind` for the file `name` (readers outside core, such as the PDF reader,
    /// report through it too).
    pub fn new(name: &str, kind: IngestErrorKind) -> Self {
        Self {
            name: name.to_owned(),
            kind,
        }
    }

    /// The message in Chinese (also what `Display` prints).
    pub fn chinese(&self) -> String {
        let name = &self.name;
        match &self.kind {
            IngestErrorKind::Empty => format!("文件“{name}”是空的：没有可分析的文字。"),
            IngestErrorKind::TooLarge { bytes, limit } => format!(
                "文件“{name}”过大（{} MB），超过 {} MB 的上限，不像是一份报告。",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            IngestErrorKind::Pdf => format!(
                "文件“{name}”是 PDF 文档，需由 PDF 阅读模块读取，而此处未载入该模块。请在完整版中打开，或复制其中的文字粘贴进来。"
            ),
            IngestErrorKind::Image(kind) => {
                format!("文件“{name}”是 {kind} 图片，不含可分析的文字。请提供 .txt、.html 或 .docx 文件。")
            }
            IngestErrorKind::LegacyOffice => format!(
                "文件“{name}”是旧版 Office 复合文档（如 .xls、.ppt），但不含 Word/WPS 文字文档，无法读取。"
            ),
            IngestErrorKind::Encrypted => format!(
                "文件“{name}”设有打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码后另存，再试一次。"
            ),
            IngestErrorKind::CorruptDoc(why) => format!(
                "文件“{name}”像是旧版 Word/WPS 文档（.doc/.wps），但已损坏，无法读取：{why}。"
            ),
            IngestErrorKind::CorruptOfd(why) => {
                format!("文件“{name}”像是 OFD 版式文件，但已损坏，无法读取：{why}。")
            }
            IngestErrorKind::CorruptPdf(why) => {
                format!("文件“{name}”像是 PDF 文档，但无法读取其中的文字：{why}。")
            }
            IngestErrorKind::EncryptedPdf => format!(
                "文件“{name}”是加密的 PDF 文档（设有密码或权限保护），无法读取其中的文字。请用 PDF 阅读器取消加密后另存，或复制文字粘贴进来。"
            ),
            IngestErrorKind::NoTextLayer => format!(
                "文件“{name}”的页面上没有文字层（可能是扫描件），需要文字识别（OCR）后才能分析。"
            ),
            IngestErrorKind::TooMuchText { limit } => format!(
                "文件“{name}”中的文字超过 {} 万字的上限，已拒绝读取。",
                limit / 10_000
            ),
            IngestErrorKind::ZipNotDocx => format!(
                "文件“{name}”是 zip 压缩包，但不是 Word 文档（缺少 word/document.xml），也不是 OFD 文件（缺少 OFD.xml）。"
            ),
            IngestErrorKind::CorruptDocx(why) => {
                format!("文件“{name}”像是 Word 文档（.docx），但已损坏，无法读取：{why}。")
            }
            IngestErrorKind::DocxTooLarge { limit } => format!(
                "文件“{name}”解压后超过 {} MB 的上限，已拒绝读取（可能是压缩炸弹）。",
                limit / (1024 * 1024)
            ),
            IngestErrorKind::Binary => format!(
                "文件“{name}”不是文本文件，也不是网页或 Word 文档，无法识别其中的文字。"
            ),
            IngestErrorKind::NoDecoder(legacy) => format!(
                "文件“{name}”不是 UTF-8 编码，像是 {} 编码，而此处没有该编码的解码器。请另存为 UTF-8 后再试。",
                legacy.name()
            ),
        }
    }

    /// The message in English, for the English UI.
    pub fn english(&self) -> String {
        let name = &self.name;
        match &self.kind {
            IngestErrorKind::Empty => format!("“{name}” is empty: there is no text to analyse."),
            IngestErrorKind::TooLarge { bytes, limit } => format!(
                "“{name}” is too large ({} MB, the limit is {} MB) to be a report.",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            IngestErrorKind::Pdf => format!(
                "“{name}” is a PDF, which the PDF reader module reads, and it is not loaded here. Open it in the full app, or paste its text."
            ),
            IngestErrorKind::Image(kind) => {
                format!("“{name}” is a {kind} image and holds no text. Give a .txt, .html or .docx file.")
            }
            IngestErrorKind::LegacyOffice => format!(
                "“{name}” is an old Office compound file (such as .xls or .ppt) without a Word/WPS document in it."
            ),
            IngestErrorKind::Encrypted => format!(
                "“{name}” is protected by a password (encrypted) and cannot be read. Remove the password in Word or WPS, save, and try again."
            ),
            IngestErrorKind::CorruptDoc(why) => format!(
                "“{name}” looks like an old Word/WPS document (.doc/.wps) but is damaged: {why}."
            ),
            IngestErrorKind::CorruptOfd(why) => {
                format!("“{name}” looks like an OFD document but is damaged: {why}.")
            }
            IngestErrorKind::CorruptPdf(why) => {
                format!("“{name}” looks like a PDF but its text cannot be read: {why}.")
            }
            IngestErrorKind::EncryptedPdf => format!(
                "“{name}” is an encrypted PDF (protected by a password or permissions); its text cannot be read. Remove the encryption in a PDF reader and save, or paste the text."
            ),
            IngestErrorKind::NoTextLayer => format!(
                "“{name}” has no text layer on its pages (it may be a scan): it needs text recognition (OCR) first."
            ),
            IngestErrorKind::TooMuchText { limit } => format!(
                "“{name}” holds more than {limit} characters of text and was refused."
            ),
            IngestErrorKind::ZipNotDocx => format!(
                "“{name}” is a zip archive but neither a Word document (no word/document.xml) nor an OFD file (no OFD.xml)."
            ),
            IngestErrorKind::CorruptDocx(why) => {
                format!("“{name}” looks like a Word document (.docx) but is damaged: {why}.")
            }
            IngestErrorKind::DocxTooLarge { limit } => format!(
                "“{name}” expands to more than {} MB and was refused (it may be a zip bomb).",
                limit / (1024 * 1024)
            ),
            IngestErrorKind::Binary => {
                format!("“{name}” is not a text file, a web page or a Word document.")
            }
            IngestErrorKind::NoDecoder(legacy) => format!(
                "“{name}” is not UTF-8 but looks like {}, which cannot be decoded here. Save it as UTF-8 and try again.",
                legacy.name()
            ),
        }
    }
}

/// Read a file's bytes into text. `name` is the file name (used for messages and as a format
/// hint); the content decides the format whenever it can.
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestError::new(
            name,
            IngestErrorKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_INPUT_BYTES,
            },
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::new(name, IngestErrorKind::Empty));
    }
    if let Some(kind) = sniff_refused(bytes) {
        return Err(IngestError::new(name, kind));
    }
    let read = |format: Format, text: String, encoding: &str| {
        if text.trim().is_empty() {
            return Err(IngestError::new(name, IngestErrorKind::Empty));
        }
        Ok(Ingested {
            source: Source {
                name: name.to_owned(),
                format,
                encoding: encoding.to_owned(),
            },
            text,
        })
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        if ofd::is_ofd(bytes) {
            let text = ofd::read(bytes).map_err(|kind| IngestError::new(name, kind))?;
            return read(Format::Ofd, text, "UTF-8");
        }
        return read(Format::Docx, docx::read(name, bytes)?, "UTF-8");
    }
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(cfb::SIGNATURE) {
        let fail = |kind| IngestError::new(name, kind);
        let file =
            cfb::Compound::open(bytes).map_err(|why| fail(IngestErrorKind::CorruptDoc(why)))?;
        if !doc::has_word_stream(&file) {
            let named_doc = lower.ends_with(".doc") || lower.ends_with(".wps");
            return Err(fail(if named_doc {
                IngestErrorKind::CorruptDoc("复合文档中没有 WordDocument 流".into())
            } else {
                IngestErrorKind::LegacyOffice
            }));
        }
        let (text, encoding) = doc::read(&file).map_err(fail)?;
        return read(Format::Doc, text, encoding);
    }
    let (decoded, encoding) = text::decode(bytes)
        .map_err(|legacy| IngestError::new(name, IngestErrorKind::NoDecoder(legacy)))?;
    if text::looks_binary(&decoded) {
        return Err(IngestError::new(name, IngestErrorKind::Binary));
    }
    let is_html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || lower.ends_with(".shtml")
        || lower.ends_with(".xhtml")
        || html::looks_like_html(&decoded);
    let source = Source {
        name: name.to_owned(),
        format: if is_html { Format::Html } else { Format::Text },
        encoding: encoding.to_owned(),
    };
    let text = if is_html {
        html::to_text(&decoded)
    } else {
        decoded
    };
    if text.trim().is_empty() {
        return Err(IngestError::new(name, IngestErrorKind::Empty));
    }
    Ok(Ingested { source, text })
}

/// Formats recognised by their first bytes that Baogao does not read.
fn sniff_refused(bytes: &[u8]) -> Option<IngestErrorKind> {
    const IMAGES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"BM", "BMP"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
    ];
    if bytes.starts_with(b"%PDF-") {
        return Some(IngestErrorKind::Pdf);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(IngestErrorKind::Image("WebP"));
    }
    IMAGES
        .iter()
        .find(|(magic, kind)| {
            // "BM" alone is too short to trust; a BMP also carries its header size at byte 14.
            bytes.starts_with(magic) && (*kind != "BMP" || bytes.get(14..16) == Some(&[40, 0]))
        })
        .map(|(_, kind)| IngestErrorKind::Image(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(name: &str, bytes: &[u8]) -> IngestError {
        match ingest(name, bytes) {
            Err(e) => e,
            Ok(ok) => panic!("expected an error for {name}, got {:?}", ok.source),
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_with_the_file_name() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("空.txt", b"", "是空的"),
            ("空白.txt", b"  \r\n\t ", "是空的"),
            ("扫描件.pdf", b"%PDF-1.7\n...", "PDF"),
            ("照片.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG 图片"),
            ("照片.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG 图片"),
            (
                "旧稿.doc",
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0",
                "像是旧版 Word/WPS 文档（.doc/.wps），但已损坏",
            ),
            (
                "数据.bin",
                b"\x00\x01\x02\x03\x04\x05\x06\x07\x00\x00\x10\x11",
                "不是文本文件",
            ),
        ];
        for (name, bytes, expected) in cases {
            let e = error_of(name, bytes);
            assert!(e.to_string().contains(expected), "{name}: {e}");
            assert!(e.to_string().contains(name), "{name}: {e}");
            assert!(e.english().contains(name), "{name}: {}", e.english());
        }
    }

    #[test]
    fn text_keeps_its_bytes_and_records_the_encoding() {
        let ok = ingest("a.txt", "一、总体情况\r\n正文。".as_bytes()).expect("utf-8 text");
        assert_eq!(ok.text, "一、总体情况\r\n正文。");
        assert_eq!(ok.source.format, Format::Text);
        assert_eq!(ok.source.encoding, "UTF-8");
    }

    #[test]
    fn html_is_recognised_by_content_without_an_extension() {
        let ok = ingest(
            "page",
            b"<!DOCTYPE html><html><body><p>a</p><p>b</p></body></html>",
        )
        .expect("html");
        assert_eq!(ok.source.format, Format::Html);
        assert_eq!(ok.text, "a\nb");
    }
}
