//! The 36 real portal pages of `../shared/wild` against their light, hand-made metadata gold.
//!
//! Each page is analysed as it was stored (portal chrome included) and nine metadata fields are
//! compared with the gold `*.json`: `null` must be `null`, strings must be exactly as the gold
//! writes them and `report_year` is a number. The test prints a table of right/total per field
//! with the misses, and fails when the share of right fields over all pages falls below
//! [`TARGET`]. The genre is reported beside them: the gold's `fazhi` is a rule-of-law report,
//! `zhengwu_gongkai` a disclosure annual report and `other` any document that is neither (an
//! interpretation, a notice, a government work report); an unrecognised genre is a miss.

use std::collections::BTreeMap;

use baogao_core::analysis::{analyze, Options};
use baogao_core::genre::Genre;
use baogao_tests::{shared_dir, shared_texts};
use serde_json::Value;

/// The share of right fields the metadata must reach on the wild pages.
const TARGET: f64 = 0.95;

const FIELDS: [&str; 9] = [
    "title",
    "issuer",
    "region",
    "level",
    "report_year",
    "doc_number",
    "index_number",
    "recipient",
    "published_date",
];

/// The gold's genre label for an analysed genre; `None` for a genre the gold has no label for.
fn gold_genre(genre: Genre) -> Option<&'static str> {
    match genre {
        Genre::RuleOfLaw => Some("fazhi"),
        Genre::InformationDisclosure => Some("zhengwu_gongkai"),
        Genre::Interpretation | Genre::Notice | Genre::GovernmentWork => Some("other"),
        Genre::Unknown => None,
    }
}

fn share(right: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        right as f64 / total as f64
    }
}

#[test]
fn wild_pages_metadata_matches_the_gold() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no wild pages to compare with their gold");
        return;
    };
    let dir = shared.join("wild");
    let pages: Vec<_> = shared_texts(&shared, &["wild"])
        .into_iter()
        .map(|(_, path)| path)
        .collect();
    assert!(!pages.is_empty(), "no wild pages in {}", dir.display());

    // field → (right, total)
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for path in &pages {
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path).expect("wild text is UTF-8");
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("gold file exists"),
        )
        .expect("gold is JSON");
        let analysis = analyze(&text, &Options::default());
        let got = serde_json::to_value(&analysis.metadata).expect("metadata serialises");
        for field in FIELDS {
            let entry = tally.entry(field).or_default();
            entry.1 += 1;
            if got[field] == gold[field] {
                entry.0 += 1;
            } else {
                misses.push(format!(
                    "{name}  {field}: got {}, gold {}",
                    got[field], gold[field]
                ));
            }
        }
        let genre = tally.entry("(genre)").or_default();
        genre.1 += 1;
        let expected = gold["genre"].as_str().unwrap_or_default();
        if gold_genre(analysis.genre) == Some(expected) {
            genre.0 += 1;
        } else {
            misses.push(format!(
                "{name}  (genre): got {:?}, gold {expected}",
                analysis.genre
            ));
        }
    }

    let (mut right, mut total) = (0, 0);
    println!("{:<16} {:>9} {:>7}", "field", "right", "share");
    for field in FIELDS.iter().copied().chain(["(genre)"]) {
        let (r, t) = tally.get(field).copied().unwrap_or_default();
        println!("{field:<16} {:>9} {:>7.3}", format!("{r}/{t}"), share(r, t));
        if field != "(genre)" {
            right += r;
            total += t;
        }
    }
    let overall = share(right, total);
    println!(
        "{:<16} {:>9} {overall:>7.3}   (target {TARGET}; genre not counted)",
        "all fields",
        format!("{right}/{total}")
    );
    println!("\nmisses:");
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(
        overall >= TARGET,
        "metadata is right for {right}/{total} fields ({overall:.3}) on the wild pages, below {TARGET}"
    );
}
