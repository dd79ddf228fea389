//! Clean: tell the report apart from the portal page around it.
//!
//! Cleaning never rewrites the text. It splits the decoded text into lines, trims each line's
//! whitespace and classifies it as body, blank or chrome (breadcrumbs, the metadata block,
//! font-size and print widgets, footers). Because every line keeps its span in the decoded text,
//! the offset map back to what the user gave is the identity: every later stage reports spans
//! that highlight exactly what the user typed or dropped. What the chrome says (索引号, 文号,
//! 发布日期, 发布机构, 成文日期) is kept as [`PageFields`], not thrown away.
//!
//! The metadata block comes in many layouts: `key: value` pairs on one line or one per line,
//! bullet items (`• 索 引 号:…`), labels glued to the previous value (`10:14来源:作者:`),
//! colon-less tables with letter-spaced labels (`索 引 号 0160… 发布机构 市政府办`), and a bare
//! date, with or without its time, under the title or before a `来源` label. A page in
//! traditional script is read through [`crate::traditional::simplified`], at the same offsets.
//! What else a page prints around the document is in [`furniture`].

mod furniture;

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;
use crate::span::Span;
use crate::traditional::simplified;

/// What a line of the decoded text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Portal page residue: not part of the report.
    Chrome,
    Body,
    /// The report's title (set by the metadata stage).
    Title,
    /// The 主送机关 line (set by the metadata stage).
    Recipient,
    /// The 落款: issuing body and signing date (set by the metadata stage).
    Signature,
    /// Notes after the signature such as `（此件公开发布）` (set by the metadata stage).
    Note,
}

/// One line of the text: its trimmed content span and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    pub kind: LineKind,
}

/// A value read from the page's metadata block, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub value: String,
    pub span: Span,
}

/// What the portal's metadata block says about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFields {
    pub index_number: Option<Field>,
    pub doc_number: Option<Field>,
    /// 发布日期 / 发文日期 / 发布时间, as written.
    pub published: Option<Field>,
    /// 成文日期 as written.
    pub written: Option<Field>,
    /// 发布机构 / 发文机关.
    pub publisher: Option<Field>,
    /// 信息名称 / 名称 / 标题.
    pub title: Option<Field>,
    /// The title part of the browser tab title printed on the page (`标题-栏目-站名`).
    pub tab_title: Option<Field>,
}

/// The text split into classified lines, with the page's metadata.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub lines: Vec<Line>,
    pub fields: PageFields,
}

impl Cleaned {
    /// The body lines, in order.
    pub fn body(&self) -> impl Iterator<Item = &Line> + '_ {
        self.lines.iter().filter(|l| l.kind == LineKind::Body)
    }
}

/// Whitespace around and inside portal residue, including the ideographic space and NBSP.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

/// Keys of a portal's metadata block, longest first so that `信息来源` wins over `来源`.
const KEYS: &[(&str, FieldKey)] = &[
    ("政府信息公开索引号", FieldKey::Index),
    ("公文生成日期", FieldKey::Written),
    ("备注/文号", FieldKey::DocNumber),
    ("服务对象分类", FieldKey::Other),
    ("信息公开目录", FieldKey::Other),
    ("信息名称", FieldKey::Title),
    ("发布机构", FieldKey::Publisher),
    ("发文机关", FieldKey::Publisher),
    ("发文单位", FieldKey::Publisher),
    ("发布单位", FieldKey::Publisher),
    ("所属机构", FieldKey::Publisher),
    ("主题分类", FieldKey::Other),
    ("体裁分类", FieldKey::Other),
    ("组配分类", FieldKey::Other),
    ("信息分类", FieldKey::Other),
    ("信息类别", FieldKey::Other),
    ("公开目录", FieldKey::Other),
    ("文章来源", FieldKey::Other),
    ("相关文章", FieldKey::Other),
    ("当前位置", FieldKey::Other),
    ("发布日期", FieldKey::Published),
    ("发文日期", FieldKey::Published),
    ("公开日期", FieldKey::Published),
    ("发布时间", FieldKey::Published),
    ("成文日期", FieldKey::Written),
    ("生成日期", FieldKey::Written),
    ("印发日期", FieldKey::Written),
    ("废止日期", FieldKey::Other),
    ("生效日期", FieldKey::Other),
    ("失效日期", FieldKey::Other),
    ("实施日期", FieldKey::Other),
    ("发文字号", FieldKey::DocNumber),
    ("公开形式", FieldKey::Other),
    ("公开方式", FieldKey::Other),
    ("公开范围", FieldKey::Other),
    ("公开时限", FieldKey::Other),
    ("信息来源", FieldKey::Other),
    ("内容概述", FieldKey::Other),
    ("相关附件", FieldKey::Other),
    ("浏览次数", FieldKey::Other),
    ("字体大小", FieldKey::Other),
    ("责任编辑", FieldKey::Other),
    ("索引号", FieldKey::Index),
    ("主题词", FieldKey::Other),
    ("关键词", FieldKey::Other),
    ("关键字", FieldKey::Other),
    ("有效性", FieldKey::Other),
    ("时效性", FieldKey::Other),
    ("效力状态", FieldKey::Other),
    ("访问量", FieldKey::Other),
    ("点击数", FieldKey::Other),
    ("名称", FieldKey::Title),
    ("标题", FieldKey::Title),
    ("文号", FieldKey::DocNumber),
    ("分类", FieldKey::Other),
    ("来源", FieldKey::Other),
    ("附件", FieldKey::Other),
    ("作者", FieldKey::Other),
    ("字体", FieldKey::Other),
    ("字号", FieldKey::Other),
    ("时效", FieldKey::Other),
    ("点击", FieldKey::Other),
    ("日期", FieldKey::Published),
    ("时间", FieldKey::Published),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKey {
    Index,
    DocNumber,
    Published,
    Written,
    Publisher,
    Title,
    Other,
}

/// The keys as patterns that allow spacing between their characters (`索  引  号`).
fn key_alternatives() -> String {
    KEYS.iter()
        .map(|(key, _)| {
            let chars: Vec<String> = key.chars().map(|c| regex::escape(&c.to_string())).collect();
            format!("(?:{})", chars.join(r"[ \t\u{3000}\u{a0}]*"))
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// `索  引  号:` with any spacing between the characters, then a colon.
static KEY_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"({})[ \t\u{{3000}}\u{{a0}}]*[:：]",
        key_alternatives()
    ))
    .expect("metadata key pattern is valid")
});

/// A key of a colon-less table: the key, then spacing (`索 引 号 0160…`, `发布日期 2021-02-20`).
static BARE_KEY_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(&format!(
        r"({})[ \t\u{{3000}}\u{{a0}}]+",
        key_alternatives()
    ))
    .expect("metadata key pattern is valid")
});

/// Marks that open a bullet item: `• 来源: 司法厅`.
const BULLETS: &[char] = &['•', '●', '◆', '■', '▪', '►', '▶', '◇', '·'];

/// Split the text into classified lines and read the page's metadata block.
pub fn clean(text: &str) -> Cleaned {
    let simple = simplified(text);
    let read = simple.as_ref();
    let mut lines = Vec::new();
    let mut fields = PageFields::default();
    let mut footer = false;
    let mut seen_body = false;
    // Whether the document's running text has begun: a bare date before it is the page's date.
    let mut prose = false;
    for raw in raw_lines(read) {
        let Some(slice) = raw.text(read) else {
            continue;
        };
        let trimmed_start = slice.len() - slice.trim_start_matches(is_space).len();
        let content = slice.trim_matches(is_space);
        let bullet = content.len()
            - content
                .trim_start_matches(BULLETS)
                .trim_start_matches(is_space)
                .len();
        let content = &content[bullet..];
        let start = raw.start + trimmed_start + bullet;
        let mut span = Span::new(start, start + content.len());
        let kind = if content.is_empty() {
            LineKind::Blank
        } else if footer || (!prose && page_date_line(text, content, start, &mut fields)) {
            LineKind::Chrome
        } else if read_fields(text, content, start, &mut fields) || furniture::is_chrome(content) {
            if let Some(end) = furniture::tab_title(content) {
                fields
                    .tab_title
                    .get_or_insert_with(|| field(text, start, start + end));
            }
            if seen_body
                && !content.contains('。')
                && furniture::FOOTER_START.iter().any(|m| content.contains(m))
            {
                footer = true;
            }
            LineKind::Chrome
        } else {
            if !prose {
                if let Some(end) = dated_heading(text, content, start, &mut fields) {
                    span = Span::new(start, start + end);
                }
            }
            seen_body = true;
            prose |= content.contains('。') || content.chars().count() > 80;
            LineKind::Body
        };
        lines.push(Line { span, kind });
    }
    Cleaned { lines, fields }
}

/// A field whose value is `text[start..end]` (the original text, not its simplified reading).
fn field(text: &str, start: usize, end: usize) -> Field {
    let span = Span::new(start, end);
    Field {
        value: span.text(text).unwrap_or_default().to_owned(),
        span,
    }
}

/// A line that opens with the page's date, unlabeled: alone (`2022-03-30 15:59`, `2023年03月30日
/// 09时24分`), before other labels (`2021-03-28 10:22 来源: 某部网站`) or before a weekday (a
/// site's clock, which is no date of the document). Records the date as published.
fn page_date_line(text: &str, line: &str, offset: usize, fields: &mut PageFields) -> bool {
    let Some((_, end)) = dates::date_time_prefix(line) else {
        return false;
    };
    let rest = line[end..].trim_matches(is_space);
    let clock = rest.starts_with("星期") || rest.starts_with("礼拜") || rest.starts_with('周');
    let labels = !rest.is_empty() && (read_fields(text, rest, 0, &mut PageFields::default()));
    if !(rest.is_empty() || clock || labels || furniture::is_chrome(rest)) {
        return false;
    }
    if !clock {
        let date_end = line[..end].trim_end_matches(is_space).len();
        fields
            .published
            .get_or_insert_with(|| field(text, offset, offset + date_end));
        if labels {
            let rest_at = offset + line.len() - line[end..].trim_start_matches(is_space).len();
            read_fields(text, &line[rest_at - offset..], rest_at, fields);
        }
    }
    true
}

/// A heading with the page's date after it on the same line (`…年度报告 2023-01-20`): records
/// the date and returns the byte length of the heading without it.
fn dated_heading(text: &str, line: &str, offset: usize, fields: &mut PageFields) -> Option<usize> {
    if line.contains(['。', '，', ',']) || line.chars().count() > 80 {
        return None;
    }
    for (i, c) in line.char_indices().filter(|(_, c)| is_space(*c)) {
        let at = i + c.len_utf8();
        let rest = &line[at..];
        let Some((_, end)) = dates::date_time_prefix(rest) else {
            continue;
        };
        if !rest[end..].trim_matches(is_space).is_empty() {
            continue;
        }
        let heading = line[..i].trim_end_matches(is_space);
        if heading.chars().count() < 6 {
            return None;
        }
        let date_end = rest[..end].trim_end_matches(is_space).len();
        fields
            .published
            .get_or_insert_with(|| field(text, offset + at, offset + at + date_end));
        return Some(heading.len());
    }
    None
}

/// Line spans (without terminators) for `\n`, `\r\n` and lone `\r` line ends.
fn raw_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Span::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(Span::new(start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(Span::new(start, bytes.len()));
    out
}

/// If the line is a `key: value` metadata line (or a colon-less table row), record its fields
/// and say so. `line` is read in simplified script at `offset` of `text`; values come from `text`.
fn read_fields(text: &str, line: &str, offset: usize, fields: &mut PageFields) -> bool {
    let keyed = |re: &Regex, glued: bool| -> Vec<(usize, usize, String)> {
        re.captures_iter(line)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let key = c.get(1)?;
                let before = line[..whole.start()].chars().next_back();
                // A compact key may be glued to the value before it (`10:14来源:`); a
                // letter-spaced one must stand apart.
                let spaced = key.as_str().chars().any(is_space);
                let at_boundary = before.is_none_or(|b| is_space(b) || "|｜】]".contains(b))
                    || (glued && !spaced);
                at_boundary.then(|| (whole.start(), whole.end(), key.as_str().to_owned()))
            })
            .collect()
    };
    let mut matches = keyed(&KEY_RE, true);
    if matches.first().is_none_or(|m| m.0 != 0) {
        // A colon-less table row: two keys, or one letter-spaced key at the start.
        matches = keyed(&BARE_KEY_RE, false);
        let first_spaced = matches
            .first()
            .is_some_and(|m| m.0 == 0 && m.2.chars().any(is_space));
        if matches.first().is_none_or(|m| m.0 != 0) || (matches.len() < 2 && !first_spaced) {
            return false;
        }
    }
    for (i, (_, value_start, key)) in matches.iter().enumerate() {
        let value_end = matches.get(i + 1).map_or(line.len(), |m| m.0);
        let raw = &line[*value_start..value_end];
        let value = raw.trim_matches(|c: char| is_space(c) || c == '|' || c == '｜');
        if value.is_empty() {
            continue;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| is_space(c) || c == '|' || c == '｜')
                .len();
        let start = offset + value_start + lead;
        let compact: String = key.chars().filter(|c| !is_space(*c)).collect();
        let kind = KEYS
            .iter()
            .find(|(k, _)| *k == compact)
            .map_or(FieldKey::Other, |(_, f)| *f);
        let slot = match kind {
            FieldKey::Index => &mut fields.index_number,
            FieldKey::DocNumber => &mut fields.doc_number,
            FieldKey::Published => &mut fields.published,
            FieldKey::Written => &mut fields.written,
            FieldKey::Publisher => &mut fields.publisher,
            FieldKey::Title => &mut fields.title,
            FieldKey::Other => continue,
        };
        if slot.is_none() {
            *slot = Some(field(text, start, start + value.len()));
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(LineKind, &str)> {
        clean(text)
            .lines
            .iter()
            .map(|l| (l.kind, l.span.text(text).unwrap_or("?")))
            .collect()
    }

    #[test]
    fn metadata_block_becomes_fields() {
        let text = "索  引  号: 510600-2021-002407\n文  号: 东府〔2021〕4号 主 题 词:\n\
                    发布日期: 2021-03-30\n发文机关: 市政府办公室 发文日期: 2021年01月07日 11:11\n\
                    废止日期: 文 号:\n名  称: 某市人民政府关于2020年法治政府建设情况的报告";
        let cleaned = clean(text);
        assert!(cleaned.lines.iter().all(|l| l.kind == LineKind::Chrome));
        let f = &cleaned.fields;
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(
            value(&f.index_number).as_deref(),
            Some("510600-2021-002407")
        );
        assert_eq!(value(&f.doc_number).as_deref(), Some("东府〔2021〕4号"));
        assert_eq!(value(&f.published).as_deref(), Some("2021-03-30"));
        assert_eq!(value(&f.publisher).as_deref(), Some("市政府办公室"));
        assert_eq!(
            value(&f.title).as_deref(),
            Some("某市人民政府关于2020年法治政府建设情况的报告")
        );
        let index = f.index_number.as_ref().map(|f| f.span).unwrap_or_default();
        assert_eq!(index.text(text), Some("510600-2021-002407"));
    }

    #[test]
    fn widgets_breadcrumbs_and_footers_are_chrome() {
        let text = "首页  >  信息公开专栏  >  政府信息公开目录\n微信\nX\n\
                    发布时间:2022-12-27 14:10:37 【字体:\n一、总体情况\n正文内容。\n\
                    相关文件\n网站地图|网站支持IPV6\n地址:某市某路1号\n电脑版|手机版";
        let got = kinds(text);
        let body: Vec<&str> = got
            .iter()
            .filter(|(k, _)| *k == LineKind::Body)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(body, ["一、总体情况", "正文内容。"]);
    }

    #[test]
    fn report_lines_with_colons_or_footer_words_stay_body() {
        let text = "市人大常委会：\n现将有关情况报告如下：\n公布举报电话和联系电话，接受群众监督。\n来源于群众的意见。";
        assert!(
            clean(text).lines.iter().all(|l| l.kind == LineKind::Body),
            "{:?}",
            kinds(text)
        );
    }

    fn published(text: &str) -> Option<String> {
        clean(text).fields.published.map(|f| f.value)
    }

    #[test]
    fn page_dates_in_every_layout() {
        let cases: &[(&str, &str)] = &[
            (
                "某县报告\n时间 : 2021-03-31 15:31:55 来源 : 本网\n正文。",
                "2021-03-31 15:31:55",
            ),
            (
                "某县报告\n  • 2023年03月30日 09时24分\n  • 来源: 司法厅\n正文。",
                "2023年03月30日 09时24分",
            ),
            (
                "某县报告\n发布日期:2023/01/18 11:34:01\n正文。",
                "2023/01/18 11:34:01",
            ),
            (
                "某县报告\n时间:2021-01-29 10:14来源:作者:点击:\n正文。",
                "2021-01-29 10:14",
            ),
            (
                "某县报告\n浏览次数:信息来源: 区司法局发布时间:2025-11-07 16:34\n正文。",
                "2025-11-07 16:34",
            ),
            (
                "某县报告\n\n2022-03-30 15:59\n| | | |\n正文。",
                "2022-03-30 15:59",
            ),
            (
                "某县政府信息公开工作年度报告 2023-01-20\n\n2023年1月20日\n正文。",
                "2023-01-20",
            ),
            (
                "某部报告\n2021-03-28 10:22 來源: 某部網站\n正文。",
                "2021-03-28 10:22",
            ),
            (
                "日期:2026-02-14 09:29 来源:某市人民政府\n正文。",
                "2026-02-14 09:29",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(published(text).as_deref(), Some(*expected), "{text}");
        }
        // A site's clock, and a date after the running text has begun, are not the page's date.
        assert_eq!(
            published("今天是2024年5月6日 星期一\n某县报告\n正文。"),
            None
        );
        assert_eq!(published("2024年5月6日 星期一\n某县报告\n正文。"), None);
        assert_eq!(
            published("某县报告\n现将有关情况报告如下。\n2020年7月8日"),
            None
        );
    }

    #[test]
    fn bullet_items_and_colon_less_tables_are_fields() {
        let text = "• 索 引 号:QZ001-2026-00011\n    • 备注/文号:某政综〔2026〕2号\n    • 公文生成日期:2026-01-08\n\
                    索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办\n\
                    公开目录 年度报告 发布日期 2021-02-20 09:00\n名  称 某县2020年政府信息公开工作年度报告\n\
                    • 2022年,省政府坚持依法行政。";
        let cleaned = clean(text);
        let value = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        let f = &cleaned.fields;
        assert_eq!(value(&f.index_number).as_deref(), Some("QZ001-2026-00011"));
        assert_eq!(value(&f.doc_number).as_deref(), Some("某政综〔2026〕2号"));
        assert_eq!(value(&f.written).as_deref(), Some("2026-01-08"));
        assert_eq!(value(&f.published).as_deref(), Some("2021-02-20 09:00"));
        assert_eq!(
            value(&f.title).as_deref(),
            Some("某县2020年政府信息公开工作年度报告")
        );
        let body: Vec<&str> = kinds(text)
            .into_iter()
            .filter(|(k, _)| *k == LineKind::Body)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(body, ["2022年,省政府坚持依法行政。"]);
    }

    #[test]
    fn fields_of_a_traditional_page_keep_the_original_characters() {
        let text =
            "某部報告\n字號: 默認 超大 | 打印 |\n名稱: 某部2020年法治政府建設年度報告\n正文。";
        let cleaned = clean(text);
        assert_eq!(
            cleaned.fields.title.map(|f| f.value).as_deref(),
            Some("某部2020年法治政府建設年度報告")
        );
        assert_eq!(cleaned.lines[1].kind, LineKind::Chrome);
    }

    #[test]
    fn a_heading_keeps_its_span_without_the_date_after_it() {
        let text = "某区政府2022年政府信息公开工作年度报告 2023-01-20\n正文。";
        let cleaned = clean(text);
        assert_eq!(
            cleaned.lines[0].span.text(text),
            Some("某区政府2022年政府信息公开工作年度报告")
        );
        assert_eq!(cleaned.lines[0].kind, LineKind::Body);
    }

    #[test]
    fn crlf_and_cr_line_ends_give_the_same_lines() {
        let lf = kinds("甲\n乙\n\n丙");
        assert_eq!(kinds("甲\r\n乙\r\n\r\n丙").len(), lf.len());
        assert_eq!(
            kinds("甲\r乙\r\r丙")
                .iter()
                .map(|x| x.1)
                .collect::<Vec<_>>(),
            ["甲", "乙", "", "丙"]
        );
    }
}
