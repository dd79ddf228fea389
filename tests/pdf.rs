//! PDFs written from the corpus reports by `support/pdf.rs` — each predefined Adobe-GB1 CMap
//! without ToUnicode, Identity-H with ToUnicode, two columns, running headers and page numbers
//! — must analyse as the reports' text does; scans, encryption and damage are refused with a
//! message that says so.

use baogao_core::ingest::{Format, IngestErrorKind};
use baogao_pdf::{ingest_pdf, read_pdf};
use baogao_tests::{
    analyze_json, assert_matches_gold, assert_same_analysis, corpus, pdf, pdf_file, pdf_image_only,
    PdfFont, PdfLayout, RUNNING_HEADER,
};
use proptest::prelude::*;

const FONTS: [PdfFont; 4] = [
    PdfFont::GbkEucH,
    PdfFont::UniGbUcs2H,
    PdfFont::UniGbUtf16H,
    PdfFont::IdentityToUnicode,
];

/// The fixture kinds every corpus report is written in.
fn fixture_kinds() -> Vec<(String, PdfLayout)> {
    let mut out: Vec<(String, PdfLayout)> = FONTS
        .iter()
        .map(|f| (format!("{f:?}"), PdfLayout::of(*f)))
        .collect();
    out.push((
        "two columns".into(),
        PdfLayout {
            two_columns: true,
            ..PdfLayout::of(PdfFont::GbkEucH)
        },
    ));
    out.push((
        "running header and page numbers, compressed".into(),
        PdfLayout {
            running: true,
            compress: true,
            ..PdfLayout::of(PdfFont::IdentityToUnicode)
        },
    ));
    out
}

#[test]
fn corpus_reports_read_the_same_from_pdf() {
    let mut checked = 0;
    for (name, text, gold) in corpus() {
        let txt = analyze_json("pdf-txt", &name, text.as_bytes());
        for (kind, layout) in fixture_kinds() {
            let file = name.replace(".txt", ".pdf");
            let label = format!("{file} ({kind})");
            let got = analyze_json("pdf", &file, &pdf(&text, layout));
            assert_eq!(got["source"]["format"], "pdf", "{label}");
            assert_matches_gold(&label, &got, &gold);
            assert_same_analysis(&label, &got, &txt);
            checked += 1;
        }
    }
    eprintln!("{checked} PDF fixtures compared with their text");
}

#[test]
fn every_font_kind_gives_back_the_text() {
    let text = "一、总体情况\n全年办理行政许可事项1.2万件，办结率100%，较2023年增长3.5个百分点（见附表）。\n\n二、存在问题";
    for font in FONTS {
        for compress in [false, true] {
            let layout = PdfLayout {
                compress,
                ..PdfLayout::of(font)
            };
            assert_eq!(
                read_pdf("报告.pdf", &pdf(text, layout)).as_deref(),
                Ok(text),
                "{font:?}"
            );
        }
    }
}

#[test]
fn running_headers_and_page_numbers_are_left_out() {
    let text = (1..=60)
        .map(|i| {
            format!("第{i}段：依法行政工作稳步推进，行政执法“三项制度”全面落实，复议纠错率为{i}%。")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let layout = PdfLayout {
        running: true,
        ..PdfLayout::of(PdfFont::UniGbUcs2H)
    };
    let read = read_pdf("页眉.pdf", &pdf(&text, layout)).expect("read");
    assert!(!read.contains(RUNNING_HEADER), "{read}");
    assert!(!read.contains("- 2 -"), "{read}");
    assert_eq!(read, text);
}

#[test]
fn two_columns_are_read_column_by_column() {
    let text = (1..=70)
        .map(|i| format!("第{i}项：推进政务公开标准化规范化建设，持续提升群众满意度和获得感。"))
        .collect::<Vec<_>>()
        .join("\n");
    let layout = PdfLayout {
        two_columns: true,
        ..PdfLayout::of(PdfFont::IdentityToUnicode)
    };
    assert_eq!(
        read_pdf("双栏.pdf", &pdf(&text, layout)).as_deref(),
        Ok(text.as_str())
    );
}

#[test]
fn a_scanned_pdf_needs_text_recognition() {
    let e = read_pdf("扫描件.pdf", &pdf_image_only(3)).expect_err("refused");
    assert_eq!(e.kind, IngestErrorKind::NoTextLayer);
    assert_eq!(
        e.to_string(),
        "文件“扫描件.pdf”的页面上没有文字层（可能是扫描件），需要文字识别（OCR）后才能分析。"
    );
    assert!(e.english().contains("OCR"));
    // Through the CLI the same message reaches standard error.
    let path = baogao_tests::temp_file("pdf-scan", "扫描件.pdf", &pdf_image_only(1));
    let (status, _, err) = baogao_tests::cli(&["analyze", &path.to_string_lossy()], b"");
    assert_eq!(status, baogao_cli::EXIT_UNREADABLE);
    assert!(err.contains("需要文字识别"), "{err}");
}

#[test]
fn an_encrypted_pdf_says_so() {
    let mut bytes = pdf("机密", PdfLayout::of(PdfFont::GbkEucH));
    let at = bytes
        .windows(6)
        .rposition(|w| w == b"/Root ")
        .expect("trailer");
    bytes.splice(
        at..at,
        b"/Encrypt << /Filter /Standard /V 2 /R 3 >> "
            .iter()
            .copied(),
    );
    let e = read_pdf("加密.pdf", &bytes).expect_err("refused");
    assert_eq!(e.kind, IngestErrorKind::EncryptedPdf);
    assert!(e.to_string().contains("加密的 PDF"), "{e}");
    assert!(e.english().contains("encrypted PDF"), "{}", e.english());
}

#[test]
fn identity_h_without_to_unicode_is_refused_with_a_reason() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        baogao_tests::stream("", b"BT /F1 12 Tf 100 700 Td <0C1A0D2F> Tj ET", false),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>".to_vec(),
    ];
    let e = read_pdf("无映射.pdf", &pdf_file(&objects, "")).expect_err("refused");
    assert!(matches!(e.kind, IngestErrorKind::CorruptPdf(_)), "{e}");
    assert!(e.to_string().contains("ToUnicode"), "{e}");
}

#[test]
fn a_simple_font_pdf_with_a_broken_xref_is_still_read() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        baogao_tests::stream("", b"BT /F1 12 Tf 72 700 Td (Annual report \\(2024\\)) Tj 20 -14 Td [(Caf) 20 (\\351)] TJ ET", false),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let good = pdf_file(&objects, "");
    assert_eq!(
        read_pdf("英文.pdf", &good).as_deref(),
        Ok("Annual report (2024)\nCafé")
    );
    // Offsets shifted by junk: the objects are found by scanning.
    let mut shifted = good[..15].to_vec();
    shifted.extend_from_slice(b"% some junk that moves every object\n");
    shifted.extend_from_slice(&good[15..]);
    assert_eq!(
        read_pdf("英文.pdf", &shifted).as_deref(),
        Ok("Annual report (2024)\nCafé")
    );
}

#[test]
fn the_cli_reads_a_pdf_and_core_alone_still_refuses_it() {
    let text = "临江市人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n\
                全年办理行政许可事项1.2万件，平均办理时限压缩至3.2个工作日。";
    let bytes = pdf(text, PdfLayout::of(PdfFont::GbkEucH));
    let v = analyze_json("cli-pdf", "报告.pdf", &bytes);
    assert_eq!(v["source"]["format"], "pdf");
    assert_eq!(v["sections"][0]["heading"], "一、主要成效");
    let e = baogao_core::ingest("报告.pdf", &bytes).expect_err("core refuses PDFs");
    assert_eq!(e.kind, IngestErrorKind::Pdf);
    let ok = ingest_pdf("报告.pdf", &bytes).expect("read");
    assert_eq!(ok.source.format, Format::Pdf);
}

/// Lines of report-like text, one long enough to wrap (so the margins can be seen).
fn report_lines() -> impl Strategy<Value = Vec<String>> {
    (
        prop::collection::vec("[一-龥a-zA-Z0-9，。、（）%：]{1,60}", 0..8),
        "[一-龥0-9，。]{60,120}",
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut lines, long, at)| {
            // A line of digits alone is what a page number looks like: the reader drops it by
            // design, so the text to round-trip has none.
            lines.retain(|l| !l.chars().all(|c| c.is_ascii_digit()));
            let i = at.index(lines.len() + 1);
            lines.insert(i, long);
            lines
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn pdf_text_round_trips(lines in report_lines(), blank: bool, font in 0usize..4, compress: bool) {
        let text = lines.join(if blank { "\n\n" } else { "\n" });
        let layout = PdfLayout { compress, ..PdfLayout::of(FONTS[font]) };
        let read = read_pdf("往返.pdf", &pdf(&text, layout));
        // The lines come back in order and whole. Blank lines between them are a reading of the
        // spacing, which a page of a few short lines does not show reliably: the corpus fixtures
        // hold paragraphs and blank lines on whole reports.
        let lines = |t: &str| t.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>();
        prop_assert_eq!(read.as_deref().map(lines), Ok(lines(&text)));
    }

    #[test]
    fn arbitrary_bytes_after_a_pdf_header_never_panic(tail in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend_from_slice(&tail);
        check("乱码.pdf", &bytes);
    }

    #[test]
    fn damaged_pdf_bytes_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40), compress: bool) {
        let layout = PdfLayout { compress, running: true, ..PdfLayout::of(PdfFont::IdentityToUnicode) };
        let mut bytes = pdf("一、总体情况\n全年办理行政许可事项1.2万件，办结率100%。", layout);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        check("损坏.pdf", &bytes);
    }

    #[test]
    fn arbitrary_content_streams_never_panic(content in "(BT|ET|q|Q|/F1 [0-9]{1,3} Tf|[0-9. -]{1,12} (Td|TD|cm|Tm|Tc|Tw|Tz|TL)|<[0-9A-F]{0,12}> Tj|\\[(<[0-9A-F]{0,8}>|-?[0-9]{1,4}| )*\\] TJ|T\\*|/Im1 Do|BI /W 1 ID x EI|\\(\\) '|[()\\[\\]<>{}/]| ){0,40}") {
        let objects = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 4 0 R >> >> /Contents 4 0 R >>".to_vec(),
            baogao_tests::stream("/Subtype /Form", content.as_bytes(), false),
            b"<< /Type /Font /Subtype /Type0 /Encoding /UniGB-UTF16-H /DescendantFonts [<< /W [1 [500]] >>] >>".to_vec(),
        ];
        check("随机.pdf", &pdf_file(&objects, ""));
    }
}

/// Reading never panics, and a refusal names the file in both languages.
fn check(name: &str, bytes: &[u8]) {
    match read_pdf(name, bytes) {
        Ok(text) => assert!(!text.trim().is_empty()),
        Err(e) => {
            assert!(e.to_string().contains(name), "{e}");
            assert!(e.english().contains(name), "{}", e.english());
        }
    }
}

/// A one-page PDF whose content is the stream object `content_stream`, with a simple font `/F1`.
fn one_page(content_stream: Vec<u8>) -> Vec<u8> {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content_stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    pdf_file(&objects, "")
}

#[test]
fn a_deflate_bomb_is_refused_quickly() {
    let started = std::time::Instant::now();
    let spaces = vec![b' '; 100 * 1024 * 1024];
    let bytes = one_page(baogao_tests::stream("", &spaces, true));
    drop(spaces);
    assert!(
        bytes.len() < 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    let e = read_pdf("炸弹.pdf", &bytes).expect_err("refused");
    assert!(
        matches!(e.kind, IngestErrorKind::DocxTooLarge { .. }),
        "{e}"
    );
    assert!(e.to_string().contains("压缩炸弹"), "{e}");
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn an_object_stream_that_holds_itself_ends() {
    // Objects 1–3 at offsets; 4 an object stream said to be inside itself, and the page's
    // content (7) inside 4; 5 the cross-reference stream.
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let bodies: [&[u8]; 3] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
    ];
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let inner = b"7 0 4 10 (x) Tj      4 0 R";
    out.extend_from_slice(
        format!(
            "4 0 obj\n<< /Type /ObjStm /N 2 /First 9 /Length {} /Extends 4 0 R >>\nstream\n",
            inner.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(inner);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref_at = out.len();
    let mut rows = Vec::new();
    let mut row = |kind: u8, a: u32, b: u16| {
        rows.push(kind);
        rows.extend_from_slice(&a.to_be_bytes());
        rows.extend_from_slice(&b.to_be_bytes());
    };
    row(0, 0, 0);
    for o in &offsets {
        row(1, u32::try_from(*o).expect("small"), 0);
    }
    row(2, 4, 1); // 4 is in 4
    row(1, u32::try_from(xref_at).expect("small"), 0);
    row(0, 0, 0);
    row(2, 4, 0); // 7 is in 4
    out.extend_from_slice(
        format!(
            "5 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
            rows.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&rows);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    let started = std::time::Instant::now();
    let result = read_pdf("自指.pdf", &out);
    assert!(result.is_err(), "{result:?}");
    assert!(started.elapsed().as_secs() < 10);
    // A chain of references that loops back on itself resolves to nothing.
    let looping = pdf_file(
        &[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /Kids [2 0 R] /Contents 4 0 R >>".to_vec(),
            b"5 0 R".to_vec(),
            b"4 0 R".to_vec(),
        ],
        "",
    );
    assert!(read_pdf("循环.pdf", &looping).is_err());
}

#[test]
fn millions_of_tiny_text_objects_are_refused_in_bounded_time() {
    let started = std::time::Instant::now();
    let mut content = b"/F1 1 Tf ".to_vec();
    for _ in 0..3_000_000 {
        content.extend_from_slice(b"BT(a)Tj ET ");
    }
    let bytes = one_page(baogao_tests::stream("", &content, true));
    drop(content);
    let e = read_pdf("碎片.pdf", &bytes).expect_err("refused");
    assert!(matches!(e.kind, IngestErrorKind::TooMuchText { .. }), "{e}");
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}
