//! Shared helpers of Baogao's end-to-end tests: the corpus, the CLI run in-process, and
//! builders that turn a report's text into the other forms users drop (GB18030, UTF-16, a saved
//! portal page, a Word draft with list numbering).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// `../shared/corpus` next to the checkout, when it is there.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// `(name, text, expected)` for every corpus report; empty (with a note on stderr) without the corpus.
pub fn corpus() -> Vec<(String, String, Value)> {
    let Some(dir) = corpus_dir() else {
        eprintln!(
            "skipped: ../shared/corpus is not present, the corpus tests have nothing to check"
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("corpus text is UTF-8");
        let gold = path.with_extension("expected.json");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(gold).expect("gold file exists"))
                .expect("gold is JSON");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, text, expected));
    }
    out
}

/// Run `baogao` with `args` in-process; returns (status, stdout, stderr).
pub fn cli(args: &[&str], stdin: &[u8]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut input = stdin;
    let mut argv = vec!["baogao"];
    argv.extend_from_slice(args);
    let status = baogao_cli::run(argv, &mut input, &mut out, &mut err);
    (
        status,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// Write `bytes` to a fresh file named `name` in a per-test temporary directory.
pub fn temp_file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("baogao-tests-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

/// `baogao analyze --format json FILE` on a file holding `bytes`.
pub fn analyze_json(test: &str, name: &str, bytes: &[u8]) -> Value {
    let path = temp_file(test, name, bytes);
    let path = path.to_string_lossy().into_owned();
    let (status, out, err) = cli(&["analyze", "--format", "json", &path], b"");
    assert_eq!(status, 0, "{name}: {err}");
    serde_json::from_str(&out).expect("the CLI prints JSON")
}

pub fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable, "GB18030 covers all of Unicode");
    bytes.into_owned()
}

pub fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

pub fn utf16be_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xfe, 0xff];
    out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text as a portal page: navigation, scripts and styles, each line a paragraph, a footer.
pub fn portal_page(text: &str) -> String {
    let mut body = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            body.push_str("<p>&nbsp;</p>\n");
        } else {
            body.push_str(&format!(
                "<p style=\"text-indent:2em\">{}</p>\n",
                escape(line)
            ));
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <title>政府信息公开</title><style>p {{ margin: 0 }} .x::after {{ content: '一、不是标题' }}</style>\
         <script>var nav = '<p>一、脚本里的文字</p>'; document.title = \"二、也不是\";</script></head>\
         <body><div class=\"nav\">首页 &gt; 政府信息公开 &gt; 法治政府建设</div>\
         <div class=\"content\">\n{body}</div>\
         <div class=\"footer\"><p>网站地图 | 联系我们</p><p>主办单位：某某人民政府办公室</p>\
         <p>ICP备12345678号 公网安备 11010102000001号</p></div>\
         <script src=\"stat.js\"></script></body></html>"
    )
}

/// The text as a minimal Word draft. Level-1 headings (`一、…`) lose their typed number and get
/// Word's automatic `chineseCounting` list numbering instead, so reading the file must render
/// the number from `numbering.xml` to get the heading back.
pub fn docx(text: &str) -> Vec<u8> {
    let mut paragraphs = String::new();
    for line in text.lines() {
        let numbered = baogao_core::structure::parse_marker(line.trim())
            .filter(|m| m.style == baogao_core::structure::MarkerStyle::ChineseComma);
        match numbered {
            Some(m) => paragraphs.push_str(&format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\
                 <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(&line.trim()[m.len..])
            )),
            None => paragraphs.push_str(&format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(line)
            )),
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{paragraphs}<w:sectPr/></w:body></w:document>"
    );
    let numbering = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
         <w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
         <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
         <w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    zip_of(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
        ),
        ("word/document.xml", &document),
        ("word/numbering.xml", numbering),
    ])
}

/// A zip archive of `(path, content)` entries.
pub fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, content) in entries {
        writer.start_file(*path, options).expect("zip entry");
        writer.write_all(content.as_bytes()).expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}

/// The section tree as `(level, heading, children)` values, levels 1–3 only, comparable with
/// the corpus gold.
pub fn outline(sections: &Value) -> Vec<Value> {
    sections
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|s| s["level"].as_u64().is_some_and(|l| l <= 3))
                .map(|s| {
                    let children = outline(&s["children"]);
                    if s["level"].as_u64() == Some(3) {
                        serde_json::json!({"level": s["level"], "heading": s["heading"]})
                    } else {
                        serde_json::json!({"level": s["level"], "heading": s["heading"], "children": children})
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A gold `parts` entry (a heading, a list of headings or null) as a list.
pub fn as_list(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

pub const METADATA_FIELDS: [&str; 10] = [
    "title",
    "issuer",
    "region",
    "level",
    "report_year",
    "doc_number",
    "index_number",
    "recipient",
    "signed_date",
    "published_date",
];

/// Assert that an analysis (JSON) matches a corpus gold file: metadata, sections, parts.
pub fn assert_matches_gold(label: &str, got: &Value, gold: &Value) {
    for field in METADATA_FIELDS {
        assert_eq!(
            got["metadata"][field], gold[field],
            "{label}: metadata.{field}"
        );
    }
    assert_eq!(
        outline(&got["sections"]),
        outline(&gold["sections"]),
        "{label}: sections"
    );
    for part in ["achievements", "problems", "plans", "first_responsible"] {
        assert_eq!(
            as_list(&got["parts"][part]),
            as_list(&gold["parts"][part]),
            "{label}: parts.{part}"
        );
    }
}
