//! Planted drafting slips: each row of `tests/ledger/slips/*.tsv` edits one real text of
//! `../shared` at one place, the way a tired drafter would, and the checks must notice.
//!
//! A row is `kind, file, find, replace`: `find` occurs exactly once in `../shared/<file>` and is
//! replaced by `replace`. The planted text is analysed alone (one slip at a time) and compared with
//! the untouched text: a finding is *new* when it has a span that no finding of the same code had
//! before (spans after the edit shifted by its length). The slip is caught when a new finding
//! touches the planted text (one character of slack either side); a new finding with no span on
//! the planted line is a *stray* and fails the test. Recall is printed per kind and must reach 0.8
//! for every kind. The set must hold at least 100 slips of at least 20 kinds. The set must hold at least 100 slips of at least 20 kinds.

use std::collections::{BTreeMap, HashMap, HashSet};

use baogao_core::analysis::{analyze, Options};
use baogao_core::checks::Finding;
use baogao_core::span::Span;
use baogao_tests::{ledger_rows, shared_dir};

struct Slip {
    at: String,
    kind: String,
    file: String,
    find: String,
    replace: String,
}

fn slips() -> Vec<Slip> {
    ledger_rows("slips")
        .into_iter()
        // A header row names the columns.
        .filter(|(_, _, f)| f.first().map(String::as_str) != Some("kind"))
        .map(|(name, line, f)| {
            assert_eq!(f.len(), 4, "{name}:{line}: four tab-separated fields");
            Slip {
                at: format!("{name}:{line}"),
                kind: f[0].clone(),
                file: f[1].clone(),
                find: f[2].clone(),
                replace: f[3].clone(),
            }
        })
        .collect()
}

fn findings(text: &str) -> Vec<Finding> {
    analyze(text, &Options::default()).findings
}

fn spans(f: &Finding) -> impl Iterator<Item = Span> + '_ {
    std::iter::once(f.span).chain(f.spans.iter().copied())
}

/// The byte range of the line around `at` in `text`.
fn line_of(text: &str, at: Span) -> Span {
    let start = text[..at.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[at.end.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| at.end + i);
    Span::new(start, end)
}

/// `span` widened by one character either side.
fn widened(text: &str, span: Span) -> Span {
    let before = text[..span.start]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    let after = text[span.end..].chars().next().map_or(0, char::len_utf8);
    Span::new(span.start - before, span.end + after)
}

#[test]
fn planted_slips_are_caught_and_nothing_else_moves() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no texts to plant slips into");
        return;
    };
    let slips = slips();
    let mut originals: HashMap<String, (String, Vec<Finding>)> = HashMap::new();
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut strays = Vec::new();
    let mut files = HashSet::new();
    for slip in &slips {
        let (text, before) = originals.entry(slip.file.clone()).or_insert_with(|| {
            let text = std::fs::read_to_string(shared.join(&slip.file))
                .unwrap_or_else(|e| panic!("{}: {}: {e}", slip.at, slip.file));
            let found = findings(&text);
            (text, found)
        });
        files.insert(slip.file.clone());
        let hits: Vec<usize> = text.match_indices(&slip.find).map(|(i, _)| i).collect();
        assert_eq!(
            hits.len(),
            1,
            "{}: “{}” must occur exactly once in {}",
            slip.at,
            slip.find,
            slip.file
        );
        let at = hits[0];
        let old_end = at + slip.find.len();
        let planted_text = format!("{}{}{}", &text[..at], slip.replace, &text[old_end..]);
        let planted = Span::new(at, at + slip.replace.len());
        let shift = |s: Span| -> Option<Span> {
            if s.end <= at {
                Some(s)
            } else if s.start >= old_end {
                let d = |x: usize| x + slip.replace.len() - slip.find.len();
                Some(Span::new(d(s.start), d(s.end)))
            } else {
                None
            }
        };
        let known: HashSet<(&str, Span)> = before
            .iter()
            .flat_map(|f| spans(f).filter_map(shift).map(move |s| (f.code, s)))
            .collect();
        let near = widened(&planted_text, planted);
        let line = line_of(&planted_text, planted);
        let mut caught = false;
        for f in findings(&planted_text) {
            let fresh: Vec<Span> = spans(&f)
                .filter(|s| !known.contains(&(f.code, *s)))
                .collect();
            if fresh.is_empty() {
                continue;
            }
            if spans(&f).any(|s| {
                s.overlaps(near) || (s.is_empty() && near.start <= s.start && s.start <= near.end)
            }) {
                caught = true;
            } else if !spans(&f).any(|s| {
                s.overlaps(line) || (s.is_empty() && line.start <= s.start && s.start <= line.end)
            }) {
                strays.push(format!(
                    "{} [{}] {}: {} {} “{}”",
                    slip.at, slip.kind, slip.file, f.code, f.message, f.excerpt
                ));
            }
        }
        let entry = per_kind.entry(slip.kind.clone()).or_default();
        entry.1 += 1;
        if caught {
            entry.0 += 1;
        } else {
            missed.push(format!(
                "{} [{}] {}: “{}” → “{}”",
                slip.at, slip.kind, slip.file, slip.find, slip.replace
            ));
        }
    }
    println!(
        "planted slips: {} of {} kinds in {} files",
        slips.len(),
        per_kind.len(),
        files.len()
    );
    println!(
        "{:<28} {:>6} {:>6} {:>7}",
        "kind", "caught", "slips", "recall"
    );
    let mut weak = Vec::new();
    for (kind, (caught, n)) in &per_kind {
        let recall = *caught as f64 / *n as f64;
        println!("{kind:<28} {caught:>6} {n:>6} {recall:>7.2}");
        if recall < 0.8 {
            weak.push(format!("{kind}: {caught}/{n}"));
        }
    }
    println!("missed: {missed:#?}");
    assert!(
        slips.len() >= 100 && per_kind.len() >= 20,
        "the planted set must keep at least 100 slips of 20 kinds"
    );
    assert!(
        strays.is_empty(),
        "new findings away from the planted slip: {strays:#?}"
    );
    assert!(weak.is_empty(), "kinds with recall below 0.8: {weak:#?}");
}
