//! Reports written for these tests, each exercising one thing the analyzer must read, and the
//! errors a user sees for files it cannot read.

use baogao_tests::{analyze_json, cli, docx, outline, temp_file, zip_of};
use serde_json::{json, Value};

fn analyze(name: &str, text: &str) -> Value {
    analyze_json("fixtures", name, text.as_bytes())
}

fn headings(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(list: &Value, out: &mut Vec<String>) {
        for s in list.as_array().into_iter().flatten() {
            out.push(format!(
                "{} {}",
                s["level"],
                s["heading"].as_str().unwrap_or_default()
            ));
            walk(&s["children"], out);
        }
    }
    walk(&v["sections"], &mut out);
    out
}

const SPLIT_TITLE: &str = "青山市人民政府关于\n青山市2023年度法治政府建设情况的报告\n\n市人大常委会：\n\n\
2023年，我市坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。\n\
一、2023年法治政府建设主要成效\n（一）依法全面履行政府职能。全年办理行政许可事项1.2万件。\n\
（二）严格规范公正文明执法。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n市政府主要负责同志专题研究法治政府建设4次。\n\
三、存在的不足和原因\n一是部分干部法治意识不强；二是执法队伍专业化程度不高。\n\
四、2024年工作安排\n（一）深化行政执法体制改革。\n（二）加强行政复议应诉工作。\n\n青山市人民政府\n2024年1月20日\n（此件公开发布）";

#[test]
fn title_split_over_two_lines_recipient_and_signature() {
    let v = analyze("split.txt", SPLIT_TITLE);
    let m = &v["metadata"];
    assert_eq!(
        m["title"],
        "青山市人民政府关于青山市2023年度法治政府建设情况的报告"
    );
    assert_eq!(m["issuer"], "青山市人民政府");
    assert_eq!(m["region"], "青山市");
    assert_eq!(m["level"], "city");
    assert_eq!(m["report_year"], 2023);
    assert_eq!(m["recipient"], "市人大常委会");
    assert_eq!(m["signed_date"], "2024-01-20");
    assert_eq!(m["published_date"], Value::Null);
    assert_eq!(
        v["parts"]["first_responsible"],
        json!(["二、党政主要负责人履行推进法治建设第一责任人职责情况"])
    );
    assert_eq!(v["parts"]["problems"], json!(["三、存在的不足和原因"]));
    assert_eq!(v["parts"]["plans"], json!(["四、2024年工作安排"]));
    assert_eq!(
        v["parts"]["achievements"],
        json!(["一、2023年法治政府建设主要成效"])
    );
    // The signature is not swallowed by the last section.
    let last = &v["sections"][3];
    let end = last["span"]["end"].as_u64().unwrap_or_default() as usize;
    assert!(SPLIT_TITLE[..end].ends_with("（二）加强行政复议应诉工作。"));
}

#[test]
fn doc_number_in_the_header_and_a_departments_report() {
    let text = "青山市司法局文件\n青司发〔2024〕3号\n青山市司法局关于2023年度法治政府建设工作情况的报告\n\
市委全面依法治市委员会办公室：\n一、主要做法和成效\n（一）推进依法行政。全年审查规范性文件35件。\n\
二、存在的问题\n个别执法人员素质有待提高。\n三、下一步工作计划\n继续推进。\n青山市司法局\n2024年2月1日";
    let v = analyze("dept.txt", text);
    let m = &v["metadata"];
    assert_eq!(m["doc_number"], "青司发〔2024〕3号");
    assert_eq!(
        m["title"],
        "青山市司法局关于2023年度法治政府建设工作情况的报告"
    );
    assert_eq!(m["issuer"], "青山市司法局");
    assert_eq!(m["level"], "department");
    assert_eq!(m["region"], "青山市");
    assert_eq!(m["recipient"], "市委全面依法治市委员会办公室");
    assert_eq!(m["report_year"], 2023);
}

#[test]
fn arabic_comma_and_bracketed_arabic_numbering() {
    let text = "石桥县2022年法治政府建设情况报告\n一、主要成效\n（一）深化改革\n1、精简审批事项\n（1）取消证明事项12项。\n\
（2）压缩办理时限。\n2、推进一网通办\n（二）严格执法\n二、存在问题\n队伍建设不足。";
    let v = analyze("levels.txt", text);
    assert_eq!(
        headings(&v),
        [
            "1 一、主要成效",
            "2 （一）深化改革",
            "3 1、精简审批事项",
            "4 （1）取消证明事项12项。",
            "4 （2）压缩办理时限。",
            "3 2、推进一网通办",
            "2 （二）严格执法",
            "1 二、存在问题",
        ]
    );
    assert_eq!(v["metadata"]["level"], "county");
    let l3 = &v["sections"][0]["children"][0]["children"][0];
    assert_eq!(l3["number"], "1");
    assert_eq!(l3["style"], "arabic_comma");
}

#[test]
fn headings_without_full_stops_and_headings_running_into_text() {
    let text = "一、坚持党的领导\n（一）强化组织领导\n成立领导小组，定期研究。\n（二）健全工作机制。建立月调度制度，一是定期通报，二是督促整改。\n二、下一步打算\n持续推进。";
    let v = analyze("headings.txt", text);
    assert_eq!(
        headings(&v),
        [
            "1 一、坚持党的领导",
            "2 （一）强化组织领导",
            "2 （二）健全工作机制。",
            "1 二、下一步打算"
        ]
    );
    let second = &v["sections"][0]["children"][1];
    let span = (
        second["span"]["start"].as_u64().unwrap_or(0) as usize,
        second["span"]["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(
        &text[span.0..span.1],
        "（二）健全工作机制。建立月调度制度，一是定期通报，二是督促整改。"
    );
    assert_eq!(second["enumerations"].as_array().map(Vec::len), Some(2));
    assert_eq!(second["chars"], 32);
}

#[test]
fn a_text_without_headings_is_one_section() {
    let text = "今年以来，我镇认真贯彻落实上级部署，全年调处矛盾纠纷120件，开展普法宣传30场次。";
    let v = analyze("plain.txt", text);
    let sections = v["sections"].as_array().cloned().unwrap_or_default();
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0]["number"], Value::Null);
    assert_eq!(sections[0]["heading"], "");
    assert_eq!(sections[0]["span"], json!({"start": 0, "end": text.len()}));
    assert_eq!(v["parts"]["achievements"], json!([""]));
    for key in ["quantities", "indicators", "findings", "keywords"] {
        assert!(v[key].is_array(), "{key} is present");
    }
}

#[test]
fn word_list_numbering_renders_headings() {
    let text = "绿水县2023年法治政府建设情况报告\n一、主要成效\n（一）依法行政。\n二、存在问题\n三、下一步打算";
    let v = analyze_json("fixtures", "draft.docx", &docx(text));
    assert_eq!(v["source"]["format"], "docx");
    assert_eq!(
        headings(&v),
        [
            "1 一、主要成效",
            "2 （一）依法行政。",
            "1 二、存在问题",
            "1 三、下一步打算"
        ]
    );
    assert_eq!(outline(&v["sections"]).len(), 3);
}

#[test]
fn pasted_text_on_stdin() {
    let (status, out, err) = cli(
        &["analyze", "--format", "json", "-"],
        SPLIT_TITLE.as_bytes(),
    );
    assert_eq!(status, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["source"]["name"], "标准输入");
    assert_eq!(v["metadata"]["report_year"], 2023);
}

#[test]
fn human_summary_shows_metadata_outline_and_coverage() {
    let path = temp_file("human", "青山.txt", SPLIT_TITLE.as_bytes());
    let (status, out, _) = cli(&["analyze", &path.to_string_lossy()], b"");
    assert_eq!(status, 0);
    for expected in [
        "青山市人民政府关于青山市2023年度法治政府建设情况的报告",
        "市人大常委会",
        "2024-01-20",
        "（一）依法全面履行政府职能。",
        "✓ 党政主要负责人履行第一责任人职责情况",
        "✗ 缺 其他需要报告的情况",
    ] {
        assert!(out.contains(expected), "summary lacks {expected}:\n{out}");
    }
}

#[test]
fn several_files_give_a_json_array_and_an_unreadable_one_exits_2() {
    let good = temp_file("many", "a.txt", SPLIT_TITLE.as_bytes());
    let bad = temp_file("many", "scan.pdf", b"%PDF-1.4\n%...");
    let missing = good.with_file_name("missing.txt");
    let (status, out, err) = cli(
        &[
            "analyze",
            "--format",
            "json",
            &good.to_string_lossy(),
            &bad.to_string_lossy(),
            &missing.to_string_lossy(),
        ],
        b"",
    );
    assert_eq!(status, 2);
    let v: Value = serde_json::from_str(&out).expect("json array");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert!(
        err.contains("文件“scan.pdf”像是 PDF 文档，但无法读取其中的文字"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt") && err.contains("文件不存在"),
        "{err}"
    );
}

#[test]
fn each_unreadable_file_says_what_it_is() {
    let big_document = format!(
        "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        "报".repeat(20 * 1024 * 1024)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "空.txt",
            Vec::new(),
            "文件“空.txt”是空的：没有可分析的文字。",
        ),
        (
            // The CLI reads PDFs (baogao-pdf): a header and nothing else is a damaged one.
            "扫描.pdf",
            b"%PDF-1.7\n".to_vec(),
            "文件“扫描.pdf”像是 PDF 文档，但无法读取其中的文字",
        ),
        (
            "照片.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "文件“照片.png”是 PNG 图片，不含可分析的文字",
        ),
        (
            "旧稿.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0".to_vec(),
            "文件“旧稿.doc”像是旧版 Word/WPS 文档（.doc/.wps），但已损坏，无法读取：复合文档的文件头不完整",
        ),
        (
            "资料.zip",
            zip_of(&[("readme.txt", "hello")]),
            "文件“资料.zip”是 zip 压缩包，但不是 Word 文档",
        ),
        (
            "坏稿.docx",
            b"PK\x03\x04\x14\0\0\0garbage".to_vec(),
            "文件“坏稿.docx”像是 Word 文档（.docx），但已损坏",
        ),
        (
            "炸弹.docx",
            zip_of(&[("word/document.xml", &big_document)]),
            "解压后超过",
        ),
        (
            "程序.exe",
            vec![
                0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, 0xb8, 0, 0, 0, 0, 0,
                0, 0,
            ],
            "文件“程序.exe”不是文本文件",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = temp_file("errors", name, &bytes);
        let (status, out, err) = cli(&["analyze", &path.to_string_lossy()], b"");
        assert_eq!(status, 2, "{name}");
        assert!(out.is_empty(), "{name}");
        assert!(err.contains(expected), "{name}: {err}");
        let english = baogao_core::ingest(name, &bytes)
            .err()
            .map(|e| e.english())
            .unwrap_or_default();
        assert!(english.contains(name), "{name}: {english}");
    }
}

#[test]
fn usage_errors_exit_64() {
    let (status, _, err) = cli(&["analyze"], b"");
    assert_eq!(status, 64);
    assert!(err.contains("Usage") || err.contains("用法"), "{err}");
    let (status, _, _) = cli(&["frobnicate"], b"");
    assert_eq!(status, 64);
}

#[test]
fn clean_reports_raise_no_errors_and_the_sample_shows_its_planted_defects() {
    let department = "青山市司法局关于2023年度法治政府建设工作情况的报告\n市委全面依法治市委员会办公室：\n\
一、主要做法和成效\n（一）推进依法行政。全年审查规范性文件35件，备案率100%。\n\
（二）化解矛盾纠纷。调处纠纷120起，成功118起，调处成功率98.3%。\n\
二、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责同志专题研究法治建设3次。\n\
三、存在的问题\n个别执法人员素质有待提高。\n四、2024年工作计划\n继续推进。\n青山市司法局\n2024年2月1日";
    for (name, text) in [("split.txt", SPLIT_TITLE), ("department.txt", department)] {
        let v = analyze(name, text);
        let errors: Vec<&Value> = v["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    let sample = include_str!("../web/sample-report.txt");
    let v = analyze("sample-report.txt", sample);
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    for planted in ["S002", "A002", "W002"] {
        assert!(
            codes.contains(&planted),
            "the sample report's planted {planted} is found: {codes:?}"
        );
    }
}

#[test]
fn check_prints_findings_like_a_compiler_and_exits_1_on_errors() {
    let sample = temp_file(
        "check",
        "sample.txt",
        include_str!("../web/sample-report.txt").as_bytes(),
    );
    let sample = sample.to_string_lossy().into_owned();
    let (status, out, _) = cli(&["check", &sample], b"");
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("error[S002]: 标题序号不连续：此处应为“三、”，实为“四”。"),
        "{out}"
    );
    assert!(out.contains("sample.txt:20:1"), "{out}");
    assert!(
        out.contains("20 | 四、存在的不足和原因\n   | ^^^^^^^^^^^^^^^^^^^^"),
        "{out}"
    );
    assert!(
        out.contains("= 修改建议（需人工确认）：改为“截至”"),
        "{out}"
    );

    let (status, out, _) = cli(&["check", "--disable", "S002", &sample], b"");
    assert_eq!(status, 0, "{out}");
    assert!(!out.contains("S002"));

    let (status, out, _) = cli(&["check", "--format", "json", &sample], b"");
    assert_eq!(status, 1);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["file"], "sample.txt");
    let first = &v["findings"][0];
    for key in [
        "code",
        "severity",
        "message",
        "message_en",
        "span",
        "spans",
        "count",
        "excerpt",
        "fix",
    ] {
        assert!(first.get(key).is_some(), "finding has {key}: {first}");
    }

    let words = temp_file("check", "words.txt", "截止\n".as_bytes());
    let (_, out, _) = cli(
        &["check", "--allow-words", &words.to_string_lossy(), &sample],
        b"",
    );
    assert!(!out.contains("W002"), "the word list exempts 截止: {out}");

    let (status, _, err) = cli(&["check", "--disable", "Z999", &sample], b"");
    assert_eq!(status, 64);
    assert!(err.contains("没有代码为“Z999”的检查项"), "{err}");
}

#[test]
fn checks_lists_the_registry_and_explain_prints_a_doc() {
    let (status, out, _) = cli(&["checks"], b"");
    assert_eq!(status, 0);
    // The checks of one report, then those of a pair (this year's and last year's).
    assert_eq!(
        out.lines().count(),
        baogao_core::checks::ALL.len() + baogao_core::checks::pair::PAIR_METAS.len()
    );
    assert!(out.lines().next().is_some_and(|l| l.starts_with("A001")));
    let (status, out, _) = cli(&["explain", "p001"], b"");
    assert_eq!(status, 0);
    assert!(
        out.contains("## What it checks") && out.contains("## Example"),
        "{out}"
    );
    let (status, _, err) = cli(&["explain", "X000"], b"");
    assert_eq!(status, 64);
    assert!(err.contains("X000"));
}
