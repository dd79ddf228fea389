//! The whole pipeline and its result.
//!
//! The stages run in one order, top to bottom in `analyze_source`, and each reads only what
//! the text and the stages before it give:
//!
//! 1. **clean** reads the text: its lines, each classified (blank, page chrome, body), and the
//!    portal page's metadata fields;
//! 2. **metadata** reads the lines and the page fields: the metadata and the frame (title, 文号,
//!    主送机关, 落款), whose lines are marked here so that no later stage takes them for body;
//! 3. **genre** reads the title and the lines;
//! 4. **structure** reads the body lines: the section tree;
//! 5. **parts** reads the sections and the report year: each section's part and area (set on
//!    the sections here), and the parts of the report;
//! 6. **quantity** reads the body lines and the sections (each figure's heading and area);
//! 7. **indicators** reads the quantities, the level and the plans sections (whose figures are
//!    targets): each quantity's indicator, then the report's indicator values;
//! 8. **relations** reads the quantities: rates with their counts, totals with their parts;
//! 9. **terms** and **keywords** read the body lines, the sections and the region: the policy
//!    terms, the keywords and each section's terms (set on the sections here);
//! 10. **checks** read all of it, with the lines and page fields the JSON leaves out.
//!
//! Stages return what they add and this module sets it: the frame's lines, each section's part,
//! area and terms. [`Analysis`] (in [`crate::model`]) is what goes out; [`Analysed`] keeps the
//! lines and page fields beside it for the checks and for tests.

use crate::checks::{self, CheckOptions, Document};
use crate::clean::{self, Line, LineKind, PageFields};
use crate::genre;
use crate::indicators;
use crate::ingest::{self, IngestError, Ingested};
use crate::keywords;
use crate::metadata;
pub use crate::model::{Analysis, SCHEMA_VERSION};
use crate::model::{Format, Genre, Metadata, Part, Section, Source};
use crate::parts;
use crate::quantity;
use crate::span::Span;
use crate::structure;
use crate::terms;

/// What the analysis is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The name shown for text that did not come from a file.
    pub name: Option<String>,
    /// Which checks run and which words they exempt.
    pub checks: CheckOptions,
    /// The user's own words: each is cut as one word and may be a keyword.
    pub user_terms: Vec<String>,
}

/// An analysed report: its [`Analysis`] (the JSON) and what the stages used to make it that the
/// JSON leaves out.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub analysis: Analysis,
    /// The line-by-line classification the analysis used.
    pub lines: Vec<Line>,
    /// What the portal page's metadata block said (`analysis.metadata` has what counts).
    pub page: PageFields,
}

impl Analysed {
    /// The body lines: the report without page residue, title and signature.
    pub fn body_lines(&self) -> impl Iterator<Item = &Line> + '_ {
        self.lines.iter().filter(|l| l.kind == LineKind::Body)
    }

    /// What the checks read of this report of `text`, with the user's `allowed` words.
    pub fn document<'a>(&'a self, text: &'a str, allowed: &'a [String]) -> Document<'a> {
        Document {
            text,
            analysis: &self.analysis,
            lines: &self.lines,
            page: &self.page,
            allowed,
        }
    }
}

/// A short report that every stage and check has something to do with.
const WARM_UP_TEXT: &str = include_str!("../../../web/sample-report.txt");

/// Build every table the analysis uses — the word segmenter and the patterns of every stage and
/// check, each built lazily on first use — by analysing a short built-in report, so that the
/// first real analysis pays for none of it. Call it once, off the main thread (the wasm API's
/// `warmUp`); later calls cost one small analysis.
pub fn warm_up() {
    keywords::warm_up();
    let _ = analyze(WARM_UP_TEXT, &Options::default());
}

/// Analyse text the user pasted or a file already decoded. Never fails: odd text yields
/// empty parts (and, with the checks, findings).
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_document(text, options).analysis
}

/// Analyse text as [`analyze`] does, keeping what the JSON leaves out (the lines and the page
/// fields) beside the analysis.
pub fn analyze_document(text: &str, options: &Options) -> Analysed {
    let source = Source {
        name: options
            .name
            .clone()
            .unwrap_or_else(|| "粘贴文本".to_owned()),
        format: Format::Text,
        encoding: "UTF-8".to_owned(),
    };
    analyze_source(text, source, options)
}

/// Analyse text that a reader outside core (such as the PDF reader) made of a file, with the
/// file's `source` recorded as it was read.
pub fn analyze_ingested(ingested: &Ingested, options: &Options) -> Analysis {
    analyze_source(&ingested.text, ingested.source.clone(), options).analysis
}

/// Read a file's bytes and analyse them.
pub fn analyze_bytes(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(String, Analysis), IngestError> {
    let ingested = ingest::ingest(name, bytes)?;
    let analysed = analyze_source(&ingested.text, ingested.source, options);
    Ok((ingested.text, analysed.analysis))
}

/// The pipeline, in the order of the module documentation: each stage is given what it reads
/// and returns what it adds, which is set here (the frame's line kinds, each section's part,
/// area and terms).
fn analyze_source(text: &str, source: Source, options: &Options) -> Analysed {
    let mut cleaned = clean::clean(text);
    let (metadata, frame, frame_lines) = metadata::read(text, &cleaned);
    metadata::mark(&mut cleaned, &frame_lines);
    let lines = &cleaned.lines;
    let genre = document_genre(text, &metadata, lines);
    let mut sections = structure::sections(text, lines);
    let (parts, labels) = parts::classify(&sections, text, metadata.report_year);
    set_each(&mut sections, labels, |s, label| {
        s.part = Some(label.part);
        s.area = label.area;
    });
    let mut quantities = quantity::extract(text, lines, &sections);
    let plans = spans_of(&sections, Part::Plans);
    let credited = indicators::credit(&quantities, text, metadata.level, &plans);
    for (q, id) in quantities.iter_mut().zip(credited) {
        q.indicator = id;
    }
    let indicators = indicators::values(&quantities);
    let relations = quantity::relations(text, &quantities);
    let policy_terms = terms::policy_terms(text, lines);
    let places: Vec<&str> = metadata.region.iter().map(String::as_str).collect();
    let (keywords, terms) =
        keywords::keywords(text, lines, &sections, &places, &options.user_terms);
    set_each(&mut sections, terms, |s, terms| s.terms = terms);
    let analysis = Analysis {
        schema_version: SCHEMA_VERSION,
        source,
        metadata,
        genre,
        frame,
        sections,
        parts,
        quantities,
        indicators,
        relations,
        policy_terms,
        findings: Vec::new(),
        keywords,
    };
    let mut analysed = Analysed {
        analysis,
        lines: cleaned.lines,
        page: cleaned.fields,
    };
    let findings = checks::run(
        &analysed.document(text, &options.checks.allowed_words),
        &options.checks,
    );
    analysed.analysis.findings = findings;
    analysed
}

/// Set on each section (in the order of [`Section::walk`]) what a stage returned for it.
fn set_each<T>(sections: &mut [Section], values: Vec<T>, mut set: impl FnMut(&mut Section, T)) {
    let mut values = values.into_iter();
    Section::walk_mut(sections, &mut |s| {
        if let Some(value) = values.next() {
            set(s, value);
        }
    });
}

/// The spans of the sections (at any level) that report `part`.
fn spans_of(sections: &[Section], part: Part) -> Vec<Span> {
    let mut flat = Vec::new();
    Section::walk(sections, &mut flat);
    flat.iter()
        .filter(|s| s.part == Some(part))
        .map(|s| s.span)
        .collect()
}

/// The genre from the title, else from the first lines after the page chrome, else from the
/// whole body.
fn document_genre(text: &str, metadata: &Metadata, lines: &[Line]) -> Genre {
    let of = |keep: fn(LineKind) -> bool| -> Vec<&str> {
        lines
            .iter()
            .filter(|l| keep(l.kind))
            .filter_map(|l| l.span.text(text))
            .collect()
    };
    let body = of(|k| k == LineKind::Body);
    let head = of(|k| !matches!(k, LineKind::Blank | LineKind::Chrome));
    let opening = head.iter().take(5).copied().collect::<Vec<_>>().join("\n");
    genre::recognise(metadata.title.as_deref(), &opening, &body.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_reads_back_to_the_same_analysis() {
        let text = include_str!("../../../web/sample-report.txt");
        let analysis = analyze(text, &Options::default());
        let json = serde_json::to_string(&analysis).expect("serialises");
        let back: Analysis = serde_json::from_str(&json).expect("reads back");
        assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
        assert_eq!(back.findings.len(), analysis.findings.len());
        let bad = json.replacen("\"code\":\"S002\"", "\"code\":\"Z999\"", 1);
        assert!(
            serde_json::from_str::<Analysis>(&bad).is_err(),
            "an unknown check code is refused"
        );
    }
}
