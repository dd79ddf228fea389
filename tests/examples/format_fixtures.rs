//! Writes the built-in sample report in every binary format Baogao reads, for the browser tests:
//! `cargo run -p baogao-tests --example format_fixtures -- DIR` writes `DIR/sample.doc`,
//! `DIR/sample.wps` (the same bytes under WPS's name), `DIR/sample.ofd` (one TextCode per
//! line), `DIR/sample.pdf` (GBK-EUC-H, no ToUnicode, running header and page numbers, compressed),
//! `DIR/scanned.pdf` (pages of images only), made by the test suite's own writers, and
//! `DIR/sample-gbk.txt` (the text in GBK, as Windows tools save it; the browser decodes it).

use std::path::PathBuf;

use baogao_tests::{doc, ofd, pdf, pdf_image_only, OfdLayout, PdfFont, PdfLayout, Word97};

const SAMPLE: &str = include_str!("../../web/sample-report.txt");

fn main() -> Result<(), String> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: format_fixtures DIR")?,
    );
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let word = doc(SAMPLE, Word97::default());
    let files = [
        ("sample.doc", word.clone()),
        ("sample.wps", word),
        ("sample.ofd", ofd(SAMPLE, OfdLayout::PerLine)),
        ("sample.pdf", pdf(SAMPLE, pdf_layout())),
        ("scanned.pdf", pdf_image_only(2)),
        (
            "sample-gbk.txt",
            encoding_rs::GBK.encode(SAMPLE).0.into_owned(),
        ),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A PDF as a typical portal attachment is made: Adobe-GB1 text without ToUnicode, compressed
/// content, a running header and page numbers to be left out.
fn pdf_layout() -> PdfLayout {
    PdfLayout {
        running: true,
        compress: true,
        ..PdfLayout::of(PdfFont::GbkEucH)
    }
}
