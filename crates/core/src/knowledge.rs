//! Dated knowledge of the genre: the central outlines a report cites as its guide, the bodies the
//! 2018 institutional reform abolished or renamed, the Party congresses and plenary sessions with
//! their days, and the fixed formulations with their members. Each table is a data file under
//! `crates/core/data/` whose rows name their source; this module reads them once and answers the
//! `K` checks' questions (which meeting a text names, when a report was written).

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{self, Date};
use crate::model::{Genre, Metadata};

/// A central outline or plan and the years it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The title without its period: `法治政府建设实施纲要`.
    pub kind: &'static str,
    pub start: i32,
    pub end: i32,
    pub issued: Date,
    pub issuer: &'static str,
    pub source: &'static str,
}

impl Outline {
    /// `《法治政府建设实施纲要（2015—2020年）》`.
    pub fn title(&self) -> String {
        format!("《{}（{}—{}年）》", self.kind, self.start, self.end)
    }
}

/// Whether a body kept its work under a new name or was folded into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Rename,
    Merge,
}

/// A body abolished or renamed, and what took its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Institution {
    pub old: &'static str,
    pub new: &'static str,
    pub change: Change,
    /// The year the change was complete where the name is used.
    pub changed: i32,
    pub source: &'static str,
}

/// A Party congress, a plenary session of a Central Committee, or another central meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub name: &'static str,
    /// The congress number (18, 19, 20); 0 for a meeting that is neither.
    pub term: u8,
    /// 0 for the congress itself, else the plenary session's number.
    pub plenum: u8,
    pub start: Date,
    pub end: Date,
    pub source: &'static str,
}

/// A fixed formulation, in the wording that stands from `since` to `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formulation {
    pub label: &'static str,
    /// Its members in order; empty when it has none short enough to list.
    pub members: Vec<&'static str>,
    /// From when the wording stands; `None` when no single day is certain.
    pub since: Option<Date>,
    /// The last day it was the current wording; `None` while it stands.
    pub until: Option<Date>,
    pub source: &'static str,
}

fn date(s: &str) -> Option<Date> {
    dates::parse(s)
}

pub static OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/outlines.tsv"))
        .skip(1)
        .filter_map(|c| {
            Some(Outline {
                kind: c.first()?,
                start: c.get(1)?.parse().ok()?,
                end: c.get(2)?.parse().ok()?,
                issued: date(c.get(3)?)?,
                issuer: c.get(4)?,
                source: c.get(5)?,
            })
        })
        .collect()
});

pub static INSTITUTIONS: LazyLock<Vec<Institution>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/institutions.tsv"))
        .skip(1)
        .filter_map(|c| {
            Some(Institution {
                old: c.first()?,
                new: c.get(1)?,
                change: match *c.get(2)? {
                    "rename" => Change::Rename,
                    "merge" => Change::Merge,
                    _ => return None,
                },
                changed: c.get(3)?.parse().ok()?,
                source: c.get(4)?,
            })
        })
        .collect()
});

pub static MEETINGS: LazyLock<Vec<Meeting>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/meetings.tsv"))
        .skip(1)
        .filter_map(|c| {
            Some(Meeting {
                name: c.first()?,
                term: c.get(1)?.parse().ok()?,
                plenum: c.get(2)?.parse().ok()?,
                start: date(c.get(3)?)?,
                end: date(c.get(4)?)?,
                source: c.get(5)?,
            })
        })
        .collect()
});

pub static FORMULATIONS: LazyLock<Vec<Formulation>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/formulations.tsv"))
        .skip(1)
        .filter_map(|c| {
            let members = match *c.get(1)? {
                "-" => Vec::new(),
                m => m.split('、').collect(),
            };
            Some(Formulation {
                label: c.first()?,
                members,
                since: date(c.get(2)?),
                until: date(c.get(3)?),
                source: c.get(4)?,
            })
        })
        .collect()
});

/// The congress or plenary session `term`/`plenum`, if the data knows it.
pub fn meeting(term: u8, plenum: u8) -> Option<&'static Meeting> {
    MEETINGS
        .iter()
        .find(|m| m.term == term && m.plenum == plenum && term != 0)
}

/// The meeting named `name` exactly.
pub fn meeting_named(name: &str) -> Option<&'static Meeting> {
    MEETINGS.iter().find(|m| m.name == name)
}

/// The Chinese numeral of a congress number as reports write it: 18 → `十八`, 20 → `二十`.
pub fn term_zh(term: u8) -> String {
    let units = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, unit) = (usize::from(term / 10), usize::from(term % 10));
    let tens = match tens {
        0 => String::new(),
        1 => "十".to_owned(),
        t => format!("{}十", units.get(t).copied().unwrap_or_default()),
    };
    format!("{tens}{}", units.get(unit).copied().unwrap_or_default())
}

fn term_of(zh: &str) -> Option<u8> {
    (1..=40).find(|t| term_zh(*t) == zh)
}

fn plenum_of(c: char) -> Option<u8> {
    "一二三四五六七八九"
        .chars()
        .position(|x| x == c)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// A congress or plenary session named in a text: `十九大`, `十九届四中全会`, or each session of
/// a shared-suffix list `十九届二中、三中、四中全会`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the text searched; in a list of several sessions, of the
    /// session's own ordinal (`三中`).
    pub start: usize,
    pub end: usize,
    pub term: u8,
    pub plenum: u8,
}

static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(十[八九]|二十)(?:大|届((?:[一二三四五六七八九]中[、，,和及与]?)+)全会)",
    )
    .expect("valid pattern")
});

/// Every congress and plenary session `s` names, in order.
pub fn mentions(s: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in CONGRESS.captures_iter(s) {
        let (Some(whole), Some(t)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(term) = term_of(t.as_str()) else {
            continue;
        };
        let Some(list) = c.get(2) else {
            out.push(Mention {
                start: whole.start(),
                end: whole.end(),
                term,
                plenum: 0,
            });
            continue;
        };
        let members: Vec<(usize, u8)> = list
            .as_str()
            .char_indices()
            .filter(|(i, ch)| list.as_str()[i + ch.len_utf8()..].starts_with('中'))
            .filter_map(|(i, ch)| Some((list.start() + i, plenum_of(ch)?)))
            .collect();
        let single = members.len() == 1;
        for (at, plenum) in members {
            let (start, end) = if single {
                (whole.start(), whole.end())
            } else {
                (at, at + "五中".len())
            };
            out.push(Mention {
                start,
                end,
                term,
                plenum,
            });
        }
    }
    out
}

/// The genres that report on a year, whose knowledge can be dated.
pub fn dated_genre(genre: Genre) -> bool {
    matches!(
        genre,
        Genre::RuleOfLaw | Genre::GovernmentWork | Genre::InformationDisclosure
    )
}

/// The year a report covers and the latest day it can have been written, when both are known
/// rather than guessed. The year is the one the title names (a 政府工作报告 titled for the year it
/// is delivered in covers the year before and is written by 31 March of its own year), else the
/// one the opening sentence reports on (`2022年，我县…`, not `2018年以来`), else the one read from
/// the signing date. The day is the signing date when it falls in the year reported on or the
/// next (from 1 December on: an earlier signature is a slip D004 reports), else 31 March of the
/// next year (the day before the deadline of 《法治政府建设与责任落实
/// 督察工作规定》第二十四条, and the 政府信息公开 deadline). `None` for a genre without a report
/// year (a notice, an interpretation) or a report whose year is only inferred from its page.
/// `opening` is the report's opening line, where there is one (the checks find it).
pub fn written_by(genre: Genre, metadata: &Metadata, opening: Option<&str>) -> Option<(i32, Date)> {
    if !dated_genre(genre) {
        return None;
    }
    let signed = metadata.signed_date.as_deref().and_then(dates::parse);
    let title_year = match metadata
        .title
        .as_deref()
        .map(dates::spoken_years)
        .as_deref()
    {
        Some([(_, y)]) => Some(*y),
        _ => None,
    };
    if let (Some(t), Genre::GovernmentWork) = (title_year, genre) {
        return Some((t - 1, Date::new(t, 3, 31)?));
    }
    let opening_year = || dates::reported_year(opening?.split('。').next()?).map(|(_, y)| y);
    let year = title_year
        .or_else(opening_year)
        .or_else(|| signed.map(|d| if d.month >= 10 { d.year } else { d.year - 1 }))?;
    // A signature before December of the year reported on is itself the slip (D004): the year
    // was not over, so the date says nothing of when the text was written.
    let signed = signed.filter(|d| {
        Date::new(year, 12, 1).is_some_and(|december| *d >= december) && d.year <= year + 1
    });
    Some((year, signed.or_else(|| Date::new(year + 1, 3, 31))?))
}

/// Whether a sentence looks back on its subject rather than taking it as present (`回顾`, `期间`,
/// `收官`): the words after which the past may be named.
pub fn looks_back(sentence: &str) -> bool {
    const PAST: &[&str] = &[
        "完成", "收官", "期间", "回顾", "总结", "评估", "以来", "时期", "期末", "终期", "圆满",
        "此前", "之前", "以前", "历史", "前身", "过去",
    ];
    PAST.iter().any(|w| sentence.contains(w))
}

/// The byte range of the sentence of `text` around `start..end`: from after the last `。！？；` or
/// line break before it to the next one after it.
pub fn sentence_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    const STOPS: &[char] = &['。', '！', '？', '；', '\n', '\r'];
    let from = text
        .get(..start)
        .and_then(|b| {
            b.rfind(STOPS)
                .map(|i| i + b[i..].chars().next().map_or(1, char::len_utf8))
        })
        .unwrap_or(0);
    let to = text
        .get(end..)
        .and_then(|a| a.find(STOPS).map(|i| end + i))
        .unwrap_or(text.len());
    (from, to.max(from))
}

/// The sentence of `text` around `start..end` (see [`sentence_range`]).
pub fn sentence_at(text: &str, start: usize, end: usize) -> &str {
    let (from, to) = sentence_range(text, start, end);
    text.get(from..to).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_read_whole_and_every_row_has_a_source() {
        let rows = |text: &'static str| crate::data::rows(text).skip(1).count();
        assert_eq!(OUTLINES.len(), rows(include_str!("../data/outlines.tsv")));
        assert_eq!(
            INSTITUTIONS.len(),
            rows(include_str!("../data/institutions.tsv"))
        );
        assert_eq!(MEETINGS.len(), rows(include_str!("../data/meetings.tsv")));
        assert_eq!(
            FORMULATIONS.len(),
            rows(include_str!("../data/formulations.tsv"))
        );
        let sources = OUTLINES
            .iter()
            .map(|o| o.source)
            .chain(INSTITUTIONS.iter().map(|i| i.source))
            .chain(MEETINGS.iter().map(|m| m.source))
            .chain(FORMULATIONS.iter().map(|f| f.source));
        for s in sources {
            assert!(s.chars().count() >= 6, "a row without a real source: {s:?}");
        }
    }

    #[test]
    fn outline_periods_are_well_formed() {
        for o in OUTLINES.iter() {
            assert!(o.start < o.end, "{o:?}");
            assert!(
                o.issued.year >= o.start - 1 && o.issued.year <= o.end,
                "issued within a year of its period: {o:?}"
            );
            assert!(!o.issuer.is_empty(), "{o:?}");
        }
        // Outlines of one kind follow one another without overlapping.
        for a in OUTLINES.iter() {
            for b in OUTLINES
                .iter()
                .filter(|b| b.kind == a.kind && b.start > a.start)
            {
                assert!(b.start > a.end && b.issued > a.issued, "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn meetings_are_in_order_and_plenums_follow_their_congress() {
        for m in MEETINGS.iter() {
            assert!(m.start <= m.end, "{m:?}");
            assert!(
                (m.end.year - m.start.year) == 0 && m.end.month - m.start.month <= 1,
                "a meeting lasts days: {m:?}"
            );
            if m.term == 0 {
                continue;
            }
            let name = if m.plenum == 0 {
                format!("{}大", term_zh(m.term))
            } else {
                format!(
                    "{}届{}中全会",
                    term_zh(m.term),
                    "一二三四五六七八九"
                        .chars()
                        .nth(usize::from(m.plenum - 1))
                        .unwrap_or('?')
                )
            };
            assert_eq!(m.name, name, "the name matches term and session");
            let congress = meeting(m.term, 0).expect("every term's congress is listed");
            if m.plenum > 0 {
                assert!(m.start > congress.end, "{} after its congress", m.name);
                let before = meeting(m.term, m.plenum - 1).expect("sessions without gaps");
                assert!(m.start > before.end, "{} after the session before", m.name);
            }
            if let Some(next) = meeting(m.term + 1, 0) {
                assert!(m.end < next.start, "{} before the next congress", m.name);
            }
        }
    }

    #[test]
    fn no_body_changed_before_the_reform_or_names_itself() {
        for i in INSTITUTIONS.iter() {
            assert!(
                (2018..=2019).contains(&i.changed),
                "the 2018 reform, completed locally by 2019: {i:?}"
            );
            assert_ne!(i.old, i.new, "{i:?}");
            assert!(!i.new.contains(i.old), "{i:?}");
        }
    }

    #[test]
    fn formulations_have_their_members_and_wordings_follow_one_another() {
        for f in FORMULATIONS.iter() {
            if let (Some(since), Some(until)) = (f.since, f.until) {
                assert!(since < until, "{f:?}");
            }
            if !f.members.is_empty() {
                let n = f.label.chars().next().and_then(plenum_of);
                assert_eq!(
                    n.map(usize::from),
                    Some(f.members.len()),
                    "{}: as many members as its number",
                    f.label
                );
            }
            // A later wording of the same formulation starts after the earlier one ends.
            for g in FORMULATIONS
                .iter()
                .filter(|g| g.label == f.label && g.since > f.since)
            {
                assert!(
                    f.until.is_some_and(|u| g.since.is_some_and(|s| u < s)),
                    "{f:?} / {g:?}"
                );
            }
        }
        let law = meeting_named("中央全面依法治国工作会议").expect("listed");
        let thought = FORMULATIONS
            .iter()
            .find(|f| f.label == "习近平法治思想")
            .and_then(|f| f.since);
        assert_eq!(thought, Some(law.end));
        let sixth = meeting(19, 6).expect("listed");
        let established = FORMULATIONS
            .iter()
            .find(|f| f.label == "两个确立")
            .and_then(|f| f.since);
        assert_eq!(established, Some(sixth.end));
    }

    #[test]
    fn mentions_read_single_names_and_lists() {
        let s = "深入学习贯彻党的十九大和十九届二中、三中、四中全会精神，落实二十届三中全会部署";
        let got: Vec<(u8, u8)> = mentions(s).iter().map(|m| (m.term, m.plenum)).collect();
        assert_eq!(got, vec![(19, 0), (19, 2), (19, 3), (19, 4), (20, 3)]);
        assert_eq!(term_zh(20), "二十");
        assert_eq!(term_zh(19), "十九");
        assert!(mentions("二十年来").is_empty());
    }

    #[test]
    fn sentences_end_at_stops() {
        let s = "第一句。第二句有十九大，也有别的；第三句";
        let at = s.find("十九大").unwrap_or_default();
        assert_eq!(sentence_at(s, at, at + 9), "第二句有十九大，也有别的");
    }
}
