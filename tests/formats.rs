//! Word 97 / WPS binary drafts (.doc, .wps) and OFD files (.ofd), written from the corpus
//! reports by the test writers of `support/`, must read as the reports' text does; and the
//! particular things each reader handles (tables, fields, headers, templates, annotations,
//! characters in any order) are pinned here one by one.

use baogao_core::ingest;
use baogao_core::ingest::{Format, IngestErrorKind};
use baogao_tests::{
    analyze_json, assert_matches_gold, assert_same_analysis, compound_file, corpus, doc, ofd,
    ofd_entries, ofd_zip, word97, OfdLayout, Word97,
};
use proptest::prelude::*;

#[test]
fn corpus_reports_read_the_same_from_doc_wps_and_ofd() {
    for (name, text, gold) in corpus() {
        let txt = analyze_json("formats-txt", &name, text.as_bytes());
        let unicode = doc(&text, Word97::default());
        let compressed = doc(
            &text,
            Word97 {
                compress_ascii: true,
                ..Word97::default()
            },
        );
        let variants: [(&str, Vec<u8>, &str); 5] = [
            (".doc", unicode.clone(), "doc"),
            (".doc", compressed, "doc"),
            (".wps", unicode, "doc"),
            (".ofd", ofd(&text, OfdLayout::PerLine), "ofd"),
            (".ofd", ofd(&text, OfdLayout::PerCharacter), "ofd"),
        ];
        for (i, (extension, bytes, format)) in variants.into_iter().enumerate() {
            let file = name.replace(".txt", extension);
            let label = format!("{file} (variant {i})");
            let got = analyze_json("formats", &file, &bytes);
            assert_eq!(got["source"]["format"], format, "{label}");
            assert_matches_gold(&label, &got, &gold);
            assert_same_analysis(&label, &got, &txt);
        }
    }
}

fn read(name: &str, bytes: &[u8]) -> (Format, String) {
    match ingest(name, bytes) {
        Ok(ok) => (ok.source.format, ok.text),
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn a_doc_keeps_tables_as_rows_and_field_results_and_drops_headers() {
    let main = "一、总体情况\r\
                \u{13} HYPERLINK \"http://www.gov.cn\" \u{14}中国政府网\u{15}发布了通知\u{1}。\r\
                指标\u{7}2023年\u{7}2024年\u{7}\u{7}\
                案件数\u{7}120\u{7}135\u{7}\u{7}\
                第\u{13} PAGE \u{14}3\u{15}页\u{0B}换行\r";
    let expected =
        "一、总体情况\n中国政府网发布了通知。\n指标\t2023年\t2024年\n案件数\t120\t135\n第3页\n换行";
    for compress_ascii in [false, true] {
        let bytes = word97(
            main,
            Word97 {
                compress_ascii,
                ..Word97::default()
            },
        );
        let ok = ingest("表格.doc", &bytes).expect("read");
        assert_eq!(ok.text, expected, "compressed ASCII: {compress_ascii}");
        assert_eq!(ok.source.format, Format::Doc);
        assert!(!ok.text.contains("页眉"), "the header story is left out");
    }
    let ok = ingest(
        "表格.doc",
        &word97(
            main,
            Word97 {
                compress_ascii: true,
                ..Word97::default()
            },
        ),
    )
    .expect("read");
    assert_eq!(ok.source.encoding, "UTF-16LE");
    let ok = ingest(
        "英文.doc",
        &word97(
            "Annual report\r",
            Word97 {
                compress_ascii: true,
                ..Word97::default()
            },
        ),
    )
    .expect("read");
    assert_eq!(
        (ok.text.as_str(), ok.source.encoding.as_str()),
        ("Annual report", "windows-1252")
    );
}

#[test]
fn a_wps_or_a_doc_without_its_extension_is_read_by_content() {
    let bytes = doc(
        "一、总体情况\n全年办理行政许可事项1.2万件。",
        Word97::default(),
    );
    for name in ["报告.wps", "报告.WPS", "报告", "报告.txt"] {
        assert_eq!(
            read(name, &bytes),
            (
                Format::Doc,
                "一、总体情况\n全年办理行政许可事项1.2万件。".to_owned()
            ),
            "{name}"
        );
    }
}

#[test]
fn an_encrypted_doc_says_so_in_both_languages() {
    let bytes = word97(
        "机密\r",
        Word97 {
            encrypted: true,
            ..Word97::default()
        },
    );
    let e = ingest("加密.doc", &bytes).expect_err("refused");
    assert_eq!(e.kind, IngestErrorKind::Encrypted);
    assert_eq!(
        e.to_string(),
        "文件“加密.doc”设有打开密码（已加密），无法读取。请在 Word 或 WPS 中取消密码后另存，再试一次。"
    );
    assert!(
        e.english()
            .starts_with("“加密.doc” is protected by a password"),
        "{}",
        e.english()
    );
}

#[test]
fn a_compound_file_without_a_word_document_is_not_a_draft() {
    let bytes = compound_file(&[("Workbook", &[0u8; 100][..])]);
    let e = ingest("表格.xls", &bytes).expect_err("refused");
    assert_eq!(e.kind, IngestErrorKind::LegacyOffice);
    assert!(e.to_string().contains("不含 Word/WPS 文字文档"), "{e}");
    let e = ingest("报告.doc", &bytes).expect_err("refused");
    assert!(matches!(e.kind, IngestErrorKind::CorruptDoc(_)), "{e}");
    assert!(e.to_string().contains("没有 WordDocument 流"), "{e}");
}

#[test]
fn an_ofd_leaves_out_templates_annotations_and_drawings() {
    let (format, text) = read(
        "报告.ofd",
        &ofd("一、总体情况\n全年办理事项1.2万件。", OfdLayout::PerLine),
    );
    assert_eq!(format, Format::Ofd);
    assert_eq!(text, "一、总体情况\n全年办理事项1.2万件。");
    for layout in [OfdLayout::PerLine, OfdLayout::PerCharacter] {
        let (_, text) = read("报告.ofd", &ofd("甲\n乙", layout));
        assert!(!text.contains("模板") && !text.contains("批注"), "{text}");
    }
}

#[test]
fn ofd_text_codes_step_by_delta_x_and_its_g_shorthand() {
    let page = "<ofd:TextObject ID=\"5\" Boundary=\"20 20 170 10\" Size=\"5\">\
                <ofd:TextCode X=\"0\" Y=\"5\" DeltaX=\"g 2 5 30 5\">甲乙丙丁戊</ofd:TextCode>\
                </ofd:TextObject>";
    let (_, text) = read("排版.ofd", &ofd_zip(&ofd_entries(&[page.to_owned()])));
    // 丙 to 丁 is a 30 mm step: a gap, read as a space.
    assert_eq!(text, "甲乙丙 丁戊");
    // Steps down the page: one character a line, each reaching the (one-character) margin,
    // so the column reads as one paragraph.
    let page = "<ofd:TextObject ID=\"6\" Boundary=\"20 40 170 10\" Size=\"5\">\
                <ofd:TextCode X=\"0\" Y=\"5\" DeltaY=\"g 2 7\">竖排文</ofd:TextCode></ofd:TextObject>";
    let (_, text) = read("竖排.ofd", &ofd_zip(&ofd_entries(&[page.to_owned()])));
    assert_eq!(text, "竖排文");
}

#[test]
fn an_ofd_of_drawings_only_needs_text_recognition() {
    let page = "<ofd:ImageObject ID=\"5\" Boundary=\"0 0 210 297\" ResourceID=\"9\"/>";
    let e = ingest("扫描.ofd", &ofd_zip(&ofd_entries(&[page.to_owned()]))).expect_err("refused");
    assert_eq!(e.kind, IngestErrorKind::NoTextLayer);
    assert_eq!(
        e.to_string(),
        "文件“扫描.ofd”的页面上没有文字层（可能是扫描件），需要文字识别（OCR）后才能分析。"
    );
    assert!(e.english().contains("OCR"));
}

#[test]
fn the_cli_reads_doc_wps_and_ofd() {
    let text = "临江市人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n\
                全年办理行政许可事项1.2万件，平均办理时限压缩至3.2个工作日，\
                市级政务服务事项网上可办率达到98.6%，惠及市场主体1.2万余户。";
    for (name, bytes, format) in [
        ("报告.doc", doc(text, Word97::default()), "doc"),
        ("报告.wps", doc(text, Word97::default()), "doc"),
        ("报告.ofd", ofd(text, OfdLayout::PerLine), "ofd"),
    ] {
        let v = analyze_json("cli-formats", name, &bytes);
        assert_eq!(v["source"]["format"], format, "{name}");
        assert_eq!(v["sections"][0]["heading"], "一、主要成效", "{name}");
    }
}

/// Lines of report-like text (CJK, digits, Latin letters, full-width punctuation), one of them
/// a paragraph long enough to wrap: as in any real report, that shows the reader where the
/// margins are (with only short lines, "indented" and "not indented" cannot be told apart).
fn report_lines() -> impl Strategy<Value = Vec<String>> {
    (
        prop::collection::vec("[一-龥a-zA-Z0-9，。、（）%：]{1,90}", 0..8),
        "[一-龥0-9，。]{60,120}",
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut lines, long, at)| {
            let i = at.index(lines.len() + 1);
            lines.insert(i, long);
            lines
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn doc_text_round_trips(lines in prop::collection::vec("[^\\p{Cc}]{0,60}", 1..8), compress_ascii: bool) {
        let main: String = lines.iter().map(|l| format!("{l}\r")).collect();
        let bytes = word97(&main, Word97 { compress_ascii, ..Word97::default() });
        let expected = lines.join("\n").trim_end().to_owned();
        match ingest("往返.doc", &bytes) {
            Ok(ok) => prop_assert_eq!(ok.text, expected),
            Err(e) => prop_assert!(expected.trim().is_empty(), "{}", e),
        }
    }

    #[test]
    fn ofd_text_round_trips(lines in report_lines(), blank: bool, per_char: bool) {
        let text = lines.join(if blank { "\n\n" } else { "\n" });
        let layout = if per_char { OfdLayout::PerCharacter } else { OfdLayout::PerLine };
        let (format, read) = read("往返.ofd", &ofd(&text, layout));
        prop_assert_eq!(format, Format::Ofd);
        // The lines come back in order and whole. Blank lines between them are a reading of the
        // spacing, which a page of a few short lines does not show reliably: the corpus fixtures
        // hold paragraphs and blank lines on whole reports.
        let lines = |t: &str| t.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect::<Vec<_>>();
        prop_assert_eq!(lines(&read), lines(&text));
    }

    #[test]
    fn damaged_doc_bytes_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40)) {
        let mut bytes = doc("一、总体情况\n全年办理行政许可事项1.2万件，办结率100%。", Word97::default());
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        check(&["损坏.doc", "损坏.wps"], &bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_compound_file_signature_never_panic(tail in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut bytes = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
        bytes.extend_from_slice(&tail);
        check(&["乱码.doc"], &bytes);
    }

    #[test]
    fn damaged_ofd_bytes_never_panic(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40)) {
        let mut bytes = ofd("一、总体情况\n全年办理行政许可事项1.2万件。", OfdLayout::PerLine);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        check(&["损坏.ofd"], &bytes);
    }

    #[test]
    fn arbitrary_page_content_never_panics(page in "(<ofd:TextObject( Boundary=\"[0-9 .-]{0,12}\")?( Size=\"[0-9.-]{0,4}\")?>|<ofd:TextCode( X=\"[0-9.e-]{0,5}\")?( Y=\"[0-9.-]{0,4}\")?( DeltaX=\"[g0-9 .-]{0,12}\")?>|[一-龥a-z ]{0,6}|</ofd:TextCode>|</ofd:TextObject>|&#[0-9]{1,7};|<ofd:PageBlock>|</ofd:PageBlock>){0,30}") {
        let bytes = ofd_zip(&ofd_entries(&[page]));
        check(&["随机.ofd"], &bytes);
    }
}

/// Reading never panics, and a refusal names the file in both languages.
fn check(names: &[&str], bytes: &[u8]) {
    for name in names {
        match ingest(name, bytes) {
            Ok(ok) => assert!(!ok.text.trim().is_empty()),
            Err(e) => {
                assert!(e.to_string().contains(name), "{e}");
                assert!(e.english().contains(name), "{}", e.english());
            }
        }
    }
}
