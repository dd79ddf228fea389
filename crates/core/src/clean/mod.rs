//! Clean: tell the report apart from the portal page around it.
//!
//! Cleaning never rewrites the text. It splits the decoded text into lines, trims each line's
//! whitespace and classifies it as body, blank or chrome (breadcrumbs, the metadata block,
//! font-size and print widgets, footers). Because every line keeps its span in the decoded text,
//! the offset map back to what the user gave is the identity: every later stage reports spans
//! that highlight exactly what the user typed or dropped. What the chrome says (索引号, 文号,
//! 发布日期, 发布机构, 成文日期) is kept as [`PageFields`], not thrown away.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// What a line of the decoded text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Portal page residue: not part of the report.
    Chrome,
    Body,
    /// The report's title (set by [`crate::metadata`]).
    Title,
    /// The 主送机关 line (set by [`crate::metadata`]).
    Recipient,
    /// The 落款: issuing body and signing date (set by [`crate::metadata`]).
    Signature,
    /// Notes after the signature such as `（此件公开发布）` (set by [`crate::metadata`]).
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

/// `索  引  号:` with any spacing between the characters, then a colon.
static KEY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = KEYS
        .iter()
        .map(|(key, _)| {
            let chars: Vec<String> = key.chars().map(|c| regex::escape(&c.to_string())).collect();
            format!("(?:{})", chars.join(r"[ \t\u{3000}\u{a0}]*"))
        })
        .collect();
    Regex::new(&format!(
        r"({})[ \t\u{{3000}}\u{{a0}}]*[:：]",
        alternatives.join("|")
    ))
    .expect("metadata key pattern is valid")
});

/// Words that make a line page furniture when they are all it says.
const WIDGETS: &[&str] = &[
    "微信",
    "微博",
    "QQ",
    "QQ空间",
    "分享",
    "分享到",
    "X",
    "×",
    "打印",
    "打印本页",
    "关闭",
    "关闭窗口",
    "返回顶部",
    "返回",
    "收藏",
    "电脑版",
    "手机版",
    "相关文件",
    "相关链接",
    "相关信息",
    "扫一扫",
    "在手机打开",
    "上一篇",
    "下一篇",
    "大",
    "中",
    "小",
    "A+",
    "A-",
    "A",
    "【",
    "】",
    "[",
    "]",
    "|",
    "字体",
    "默认",
    "无障碍",
    "长者模式",
    "繁體",
    "简体",
    "繁体",
    "分享至",
    "保存",
    "纠错",
];

/// Phrases that only portal footers and widgets contain (checked on lines without `。`).
const FOOTER_MARKS: &[&str] = &[
    "主办单位",
    "承办单位",
    "协办单位",
    "ICP备",
    "ICP 备",
    "公网安备",
    "网站标识码",
    "网站识别码",
    "网站地图",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "技术支持",
    "网站支持IPV6",
    "举报电话",
    "举报邮箱",
    "电子信箱",
    "联系我们",
    "建议使用",
    "分辨率",
    "网站导航",
    "维护单位",
    "运维单位",
];

/// Footer marks after which the rest of the page is footer.
const FOOTER_START: &[&str] = &[
    "主办单位",
    "承办单位",
    "ICP备",
    "公网安备",
    "网站标识码",
    "网站识别码",
    "版权所有",
    "网站地图",
    "网站导航",
];

/// Split the text into classified lines and read the page's metadata block.
pub fn clean(text: &str) -> Cleaned {
    let mut lines = Vec::new();
    let mut fields = PageFields::default();
    let mut footer = false;
    let mut seen_body = false;
    for raw in raw_lines(text) {
        let Some(slice) = raw.text(text) else {
            continue;
        };
        let trimmed_start = slice.len() - slice.trim_start_matches(is_space).len();
        let content = slice.trim_matches(is_space);
        let span = Span::new(
            raw.start + trimmed_start,
            raw.start + trimmed_start + content.len(),
        );
        let kind = if content.is_empty() {
            LineKind::Blank
        } else if footer {
            LineKind::Chrome
        } else if read_fields(content, span.start, &mut fields) || is_chrome(content) {
            if seen_body
                && !content.contains('。')
                && FOOTER_START.iter().any(|m| content.contains(m))
            {
                footer = true;
            }
            LineKind::Chrome
        } else {
            seen_body = true;
            LineKind::Body
        };
        lines.push(Line { span, kind });
    }
    Cleaned { lines, fields }
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

/// If the line is a `key: value` metadata line, record its fields and say so.
fn read_fields(line: &str, offset: usize, fields: &mut PageFields) -> bool {
    let mut matches = KEY_RE
        .captures_iter(line)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let key = c.get(1)?;
            let before = line[..whole.start()].chars().next_back();
            let at_boundary = before.is_none_or(|b| is_space(b) || "|｜】]".contains(b));
            at_boundary.then_some((whole.start(), whole.end(), key.as_str()))
        })
        .peekable();
    if matches.peek().is_none_or(|m| m.0 != 0) {
        return false;
    }
    let matches: Vec<_> = matches.collect();
    for (i, &(_, value_start, key)) in matches.iter().enumerate() {
        let value_end = matches.get(i + 1).map_or(line.len(), |m| m.0);
        let raw = &line[value_start..value_end];
        let value = raw.trim_matches(|c: char| is_space(c) || c == '|' || c == '｜');
        if value.is_empty() {
            continue;
        }
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| is_space(c) || c == '|')
                .len();
        let start = offset + value_start + lead;
        let field = Field {
            value: value.to_owned(),
            span: Span::new(start, start + value.len()),
        };
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
            *slot = Some(field);
        }
    }
    true
}

/// Breadcrumbs, widgets and footers.
fn is_chrome(line: &str) -> bool {
    if line.contains('。') {
        return false;
    }
    let compact: String = line.chars().filter(|c| !is_space(*c)).collect();
    let crumbs = compact.matches(['>', '＞', '»', '›']).count();
    let starts_nav = [
        "首页",
        "当前位置",
        "您的位置",
        "您现在的位置",
        "您当前的位置",
        "当前页面",
        "位置：",
    ]
    .iter()
    .any(|p| compact.starts_with(p));
    if crumbs >= 1 && (starts_nav || crumbs >= 2) && compact.chars().count() < 120 {
        return true;
    }
    if compact.contains("【字体")
        || compact.contains("字体：【")
        || compact.contains("打印本页")
        || compact.contains("关闭窗口")
    {
        return true;
    }
    if FOOTER_MARKS.iter().any(|m| line.contains(m)) && line.chars().count() < 160 {
        return true;
    }
    // A line made only of widget words and separators.
    let mut rest = compact.as_str();
    'outer: while !rest.is_empty() {
        for w in WIDGETS
            .iter()
            .copied()
            .filter(|w| w.chars().count() > 1)
            .chain(WIDGETS.iter().copied())
        {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r;
                continue 'outer;
            }
        }
        return false;
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
