//! Hostile inputs: each ends with a clear result (an analysis with the expected content, or the
//! specific refusal in Chinese) within bounded time and memory.

use baogao_core::ingest::{Format, IngestErrorKind};
use baogao_core::numerals::to_chinese;
use baogao_core::{analyze, analyze_bytes, ingest, Analysis, Options};
use baogao_tests::{
    assert_spans_valid, cli, doc, docx, gb18030, ofd_bomb, ofd_entries, ofd_zip, stream_location,
    temp_file, utf16be_with_bom, utf16le_with_bom, word97, zip_bomb, Word97, SECTOR,
};
use serde_json::Value;

const MB: usize = 1024 * 1024;

const HEAD: &str = "临江市人民政府关于\n临江市2024年度法治政府建设情况的报告\n\n市人大常委会：\n\n\
2024年，临江市坚持以习近平法治思想为指导，统筹推进依法行政各项工作。现将有关情况报告如下。\n";

/// One report body: four numbered parts, five subsections, five `N是` items, rates and sums.
const BODY: &str = "一、2024年法治政府建设主要举措和成效\n\
（一）依法全面履行政府职能。深化“放管服”改革，市级政务服务事项网上可办率达到98.6%，平均办理时限压缩至3.2个工作日。\
一是精简审批事项，取消证明事项46项；二是推行告知承诺制，惠及市场主体1.2万余户；三是优化营商环境，新增市场主体8560户，同比增长12.4%。\n\
（二）完善依法行政制度体系。审查行政规范性文件58件，备案率为100%。共清理文件312件，其中保留248件、修改41件、废止23件。\n\
（三）依法有效化解社会矛盾纠纷。审结行政复议案件219件，其中纠错51件，纠错率为23.29%。\n\
二、党政主要负责人履行推进法治建设第一责任人职责情况\n\
市政府主要负责同志专题研究法治政府建设工作4次，组织领导干部法治专题培训3期。\n\
三、存在的不足和原因\n\
一是部分领导干部运用法治思维的能力还有待提高；二是基层综合行政执法力量相对薄弱。\n\
四、2025年工作安排\n\
（一）深入学习贯彻习近平法治思想。持续开展会前学法。\n\
（二）全面提升行政执法质效。力争行政机关负责人出庭应诉率保持在95%以上。\n";

const TAIL: &str = "\n临江市人民政府\n2025年3月20日\n";

fn report(copies: usize) -> String {
    format!("{HEAD}{}{TAIL}", BODY.repeat(copies))
}

fn enumeration_count(a: &Analysis) -> usize {
    a.all_sections().iter().map(|s| s.enumerations.len()).sum()
}

fn headings_of(a: &Analysis) -> Vec<&str> {
    a.all_sections()
        .iter()
        .map(|s| s.heading.as_str())
        .collect()
}

/// The analysis of `bytes` read as the file `name`; panics with the refusal otherwise.
fn analysed(name: &str, bytes: &[u8]) -> (String, Analysis) {
    let (text, analysis) = analyze_bytes(name, bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{name} should be analysed, was refused: {e}"));
    assert_spans_valid(&text, &analysis);
    (text, analysis)
}

/// The refusal of `bytes` read as the file `name`; panics with the format read otherwise.
fn refused(name: &str, bytes: &[u8]) -> baogao_core::IngestError {
    match ingest(name, bytes) {
        Err(e) => {
            assert_eq!(e.name, name);
            e
        }
        Ok(ok) => panic!("{name} should be refused, was read as {:?}", ok.source),
    }
}

fn cli_on(test: &str, name: &str, bytes: &[u8]) -> (u8, String, String) {
    let path = temp_file(test, name, bytes);
    cli(
        &["analyze", "--format", "json", &path.to_string_lossy()],
        b"",
    )
}

#[test]
fn a_10_mb_report_is_analysed_whole() {
    let one = analyze(&report(1), &Options::default());
    assert_eq!(one.sections.len(), 4);
    assert_eq!(one.all_sections().len(), 9);
    assert_eq!(enumeration_count(&one), 5);
    assert!(one.quantities.iter().any(|q| q.text == "23.29%"));
    assert_eq!(one.relations.len(), 2, "a rate and a sum");

    let copies = (10 * MB).div_ceil(BODY.len());
    let bytes = report(copies).into_bytes();
    assert!(bytes.len() >= 10 * MB);
    let (text, big) = analysed("十兆.txt", &bytes);
    assert_eq!(text.as_bytes(), bytes, "the text is the file, unchanged");

    // Every copy is found: nothing is truncated, merged or skipped.
    assert_eq!(big.sections.len(), 4 * copies);
    assert_eq!(big.all_sections().len(), 9 * copies);
    assert_eq!(enumeration_count(&big), 5 * copies);
    assert_eq!(big.quantities.len(), one.quantities.len() * copies);
    assert_eq!(
        big.quantities.iter().filter(|q| q.text == "23.29%").count(),
        copies
    );
    assert_eq!(big.relations.len(), 2 * copies);
    assert!(big.relations.iter().all(|r| r.consistent));
    assert_eq!(big.metadata.title, one.metadata.title);
    assert_eq!(big.metadata.signed_date, one.metadata.signed_date);
    assert_eq!(big.parts.first_responsible, one.parts.first_responsible);
    assert_eq!(big.parts.problems, ["三、存在的不足和原因"]);
    let last = big.sections.last().expect("sections");
    assert_eq!(
        last.span.text(&text),
        Some(
            "四、2025年工作安排\n（一）深入学习贯彻习近平法治思想。持续开展会前学法。\n\
             （二）全面提升行政执法质效。力争行政机关负责人出庭应诉率保持在95%以上。"
        ),
        "the last section ends before the signature"
    );
    let json = serde_json::to_string(&big).expect("serialises");
    assert!(
        json.len() > bytes.len(),
        "the JSON holds the whole analysis"
    );
}

#[test]
fn a_1_mb_line_without_a_newline() {
    // Wide and astral characters throughout, so that a span cut by bytes would split one.
    let sentence = "全年办理行政许可事项1.2万件，办结率100%，同比增长12.4%，𠀀😀字号〔2024〕3号；";
    let one = analyze(sentence, &Options::default());
    let per_sentence = one.quantities.len();
    assert_eq!(per_sentence, 3, "{:?}", one.quantities);
    let copies = MB.div_ceil(sentence.len());
    let line = sentence.repeat(copies);
    assert!(line.len() >= MB && !line.contains('\n'));

    let (text, a) = analysed("一行.txt", line.as_bytes());
    assert_eq!(text, line);
    assert_eq!(a.sections.len(), 1, "no heading: the text is one section");
    let section = &a.sections[0];
    assert_eq!(section.number, None);
    assert_eq!(section.span.text(&text), Some(line.as_str()));
    assert_eq!(a.quantities.len(), per_sentence * copies);
    assert_eq!(
        a.quantities.iter().filter(|q| q.text == "12.4%").count(),
        copies
    );

    // The same line opened by a heading: the heading runs to the first full stop of its line.
    let headed = format!("一、总体情况。{line}");
    let (_, a) = analysed("一行标题.txt", headed.as_bytes());
    assert_eq!(headings_of(&a), ["一、总体情况。"]);
    assert_eq!(a.sections[0].span.len(), headed.len());
}

#[test]
fn ten_thousand_headings() {
    let mut text =
        String::from("临江市人民政府关于2024年度法治政府建设情况的报告\n市人大常委会：\n");
    for i in 0..10_000u32 {
        let n = i % 99 + 1;
        text.push_str(&format!("{}、第{}项工作\n正文。\n", to_chinese(n), i + 1));
    }
    let (_, a) = analysed("一万个标题.txt", text.as_bytes());
    assert_eq!(a.sections.len(), 10_000);
    assert_eq!(
        a.all_sections().len(),
        10_000,
        "all on level 1, no children"
    );
    assert_eq!(a.sections[0].heading, "一、第1项工作");
    assert_eq!(a.sections[98].heading, "九十九、第99项工作");
    assert_eq!(a.sections[99].heading, "一、第100项工作");
    assert_eq!(a.sections[9_999].heading, "一、第10000项工作");
    assert!(a.sections.iter().all(|s| s.level == 1));

    // `1.` to `10000.` under one part: heading numbers run from 1 to 99, so `100.` and on are
    // body lines of the 99th heading.
    let mut text = String::from("一、主要举措\n");
    for i in 1..=10_000 {
        text.push_str(&format!("{i}.第{i}项举措\n"));
    }
    let (_, a) = analysed("一万个编号.txt", text.as_bytes());
    assert_eq!(a.sections.len(), 1);
    let items = &a.sections[0].children;
    assert_eq!(items.len(), 99);
    assert!(items.iter().all(|s| s.level == 3 && s.children.is_empty()));
    assert_eq!(items[98].heading, "99.第99项举措");
    assert!(items[98]
        .span
        .text(&text)
        .is_some_and(|s| s.ends_with("10000.第10000项举措")));
}

#[test]
fn thousands_of_enumerations_in_one_paragraph() {
    const ITEMS: [&str; 4] = [
        "加强法治学习",
        "规范行政执法",
        "强化权力监督",
        "优化政务服务",
    ];
    let mut paragraph = String::new();
    for round in 0..50 {
        for n in 1..=99u32 {
            let item = ITEMS[(round + n as usize) % ITEMS.len()];
            let mark = if n == 99 { '。' } else { '；' };
            paragraph.push_str(&format!("{}是{item}{mark}", to_chinese(n)));
        }
    }
    let text = format!("一、主要举措\n{paragraph}\n二、下一步安排\n继续推进。\n");
    let (_, a) = analysed("分项.txt", text.as_bytes());
    assert_eq!(a.sections.len(), 2);
    let found = &a.sections[0].enumerations;
    assert_eq!(found.len(), 50 * 99);
    let numbers: Vec<u32> = found.iter().map(|e| e.number).collect();
    let expected: Vec<u32> = (0..50).flat_map(|_| 1..=99).collect();
    assert_eq!(numbers, expected);
    assert_eq!(found[98].marker, "九十九是");
    assert!(
        a.findings.iter().all(|f| f.code != "S003"),
        "each run counts up from 一是 without a gap"
    );
}

#[test]
fn thousands_of_change_rates_no_previous_value_gives() {
    // For each, A004 looks for a whole previous-year count giving the stated change; trying
    // every candidate up to 20 × 99999 took seconds per sentence before.
    let sentence = "受理99999件，同比增长12.34567%。";
    let text = format!("一、主要成效\n{}\n", sentence.repeat(2_000));
    let (_, a) = analysed("变化率.txt", text.as_bytes());
    let a004: Vec<_> = a.findings.iter().filter(|f| f.code == "A004").collect();
    assert_eq!(a004.len(), 2_000);
    assert_eq!(
        a004[0].message,
        "按99999件计算，没有哪个整数的上年数能得出12.34567%。"
    );
    // A change some previous value does give (99999 / 1.124 ≈ 88967) raises nothing.
    let text = format!(
        "一、主要成效\n{}\n",
        "受理99999件，同比增长12.4%。".repeat(2_000)
    );
    let (_, a) = analysed("变化率.txt", text.as_bytes());
    assert!(a.findings.iter().all(|f| f.code != "A004"));
}

#[test]
fn the_zip_bomb_builder_makes_well_formed_archives() {
    // The same builder, small enough to read: the deflate stream and CRC are valid, so the
    // bombs below are refused for their size and not for a broken archive.
    let ok = ingest("小.docx", &zip_bomb(b'A', 100_003, None)).expect("a small one is read");
    assert_eq!(ok.source.format, Format::Docx);
    assert_eq!(ok.text, "A".repeat(100_003));
}

#[test]
fn a_zip_bomb_named_docx_is_refused() {
    // 1 GiB of spaces in 6.5 MB: the header says so, and reading stops before inflating.
    let honest = zip_bomb(b' ', 1 << 30, None);
    assert!(honest.len() < 7 * MB);
    let e = refused("炸弹.docx", &honest);
    assert!(matches!(
        e.kind,
        IngestErrorKind::DocxTooLarge { limit } if limit == 48 * MB
    ));
    assert_eq!(
        e.to_string(),
        "文件“炸弹.docx”解压后超过 48 MB 的上限，已拒绝读取（可能是压缩炸弹）。"
    );
    assert_eq!(
        e.english(),
        "“炸弹.docx” expands to more than 48 MB and was refused (it may be a zip bomb)."
    );

    // The same bomb lying that it inflates to 1 KB: inflating stops past the declared size.
    let lying = zip_bomb(b' ', 1 << 30, Some(1024));
    let e = refused("说谎.docx", &lying);
    assert!(matches!(e.kind, IngestErrorKind::CorruptDocx(_)));
    assert_eq!(
        e.to_string(),
        "文件“说谎.docx”像是 Word 文档（.docx），但已损坏，无法读取：\
         word/document.xml 解压失败（File is larger than its declared uncompressed size）。"
    );
}

#[test]
fn a_hostile_html_page_keeps_only_the_visible_paragraphs() {
    let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>标题栏<script>alert('title')</script></title>
<style>body { background: url("javascript:alert('style')") } p::after { content: "<script>" }</style>
<script>document.write("<p>一、脚本写出的标题</p>"); var s = "</scr" + "ipt>"; alert('script');</script>
<SCRIPT type="text/template"><p>二、模板里的标题</p></SCRIPT>
</head><body onload="alert('onload')">
<p>一、总体情况</p>
<p style="color:red" onclick="alert('onclick')">全年办理行政许可事项1.2万件。<img src="x.png" onerror="alert('onerror')"></p>
<iframe src="javascript:alert('iframe')"><p>三、框架里的标题</p></iframe>
<p><a href="javascript:alert('link')">点击查看附件</a></p>
<svg onload="alert('svg')"><script>alert('svg script')</script><text>矢量图文字</text></svg>
<noscript><p>请启用脚本</p></noscript><noembed><script>alert('noembed')</script></noembed>
<noframes><p>四、框架替代内容</p></noframes>
<template><p>五、模板</p><script>alert('template')</script></template>
<!-- <script>alert('comment')</script> -->
<form action="javascript:alert('form')"><button onclick="alert('button')">提交</button>
<textarea><script>alert('textarea')</script></textarea><select><option>选项</option></select></form>
<object data="javascript:alert('object')"><p>对象替代</p></object>
<math><mi>x</mi></math>
<p>二、存在问题</p>
<p>一是执法不规范；二是监督不到位。</p>
<style>p { display: none }
"#;
    let ok = ingest("恶意.html", page.as_bytes()).expect("the page is read");
    assert_eq!(ok.source.format, Format::Html);
    assert_eq!(
        ok.text,
        "一、总体情况\n全年办理行政许可事项1.2万件。\n点击查看附件\n二、存在问题\n\
         一是执法不规范；二是监督不到位。"
    );
    for needle in [
        "<script",
        "<SCRIPT",
        "script",
        "<",
        ">",
        "onerror",
        "onclick",
        "onload",
        "alert(",
        "javascript:",
        "x.png",
        "color:red",
        "background",
        "模板",
        "框架",
        "脚本",
    ] {
        assert!(!ok.text.contains(needle), "{needle:?} in {:?}", ok.text);
    }
    let (text, a) = analysed("恶意.html", page.as_bytes());
    assert_eq!(headings_of(&a), ["一、总体情况", "二、存在问题"]);
    assert_eq!(enumeration_count(&a), 2);
    assert_eq!(text, ok.text);

    // A page that is nothing but scripts and styles has no text to analyse.
    let e = refused(
        "空页.html",
        b"<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>",
    );
    assert_eq!(e.kind, IngestErrorKind::Empty);
    assert_eq!(e.to_string(), "文件“空页.html”是空的：没有可分析的文字。");
}

const SHORT: &str = "临江市人民政府关于2024年度法治政府建设情况的报告\n市人大常委会：\n\
一、主要成效\n全年办理行政许可事项1.2万件，办结率100%。\n二、存在问题\n一是学习不够；二是执法不严。\n";

#[test]
fn nul_bytes_inside_utf8_text() {
    // A few NULs: still a report, read unchanged (spans keep pointing at what was given).
    let text = SHORT.replace('，', "\0");
    let (read, a) = analysed("有空字符.txt", text.as_bytes());
    assert_eq!(read, text);
    assert_eq!(a.source.encoding, "UTF-8");
    assert_eq!(headings_of(&a), ["一、主要成效", "二、存在问题"]);
    // A NUL after every character: not text.
    let every: String = SHORT.chars().flat_map(|c| [c, '\0']).collect();
    let e = refused("满是空字符.txt", every.as_bytes());
    assert_eq!(e.kind, IngestErrorKind::Binary);
    assert_eq!(
        e.to_string(),
        "文件“满是空字符.txt”不是文本文件，也不是网页或 Word 文档，无法识别其中的文字。"
    );
}

#[test]
fn invalid_utf8_bytes() {
    // A UTF-8 report cut off inside its last character, and one with stray bytes: read as
    // UTF-8 with U+FFFD where the bytes are bad, not as a legacy encoding's mojibake.
    let mut cut = SHORT.as_bytes().to_vec();
    cut.extend_from_slice(&"报".as_bytes()[..2]);
    let (text, a) = analysed("截断.txt", &cut);
    assert_eq!(a.source.encoding, "UTF-8");
    assert_eq!(text, format!("{SHORT}\u{FFFD}"));
    assert_eq!(headings_of(&a), ["一、主要成效", "二、存在问题"]);

    let at = SHORT.find("全年").expect("the sample has 全年");
    let mut stray = SHORT.as_bytes().to_vec();
    stray.insert(at, 0xff);
    stray.push(0xc3);
    let (text, a) = analysed("坏字节.txt", &stray);
    assert_eq!(a.source.encoding, "UTF-8");
    assert_eq!(
        text,
        format!("{}\u{FFFD}", SHORT.replacen("全年", "\u{FFFD}全年", 1))
    );
    assert_eq!(a.metadata.issuer.as_deref(), Some("临江市人民政府"));

    // A GB18030 file cut off after a lead byte is still GB18030.
    let mut gb = gb18030(SHORT);
    gb.push(0x81);
    let (text, a) = analysed("国标截断.txt", &gb);
    assert_eq!(a.source.encoding, "GB18030");
    assert_eq!(text, format!("{SHORT}\u{FFFD}"));

    // Bytes that are neither UTF-8 nor anything else: refused as binary.
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let e = refused("噪声.txt", &noise);
    assert_eq!(e.kind, IngestErrorKind::Binary);
}

#[test]
fn utf16_with_an_odd_byte_count() {
    // With a BOM the lone last byte becomes U+FFFD; the report is read.
    for (bytes, encoding) in [
        (utf16le_with_bom(SHORT), "UTF-16LE"),
        (utf16be_with_bom(SHORT), "UTF-16BE"),
    ] {
        let mut odd = bytes;
        odd.push(b'A');
        assert_eq!(odd.len() % 2, 1);
        let (text, a) = analysed("奇数.txt", &odd);
        assert_eq!(a.source.encoding, encoding);
        assert_eq!(text, format!("{SHORT}\u{FFFD}"));
        assert_eq!(headings_of(&a), ["一、主要成效", "二、存在问题"]);
    }
    // Without a BOM, mostly-Chinese UTF-16 is not recognised (it is only sniffed in ASCII-heavy
    // text): a clear refusal rather than mojibake.
    let mut odd: Vec<u8> = SHORT.encode_utf16().flat_map(u16::to_le_bytes).collect();
    odd.push(b'A');
    let e = refused("无BOM.txt", &odd);
    assert_eq!(e.kind, IngestErrorKind::Binary);
}

#[test]
fn empty_and_whitespace_only_files() {
    let cases: [(&str, Vec<u8>); 7] = [
        ("空.txt", Vec::new()),
        ("空白.txt", b" \t\r\n\x0c \n".to_vec()),
        (
            "全角空格.txt",
            "\u{3000}\u{3000}\u{a0}\n\u{2003}".as_bytes().to_vec(),
        ),
        ("只有BOM.txt", b"\xef\xbb\xbf".to_vec()),
        ("UTF16空白.txt", utf16le_with_bom(" \r\n\u{3000} ")),
        (
            "空网页.html",
            b"<html><body><p>&nbsp;</p><br></body></html>".to_vec(),
        ),
        ("空文档.docx", docx("\n  \n")),
    ];
    for (name, bytes) in cases {
        let e = refused(name, &bytes);
        assert_eq!(e.kind, IngestErrorKind::Empty, "{name}");
        assert_eq!(
            e.to_string(),
            format!("文件“{name}”是空的：没有可分析的文字。")
        );
        assert_eq!(
            e.english(),
            format!("“{name}” is empty: there is no text to analyse.")
        );
    }
    // Pasted text is never refused: empty text is an analysis with nothing in it.
    let a = analyze("", &Options::default());
    assert!(a.sections.is_empty() && a.quantities.is_empty());
}

#[test]
fn the_cli_refuses_the_bomb_and_reads_bad_utf8() {
    let (status, out, err) = cli_on("cli", "炸弹.docx", &zip_bomb(b' ', 1 << 30, None));
    assert_eq!(status, 2);
    assert_eq!(out, "");
    assert_eq!(
        err.trim_end(),
        "baogao: 文件“炸弹.docx”解压后超过 48 MB 的上限，已拒绝读取（可能是压缩炸弹）。"
    );

    let mut cut = SHORT.as_bytes().to_vec();
    cut.extend_from_slice(&"报".as_bytes()[..2]);
    let (status, out, err) = cli_on("cli", "截断.txt", &cut);
    assert_eq!(status, 0, "{err}");
    assert_eq!(err, "");
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["source"]["encoding"], "UTF-8");
    assert_eq!(v["sections"][1]["heading"], "二、存在问题");

    let (status, out, err) = cli_on("cli", "空.txt", b"");
    assert_eq!((status, out.as_str()), (2, ""));
    assert_eq!(
        err.trim_end(),
        "baogao: 文件“空.txt”是空的：没有可分析的文字。"
    );

    // Standard input gets the same refusal, named as such.
    let (status, _, err) = cli(&["analyze", "--format", "json", "-"], &[0u8; 64]);
    assert_eq!(status, 2);
    assert!(err.contains("文件“标准输入”不是文本文件"), "{err}");
}

/// A .doc long enough for its `WordDocument` stream to live in regular sectors, and where that
/// stream starts.
fn doc_with_regular_sectors() -> (Vec<u8>, u32, u64) {
    let bytes = doc(&report(4), Word97::default());
    let (start, size) = stream_location(&bytes, "WordDocument");
    assert!(size >= 4096, "a regular stream");
    (bytes, start, size)
}

fn corrupt_doc_reason(name: &str, bytes: &[u8]) -> String {
    let e = refused(name, bytes);
    assert!(e.english().contains(name));
    match e.kind {
        IngestErrorKind::CorruptDoc(why) => why,
        other => panic!("{name}: expected a damaged .doc, got {other:?}"),
    }
}

fn set_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

#[test]
fn compound_files_whose_chains_loop_or_leave_the_file_are_refused() {
    let (good, start, _) = doc_with_regular_sectors();
    assert_eq!(
        ingest("好.doc", &good).expect("read").source.format,
        Format::Doc
    );
    let fat = SECTOR; // the writer's FAT is sector 0
    let entry = |sector: u32| fat + 4 * sector as usize;

    // The stream's second sector points back to its first: a loop.
    let mut looping = good.clone();
    set_u32(&mut looping, entry(start + 1), start);
    assert_eq!(corrupt_doc_reason("循环.doc", &looping), "扇区链循环");

    // A sector index far outside the file.
    let mut outside = good.clone();
    set_u32(&mut outside, entry(start), 0x00FF_FFFF);
    assert_eq!(
        corrupt_doc_reason("越界.doc", &outside),
        "扇区 16777215 超出文件范围"
    );

    // The directory's own chain loops on itself.
    let mut directory = good.clone();
    let dir = u32::from_le_bytes(good[48..52].try_into().expect("4 bytes"));
    set_u32(&mut directory, entry(dir), dir);
    assert_eq!(corrupt_doc_reason("目录.doc", &directory), "扇区链循环");

    // A header declaring more FAT sectors than the file has.
    let mut fat_count = good.clone();
    set_u32(&mut fat_count, 44, 0x7FFF_FFFF);
    assert!(corrupt_doc_reason("FAT.doc", &fat_count).contains("超出文件大小"));

    // A cut file: the stream's sectors are gone.
    let cut = &good[..good.len() / 2];
    let why = corrupt_doc_reason("截断.doc", cut);
    assert!(
        why.contains("超出文件范围") || why.contains("超过文件本身"),
        "{why}"
    );
}

#[test]
fn a_huge_declared_stream_size_is_refused_without_allocating_it() {
    let (mut bytes, _, _) = doc_with_regular_sectors();
    let dir = SECTOR * (u32::from_le_bytes(bytes[48..52].try_into().expect("4")) as usize + 1);
    // Entry 2 is WordDocument (entry 1 is 1Table): declare 4 GB.
    set_u32(&mut bytes, dir + 2 * 128 + 120, 0xFFFF_FFF0);
    assert!(corrupt_doc_reason("巨大.doc", &bytes).contains("超过文件本身"));
}

#[test]
fn a_piece_table_pointing_beyond_the_stream_is_refused() {
    let bytes = word97(
        "一、总体情况\r正文。\r",
        Word97 {
            piece_beyond_stream: true,
            ..Word97::default()
        },
    );
    assert_eq!(
        corrupt_doc_reason("片段.doc", &bytes),
        "片段表指向 WordDocument 流之外"
    );
}

#[test]
fn a_doc_declaring_more_text_than_the_limit_is_refused() {
    let (mut bytes, start, _) = doc_with_regular_sectors();
    // FibRgLw97.ccpText sits at byte 0x4C of the WordDocument stream.
    set_u32(
        &mut bytes,
        SECTOR * (start as usize + 1) + 0x4C,
        0x7FFF_FFFF,
    );
    let e = refused("超长.doc", &bytes);
    assert_eq!(e.kind, IngestErrorKind::TooMuchText { limit: 2 * MB });
    assert_eq!(
        e.to_string(),
        "文件“超长.doc”中的文字超过 209 万字的上限，已拒绝读取。"
    );
}

#[test]
fn an_ofd_deflate_bomb_is_refused() {
    let bomb = ofd_bomb(1 << 30);
    assert!(bomb.len() < 7 * MB);
    let e = refused("炸弹.ofd", &bomb);
    assert_eq!(e.kind, IngestErrorKind::DocxTooLarge { limit: 48 * MB });
    assert_eq!(
        e.to_string(),
        "文件“炸弹.ofd”解压后超过 48 MB 的上限，已拒绝读取（可能是压缩炸弹）。"
    );
}

#[test]
fn deeply_nested_ofd_content_is_read_without_recursion() {
    let depth = 200_000;
    let page = format!(
        "{}<ofd:TextObject Boundary=\"20 20 100 10\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">深处的文字</ofd:TextCode></ofd:TextObject>{}",
        "<ofd:PageBlock>".repeat(depth),
        "</ofd:PageBlock>".repeat(depth)
    );
    let ok = ingest("深.ofd", &ofd_zip(&ofd_entries(&[page]))).expect("read");
    assert_eq!(ok.text, "深处的文字");
}

#[test]
fn millions_of_tiny_text_codes_are_bounded() {
    // A million one-character TextCodes: read, in bounded time, as one line.
    let page = "<TextCode X=\"1\" Y=\"5\">字</TextCode>".repeat(1_000_000);
    let ok = ingest("百万.ofd", &ofd_zip(&ofd_entries(&[page]))).expect("read");
    assert_eq!(ok.text.chars().count(), 1_000_000);
    // More characters than the limit: refused.
    let line = format!(
        "<ofd:TextObject Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">{}</ofd:TextCode></ofd:TextObject>",
        "字".repeat(10_000)
    );
    let e = refused("千万.ofd", &ofd_zip(&ofd_entries(&[line.repeat(220)])));
    assert_eq!(e.kind, IngestErrorKind::TooMuchText { limit: 2 * MB });
}

#[test]
fn an_ofd_missing_its_parts_says_which() {
    let entries = ofd_entries(&["<ofd:TextObject/>".to_owned()]);
    let without = |path: &str| -> Vec<u8> {
        let kept: Vec<(String, String)> =
            entries.iter().filter(|(p, _)| p != path).cloned().collect();
        ofd_zip(&kept)
    };
    for (path, expected) in [
        ("Doc_0/Document.xml", "缺少 Doc_0/Document.xml"),
        (
            "Doc_0/Pages/Page_0/Content.xml",
            "缺少 Doc_0/Pages/Page_0/Content.xml",
        ),
    ] {
        let e = refused("缺页.ofd", &without(path));
        assert_eq!(e.kind, IngestErrorKind::CorruptOfd(expected.into()));
        assert!(e
            .to_string()
            .starts_with("文件“缺页.ofd”像是 OFD 版式文件，但已损坏"));
    }
    let mut no_root = entries.clone();
    no_root[0].1 = "<ofd:OFD xmlns:ofd=\"x\"><ofd:DocBody/></ofd:OFD>".into();
    let e = refused("无根.ofd", &ofd_zip(&no_root));
    assert_eq!(
        e.kind,
        IngestErrorKind::CorruptOfd("OFD.xml 中没有 DocBody/DocRoot".into())
    );
    let e = refused("无页.ofd", &ofd_zip(&entries));
    assert_eq!(e.kind, IngestErrorKind::NoTextLayer);
}
