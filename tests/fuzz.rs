//! Fuzzing with proptest (cargo-fuzz needs a nightly toolchain): `ingest` on arbitrary and
//! structure-aware bytes, and `analyze` on generated report-like text, each checked against the
//! documented invariants rather than only for panics.
//!
//! The number of cases per target comes from `BAOGAO_FUZZ_CASES` (256 by default, so the normal
//! test run stays quick). A long run:
//!
//! ```sh
//! BAOGAO_FUZZ_CASES=20000 cargo test --release -p baogao-tests --test fuzz
//! ```
//!
//! A failure is shrunk to a minimal input and saved in `tests/proptest-regressions/fuzz.txt`,
//! which replays it first in every later run.

use baogao_core::ingest::Format;
use baogao_core::structure::Section;
use baogao_core::{analyze, analyze_bytes, ingest, Analysis, Options, Span};
use baogao_tests::{assert_spans_valid, gb18030, utf16be_with_bom, utf16le_with_bom, zip_of};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::Value;

fn config() -> ProptestConfig {
    let cases = std::env::var("BAOGAO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // Relative to the package directory, where `cargo test` runs the tests.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/fuzz.txt",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Generators

/// Pieces reports are made of, with the punctuation, whitespace and odd characters around them.
const PIECES: &[&str] = &[
    // Heading markers of every style, and near misses.
    "一、",
    "二、",
    "十二、",
    "九十九、",
    "一百、",
    "（一）",
    "（十）",
    "(二)",
    "(三）",
    "1.",
    "2、",
    "１．",
    "12.",
    "99.",
    "100.",
    "（3）",
    "(4)",
    "3.45",
    "1.5万人",
    "一、2022年",
    // Enumerations.
    "一是",
    "二是",
    "三是",
    "十是",
    "九十九是",
    "统一是",
    "唯一是",
    "不是",
    "。是",
    // Figures, units, qualifiers, changes and rates.
    "3.45亿元",
    "1.2万余件",
    "近6000人次",
    "约",
    "余",
    "以上",
    "左右",
    "达到",
    "不足",
    "23.29%",
    "100%",
    "１２％",
    "-5%",
    "15%～30%",
    "3个百分点",
    "三分之一",
    "2倍",
    "5‰",
    "同比增长",
    "同比下降",
    "较上年",
    "其中",
    "纠错率为",
    "办结率",
    "共清理",
    "件",
    "人次",
    "户",
    "个",
    "起",
    "1,234",
    "0",
    "0.0",
    "999999999999999999999",
    "1e9",
    "人均",
    "万人",
    "受理12件",
    "审结219件，其中纠错51件，纠错率为23.29%",
    "清理312件，其中保留248件、修改41件、废止23件",
    "新增市场主体8560户，同比增长12.4%",
    "99999件，同比增长12.34567%",
    // Dates and document numbers.
    "2022年",
    "12月5日",
    "2024年1月20日",
    "二〇二四年三月二十日",
    "2024-01-20",
    "2021—2025年",
    "〔2021〕4号",
    "[2021]4号",
    "202116",
    "第14次",
    "“三项制度”",
    "《法治政府建设实施纲要（2021—2025年）》",
    // Frame, portal chrome and parts.
    "人民政府",
    "关于",
    "年度法治政府建设情况的报告",
    "临江市",
    "县",
    "区",
    "市人大常委会：",
    "索引号:",
    "文号:",
    "发布日期:",
    "发布机构：",
    "首页 > ",
    "责任编辑",
    "(此件公开发布)",
    "主要举措和成效",
    "存在的不足和原因",
    "第一责任人职责情况",
    "下一步工作安排",
    "其他",
    "放管服",
    "行政复议",
    "依法行政",
    "行政执法",
    "习近平法治思想",
    // Punctuation mixes.
    "。",
    "，",
    "；",
    "：",
    "、",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "!",
    "?",
    ".",
    ",",
    ";",
    ":",
    "——",
    "……",
    "～",
    "-",
    "<",
    ">",
    "\"",
    "'",
    "&",
    "。。",
    "，。",
    "；；",
    // Whitespace and invisible characters.
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "\t",
    "\u{3000}",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{200f}",
    "\u{0}",
    "\u{c}",
    "\u{85}",
    "\u{2028}",
    // Characters that are not one byte, not one UTF-16 unit, or not one grapheme.
    "𠀀",
    "😀",
    "👨‍👩‍👧",
    "é",
    "e\u{301}",
    "\u{fffd}",
    "Ａ",
    "abc",
    "",
];

/// A heading marker with any number (including ones past 99 and zero) in any style.
fn marker() -> impl Strategy<Value = String> {
    (0u32..130, 0usize..8).prop_map(|(n, style)| {
        let zh = baogao_core::numerals::to_chinese(n.max(1));
        match style {
            0 => format!("\n{zh}、"),
            1 => format!("\n（{zh}）"),
            2 => format!("\n({zh})"),
            3 => format!("\n{n}."),
            4 => format!("\n{n}、"),
            5 => format!("\n（{n}）"),
            6 => format!("\n({n})"),
            _ => format!("{zh}是"),
        }
    })
}

/// A figure with a unit, as reports write them.
fn figure() -> impl Strategy<Value = String> {
    let units = prop::sample::select(vec![
        "件",
        "%",
        "％",
        "人次",
        "万元",
        "亿元",
        "个百分点",
        "倍",
        "户",
        "",
        "万件",
        "余件",
    ]);
    let prefix = prop::sample::select(vec![
        "",
        "近",
        "约",
        "达到",
        "超过",
        "同比增长",
        "同比下降",
        "其中",
    ]);
    (prefix, 0u64..200_000, 0u8..4, units).prop_map(|(p, n, decimals, unit)| {
        let number = match decimals {
            0 | 1 => n.to_string(),
            2 => format!("{}.{}", n / 100, n % 100),
            _ => format!("{}.{:03}", n / 1000, n % 1000),
        };
        format!("{p}{number}{unit}")
    })
}

fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        12 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => marker(),
        2 => figure(),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..160).prop_map(|v| v.concat())
}

/// Document text for a Word draft, with paragraphs, runs, tabs, breaks and list numbering.
fn document_xml() -> impl Strategy<Value = String> {
    let paragraph = (report_like(), 0usize..6).prop_map(|(text, kind)| {
        let text = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        match kind {
            0 => format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            ),
            1 => format!("<w:p><w:r><w:t>{text}</w:t><w:tab/><w:br/><w:t>{text}</w:t></w:r></w:p>"),
            2 => format!("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc><w:tc/></w:tr></w:tbl>"),
            3 => "<w:p/>".to_owned(),
            4 => format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}&#x4E00;&amp;</w:t></w:r></w:p>"),
            _ => format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"),
        }
    });
    prop::collection::vec(paragraph, 0..12).prop_map(|ps| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>",
            ps.concat()
        )
    })
}

const NUMBERING: &str = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\">\
    <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
    </w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// Damage: cut the file short and overwrite some bytes.
fn mutate(mut bytes: Vec<u8>, cut: Option<usize>, flips: &[(usize, u8)]) -> Vec<u8> {
    if !bytes.is_empty() {
        for &(at, b) in flips {
            let at = at % bytes.len();
            bytes[at] = b;
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut % (bytes.len() + 1));
    }
    bytes
}

fn damage() -> impl Strategy<Value = (Option<usize>, Vec<(usize, u8)>)> {
    (
        prop::option::weighted(0.3, any::<usize>()),
        prop::collection::vec((any::<usize>(), any::<u8>()), 0..4),
    )
}

/// A Word draft, intact or damaged, or with random parts beside the document.
fn zip_like() -> impl Strategy<Value = Vec<u8>> {
    (document_xml(), any::<bool>(), "[ -~]{0,40}", damage()).prop_map(
        |(document, numbering, junk, (cut, flips))| {
            let mut parts = vec![("word/document.xml", document.as_str())];
            if numbering {
                parts.push(("word/numbering.xml", NUMBERING));
            }
            parts.push(("word/styles.xml", junk.as_str()));
            mutate(zip_of(&parts), cut, &flips)
        },
    )
}

/// Tag soup around report text: every kind of element, entities, comments and broken markup.
fn html_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => report_like(),
        4 => prop::sample::select(vec![
            "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<td>", "<th>", "<tr>", "<table>",
            "</table>", "<pre>", "</pre>", "<li>", "<h1>", "</h1>", "<span>", "</span>",
            "<script>", "</script>", "<SCRIPT>", "<style>", "</style>", "<title>", "</title>",
            "<iframe>", "</iframe>", "<noembed>", "</noembed>", "<noframes>", "</noframes>",
            "<noscript>", "<template>", "<svg>", "</svg>", "<math>", "<textarea>", "<select>",
            "<button>", "<object>", "<xmp>", "<plaintext>", "<img src=x onerror=\"alert(1)\">",
            "<img alt=\"图\">", "<a href=\"javascript:alert(1)\">", "</a>", "<!--", "-->",
            "<![CDATA[", "]]>", "&nbsp;", "&lt;", "&gt;", "&amp;", "&#x4E00;", "&#0;",
            "&#1114112;", "&bogus;", "<", ">", "</", "<p", "=\"", "<?xml?>", "<!DOCTYPE html>",
            "<meta charset=\"gbk\">", "alert(1)",
        ])
        .prop_map(str::to_owned),
    ];
    (
        prop::sample::select(vec!["", "<!DOCTYPE html><html><body>", "\u{feff}<html>"]),
        prop::collection::vec(piece, 0..60),
    )
        .prop_map(|(head, pieces)| format!("{head}{}", pieces.concat()).into_bytes())
}

/// Report text behind a byte-order mark, in the encoding the mark names or not, maybe with a
/// lone last byte.
fn bom_prefixed() -> impl Strategy<Value = Vec<u8>> {
    (
        report_like(),
        0usize..4,
        prop::collection::vec(any::<u8>(), 0..64),
        prop::option::of(any::<u8>()),
    )
        .prop_map(|(text, kind, noise, odd)| {
            let mut bytes = match kind {
                0 => utf16le_with_bom(&text),
                1 => utf16be_with_bom(&text),
                2 => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
                // A mark for one encoding in front of bytes of no encoding.
                _ => [b"\xff\xfe".as_slice(), &noise].concat(),
            };
            bytes.extend(odd);
            bytes
        })
}

/// GB18030 (or UTF-8 or UTF-16 without a mark) report text, intact or damaged.
fn encoded_report() -> impl Strategy<Value = Vec<u8>> {
    (report_like(), 0usize..3, damage()).prop_map(|(text, kind, (cut, flips))| {
        let bytes = match kind {
            0 => gb18030(&text),
            1 => text.into_bytes(),
            _ => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        };
        mutate(bytes, cut, &flips)
    })
}

fn any_input() -> impl Strategy<Value = (String, Vec<u8>)> {
    let name = prop::sample::select(vec![
        "报告.txt",
        "报告.html",
        "报告.docx",
        "报告",
        "报告.pdf",
        "a.HTM",
        "",
    ])
    .prop_map(str::to_owned);
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..4096),
        zip_like(),
        html_like(),
        bom_prefixed(),
        encoded_report(),
    ];
    (name, bytes)
}

/// A page whose visible paragraphs are known, between elements that must leave nothing behind.
fn hostile_page() -> impl Strategy<Value = (String, Vec<String>)> {
    let words = prop::sample::select(vec![
        "一、总体情况",
        "全年办理",
        "行政许可事项",
        "1.2万件",
        "纠错率为23.29%",
        "一是",
        "二是",
        "加强学习",
        "规范执法",
        "。",
        "，",
        "（一）",
        "2024年",
    ]);
    let visible = prop::collection::vec(words, 1..6).prop_map(|w| w.concat());
    let hidden = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<SCRIPT type=module>alert(1); var s = '</scr' + 'ipt>';</SCRIPT>",
        "<style>p { background: url(javascript:alert(1)) }</style>",
        "<iframe src=\"javascript:alert(1)\"><p>alert(1)</p></iframe>",
        "<noscript><p>alert(1)</p></noscript>",
        "<noembed><script>alert(1)</script></noembed>",
        "<noframes><p>alert(1)</p></noframes>",
        "<template><p>alert(1)</p><script>alert(1)</script></template>",
        "<svg onload=\"alert(1)\"><script>alert(1)</script><text>alert(1)</text></svg>",
        "<math><mi>alert(1)</mi></math>",
        "<!-- <script>alert(1)</script> -->",
        "<textarea><script>alert(1)</script></textarea>",
        "<select><option>alert(1)</option></select>",
        "<button onclick=\"alert(1)\">alert(1)</button>",
        "<object data=\"javascript:alert(1)\">alert(1)</object>",
        "<title>alert(1)</title>",
        "<img src=x onerror=\"alert(1)\">",
    ]);
    let element = prop_oneof![
        // A paragraph, maybe with an inline link or image inside it.
        (visible.clone(), visible.clone(), 0usize..3).prop_map(|(a, b, inline)| {
            match inline {
                0 => (format!("<p>{a}</p>"), Some(a)),
                1 => (
                    format!(
                        "<p onclick=\"alert(1)\">{a}<a href=\"javascript:alert(1)\">{b}</a></p>"
                    ),
                    Some(format!("{a}{b}")),
                ),
                _ => (
                    format!("<p style=\"x\">{a}<img src=x onerror=\"alert(1)\">{b}</p>"),
                    Some(format!("{a}{b}")),
                ),
            }
        }),
        hidden.prop_map(|h| (h.to_owned(), None)),
    ];
    prop::collection::vec(element, 0..16).prop_map(|elements| {
        let mut page =
            String::from("<!DOCTYPE html><html><head><script>alert(1)</script></head><body>");
        let mut expected = Vec::new();
        for (markup, text) in elements {
            page.push_str(&markup);
            expected.extend(text);
        }
        page.push_str("</body></html>");
        (page, expected)
    })
}

// ---------------------------------------------------------------------------------------------
// Invariants

/// What `docs/json-format.md` promises about an analysis, beyond spans on boundaries.
fn check_analysis(text: &str, a: &Analysis) {
    assert_spans_valid(text, a);
    let sections = a.all_sections();
    for s in &sections {
        assert!(
            s.span.contains(s.heading_span),
            "a section starts at its heading"
        );
        for child in &s.children {
            assert!(
                s.span.contains(child.span),
                "a subsection lies in its section"
            );
            assert!(child.level > s.level, "a subsection is on a deeper level");
        }
        for w in s.children.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "subsections follow each other"
            );
        }
        let frame = &a.frame;
        for f in frame
            .title
            .iter()
            .chain(frame.recipient.iter())
            .chain(frame.signature.iter())
        {
            assert!(
                !s.span.overlaps(*f),
                "the title, recipient and signature are never part of a section"
            );
        }
    }
    for w in a.quantities.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "quantities in text order"
        );
    }
    for q in &a.quantities {
        assert_eq!(
            q.section,
            innermost_heading(&sections, q.span),
            "the quantity's section is the innermost one holding it"
        );
    }
    for w in a.findings.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "findings sorted by position"
        );
    }
    for r in &a.relations {
        assert!(r.total < a.quantities.len());
        assert!(r.parts.iter().all(|&p| p < a.quantities.len()));
        assert!(r.rate.is_none_or(|i| i < a.quantities.len()));
    }
    // The JSON reads back to the same analysis (up to the last bit of a float: serde_json
    // without `float_roundtrip` may read `100.00000000000001` as `100`).
    let json = serde_json::to_value(a).expect("serialises");
    let back: Analysis = serde_json::from_value(json.clone()).expect("the JSON reads back");
    let again = serde_json::to_value(&back).expect("serialises again");
    assert!(same_json(&json, &again), "{json}\n{again}");
}

fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(1.0),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// The innermost section holding `span`, found the slow way.
fn innermost_heading(sections: &[&Section], span: Span) -> Option<String> {
    sections
        .iter()
        .rev()
        .find(|s| s.number.is_some() && s.span.contains(span))
        .or_else(|| sections.iter().find(|s| s.span.contains(span)))
        .and_then(|s| (!s.heading.is_empty()).then(|| s.heading.clone()))
}

fn check_ingest(name: &str, bytes: &[u8]) {
    match ingest(name, bytes) {
        Ok(ingested) => {
            assert!(
                !ingested.text.trim().is_empty(),
                "an accepted file has text"
            );
            if bytes.starts_with(b"PK\x03\x04") {
                assert!(matches!(ingested.source.format, Format::Docx | Format::Ofd));
            }
            let (text, analysis) =
                analyze_bytes(name, bytes, &Options::default()).expect("read once, read again");
            assert_eq!(text, ingested.text);
            assert_eq!(analysis.source, ingested.source);
            check_analysis(&text, &analysis);
        }
        Err(e) => {
            assert_eq!(e.name, name);
            assert!(e.to_string().contains(&format!("“{name}”")), "{e}");
            assert!(
                e.english().contains(&format!("“{name}”")),
                "{}",
                e.english()
            );
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_ingest((name, bytes) in any_input()) {
        check_ingest(&name, &bytes);
    }

    #[test]
    fn fuzz_analyze(text in report_like()) {
        check_analysis(&text, &analyze(&text, &Options::default()));
    }

    #[test]
    fn fuzz_hostile_html_keeps_only_visible_text((page, expected) in hostile_page()) {
        match ingest("页面.html", page.as_bytes()) {
            Ok(ingested) => {
                prop_assert_eq!(ingested.source.format, Format::Html);
                prop_assert_eq!(ingested.text, expected.join("\n"));
            }
            Err(e) => {
                prop_assert!(expected.is_empty(), "{}", e);
            }
        }
    }
}
