//! Where the analysed text came from: the `source` object.

use serde::{Deserialize, Serialize};

/// What kind of file the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (a `.txt` file, or text pasted by the user).
    Text,
    /// A web page saved from a portal.
    Html,
    /// A Word or WPS draft in Office Open XML.
    Docx,
    /// A Word 97–2003 (`.doc`) or WPS (`.wps`) draft: both are the Word binary format in an
    /// OLE compound file, so one format covers both; the file name tells them apart.
    Doc,
    /// An OFD fixed-layout document (GB/T 33190), read from its pages' text.
    Ofd,
    /// A PDF, read from its text layer by the separate `baogao-pdf` crate (core refuses PDFs
    /// with the ingest error of kind `Pdf`; a host that has the PDF reader tries it on that kind).
    Pdf,
}

/// Where the analysed text came from: the `source` object of the JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file name as given (or `"粘贴文本"` for pasted text).
    pub name: String,
    pub format: Format,
    /// The encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, …).
    pub encoding: String,
}
