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

use crate::clean::{Cleaned, Field, LineKind, PageFields};
use crate::dates;
use crate::genre;
use crate::marker::parse_marker;
use crate::model::Genre;
pub use crate::model::{Frame, Level, Metadata};
use crate::span::Span;
use crate::traditional::simplified;
use regex::Regex;

/// Suffixes of the names of bodies that issue, sign or receive reports.
static ORG_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?:人民政府|政府|委员会|常委会|办公室|领导小组|小组|局|厅|委|办|院|中心|部|处|署|所|站|队|室|会|司|公司|集团|政府办|机关|单位|部门)$",
    )
    .expect("valid pattern")
});

/// How a title ends.
static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:报告|总结|汇报|情况|要点|通报|述职|述法|自查|综述|通知|解读)(?:[（(][^）)]{1,20}[)）])?$")
        .expect("valid pattern")
});

/// A 文号: `东府〔2021〕4号`, `X司发[2022]12号`.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"[\p{Han}A-Za-z]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号")
        .expect("valid pattern")
});

/// A year at the start of a phrase: `2020年`, `二〇二〇年度`.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"((?:19|20)\d{2}|[〇零○一二]{1}[〇零○一二三四五六七八九]{3})\s*年")
        .expect("valid pattern")
});

/// `我代表南山区人民政府向大会报告工作`: the body a work report speaks for.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"我代表(\p{Han}{2,20}?人民政府)").expect("valid pattern")
});

/// Place names, unit by unit: `南通市崇川区`.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(?:\p{Han}{1,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|街道|省|市|州(?:市|县|区)?|盟|县|旗|区|镇|乡))+")
        .expect("valid pattern")
});
static REGION_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"\p{Han}{1,7}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|街道|省|市|州(?:市|县|区)?|盟|县|旗|区|镇|乡)",
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
    "开发区",
    "试验区",
    "示范区",
];
/// Words that are no place when they are the whole unit (`城区`, but `朔城区` is one).
const NOT_PLACE_ALONE: &[&str] = &[
    "城区", "辖区", "社区", "园区", "景区", "小区", "片区", "城镇", "乡镇", "乡村", "市区", "县区",
];

/// Whether a unit matched by [`REGION_UNIT`] is no place: `全县`, `城区`, `人民政府…区`.
fn not_place(unit: &str) -> bool {
    NOT_PLACE.iter().any(|w| unit.contains(w)) || NOT_PLACE_ALONE.contains(&unit)
}
/// Words that never stand inside a place name found in running text (a place read off a title
/// or a name may be as short as `某县`; one found in a sentence needs two characters and none of
/// these, or `在区人大` would read as a district).
const NOT_IN_RUNNING_PLACE: &[char] = &[
    '在', '将', '由', '为', '对', '从', '是', '与', '和', '及', '以', '按', '向', '到', '至', '经',
    '并', '等', '该', '其', '此', '每', '现', '省', '市', '县', '区', '镇', '乡', '年', '度', '了',
    '有', '于', '把', '被', '中', '上', '下',
];
/// The provincial-level divisions (GB/T 2260), found by name when a report says only `省政府`.
const PROVINCES: &[&str] = &[
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "台湾省",
    "香港特别行政区",
    "澳门特别行政区",
];
const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// The frame's lines, each with what it is (title, recipient, signature, note, or page chrome
/// found among the body lines), by line index, in the order they were found.
pub type FrameLines = Vec<(usize, LineKind)>;

/// Read the metadata, say where the frame stands, and which lines are the frame's (for the
/// pipeline to mark, so that no later stage takes them for body).
///
/// The lines are matched in simplified script (see [`crate::traditional`]); what the metadata
/// says is taken from `text` as written.
pub fn read(text: &str, cleaned: &Cleaned) -> (Metadata, Frame, FrameLines) {
    let simple = simplified(text);
    let (mut meta, frame, lines) = read_simplified(simple.as_ref(), cleaned);
    if simple.as_ref() != text {
        let restore = |value: &mut Option<String>| {
            if let Some(v) = value.as_mut() {
                let found = simple
                    .find(v.as_str())
                    .and_then(|p| text.get(p..p + v.len()));
                if let Some(original) = found {
                    *v = original.to_owned();
                }
            }
        };
        restore(&mut meta.issuer);
        restore(&mut meta.region);
        restore(&mut meta.recipient);
        restore(&mut meta.doc_number);
        if !frame.title.is_empty() {
            meta.title = Some(frame.title.iter().filter_map(|s| s.text(text)).collect());
        }
    }
    (meta, frame, lines)
}

/// Mark the frame's lines in `cleaned` as what they are.
pub fn mark(cleaned: &mut Cleaned, lines: &FrameLines) {
    for &(i, kind) in lines {
        if let Some(line) = cleaned.lines.get_mut(i) {
            line.kind = kind;
        }
    }
}

fn read_simplified(text: &str, cleaned: &Cleaned) -> (Metadata, Frame, FrameLines) {
    let mut r = FrameReader::new(text, cleaned);
    let known_titles: Vec<String> = [&cleaned.fields.title, &cleaned.fields.tab_title]
        .into_iter()
        .flatten()
        .map(|f| compact(&simplified(&f.value)))
        .collect();
    // 文号 and 红头 lines before the title.
    r.header_lines();
    r.skip_labels(&known_titles);
    let has_title = r.read_title(&known_titles);
    r.skip_repeated_title();
    // A 文号 may also stand under the title.
    r.header_lines();
    r.skip_repeated_title();
    r.read_recipient(has_title);
    r.read_signature();
    let inline_signer = r.inline_signer();
    r.read_issuer_and_region(cleaned, inline_signer);
    r.read_fields(&cleaned.fields);
    r.read_report_year();
    (r.meta, r.frame, r.kinds)
}

/// What [`read_simplified`] reads from: the body lines, the header zone among them, and what it
/// has found so far.
struct FrameReader<'t> {
    text: &'t str,
    /// Every line's span, by line index.
    spans: Vec<Span>,
    /// The indices of the body lines.
    body: Vec<usize>,
    /// The header zone: body lines before the first heading, at most a handful.
    zone: Vec<usize>,
    /// How many lines of the zone the frame has taken so far.
    k: usize,
    /// The kind found for each frame line.
    kinds: Vec<(usize, LineKind)>,
    meta: Metadata,
    frame: Frame,
}

impl<'t> FrameReader<'t> {
    fn new(text: &'t str, cleaned: &Cleaned) -> Self {
        let body: Vec<usize> = cleaned
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LineKind::Body)
            .map(|(i, _)| i)
            .collect();
        let spans: Vec<Span> = cleaned.lines.iter().map(|l| l.span).collect();
        let line_text = |i: usize| spans[i].text(text).unwrap_or_default();
        let first_heading = body
            .iter()
            .position(|&i| parse_marker(line_text(i)).is_some())
            .unwrap_or(body.len());
        let zone: Vec<usize> = body[..first_heading].iter().copied().take(8).collect();
        FrameReader {
            text,
            spans,
            body,
            zone,
            k: 0,
            kinds: Vec::new(),
            meta: Metadata::default(),
            frame: Frame::default(),
        }
    }

    fn line(&self, i: usize) -> &'t str {
        self.spans[i].text(self.text).unwrap_or_default()
    }

    /// 文号 and 红头 lines at the cursor.
    fn header_lines(&mut self) {
        while let Some(&i) = self.zone.get(self.k) {
            let line = self.line(i);
            let doc_number = DOC_NUMBER
                .find(line)
                .filter(|m| m.start() == 0 && line.len() - m.end() < 4);
            if let Some(m) = doc_number {
                let span = Span::new(m.start(), m.end()).offset(self.spans[i].start);
                self.frame.doc_number = Some(span);
                self.kinds.push((i, LineKind::Title));
            } else if line.ends_with("文件") && line.chars().count() <= 30 && !line.contains('。')
            {
                self.kinds.push((i, LineKind::Title));
            } else {
                break;
            }
            self.k += 1;
        }
    }

    /// How many zone lines from `k` make the title: one to three short lines, ending as titles
    /// end (or as the page's own title field reads).
    fn title_at(&self, k: usize, known_titles: &[String]) -> Option<usize> {
        for n in 1..=3 {
            let lines = self.zone.get(k..k + n)?;
            if lines.iter().any(|&i| !title_line(self.line(i))) {
                return None;
            }
            let joined: String = lines.iter().map(|&i| self.line(i)).collect();
            if joined.chars().count() > 90 {
                return None;
            }
            if TITLE_END.is_match(&joined) || known_titles.contains(&compact(&joined)) {
                return Some(n);
            }
        }
        None
    }

    /// A column label (`通知公告`, `政府信息公开`) or a location widget (`福州市`) stands before a
    /// title that names its own place or body: it is no part of the title.
    fn skip_labels(&mut self, known_titles: &[String]) {
        for _ in 0..2 {
            let (Some(&i), Some(&next)) = (self.zone.get(self.k), self.zone.get(self.k + 1)) else {
                break;
            };
            let next_line = self.line(next);
            let stands_alone = self.title_at(self.k + 1, known_titles) == Some(1)
                && (region_of(next_line).is_some() || issuer_in_title(next_line).is_some());
            if !(stands_alone && is_label(self.line(i))) {
                break;
            }
            self.kinds.push((i, LineKind::Chrome));
            self.k += 1;
        }
    }

    /// The title at the cursor, if there is one there.
    fn read_title(&mut self, known_titles: &[String]) -> bool {
        let Some(n) = self.title_at(self.k, known_titles) else {
            return false;
        };
        let title_lines = self.zone[self.k..self.k + n].to_vec();
        let joined: String = title_lines.iter().map(|&i| self.line(i)).collect();
        self.meta.title = Some(joined);
        self.frame.title = title_lines.iter().map(|&i| self.spans[i]).collect();
        self.kinds
            .extend(title_lines.iter().map(|&i| (i, LineKind::Title)));
        self.k += title_lines.len();
        true
    }

    /// A page heading may be followed by the document's own title, the same words on one line
    /// or split over lines (`…外事办公室` / `政府信息公开工作2022年度报告`), before or after its
    /// 文号: those lines are the title again.
    fn skip_repeated_title(&mut self) {
        let Some(title) = self.meta.title.as_deref().map(compact) else {
            return;
        };
        for n in (1..=3).rev() {
            let Some(lines) = self.zone.get(self.k..self.k + n) else {
                continue;
            };
            let joined: String = lines.iter().map(|&i| self.line(i)).collect();
            if compact(&joined) == title {
                self.kinds
                    .extend(lines.iter().map(|&i| (i, LineKind::Title)));
                self.k += n;
                break;
            }
        }
    }

    /// The recipient: `省委依法治省办：`, a list of bodies with a colon, or a bare organisation
    /// name right under the title.
    fn read_recipient(&mut self, after_title: bool) {
        let Some(&i) = self.zone.get(self.k) else {
            return;
        };
        let line = self.line(i);
        let stripped = line.trim_end_matches([':', '：']);
        let has_colon = stripped.len() < line.len();
        let plain =
            !stripped.contains(['。', '，', ',', '；', ';', '：', ':']) && !stripped.is_empty();
        let list = has_colon
            && !stripped.contains(['。', '；', ';', '：', ':'])
            && stripped.chars().count() <= 80
            && stripped
                .split([',', '，', '、'])
                .all(|part| !part.is_empty() && ORG_END.is_match(part));
        let short = stripped.chars().count() <= if has_colon { 40 } else { 24 };
        let looks_like_org =
            ORG_END.is_match(stripped) && !stripped.chars().any(|c| c.is_ascii_digit());
        // A bare name that the next line carries on into a title is the title's first line.
        let continued = !has_colon
            && self
                .zone
                .get(self.k + 1)
                .is_some_and(|&j| TITLE_END.is_match(&format!("{line}{}", self.line(j))));
        let single = plain && short && !continued && (has_colon || (after_title && looks_like_org));
        if single || list {
            self.meta.recipient = Some(stripped.to_owned());
            let start = self.spans[i].start;
            self.frame.recipient = Some(Span::new(start, start + stripped.len()));
            self.kinds.push((i, LineKind::Recipient));
        }
    }

    /// The signature, read from the end: notes, then a date, then the issuing body.
    fn read_signature(&mut self) {
        let body = &self.body;
        let last_heading = body
            .iter()
            .rposition(|&i| parse_marker(self.line(i)).is_some());
        let tail_floor = last_heading.map_or(self.zone.len().max(self.k), |p| p + 1);
        let mut tail = body.len();
        let mut notes = Vec::new();
        while tail > tail_floor && notes.len() < 4 && is_note(self.line(body[tail - 1])) {
            tail -= 1;
            notes.push(body[tail]);
        }
        let mut signature = Vec::new();
        if tail > tail_floor && dates::is_date_line(self.line(body[tail - 1])) {
            tail -= 1;
            let i = body[tail];
            self.frame.signed_date = Some(self.spans[i]);
            self.meta.signed_date = dates::parse(self.line(i)).map(|d| d.iso());
            signature.push(i);
        }
        if tail > tail_floor && signature_org(self.line(body[tail - 1])) {
            tail -= 1;
            let i = body[tail];
            self.frame.signature = Some(self.spans[i]);
            signature.push(i);
        }
        if !signature.is_empty() {
            let kinds = &mut self.kinds;
            kinds.extend(signature.iter().map(|&i| (i, LineKind::Signature)));
            kinds.extend(notes.iter().map(|&i| (i, LineKind::Note)));
        }
    }

    /// A page flattened onto a few lines keeps its 落款 at the end of the last one. It names the
    /// issuer, but is not marked in the frame: its line is running text and belongs to the body.
    fn inline_signer(&self) -> Option<Span> {
        if self.frame.signature.is_some() || self.body.len() <= self.k {
            return None;
        }
        let &last = self.body.last()?;
        inline_signature(self.line(last))
            .map(|(s, e)| Span::new(s, e).offset(self.spans[last].start))
    }

    /// The issuer (from the title, the 落款, the speaker or the opening sentence), the region and
    /// the level; a recipient that is the issuer's own name is dropped.
    fn read_issuer_and_region(&mut self, cleaned: &Cleaned, inline_signer: Option<Span>) {
        let body = &self.body;
        let signer = self
            .frame
            .signature
            .or(inline_signer)
            .and_then(|s| s.text(self.text))
            .map(str::to_owned);
        let after_frame: Vec<&str> = body[self.k.min(body.len())..]
            .iter()
            .filter(|&&i| {
                cleaned.lines[i].kind == LineKind::Body && !self.kinds.iter().any(|&(k, _)| k == i)
            })
            .take(3)
            .map(|&i| self.line(i))
            .collect();
        let opening_text: String = after_frame.concat();
        let speaker = SPEAKER.captures(&opening_text).map(|c| c[1].to_owned());
        let first_sentence = after_frame
            .first()
            .map_or("", |l| l.split('。').next().unwrap_or_default());
        let meta = &mut self.meta;
        meta.issuer = meta
            .title
            .as_deref()
            .and_then(issuer_in_title)
            .map(str::to_owned)
            .or_else(|| signer.clone())
            .or(speaker)
            .or_else(|| subject_body(first_sentence).map(str::to_owned));
        let body_text: String = body
            .iter()
            .map(|&i| self.spans[i].text(self.text).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let candidates = [meta.issuer.clone(), signer, meta.title.clone()];
        meta.region = candidates
            .iter()
            .flatten()
            .find_map(|c| region_of(c))
            .or_else(|| region_of_opening(first_sentence, &after_frame.join("\n"), &body_text))
            .map(|r| fullest_region(&r, &body_text));
        meta.level = level_of(meta.issuer.as_deref(), meta.region.as_deref());
        if let (Some(recipient), Some(issuer)) = (&meta.recipient, &meta.issuer) {
            // A body's own name under its title is the title's continuation, never its addressee.
            if compact(recipient) == compact(issuer) {
                meta.recipient = None;
                self.frame.recipient = None;
            }
        }
    }

    /// The index number, 文号 and publication date of the page's fields.
    fn read_fields(&mut self, fields: &PageFields) {
        let (meta, frame) = (&mut self.meta, &mut self.frame);
        meta.index_number = fields.index_number.as_ref().map(|f| f.value.clone());
        meta.doc_number = fields
            .doc_number
            .as_ref()
            .map(|f| f.value.clone())
            .or_else(|| {
                frame
                    .doc_number
                    .and_then(|s| s.text(self.text))
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
    }

    fn read_report_year(&mut self) {
        // A notice or a work plan sets work for a year; it reports on none.
        let sets_work = self
            .meta
            .title
            .as_deref()
            .is_some_and(|t| genre::from_title(t) == Some(Genre::Notice));
        // The two lines under the frame, a 主送机关 line among them (`各位代表：` opens a work
        // report, whose first sentence names no year).
        let opening: Vec<&str> = self.body[self.k.min(self.body.len())..]
            .iter()
            .take(2)
            .map(|&i| self.line(i))
            .collect();
        self.meta.report_year = if sets_work {
            None
        } else {
            report_year(&self.meta, &opening)
        };
    }
}

/// The year whose work is reported: from the title, else the opening sentence, else the
/// signing or publication date (a report signed from October on covers that year).
fn report_year(meta: &Metadata, opening: &[&str]) -> Option<i32> {
    meta.title
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
        })
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

/// Words that name a report's subject: the title's body name stops before them
/// (`某区人民政府外事办公室政府信息公开工作2022年度报告`).
const SUBJECT_WORDS: &[&str] = &[
    "政府信息公开",
    "政务公开",
    "信息公开",
    "法治政府建设",
    "法治建设",
    "依法行政",
];

/// The body a title names: `德阳市人民政府关于2020年…的报告` → `德阳市人民政府`;
/// `某市司法局2022年…报告` → `某市司法局`; `2022年某市人民政府参事室政府信息公开工作年度报告` →
/// `某市人民政府参事室`. Only the title's own words count: a title about another document
/// (`《…报告》文件解读`) names no issuer. A place alone (`福建省2021年度…`) is no body.
fn issuer_in_title(title: &str) -> Option<&str> {
    let own = &title[..title.find('《').unwrap_or(title.len())];
    if let Some(pos) = own.find("关于") {
        let prefix = own[..pos].trim();
        return (!prefix.is_empty() && prefix.chars().count() <= 40).then_some(prefix);
    }
    let mut s = own.trim();
    if let Some(m) = YEAR.find(s).filter(|m| m.start() == 0) {
        s = &s[m.end()..];
        s = s.strip_prefix('度').unwrap_or(s);
    }
    let cut = SUBJECT_WORDS
        .iter()
        .filter_map(|w| s.find(w))
        .chain(YEAR.find(s).map(|m| m.start()))
        .min()
        .unwrap_or(0);
    let prefix = s[..cut].trim();
    let is_place_only = region_of(prefix).is_some_and(|r| r == prefix);
    (!prefix.is_empty() && ORG_END.is_match(prefix) && !is_place_only).then_some(prefix)
}

/// A short line that is neither a body's name nor part of a title: a column label or a place
/// widget printed above the title.
fn is_label(line: &str) -> bool {
    line.chars().count() <= 12
        && !line
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        && !line.contains(['，', '。', '：', '；', '（', '《'])
        && !ORG_END.is_match(line)
        && !line.ends_with("关于")
        && !TITLE_END.is_match(line)
}

/// `…年度报告 某镇人民政府 |`: the 落款 at the end of a line that holds more (a page flattened
/// onto one line), as a byte range of the line.
fn inline_signature(line: &str) -> Option<(usize, usize)> {
    let end = line
        .trim_end_matches(|c: char| crate::clean::is_space(c) || c == '|' || c == '｜')
        .len();
    let head = &line[..end];
    let start = head.rfind(|c: char| crate::clean::is_space(c))?;
    let start = start + head[start..].chars().next().map_or(1, char::len_utf8);
    let before = head[..start].trim_end_matches(crate::clean::is_space);
    let name = &head[start..];
    (!before.is_empty() && !before.ends_with(['|', '｜']) && signature_org(name))
        .then_some((start, end))
}

/// What may follow the subject of an opening sentence: the start of its predicate.
const PREDICATE_START: &[char] = &[
    '在', '坚', '认', '深', '全', '以', '按', '紧', '扎', '积', '严', '始', '着', '围', '持', '进',
    '贯', '落', '高', '不', '大', '统', '聚', '锚', '牢', '切', '把', '结', '立', '对', '根', '继',
    '加', '努', '充', '精', '稳', '强', ',', '，',
];

/// The years and circumstances an opening sentence starts with: `2022年,`, `今年以来,`,
/// `在市委、市政府的坚强领导下,`.
static OPENING_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(?:(?:(?:19|20)\d{2}\s*年度?(?:以来)?|今年以来|一年来|近年来)[,，]?)?(?:在[^,，。]{1,40}下[,，])*")
        .expect("valid pattern")
});

/// The bodies an opening sentence has as its subject: `2025年,某区委、区政府坚持…` →
/// `某区委、区政府`; `2021年,某市司法局在市委…` → `某市司法局`. The first must be named with its
/// place (`区政府` alone, `我县` name no body).
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let org = r"(?:人民政府|政府|委员会|办公室|委|局|厅|办|室|院|部|中心|机关)";
    crate::pattern::regex(&format!(
        r"^\p{{Han}}{{2,16}}?{org}(?:[、和]\p{{Han}}{{1,16}}?{org})*"
    ))
    .expect("valid pattern")
});

fn subject_body(sentence: &str) -> Option<&str> {
    let lead = OPENING_LEAD.find(sentence).map_or(0, |m| m.end());
    let rest = &sentence[lead..];
    let m = SUBJECT.find(rest)?;
    let subject = m.as_str();
    let next = rest[m.end()..].chars().next()?;
    let first = subject.split(['、', '和']).next().unwrap_or(subject);
    let place = region_of(first)?;
    let tail = after_place(first, &place);
    (PREDICATE_START.contains(&next) && !tail.is_empty() && tail.chars().count() <= 8)
        .then_some(subject)
}

/// A body's self-reference in an opening: `我县`, `县政府坚持`, `现将省政府…`.
static SELF_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"我(自治区|省|市|州|县|区|旗)|(省|市|州|县|区|旗)(?:人民)?政府(?:[^和、及与的]|$)",
    )
    .expect("valid pattern")
});

/// Where running text may start a place name: the start, after punctuation, after a year.
static PLACE_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:^|[\s,，。;；:：、(（《“\x22]|(?:19|20)\d{2}\s*年度?)")
        .expect("valid pattern")
});

/// Place names standing in running text, in order, each with at least two characters before
/// each unit word and none of the words that end a place.
fn running_places(s: &str) -> impl Iterator<Item = &str> + '_ {
    PLACE_START.find_iter(s).filter_map(move |m| {
        // A place name is a few units long: look no further, or a long text without place
        // words would be searched to its end from every comma.
        let rest = &s[m.end()..];
        let window = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
        let rest = &rest[..window];
        let mut end = 0;
        for unit in REGION_UNIT.find_iter(rest) {
            let name = unit.as_str();
            let short = name.chars().count() < 3;
            let stop = name
                .chars()
                .take(name.chars().count().saturating_sub(1))
                .any(|c| NOT_IN_RUNNING_PLACE.contains(&c));
            if unit.start() != end || short || stop || not_place(name) {
                break;
            }
            end = unit.end();
        }
        (end > 0).then(|| &rest[..end])
    })
}

/// The place of an untitled report, from its opening: the sentence's subject (`2020年,广州市…`),
/// else the place of the unit it calls itself (`我县` → the first county the text names, `省政府`
/// → the first province), else the first place the sentence names.
fn region_of_opening(sentence: &str, opening: &str, body: &str) -> Option<String> {
    let lead = OPENING_LEAD.find(sentence).map_or(0, |m| m.end());
    let rest = &sentence[lead..];
    if let Some(place) = running_places(rest).next().filter(|p| rest.starts_with(p)) {
        return Some(place.to_owned());
    }
    let own = &opening[OPENING_LEAD.find(opening).map_or(0, |m| m.end())..];
    if let Some(c) = SELF_UNIT.captures(own) {
        let unit = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        let found = if unit == "省" || unit == "自治区" {
            PROVINCES
                .iter()
                .filter_map(|p| body.find(p).map(|at| (at, *p)))
                .min()
                .map(|(_, p)| p)
        } else {
            // The place the text names most often, the first of equals: a word run into a
            // unit word by chance (`建立完善区级…`) is named once.
            let mut seen: Vec<(&str, usize)> = Vec::new();
            for place in running_places(body).filter(|p| p.ends_with(unit)) {
                match seen.iter_mut().find(|(p, _)| *p == place) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((place, 1)),
                }
            }
            let most = seen.iter().map(|(_, n)| *n).max().unwrap_or(0);
            seen.into_iter().find(|(_, n)| *n == most).map(|(p, _)| p)
        };
        if let Some(place) = found {
            return Some(place.to_owned());
        }
    }
    running_places(sentence).next().map(str::to_owned)
}

/// The fullest form of a county-level place the text gives: `湖里区` → `厦门市湖里区` when the
/// text writes `厦门市湖里区` somewhere (an address line, the site's name).
fn fullest_region(region: &str, body: &str) -> String {
    let single = REGION_UNIT.find_iter(region).count() == 1;
    let county_level = ["区", "县", "旗", "镇", "乡"]
        .iter()
        .any(|u| region.ends_with(u));
    if !single || !county_level {
        return region.to_owned();
    }
    let mut best = region.to_owned();
    for place in running_places(body) {
        let upper = place.strip_suffix(region).unwrap_or_default();
        let city = ["市", "州", "盟", "地区"]
            .iter()
            .any(|u| upper.ends_with(u));
        if city && place.len() > best.len() {
            best = place.to_owned();
        }
    }
    best
}

/// What follows the place in a name (`中共某市委…` → `委…`); the whole name when the place is
/// not in it.
fn after_place<'n>(name: &'n str, place: &str) -> &'n str {
    if place.is_empty() {
        return name;
    }
    name.find(place)
        .map_or(name, |at| &name[at + place.len()..])
}

/// The place a name starts with: `南通市崇川区人民政府` → `南通市崇川区`.
pub fn region_of(name: &str) -> Option<String> {
    let mut s = name.trim();
    // A label and an opening quote before the name: `【文字解读】《中共某市某区委…`.
    if s.starts_with('【') {
        s = s.find('】').map_or(s, |p| &s[p + '】'.len_utf8()..]);
    }
    s = s.trim_start_matches(['《', '“', '"']);
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
        if unit.start() != end || not_place(unit.as_str()) {
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
    let rest = after_place(issuer, &region);
    // A body under the government (`人民政府办公室`, `人民政府参事室`) is a department; the
    // government itself, or with its office as one (`人民政府机关`), is not.
    if let Some(unit) = rest
        .strip_prefix("人民政府")
        .or_else(|| rest.strip_prefix("政府"))
    {
        return !unit.is_empty() && unit != "机关" && ORG_END.is_match(unit);
    }
    // `某市委` / `中共某县委` alone is the party committee of the region.
    if rest == "委" || rest.is_empty() {
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
        let (m, _, lines) = read(text, &cleaned);
        mark(&mut cleaned, &lines);
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
        let cleaned = clean(text);
        let (m, frame, _) = read(text, &cleaned);
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
    fn column_labels_and_place_widgets_before_a_title_are_not_the_title() {
        for label in ["通知公告", "政府信息公开", "青州市"] {
            let text = format!(
                "{label}\n青山县2023年法治政府建设年度报告\n2023年,我县扎实推进。\n一、成效"
            );
            let (m, cleaned) = meta(&text);
            assert_eq!(
                m.title.as_deref(),
                Some("青山县2023年法治政府建设年度报告"),
                "{label}"
            );
            assert_eq!(m.region.as_deref(), Some("青山县"), "{label}");
            assert_eq!(cleaned.lines[0].kind, LineKind::Chrome, "{label}");
        }
        // A place whose title carries on below it is the title's first line.
        let (m, _) = meta("青山县\n2023年度法治政府建设情况\n正文。");
        assert_eq!(m.title.as_deref(), Some("青山县2023年度法治政府建设情况"));
    }

    #[test]
    fn issuers_named_in_titles_of_every_order() {
        let cases: &[(&str, Option<&str>)] = &[
            ("某市人民政府关于2022年度法治政府建设情况的报告", Some("某市人民政府")),
            ("青山区人民政府外事办公室政府信息公开工作2022年度报告", Some("青山区人民政府外事办公室")),
            ("2022年东海市人民政府参事室政府信息公开工作年度报告", Some("东海市人民政府参事室")),
            ("青山县人民政府机关2020年政府信息公开工作年度报告", Some("青山县人民政府机关")),
            ("2022年东海市政府信息公开工作年度报告", None),
            ("2016年青山镇政府信息公开年度报告", None),
            ("东海省2021年度法治政府建设情况", None),
            ("【文字解读】《中共青山区委青山区人民政府关于2024年法治政府建设情况的报告》文件解读", None),
        ];
        for (title, expected) in cases {
            assert_eq!(issuer_in_title(title), *expected, "{title}");
        }
    }

    #[test]
    fn departments_by_the_units_name() {
        for issuer in [
            "青山县交通运输局",
            "青山市司法局",
            "青山区人民政府外事办公室",
            "东海市人民政府参事室",
            "青山县人民政府办公室",
            "司法部",
        ] {
            assert!(is_department(issuer), "{issuer}");
        }
        for issuer in [
            "青山县人民政府",
            "青山县人民政府机关",
            "东海市政府",
            "青山区委、区政府",
            "中共青山市委法治建设委员会办公室",
            "中共青山市委",
        ] {
            assert!(!is_department(issuer), "{issuer}");
        }
        assert!(is_department("中共青山市委宣传部"));
    }

    #[test]
    fn untitled_reports_read_from_their_opening() {
        let cases: &[(&str, Option<&str>, Option<&str>, Level)] = &[
            ("2021年,青山市司法局在市委、市政府的坚强领导下,推进依法行政。\n一、成效", Some("青山市司法局"), Some("青山市"), Level::Department),
            ("2025年,青山区委、区政府坚持以法治思想为指导。\n一、成效", Some("青山区委、区政府"), Some("青山区"), Level::District),
            ("2020年,东海市深入推进法治政府建设。\n一、成效", None, Some("东海市"), Level::City),
            ("2022年,我县认真贯彻《东海省法治政府建设实施纲要》,落实《青山县法治政府建设方案》。\n一、成效\n印发《青山县2022年工作要点》。", None, Some("青山县"), Level::County),
            ("2023年,在市委、市政府和区委的坚强领导下,区政府坚持依法行政。\n一、成效\n执行《青山区2023年度工作清单》,制定《青山区领导干部学法制度》。建立完善区委议事规则。", None, Some("青山区"), Level::District),
            ("现将省政府2024年度法治政府建设情况报告如下。\n一、成效\n组建东海省法治人才库。", None, None, Level::Unknown),
            ("现将省政府2024年度法治政府建设情况报告如下。\n一、成效\n组建湖南省法治人才库。", None, Some("湖南省"), Level::Province),
            ("今年以来,青山县始终坚持以习近平新时代中国特色社会主义思想为指导。\n一、成效", None, Some("青山县"), Level::County),
            ("2022年,我市全面推进政务公开。", None, None, Level::Unknown),
        ];
        for (text, issuer, region, level) in cases {
            let (m, _) = meta(text);
            assert_eq!(m.issuer.as_deref(), *issuer, "{text}");
            assert_eq!(m.region.as_deref(), *region, "{text}");
            assert_eq!(m.level, *level, "{text}");
        }
    }

    #[test]
    fn the_fullest_form_of_a_district_the_text_gives() {
        let text = "青山区人民政府2018年政府信息公开工作年度报告\n一、概述\n本报告的电子版可在“东海市青山区人民政府网站”下载。";
        let (m, _) = meta(text);
        assert_eq!(m.issuer.as_deref(), Some("青山区人民政府"));
        assert_eq!(m.region.as_deref(), Some("东海市青山区"));
        assert_eq!(m.level, Level::District);
    }

    #[test]
    fn a_notice_with_its_recipients_has_no_report_year() {
        let text = "青政办〔2020〕20号\n青山县人民政府办公室\n关于印发青山县2020年度法治政府建设\n工作安排的通知\n\
                    各乡镇人民政府,各街道办事处,县直有关单位:\n《青山县2020年度法治政府建设工作安排》已经县政府同意,现印发给你们。\n2020年7月8日";
        let (m, _) = meta(text);
        assert_eq!(
            m.title.as_deref(),
            Some("青山县人民政府办公室关于印发青山县2020年度法治政府建设工作安排的通知")
        );
        assert_eq!(
            m.recipient.as_deref(),
            Some("各乡镇人民政府,各街道办事处,县直有关单位")
        );
        assert_eq!(m.doc_number.as_deref(), Some("青政办〔2020〕20号"));
        assert_eq!(m.level, Level::Department);
        assert_eq!(m.report_year, None);
        assert_eq!(m.published_date, None);
        // An interpretation keeps the year of the report it interprets.
        let (m, _) = meta("《青山区2024年法治政府建设情况的报告》文件解读\n一、背景依据\n正文。");
        assert_eq!(m.report_year, Some(2024));
        assert_eq!(m.issuer, None);
        assert_eq!(m.region.as_deref(), Some("青山区"));
    }

    #[test]
    fn a_signature_at_the_end_of_a_flattened_page() {
        let text = "2016年青山镇政府信息公开年度报告\n一、概述 本镇公开信息25条。 二、主动公开情况 共2条。 东海市青山区青山镇人民政府 |";
        let (m, _) = meta(text);
        assert_eq!(m.issuer.as_deref(), Some("东海市青山区青山镇人民政府"));
        assert_eq!(m.region.as_deref(), Some("东海市青山区青山镇"));
        assert_eq!(m.level, Level::Unknown);
        assert_eq!(inline_signature("| 合计 | 青山县人民政府 |"), None);
    }

    #[test]
    fn a_traditional_page_reads_and_keeps_its_characters() {
        let text = "EN\nhttps://www.gov.cn/\n\n某部2020年法治政府建設年度報告\n\n2021-03-28 10:22 來源: 某部網站\n字號: 默認 超大 | 打印 |\n\n2020年,某部堅持依法行政。";
        let (m, _) = meta(text);
        assert_eq!(m.title.as_deref(), Some("某部2020年法治政府建設年度報告"));
        assert_eq!(m.issuer.as_deref(), Some("某部"));
        assert_eq!(m.level, Level::Department);
        assert_eq!(m.report_year, Some(2020));
        assert_eq!(m.published_date.as_deref(), Some("2021-03-28"));
    }

    #[test]
    fn a_recipient_is_an_organ_never_a_label_nor_the_issuer() {
        let (m, _) = meta("青山县2019年法治政府建设情况\n来源:本网 发布时间:2020-03-27 09:24\n相关文章:\n2019年,我县推进依法行政。");
        assert_eq!(m.recipient, None);
        let (m, _) = meta("青山县人民政府2017年度法治政府建设情况报告\n青山县人民政府\n2017年度法治政府建设情况报告\n2017年,我县推进依法行政。");
        assert_eq!(m.recipient, None);
        assert_eq!(m.issuer.as_deref(), Some("青山县人民政府"));
    }

    #[test]
    fn a_site_clock_is_never_the_report_year() {
        let (m, _) = meta("今天是2024年5月6日 星期一\n2022年,我县深入推进依法行政。\n一、成效");
        assert_eq!(m.report_year, Some(2022));
        assert_eq!(m.published_date, None);
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
            ("福州市2025年法治政府建设情况", Some("福州市")),
            ("北京市通州区人民政府", Some("北京市通州区")),
            ("朔城区2023年度工作清单", Some("朔城区")),
            ("城区", None),
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
