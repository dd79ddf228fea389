//! The whole pipeline and its result.

use serde::{Deserialize, Serialize};

use crate::checks::{self, CheckOptions, Finding};
use crate::clean::{self, LineKind, PageFields};
use crate::genre::{self, Genre};
use crate::indicators::{self, IndicatorValue};
use crate::ingest::{self, Format, IngestError, Ingested, Source};
use crate::keywords::{self, Keyword};
use crate::metadata::{self, Frame, Metadata};
use crate::parts::{self, Parts};
use crate::quantity::{self, Quantity, Relation};
use crate::structure::{self, Section};
use crate::terms::{self, AreaTerms};

/// The version of the JSON format described in `docs/json-format.md`.
pub const SCHEMA_VERSION: u32 = 1;

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

/// The result of analysing one report: the JSON document of `docs/json-format.md`. It reads back
/// from that JSON too (a web worker sends it to the page that way).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analysis {
    pub schema_version: u32,
    pub source: Source,
    pub metadata: Metadata,
    /// What kind of document it is; the part checks follow it.
    pub genre: Genre,
    /// Where the title, recipient and signature stand.
    pub frame: Frame,
    pub sections: Vec<Section>,
    pub parts: Parts,
    pub quantities: Vec<Quantity>,
    pub indicators: Vec<IndicatorValue>,
    /// Rates with their counts and totals with their parts (indices into `quantities`).
    pub relations: Vec<Relation>,
    pub findings: Vec<Finding>,
    /// The genre's policy terms the report uses, grouped by 纲要 area.
    pub policy_terms: Vec<AreaTerms>,
    /// What the report is about, heaviest first.
    pub keywords: Vec<Keyword>,
    /// The line-by-line classification the analysis used (not serialised).
    #[serde(skip)]
    pub lines: Vec<clean::Line>,
    /// What the portal page's metadata block said (not serialised: `metadata` has what counts).
    #[serde(skip)]
    pub page: PageFields,
}

impl Analysis {
    /// The analysis of nothing yet: what a page shows while the real one is being made.
    pub fn empty(name: &str) -> Self {
        Analysis {
            schema_version: SCHEMA_VERSION,
            source: Source {
                name: name.to_owned(),
                format: Format::Text,
                encoding: "UTF-8".to_owned(),
            },
            metadata: Metadata::default(),
            genre: Genre::Unknown,
            frame: Frame::default(),
            sections: Vec::new(),
            parts: Parts::default(),
            quantities: Vec::new(),
            indicators: Vec::new(),
            relations: Vec::new(),
            findings: Vec::new(),
            policy_terms: Vec::new(),
            keywords: Vec::new(),
            lines: Vec::new(),
            page: PageFields::default(),
        }
    }

    /// Sections of the tree in document order.
    pub fn all_sections(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        Section::walk(&self.sections, &mut out);
        out
    }

    /// The body lines: the report without page residue, title and signature.
    pub fn body_lines(&self) -> impl Iterator<Item = &clean::Line> + '_ {
        self.lines.iter().filter(|l| l.kind == LineKind::Body)
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
    analyze_source(&ingested.text, ingested.source.clone(), options)
}

/// Read a file's bytes and analyse them.
pub fn analyze_bytes(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(String, Analysis), IngestError> {
    let ingested = ingest::ingest(name, bytes)?;
    let analysis = analyze_source(&ingested.text, ingested.source, options);
    Ok((ingested.text, analysis))
}

fn analyze_source(text: &str, source: Source, options: &Options) -> Analysis {
    let mut cleaned = clean::clean(text);
    let (metadata, frame) = metadata::read(text, &mut cleaned);
    let genre = document_genre(text, &metadata, &cleaned.lines);
    let mut sections = structure::sections(text, &cleaned.lines);
    let parts = parts::classify(&mut sections, text, metadata.report_year);
    let mut quantities = quantity::extract(text, &cleaned.lines, &sections);
    let plans: Vec<crate::span::Span> = {
        let mut flat = Vec::new();
        Section::walk(&sections, &mut flat);
        flat.iter()
            .filter(|s| s.part == Some(parts::Part::Plans))
            .map(|s| s.span)
            .collect()
    };
    indicators::assign(&mut quantities, text, metadata.level, &plans);
    let indicators = indicators::values(&quantities);
    let relations = quantity::relations(text, &quantities);
    let policy_terms = terms::policy_terms(text, &cleaned.lines);
    let places: Vec<&str> = metadata.region.iter().map(String::as_str).collect();
    let keywords = keywords::keywords(
        text,
        &cleaned.lines,
        &mut sections,
        &places,
        &options.user_terms,
    );
    let mut analysis = Analysis {
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
        lines: cleaned.lines,
        page: cleaned.fields,
    };
    analysis.findings = checks::run(text, &analysis, &options.checks);
    analysis
}

/// The genre from the title, else from the first lines after the page chrome, else from the
/// whole body.
fn document_genre(text: &str, metadata: &Metadata, lines: &[clean::Line]) -> Genre {
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
