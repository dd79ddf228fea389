//! Metadata: what the report says about itself, and where.
//!
//! A report is framed by a title (sometimes split over two or three lines), perhaps a 文号 and a
//! 主送机关 line before the text, and a 落款 (issuing body, then the signing date) after it. This
//! stage finds that frame among the body lines, marks its lines so the section tree does not
//! swallow them, and reads the fields: what is written wins, and what is not written is
//! inferred (the year from the opening sentence, the issuer from the signature, the region
//! from the issuer's name). A field that cannot be read is `null`, never a guess dressed up as
//! fact: a malformed signing date stays `null` and the checks report it.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::clean::{Cleaned, Field, LineKind};
use crate::dates;
use crate::span::Span;
use crate::structure::parse_marker;

/// The `metadata` object of the JSON output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub region: Option<String>,
    pub level: Level,
    pub report_year: Option<i32>,
    pub doc_number: Option<String>,
    pub index_number: Option<String>,
    pub recipient: Option<String>,
    /// `YYYY-MM-DD`; `null` when there is no signing date or it is malformed.
    pub signed_date: Option<String>,
    /// `YYYY-MM-DD` from the page's 发布日期 / 发文日期.
    pub published_date: Option<String>,
}

/// The administrative level of the reporting unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    City,
    County,
    District,
    Department,
    #[default]
    Unknown,
}

impl Level {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::City => "市级",
            Level::County => "县级",
            Level::District => "区级",
            Level::Department => "部门",
            Level::Unknown => "未知",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::District => "district",
            Level::Department => "department",
            Level::Unknown => "unknown",
        }
    }
}

/// Where the report's frame stands in the text: the `frame` object of the JSON output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The title's lines (more than one when the title is split).
    pub title: Vec<Span>,
    pub doc_number: Option<Span>,
    pub recipient: Option<Span>,
    /// The issuing body in the 落款.
    pub signature: Option<Span>,
    /// The signing date as written, valid or not.
    pub signed_date: Option<Span>,
    /// The page's publication date field as written.
    pub published_date: Option<Span>,
}

/// Suffixes of the names of bodies that issue, sign or receive reports.
static ORG_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:人民政府|政府|委员会|常委会|办公室|领导小组|小组|局|厅|委|办|院|中心|部|处|署|所|站|队|室|会|司|公司|集团|政府办)$",
    )
    .expect("valid pattern")
});

/// How a title ends.
static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:报告|总结|汇报|情况|要点|通报|述职|述法|自查|综述)(?:[（(][^）)]{1,20}[)）])?$")
        .expect("valid pattern")
});

/// A 文号: `东府〔2021〕4号`, `X司发[2022]12号`.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}A-Za-z]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号")
        .expect("valid pattern")
});

/// A year at the start of a phrase: `2020年`, `二〇二〇年度`.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2}|[〇零○一二]{1}[〇零○一二三四五六七八九]{3})\s*年")
        .expect("valid pattern")
});

/// `我代表南山区人民政府向大会报告工作`: the body a work report speaks for.
static SPEAKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"我代表(\p{Han}{2,20}?人民政府)").expect("valid pattern"));

/// Place names, unit by unit: `南通市崇川区`.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Han}{1,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|州|盟|县|旗|区))+")
        .expect("valid pattern")
});
static REGION_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\p{Han}{1,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|州|盟|县|旗|区)",
    )
    .expect("valid pattern")
});
/// Words that never stand inside a place name: they mean the match ran into an organisation.
const NOT_PLACE: &[&str] = &[
    "人民",
    "政府",
    "关于",
    "法治",
    "建设",
    "工作",
    "委",
    "局",
    "的",
    "和",
    "与",
    "我",
    "全",
    "各",
    "本年",
    "城区",
    "辖区",
    "社区",
    "园区",
    "景区",
    "小区",
    "片区",
    "开发区",
    "试验区",
    "示范区",
];
const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// Read the metadata, mark the frame's lines in `cleaned`, and say where the frame stands.
pub fn read(text: &str, cleaned: &mut Cleaned) -> (Metadata, Frame) {
    let mut meta = Metadata::default();
    let mut frame = Frame::default();
    let body: Vec<usize> = cleaned
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Body)
        .map(|(i, _)| i)
        .collect();
    let spans: Vec<Span> = cleaned.lines.iter().map(|l| l.span).collect();
    let line_text = |i: usize| spans[i].text(text).unwrap_or_default();

    // The header zone: body lines before the first heading, at most a handful.
    let first_heading = body
        .iter()
        .position(|&i| parse_marker(line_text(i)).is_some())
        .unwrap_or(body.len());
    let zone: Vec<usize> = body[..first_heading].iter().copied().take(8).collect();
    let mut kinds: Vec<(usize, LineKind)> = Vec::new();

    // 文号 and 红头 lines before the title.
    let mut k = 0;
    header_lines(&zone, &mut k, &line_text, &spans, &mut frame, &mut kinds);
    // The title: one to three short lines, ending as titles end.
    let field_title = cleaned.fields.title.as_ref().map(|f| compact(&f.value));
    let mut title_lines: Vec<usize> = Vec::new();
    for n in 1..=3 {
        let Some(lines) = zone.get(k..k + n) else {
            break;
        };
        if lines.iter().any(|&i| !title_line(line_text(i))) {
            break;
        }
        let joined: String = lines.iter().map(|&i| line_text(i)).collect();
        if joined.chars().count() > 90 {
            break;
        }
        let matches_field = field_title
            .as_deref()
            .is_some_and(|f| f == compact(&joined));
        if TITLE_END.is_match(&joined) || matches_field {
            title_lines = lines.to_vec();
            break;
        }
    }
    if !title_lines.is_empty() {
        let joined: String = title_lines.iter().map(|&i| line_text(i)).collect();
        meta.title = Some(joined);
        frame.title = title_lines.iter().map(|&i| spans[i]).collect();
        kinds.extend(title_lines.iter().map(|&i| (i, LineKind::Title)));
        k += title_lines.len();
    }
    // A page heading may be followed by the document's own title, the same words split over
    // lines (`…外事办公室` / `政府信息公开工作2022年度报告`): those lines are the title again.
    if let Some(title) = meta.title.as_deref().map(compact) {
        for n in (2..=3).rev() {
            let Some(lines) = zone.get(k..k + n) else {
                continue;
            };
            let joined: String = lines.iter().map(|&i| line_text(i)).collect();
            if compact(&joined) == title {
                kinds.extend(lines.iter().map(|&i| (i, LineKind::Title)));
                k += n;
                break;
            }
        }
    }
    // A 文号 may also stand under the title.
    header_lines(&zone, &mut k, &line_text, &spans, &mut frame, &mut kinds);

    // The recipient: `省委依法治省办：`, or a bare organisation name right under the title.
    if let Some(&i) = zone.get(k) {
        let line = line_text(i);
        let stripped = line.trim_end_matches([':', '：']);
        let has_colon = stripped.len() < line.len();
        let plain =
            !stripped.contains(['。', '，', ',', '；', ';', '：', ':']) && !stripped.is_empty();
        let short = stripped.chars().count() <= if has_colon { 40 } else { 24 };
        let looks_like_org =
            ORG_END.is_match(stripped) && !stripped.chars().any(|c| c.is_ascii_digit());
        let after_title = !title_lines.is_empty();
        // A bare name that the next line carries on into a title is the title's first line.
        let continued = !has_colon
            && zone
                .get(k + 1)
                .is_some_and(|&j| TITLE_END.is_match(&format!("{line}{}", line_text(j))));
        if plain && short && !continued && (has_colon || (after_title && looks_like_org)) {
            meta.recipient = Some(stripped.to_owned());
            let start = spans[i].start;
            frame.recipient = Some(Span::new(start, start + stripped.len()));
            kinds.push((i, LineKind::Recipient));
        }
    }

    // The signature, read from the end: notes, then a date, then the issuing body.
    let last_heading = body
        .iter()
        .rposition(|&i| parse_marker(line_text(i)).is_some());
    let tail_floor = last_heading.map_or(zone.len().max(k), |p| p + 1);
    let mut tail = body.len();
    let mut notes = Vec::new();
    while tail > tail_floor && notes.len() < 4 && is_note(line_text(body[tail - 1])) {
        tail -= 1;
        notes.push(body[tail]);
    }
    let mut signature = Vec::new();
    if tail > tail_floor && dates::is_date_line(line_text(body[tail - 1])) {
        tail -= 1;
        let i = body[tail];
        frame.signed_date = Some(spans[i]);
        meta.signed_date = dates::parse(line_text(i)).map(|d| d.iso());
        signature.push(i);
    }
    if tail > tail_floor && signature_org(line_text(body[tail - 1])) {
        tail -= 1;
        let i = body[tail];
        frame.signature = Some(spans[i]);
        signature.push(i);
    }
    if !signature.is_empty() {
        kinds.extend(signature.iter().map(|&i| (i, LineKind::Signature)));
        kinds.extend(notes.iter().map(|&i| (i, LineKind::Note)));
    }
    for (i, kind) in kinds {
        cleaned.lines[i].kind = kind;
    }

    let signer = frame
        .signature
        .and_then(|s| s.text(text))
        .map(str::to_owned);
    let opening_text: String = body[k.min(body.len())..]
        .iter()
        .take(3)
        .map(|&i| line_text(i))
        .collect();
    let speaker = SPEAKER.captures(&opening_text).map(|c| c[1].to_owned());
    meta.issuer = meta
        .title
        .as_deref()
        .and_then(issuer_in_title)
        .or_else(|| signer.clone())
        .or(speaker);
    let candidates = [
        meta.issuer.clone(),
        signer,
        meta.title.clone(),
        zone.first().map(|&i| line_text(i).to_owned()),
    ];
    meta.region = candidates.iter().flatten().find_map(|c| region_of(c));
    meta.level = level_of(meta.issuer.as_deref(), meta.region.as_deref());

    let fields = &cleaned.fields;
    meta.index_number = fields.index_number.as_ref().map(|f| f.value.clone());
    meta.doc_number = fields
        .doc_number
        .as_ref()
        .map(|f| f.value.clone())
        .or_else(|| {
            frame
                .doc_number
                .and_then(|s| s.text(text))
                .map(|s| s.split_whitespace().collect())
        });
    if frame.doc_number.is_none() {
        frame.doc_number = fields.doc_number.as_ref().map(|f| f.span);
    }
    frame.published_date = fields.published.as_ref().map(|f: &Field| f.span);
    meta.published_date = fields
        .published
        .as_ref()
        .and_then(|f| dates::parse(&f.value))
        .map(|d| d.iso());

    let opening: Vec<&str> = body[k.min(body.len())..]
        .iter()
        .take(2)
        .map(|&i| line_text(i))
        .collect();
    meta.report_year = meta
        .title
        .as_deref()
        .and_then(first_year)
        .or_else(|| {
            opening
                .iter()
                .find_map(|l| l.split('。').next().and_then(first_year))
        })
        .or_else(|| {
            let signed = meta.signed_date.as_deref().and_then(dates::parse)?;
            Some(if signed.month >= 10 {
                signed.year
            } else {
                signed.year - 1
            })
        })
        .or_else(|| {
            let published = meta.published_date.as_deref().and_then(dates::parse)?;
            Some(if published.month >= 10 {
                published.year
            } else {
                published.year - 1
            })
        });
    (meta, frame)
}

/// Skip the 红头 lines at `zone[*k..]` (`某某市人民政府文件`, a 文号), recording the 文号.
fn header_lines<'t>(
    zone: &[usize],
    k: &mut usize,
    line_text: &dyn Fn(usize) -> &'t str,
    spans: &[Span],
    frame: &mut Frame,
    kinds: &mut Vec<(usize, LineKind)>,
) {
    while let Some(&i) = zone.get(*k) {
        let line = line_text(i);
        let doc_number = DOC_NUMBER
            .find(line)
            .filter(|m| m.start() == 0 && line.len() - m.end() < 4);
        if let Some(m) = doc_number {
            frame.doc_number = Some(Span::new(m.start(), m.end()).offset(spans[i].start));
            kinds.push((i, LineKind::Title));
        } else if line.ends_with("文件") && line.chars().count() <= 30 && !line.contains('。') {
            kinds.push((i, LineKind::Title));
        } else {
            break;
        }
        *k += 1;
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !crate::clean::is_space(*c)).collect()
}

/// A line that can be (part of) a title.
fn title_line(line: &str) -> bool {
    !line.contains(['。', '；', ';', '：', ':', '，'])
        && line.chars().count() <= 60
        && !dates::is_date_line(line)
        && parse_marker(line).is_none()
}

/// A line after the signature: `（此件主动公开）`, `附件：…`, `抄送：…`.
fn is_note(line: &str) -> bool {
    let n = line.chars().count();
    let bracketed = (line.starts_with('(') || line.starts_with('（'))
        && (line.ends_with(')') || line.ends_with('）'));
    (bracketed && n <= 30)
        || (["附件", "抄送", "联系人", "（联系人", "(联系人"]
            .iter()
            .any(|p| line.starts_with(p))
            && n <= 80
            && !line.contains('。'))
}

/// A line that names the issuing body in a 落款.
fn signature_org(line: &str) -> bool {
    line.chars().count() <= 40
        && !line.contains(['。', '，', ',', '；', ';', '：', ':', '“', '"', '、', '\t'])
        && ORG_END.is_match(line)
        && parse_marker(line).is_none()
}

/// `德阳市人民政府关于2020年…的报告` → `德阳市人民政府`; `某市司法局2022年…报告` → `某市司法局`.
fn issuer_in_title(title: &str) -> Option<String> {
    if let Some(pos) = title.find("关于") {
        let prefix = title[..pos].trim();
        if !prefix.is_empty() && prefix.chars().count() <= 40 {
            return Some(prefix.to_owned());
        }
    }
    let prefix = &title[..YEAR.find(title).map_or(0, |m| m.start())];
    let prefix = prefix.trim();
    let is_place_only = region_of(prefix).is_some_and(|r| r == prefix);
    (!prefix.is_empty() && ORG_END.is_match(prefix) && !is_place_only).then(|| prefix.to_owned())
}

/// The place a name starts with: `南通市崇川区人民政府` → `南通市崇川区`.
pub fn region_of(name: &str) -> Option<String> {
    let mut s = name.trim();
    for prefix in ["中国共产党", "中共"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    if let Some(m) = YEAR.find(s).filter(|m| m.start() == 0) {
        s = &s[m.end()..];
        s = s.strip_prefix('度').unwrap_or(s);
    }
    let whole = REGION.find(s)?;
    let mut end = 0;
    for unit in REGION_UNIT.find_iter(whole.as_str()) {
        if unit.start() != end || NOT_PLACE.iter().any(|w| unit.as_str().contains(w)) {
            break;
        }
        end = unit.end();
    }
    (end > 0).then(|| whole.as_str()[..end].to_owned())
}

fn level_of(issuer: Option<&str>, region: Option<&str>) -> Level {
    if issuer.is_some_and(is_department) {
        return Level::Department;
    }
    let Some(region) = region else {
        return Level::Unknown;
    };
    if MUNICIPALITIES
        .iter()
        .any(|m| region.ends_with(m) && region.len() == m.len())
    {
        return Level::Province;
    }
    let last = REGION_UNIT
        .find_iter(region)
        .last()
        .map_or(region, |m| m.as_str());
    if last.ends_with("省") || last.ends_with("自治区") || last.ends_with("特别行政区") {
        Level::Province
    } else if last.ends_with("自治县") || last.ends_with("县") || last.ends_with("旗") {
        Level::County
    } else if last.ends_with("林区")
        || last.ends_with("地区")
        || last.ends_with("市")
        || last.ends_with("州")
        || last.ends_with("盟")
    {
        Level::City
    } else if last.ends_with("区") {
        Level::District
    } else {
        Level::Unknown
    }
}

/// A department's own report, as opposed to a report for a whole region. The coordinating
/// bodies of 法治建设 (a 委员会办公室, a 依法治市办) report for the region they coordinate.
fn is_department(issuer: &str) -> bool {
    const REGION_WIDE: &[&str] = &["依法治", "法治建设", "法治政府建设", "全面依法"];
    if REGION_WIDE.iter().any(|w| issuer.contains(w)) || issuer.ends_with("政府") {
        return false;
    }
    let region = region_of(issuer).unwrap_or_default();
    let rest = &issuer[region.len()..];
    // `某市委` / `中共某县委` alone is the party committee of the region.
    if rest == "委" || rest.is_empty() || rest.contains("人民政府") && !rest.ends_with("办公室")
    {
        return false;
    }
    ORG_END.is_match(rest)
}

fn first_year(s: &str) -> Option<i32> {
    YEAR.captures(s).and_then(|c| dates::parse_year(&c[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn meta(text: &str) -> (Metadata, Cleaned) {
        let mut cleaned = clean(text);
        let (m, _) = read(text, &mut cleaned);
        (m, cleaned)
    }

    #[test]
    fn title_split_over_two_lines_is_joined() {
        let text = "某某市人民政府关于\n\n某某市2021年度法治政府建设情况的报告\n\n市人大常委会\n\n2021年,我市扎实推进。\n一、主要成效\n正文。";
        let (m, _) = meta(text);
        assert_eq!(
            m.title.as_deref(),
            Some("某某市人民政府关于某某市2021年度法治政府建设情况的报告")
        );
        assert_eq!(m.issuer.as_deref(), Some("某某市人民政府"));
        assert_eq!(m.recipient.as_deref(), Some("市人大常委会"));
        assert_eq!(m.region.as_deref(), Some("某某市"));
        assert_eq!(m.level, Level::City);
        assert_eq!(m.report_year, Some(2021));
    }

    #[test]
    fn recipient_with_colon_and_signature_at_the_end() {
        let text = "青山县2022年法治政府建设情况报告\n县委依法治县办：\n现将情况报告如下。\n一、成效\n正文。\n\n青山县人民政府\n2023年1月10日\n（此件公开发布）";
        let (m, cleaned) = meta(text);
        assert_eq!(m.recipient.as_deref(), Some("县委依法治县办"));
        assert_eq!(m.issuer.as_deref(), Some("青山县人民政府"));
        assert_eq!(m.signed_date.as_deref(), Some("2023-01-10"));
        assert_eq!(m.level, Level::County);
        let kinds: Vec<LineKind> = cleaned
            .lines
            .iter()
            .map(|l| l.kind)
            .filter(|k| *k != LineKind::Blank)
            .collect();
        assert_eq!(kinds.last(), Some(&LineKind::Note));
        assert_eq!(kinds[0], LineKind::Title);
        assert_eq!(kinds[1], LineKind::Recipient);
    }

    #[test]
    fn doc_number_in_the_header() {
        let text = "青山区人民政府文件\n青政发〔2023〕7号\n青山区人民政府关于2022年法治政府建设情况的报告\n一、成效\n正文。";
        let (m, _) = meta(text);
        assert_eq!(m.doc_number.as_deref(), Some("青政发〔2023〕7号"));
        assert_eq!(
            m.title.as_deref(),
            Some("青山区人民政府关于2022年法治政府建设情况的报告")
        );
        assert_eq!(m.level, Level::District);
    }

    #[test]
    fn a_departments_report() {
        let text =
            "青山市司法局2022年法治政府建设年度报告\n一、成效\n正文。\n青山市司法局\n2023年1月5日";
        let (m, _) = meta(text);
        assert_eq!(m.issuer.as_deref(), Some("青山市司法局"));
        assert_eq!(m.region.as_deref(), Some("青山市"));
        assert_eq!(m.level, Level::Department);
    }

    #[test]
    fn malformed_signing_date_is_null_but_located() {
        let text = "一、成效\n正文。\n东山市人民政府\n202116\n(此件主动公开)";
        let mut cleaned = clean(text);
        let (m, frame) = read(text, &mut cleaned);
        assert_eq!(m.signed_date, None);
        assert_eq!(frame.signed_date.and_then(|s| s.text(text)), Some("202116"));
        assert_eq!(m.issuer.as_deref(), Some("东山市人民政府"));
        assert_eq!(m.report_year, None);
    }

    #[test]
    fn year_from_the_opening_sentence_and_no_title() {
        let text = "2019年,某区政府认真贯彻落实。现将有关情况报告如下:\n一、工作情况\n正文。";
        let (m, _) = meta(text);
        assert_eq!(m.title, None);
        assert_eq!(m.report_year, Some(2019));
        assert_eq!(m.recipient, None);
    }

    #[test]
    fn regions() {
        let cases = [
            ("南通市崇川区人民政府", Some("南通市崇川区")),
            ("中共本溪市委法治建设委员会办公室", Some("本溪市")),
            ("2023年陇西县法治政府建设工作总结", Some("陇西县")),
            (
                "德阳市人民政府关于2020年法治政府建设情况的报告",
                Some("德阳市"),
            ),
            ("广西壮族自治区人民政府", Some("广西壮族自治区")),
            ("市人大常委会", None),
            ("关于法治政府建设的报告", None),
        ];
        for (name, expected) in cases {
            assert_eq!(region_of(name).as_deref(), expected, "{name}");
        }
        assert_eq!(level_of(None, Some("上海市")), Level::Province);
        assert_eq!(
            level_of(Some("中共本溪市委法治建设委员会办公室"), Some("本溪市")),
            Level::City
        );
        assert_eq!(
            level_of(Some("某省生态环境厅"), Some("某省")),
            Level::Department
        );
    }
}
