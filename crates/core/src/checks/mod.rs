//! Draft checking: a registry of checks, each in its own file with its documentation.
//!
//! A check reads the analysed report (its lines, sections, metadata, quantities and relations) and
//! pushes [`Finding`]s: a code, a severity, a message in Chinese and English, where, and a fix
//! when one is certain. A problem repeated throughout a document is one finding with a count and
//! all its spans. Every check's documentation (What it checks / Why it matters / Example) lives
//! in its file as `DOC`, apart from its [`CheckMeta`] so that the analysis links none of it;
//! [`doc`] finds it and `baogao explain CODE` prints it. The `registry!` macro names each check once.
//!
//! ## Severity and fix policy
//!
//! - **error**: certainly wrong — figures with an established relation that disagree, a date that
//!   cannot exist, a broken heading sequence. The checks that may give errors are listed in
//!   [`ERROR_CHECKS`] with the reason; a test holds every other check below error.
//! - **warning**: breaks a national standard (GB/T 15834 punctuation, GB/T 15835 numbers, 《通用规范
//!   汉字表》) or the regulation (《法治政府建设与责任落实督察工作规定》).
//! - **info**: style, where the standard itself says 通常 or usage is divided (顿号 between quoted
//!   items, a heading's closing mark).
//!
//! Every fix carries an [`Applicability`]: `Safe` only when the edit is mechanical and certain (it
//! changes punctuation, spaces or digits, never a Han character), `Review` otherwise. No fix may
//! change a fixed formulation, a name or a slogan: the ledger tests hold every fix to that on the
//! real texts of `../shared`.

pub mod pair;

use crate::clean::{Line, LineKind, PageFields};
use crate::knowledge;
use crate::model::Analysis;
pub use crate::model::{Applicability, Edit, Finding, Fix, Severity};
use crate::span::Span;
pub(crate) use d003_year_consistency::opening;

/// A check's identity and documentation.
#[derive(Debug)]
pub struct CheckMeta {
    /// `S001`: a family letter and three digits.
    pub code: &'static str,
    /// Reads naturally after "allow": `HalfWidthPunctuation`.
    pub name: &'static str,
    pub title_zh: &'static str,
    pub severity: Severity,
}

/// A check.
pub trait Check: Sync {
    fn meta(&self) -> &'static CheckMeta;
    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>);
}

/// What checks read: the text, its analysis so far (everything but the findings), and what the
/// stages used to make it that does not go into the JSON.
pub struct Document<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    /// The line-by-line classification of the clean and metadata stages.
    pub lines: &'a [Line],
    /// What the portal page's metadata block said (`analysis.metadata` has what counts).
    pub page: &'a PageFields,
    /// Words the user exempts from the wording checks.
    pub allowed: &'a [String],
}

impl Document<'_> {
    /// Body lines (the report without residue, title, recipient and signature): span and text.
    pub fn body(&self) -> impl Iterator<Item = (Span, &str)> + '_ {
        self.lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .filter_map(|l| Some((l.span, l.span.text(self.text)?)))
    }

    /// The year the report reports on and the day by which it was written, from its genre, its
    /// metadata and its opening sentence (see [`knowledge::written_by`]).
    pub fn written_by(&self) -> Option<(i32, crate::dates::Date)> {
        let opening = opening(self).map(|(_, line)| line);
        knowledge::written_by(self.analysis.genre, &self.analysis.metadata, opening)
    }

    /// Whether the user's word list exempts the text at `span`.
    pub fn allowed(&self, span: Span) -> bool {
        let Some(s) = span.text(self.text) else {
            return false;
        };
        self.allowed.iter().any(|w| !w.is_empty() && w.contains(s))
    }

    /// A finding about figures that disagree: one problem (count 1) whose main place is the whole
    /// statement from the first figure to the last, since any of them may be the mistyped one;
    /// `figures` keeps each figure's place.
    pub fn statement_finding(
        &self,
        meta: &'static CheckMeta,
        figures: Vec<Span>,
        message: String,
        message_en: String,
    ) -> Finding {
        let span = crate::quantity::hull(&figures);
        self.finding_at(meta, span, figures, 1, message, message_en)
    }

    /// A finding of `meta` at `spans` (the first is the main place), counted once per span.
    pub fn finding(
        &self,
        meta: &'static CheckMeta,
        spans: Vec<Span>,
        message: String,
        message_en: String,
    ) -> Finding {
        let span = spans.first().copied().unwrap_or_default();
        let count = spans.len().max(1);
        self.finding_at(meta, span, spans, count, message, message_en)
    }

    /// One finding for a problem that occurs at each of `places` (the first is the main place):
    /// its count is their number, and `message` is given the suffix that says so ([`times`]).
    pub fn grouped(
        &self,
        meta: &'static CheckMeta,
        places: Vec<Span>,
        message: impl FnOnce(&str) -> String,
        message_en: String,
    ) -> Finding {
        let suffix = times(places.len());
        self.finding(meta, places, message(&suffix), message_en)
    }

    /// A finding whose main place is `span`, with all its `spans`, occurring `count` times.
    fn finding_at(
        &self,
        meta: &'static CheckMeta,
        span: Span,
        spans: Vec<Span>,
        count: usize,
        message: String,
        message_en: String,
    ) -> Finding {
        Finding {
            code: meta.code,
            severity: meta.severity,
            message,
            message_en,
            span,
            spans,
            count,
            excerpt: excerpt(self.text, span),
            fix: None,
        }
    }
}

/// How a grouped finding's message says how often its problem occurs: "（全文N处）".
pub fn times(count: usize) -> String {
    format!("（全文{count}处）")
}

/// Up to 20 characters either side of `span`, within its line.
pub fn excerpt(text: &str, span: Span) -> String {
    // Bounded both ways: a one-line report with thousands of findings stays linear.
    let before = crate::span::line_tail(text, span.start, 20);
    let after: String = text
        .get(span.end..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| !matches!(c, '\n' | '\r'))
        .take(20)
        .collect();
    format!("{before}{}{after}", span.text(text).unwrap_or_default())
}

/// The checks whose findings may be errors, and why their findings are certain.
pub static ERROR_CHECKS: &[(&str, &str)] = &[
    (
        "A004",
        "a change rate stated with both its base and its result figure that disagrees with them",
    ),
    (
        "A005",
        "a part the text itself puts inside a whole (其中, 占) that is larger than the whole",
    ),
    (
        "A006",
        "a share of a whole (办结率, 纠错率, 占比) over 100%",
    ),
    (
        "D001",
        "a date that cannot exist (2月30日, 13月) or a truncated signing date",
    ),
    ("S002", "sibling headings out of sequence (一、二、四、)"),
];

/// Names every check once: its module, its type. Makes the modules, [`ALL`] (the checks, sorted by
/// code), [`METAS`] (their identities, in the same order: what a reader of findings needs, without
/// the checks themselves, so a page that only shows findings links none of their code) and
/// [`DOCS`] (their documentation, in the same order, which the analysis never links).
macro_rules! registry {
    ($($module:ident :: $check:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every check, sorted by code.
        pub static ALL: &[&dyn Check] = &[$(&$module::$check),*];

        /// Every check's identity, in the order of [`ALL`].
        pub static METAS: &[&CheckMeta] = &[$(&$module::META),*];

        /// Every check's documentation (What it checks / Why it matters / Example), in the order
        /// of [`ALL`].
        pub static DOCS: &[&str] = &[$($module::DOC),*];
    };
}

registry! {
    a001_rate_mismatch::RateMismatch,
    a002_sum_mismatch::SumMismatch,
    a003_listed_count::ListedCount,
    a004_change_rate_base::ChangeRateBase,
    a005_part_exceeds_whole::PartExceedsWhole,
    a006_rate_over_hundred::RateOverHundred,
    a007_implausible_magnitude::ImplausibleMagnitude,
    d001_malformed_date::MalformedDate,
    d002_page_date_differs::PageDateDiffers,
    d003_year_consistency::YearConsistency,
    d004_report_timing::ReportTiming,
    d005_plan_year::PlanYear,
    f001_recipient_colon::MissingLeadColon,
    f002_doc_number_form::DocNumberForm,
    f003_address_typo::AddressTypo,
    f004_title_inconsistent::TitleInconsistent,
    k001_outline_period::OutlineOutOfPeriod,
    k002_abolished_body::AbolishedBody,
    k003_later_than_report::LaterThanReport,
    k004_latest_session_omitted::LatestSessionOmitted,
    k005_formulation_members::FormulationMembers,
    k006_meeting_name_form::MeetingNameForm,
    n001_space_in_number::SpaceInNumber,
    n002_approximate_exact_number::ApproximateExactNumber,
    n003_missing_measure_word::MissingMeasureWord,
    n004_number_form::NumberForm,
    n005_numeral_usage::NumeralUsage,
    p001_half_width_punctuation::HalfWidthPunctuation,
    p002_ascii_angle_brackets::AsciiAngleBrackets,
    p003_hyphen_year_range::HyphenYearRange,
    p004_title_marks_misuse::TitleMarkMisuse,
    p005_stray_space::StraySpace,
    p006_missing_full_stop::MissingFullStop,
    p007_marks_around_markers::RedundantMark,
    p008_unbalanced_marks::UnbalancedMarks,
    p009_comma_between_marked_items::CommaBetweenMarkedItems,
    p010_law_title_unmarked::LawTitleUnmarked,
    p011_nested_title_marks::NestedTitleMarks,
    p012_ascii_quotation_marks::AsciiQuotationMarks,
    p013_missing_sentence_break::MissingSentenceBreak,
    s001_missing_part::MissingPart,
    s002_heading_sequence::HeadingSequence,
    s003_broken_enumeration::BrokenEnumeration,
    s004_heading_punctuation::HeadingPunctuation,
    s005_numbering_form::NumberingForm,
    w001_duplicated_word::DuplicatedWord,
    w002_look_alike_word::LookAlikeWord,
    w003_variant_character::VariantCharacter,
    w004_zuo_zuo_confusion::ZuoZuoConfusion,
    w005_misused_de::MisusedDe,
    w007_preposition_frame::OpenPrepositionFrame,
}

/// The documentation of the check with `code` (case-insensitive), a check of one report or of a
/// pair ([`pair::PAIR_METAS`]).
pub fn meta(code: &str) -> Option<&'static CheckMeta> {
    METAS
        .iter()
        .chain(pair::PAIR_METAS)
        .copied()
        .find(|m| m.code.eq_ignore_ascii_case(code))
}

/// The documentation of the check with `code` (case-insensitive), one of one report or of a pair:
/// Markdown with the headings `## What it checks`, `## Why it matters`, `## Example`.
pub fn doc(code: &str) -> Option<&'static str> {
    let find = |metas: &[&CheckMeta]| metas.iter().position(|m| m.code.eq_ignore_ascii_case(code));
    find(METAS)
        .and_then(|i| DOCS.get(i))
        .or_else(|| find(pair::PAIR_METAS).and_then(|i| pair::PAIR_DOCS.get(i)))
        .copied()
}

/// The check with `code` (case-insensitive).
pub fn find(code: &str) -> Option<&'static dyn Check> {
    ALL.iter()
        .copied()
        .find(|c| c.meta().code.eq_ignore_ascii_case(code))
}

/// Which checks run, and which words are exempt.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Codes of checks switched off.
    pub disabled: Vec<String>,
    /// Words never flagged by wording checks (place names, programme names).
    pub allowed_words: Vec<String>,
}

/// Run every enabled check on `doc` (whose `allowed` words come from `options`); findings
/// sorted by position, then code.
pub fn run(doc: &Document<'_>, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in ALL {
        let code = check.meta().code;
        if options
            .disabled
            .iter()
            .any(|d| d.eq_ignore_ascii_case(code))
        {
            continue;
        }
        check.run(doc, &mut out);
    }
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.code.cmp(b.code)));
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::analysis::{analyze_document, Options};

    /// The findings of `code` on `text`.
    pub fn findings(code: &str, text: &str) -> Vec<Finding> {
        let analysed = analyze_document(text, &Options::default());
        let doc = analysed.document(text, &[]);
        let mut out = Vec::new();
        find(code).expect("the check exists").run(&doc, &mut out);
        out
    }

    /// How many findings `code` gives on `text`.
    #[track_caller]
    pub fn assert_count(code: &str, text: &str, expected: usize) {
        let got = findings(code, text);
        assert_eq!(got.len(), expected, "{code} on {text:?}: {got:#?}");
    }

    /// The text of the first finding's span.
    #[track_caller]
    pub fn assert_flags(code: &str, text: &str, flagged: &str) {
        let got = findings(code, text);
        let first = got
            .first()
            .unwrap_or_else(|| panic!("{code} found nothing in {text:?}"));
        assert_eq!(first.span.text(text), Some(flagged), "{code} on {text:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_with_unique_well_formed_codes() {
        let codes: Vec<&str> = ALL.iter().map(|c| c.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "ALL is sorted by code, without duplicates");
        let documented: Vec<&str> = METAS.iter().map(|m| m.code).collect();
        assert_eq!(codes, documented, "METAS lists the checks of ALL in order");
        for code in codes {
            let mut chars = code.chars();
            let family = chars.next().unwrap_or(' ');
            assert!("SANPDWFK".contains(family), "{code}: unknown family");
            assert!(
                chars.clone().count() == 3 && chars.all(|c| c.is_ascii_digit()),
                "{code}: three digits"
            );
        }
    }

    #[test]
    fn the_model_reads_back_every_code() {
        let codes: Vec<&str> = METAS
            .iter()
            .chain(pair::PAIR_METAS)
            .map(|m| m.code)
            .collect();
        assert_eq!(
            codes,
            crate::model::CODES,
            "model::CODES lists the registry's codes"
        );
    }

    #[test]
    fn severity_follows_the_policy() {
        for check in ALL {
            let meta = check.meta();
            let listed = ERROR_CHECKS.iter().any(|(c, _)| *c == meta.code);
            if meta.severity == Severity::Error {
                assert!(
                    listed,
                    "{}: an error check must be in ERROR_CHECKS with its reason",
                    meta.code
                );
            }
        }
        for (code, why) in ERROR_CHECKS {
            assert!(
                find(code).is_some() && !why.is_empty(),
                "{code}: no such check"
            );
        }
    }

    #[test]
    fn every_check_is_documented() {
        let pairs = pair::PAIR_METAS.iter().copied();
        for meta in ALL.iter().map(|c| c.meta()).chain(pairs) {
            let doc = doc(meta.code).unwrap_or_default();
            for heading in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(doc.contains(heading), "{}: doc lacks {heading}", meta.code);
            }
            assert!(
                !meta.title_zh.is_empty() && !meta.name.is_empty(),
                "{}",
                meta.code
            );
        }
    }
}
