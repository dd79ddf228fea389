//! Quantities: every statistic in the report, read exactly, with what it measures.
//!
//! A quantity is a number with what surrounds it: an optional qualifier before it (`近`, `约`,
//! `超过`, `达到`), a sign (`负`, `-`, `−`), the number as `numerals::read_number` reads it
//! (Arabic with decimals and grouping commas, full-width digits, Chinese numerals with `点`
//! decimals, mixed forms such as `12万8千`, `百分之三十`, `三分之一`, `2/3`), a multiplier (`万`,
//! `亿`, `万亿`), `余`/`多`/`几`, the unit or measure word (`成` read as tenths, `三成` → 30%), and a
//! qualifier after it (`以上`). docs/json-format.md lists the forms and the ambiguous cases. Values are normalised (`2.2万余件` →
//! 22000 件, `9.87亿元` → 987000000 元); `text` is exactly what was written.
//!
//! What is not a statistic is left alone: years and dates, ordinals (`第14次`), numbers inside
//! quotation and title marks (`“三项制度”`, `《…十项重点任务》`), names with Chinese numerals
//! (`三项制度`, `二期`), meetings (`八次全会`), codes, phone numbers, and everything outside the
//! report's body (portal chrome, the title, the signature).
//!
//! Scanning is one left-to-right pass per line with bounded look-around, so the time is linear in
//! the text whatever its numbers look like.

//!
//! The scanner is in `scan.rs` (where numbers start, ranges) and `figure.rs` (a number and what
//! follows it); `tail.rs` reads what follows a number, `context.rs` what stands around it, and
//! `words.rs` holds the words as data (`data/quantity_words.tsv`).

mod context;
mod figure;
mod relations;
mod scan;
mod tail;
mod words;

pub use crate::model::{Relation, RelationKind};
pub use relations::{hull, parts_of, relations};

use crate::clean::{Line, LineKind};
use crate::marker::parse_marker;
use crate::model::Section;
pub use crate::model::{Kind, Quantity};

/// Extract the quantities of the body lines.
pub fn extract(text: &str, lines: &[Line], sections: &[Section]) -> Vec<Quantity> {
    let mut flat = Vec::new();
    Section::walk(sections, &mut flat);
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Body) {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        let skip = parse_marker(content).map_or(0, |m| m.len);
        scan::scan_line(content, skip, line.span.start, &mut out);
    }
    for q in &mut out {
        // `flat` is in document order, so only the sections starting before the quantity can
        // hold it, and the nearest of them usually does: scanning all sections for every
        // quantity made long reports quadratic.
        let candidates = &flat[..flat.partition_point(|s| s.span.start <= q.span.start)];
        let innermost = candidates
            .iter()
            .rev()
            .find(|s| s.number.is_some() && s.span.contains(q.span))
            .or_else(|| candidates.iter().find(|s| s.span.contains(q.span)));
        if let Some(s) = innermost {
            q.section = (!s.heading.is_empty()).then(|| s.heading.clone());
            q.area = s.area;
        }
    }
    out
}

#[cfg(test)]
mod tests;
