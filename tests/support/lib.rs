//! Shared helpers of Baogao's end-to-end tests: the corpus, the CLI run in-process, and
//! builders that turn a report's text into the other forms users drop (GB18030, UTF-16, a saved
//! portal page, a Word draft with list numbering, a Word 97 / WPS binary draft, an OFD file, a PDF).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

mod ofd;
mod pdf;
mod word97;

pub use ofd::{ofd, ofd_bomb, ofd_entries, ofd_zip, OfdLayout};
pub use pdf::{pdf, pdf_file, pdf_image_only, stream, PdfFont, PdfLayout, RUNNING_HEADER};
pub use word97::{compound_file, doc, stream_location, word97, Word97, SECTOR};

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

/// Assert that every span of `analysis` lies on character boundaries of `text`, and that the
/// spans that quote the text quote it exactly (a heading, a quantity, an enumeration marker).
pub fn assert_spans_valid(text: &str, analysis: &baogao_core::Analysis) {
    let on_boundaries = |span: baogao_core::Span, what: &str| {
        assert!(
            span.start <= span.end && span.text(text).is_some(),
            "{what} span {span:?} is not on character boundaries of a {}-byte text",
            text.len()
        );
    };
    // The lines the analysis read (they are not in the JSON): cleaning splits them, and the later
    // stages only classify them.
    for line in &baogao_core::clean::clean(text).lines {
        on_boundaries(line.span, "line");
    }
    for section in analysis.all_sections() {
        on_boundaries(section.span, "section");
        assert_eq!(
            section.heading_span.text(text),
            Some(section.heading.as_str()),
            "heading span quotes the heading"
        );
        for e in &section.enumerations {
            assert_eq!(
                e.span.text(text),
                Some(e.marker.as_str()),
                "enumeration span"
            );
        }
    }
    for q in &analysis.quantities {
        assert_eq!(q.span.text(text), Some(q.text.as_str()), "quantity span");
    }
    for i in &analysis.indicators {
        on_boundaries(i.span, "indicator");
    }
    for f in &analysis.findings {
        on_boundaries(f.span, f.code);
        for s in &f.spans {
            on_boundaries(*s, f.code);
        }
        for edit in f.fix.iter().flat_map(|fix| &fix.edits) {
            on_boundaries(edit.span, f.code);
        }
    }
    for k in &analysis.keywords {
        for s in &k.spans {
            on_boundaries(*s, "keyword");
        }
    }
    for area in &analysis.policy_terms {
        for term in &area.terms {
            for s in &term.spans {
                on_boundaries(*s, "policy term");
            }
        }
    }
    let frame = &analysis.frame;
    for s in frame.title.iter().chain(
        [
            frame.doc_number,
            frame.recipient,
            frame.signature,
            frame.signed_date,
            frame.published_date,
        ]
        .iter()
        .flatten(),
    ) {
        on_boundaries(*s, "frame");
    }
}

/// A `.docx` zip bomb: one deflated `word/document.xml` whose text run is `expanded` copies of
/// the byte `fill`. The deflate stream is written by hand (fixed Huffman codes, one literal and
/// then 258-byte back-references of distance 1, 13 bits each), so a gigabyte costs 6.5 MB
/// and no time to build. The headers carry the true CRC-32 and, unless `declared` says
/// otherwise, the true uncompressed size: a well-formed archive that really expands that far.
pub fn zip_bomb(fill: u8, expanded: u64, declared: Option<u64>) -> Vec<u8> {
    let head = b"<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>";
    let tail = b"</w:t></w:r></w:p></w:body></w:document>";
    let size = head.len() as u64 + expanded + tail.len() as u64;
    let crc = crc32_combine(
        crc32_combine(crc32(head), crc32_run(fill, expanded), expanded),
        crc32(tail),
        tail.len() as u64,
    );
    let mut bits = BitWriter::default();
    bits.push(1, 1); // BFINAL
    bits.push(1, 2); // BTYPE = 01, fixed Huffman codes
    for &b in head {
        bits.literal(b);
    }
    let mut left = expanded;
    if left > 0 {
        bits.literal(fill);
        left -= 1;
    }
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1 (code 0)
        left -= 258;
    }
    for _ in 0..left {
        bits.literal(fill);
    }
    for &b in tail {
        bits.literal(b);
    }
    bits.code(0, 7); // end of block (code 256)
    let data = bits.finish();
    let declared = declared.unwrap_or(size);
    one_entry_zip("word/document.xml", 8, crc, &data, declared)
}

/// A one-entry zip archive around already compressed `data` (`method` 8 = deflate).
fn one_entry_zip(name: &str, method: u16, crc: u32, data: &[u8], uncompressed: u64) -> Vec<u8> {
    let u32_of = |n: u64| u32::try_from(n).expect("fits a zip32 archive");
    let name_len = u16::try_from(name.len()).expect("short name");
    let common = |out: &mut Vec<u8>| {
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // time
        out.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&u32_of(data.len() as u64).to_le_bytes());
        out.extend_from_slice(&u32_of(uncompressed).to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
    };
    let mut out = Vec::with_capacity(data.len() + 200);
    out.extend_from_slice(b"PK\x03\x04");
    common(&mut out);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(data);
    let directory = out.len();
    out.extend_from_slice(b"PK\x01\x02");
    out.extend_from_slice(&20u16.to_le_bytes()); // version made by
    common(&mut out);
    out.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
    out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
    out.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    out.extend_from_slice(name.as_bytes());
    let directory_len = out.len() - directory;
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]); // disk numbers
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&u32_of(directory_len as u64).to_le_bytes());
    out.extend_from_slice(&u32_of(directory as u64).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

/// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn push(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push((self.acc & 0xff) as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn code(&mut self, code: u32, bits: u32) {
        let reversed = code.reverse_bits() >> (32 - bits);
        self.push(reversed, bits);
    }

    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b - 144), 9),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push((self.acc & 0xff) as u8);
        }
        self.out
    }
}

/// CRC-32 (IEEE) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// CRC-32 of `n` copies of `byte`, by doubling with [`crc32_combine`].
fn crc32_run(byte: u8, mut n: u64) -> u32 {
    let (mut crc, mut piece, mut piece_len) = (0u32, crc32(&[byte]), 1u64);
    while n > 0 {
        if n & 1 == 1 {
            crc = crc32_combine(crc, piece, piece_len);
        }
        piece = crc32_combine(piece, piece, piece_len);
        piece_len *= 2;
        n >>= 1;
    }
    crc
}

/// The CRC-32 of `A ‖ B` from the CRCs of `A` and `B` (zlib's `crc32_combine`).
fn crc32_combine(mut crc1: u32, crc2: u32, mut len2: u64) -> u32 {
    fn times(matrix: &[u32; 32], mut vec: u32) -> u32 {
        let mut sum = 0;
        let mut i = 0;
        while vec != 0 {
            if vec & 1 != 0 {
                sum ^= matrix[i];
            }
            vec >>= 1;
            i += 1;
        }
        sum
    }
    fn square(matrix: &[u32; 32]) -> [u32; 32] {
        std::array::from_fn(|n| times(matrix, matrix[n]))
    }
    if len2 == 0 {
        return crc1;
    }
    // The operator for one zero bit, then squared to two and four bits.
    let mut odd = [0u32; 32];
    odd[0] = 0xedb8_8320;
    for (n, row) in odd.iter_mut().enumerate().skip(1) {
        *row = 1 << (n - 1);
    }
    let mut even = square(&odd);
    odd = square(&even);
    loop {
        even = square(&odd);
        if len2 & 1 != 0 {
            crc1 = times(&even, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
        odd = square(&even);
        if len2 & 1 != 0 {
            crc1 = times(&odd, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
    }
    crc1 ^ crc2
}

/// `../shared` next to the checkout (the corpus, the wild pages, the stress reports), when it is there.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    dir.join("stress").is_dir().then_some(dir)
}

/// The `.txt` texts of the given folders of `../shared`, each folder sorted by file name:
/// `("stress/gwr-01-2014.txt", path)`.
pub fn shared_texts(shared: &Path, dirs: &[&str]) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join(dir))
            .unwrap_or_else(|e| panic!("../shared/{dir} is readable: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            out.push((format!("{dir}/{name}"), path));
        }
    }
    out
}

/// Every line of the tab-separated files under `tests/ledger/<dir>` (or the one file
/// `tests/ledger/<dir>`), without blank and `#` comment lines: `(file name, line number, fields)`.
pub fn ledger_rows(dir: &str) -> Vec<(String, usize, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ledger")
        .join(dir);
    let mut files: Vec<PathBuf> = if root.is_dir() {
        std::fs::read_dir(&root)
            .expect("ledger directory is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect()
    } else if root.is_file() {
        vec![root]
    } else {
        Vec::new()
    };
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("ledger file is UTF-8");
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields = line.split('\t').map(str::to_owned).collect();
            out.push((name.clone(), i + 1, fields));
        }
    }
    out
}

/// What must not change between the text and another form of it: metadata, headings, parts
/// and the quantities (their text, value and unit, in order).
pub fn assert_same_analysis(label: &str, got: &Value, txt: &Value) {
    assert_eq!(got["metadata"], txt["metadata"], "{label}: metadata");
    assert_eq!(
        outline(&got["sections"]),
        outline(&txt["sections"]),
        "{label}: sections"
    );
    assert_eq!(got["parts"], txt["parts"], "{label}: parts");
    let quantities = |v: &Value| -> Vec<(Value, Value, Value)> {
        v["quantities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| (q["text"].clone(), q["value"].clone(), q["unit"].clone()))
            .collect()
    };
    assert_eq!(quantities(got), quantities(txt), "{label}: quantities");
}
