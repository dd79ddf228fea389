//! The indicator ledger: every quantity the analyzer credits to a catalog indicator, on the five
//! corpus reports (`../shared/corpus`), the 36 portal pages of `../shared/wild` and five of the
//! stress 政府工作报告 (`gwr-07-2023` 罗湖区, `gwr-10-2015` 国务院, `gwr-12-2021` 大鹏新区,
//! `gwr-14-2018` 广东省, `gwr-19-2021` 深圳市: a district, a new area, a city, a province and
//! the State Council), labelled by hand in `tests/ledger/indicators.tsv` as `correct` (the figure
//! is the indicator's value as the catalog defines it), `loose` (the right domain, but a part, a
//! neighbouring measure or an ambiguous total) or `wrong`, with a one-line reason.
//!
//! The test fails when an assignment is not in the ledger (label it), when a ledger row matches
//! no assignment any more (the pick went away: drop the row), and when precision, correct over
//! all labelled assignments, falls below 0.95. It prints precision per indicator. With
//! `BAOGAO_LEDGER_DRAFT=FILE` it writes the unlabelled rows to FILE, label column `?`.

use std::collections::{BTreeMap, HashMap};

use baogao_core::analysis::{analyze, Options};
use baogao_tests::{ledger_rows, shared_dir, shared_texts};

/// The stress reports the ledger covers (see the module doc).
const STRESS: [&str; 5] = [
    "gwr-07-2023.txt",
    "gwr-10-2015.txt",
    "gwr-12-2021.txt",
    "gwr-14-2018.txt",
    "gwr-19-2021.txt",
];

/// What identifies an assignment across runs: file, indicator id, the quantity's text, context.
type Key = (String, String, String, String);

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Up to 40 characters before the quantity and 20 after, within its line: at most 60 characters
/// around it, the quantity's own text included.
fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text
        .get(..start)
        .and_then(|h| h.rfind('\n').map(|i| i + 1))
        .unwrap_or(0);
    let line_end = text
        .get(end..)
        .and_then(|t| t.find('\n').map(|i| end + i))
        .unwrap_or(text.len());
    let own = text.get(start..end).unwrap_or_default();
    let room = 60usize.saturating_sub(own.chars().count());
    let after_n = room.min(20);
    let before_n = room - after_n;
    let before: Vec<char> = text
        .get(line_start..start)
        .unwrap_or_default()
        .chars()
        .collect();
    let before: String = before[before.len().saturating_sub(before_n)..]
        .iter()
        .collect();
    let after: String = text
        .get(end..line_end)
        .unwrap_or_default()
        .chars()
        .take(after_n)
        .collect();
    one_line(&format!("{before}{own}{after}"))
}

#[test]
fn every_indicator_assignment_on_real_texts_is_labelled_and_precision_holds() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no real texts to hold the ledger against");
        return;
    };
    let mut labels: HashMap<Key, String> = HashMap::new();
    for (name, line, f) in ledger_rows("indicators.tsv") {
        assert_eq!(
            f.len(),
            6,
            "{name}:{line}: file, indicator, quantity, context, label, reason"
        );
        assert!(
            ["correct", "loose", "wrong"].contains(&f[4].as_str()),
            "{name}:{line}: label “{}” is not correct/loose/wrong",
            f[4]
        );
        assert!(
            !f[5].trim().is_empty(),
            "{name}:{line}: a label needs its reason"
        );
        let key = (f[0].clone(), f[1].clone(), f[2].clone(), f[3].clone());
        let old = labels.insert(key, f[4].clone());
        assert!(
            old.is_none(),
            "{name}:{line}: the same assignment is labelled twice"
        );
    }
    let files: Vec<_> = shared_texts(&shared, &["corpus", "wild", "stress"])
        .into_iter()
        .filter(|(name, _)| {
            name.strip_prefix("stress/")
                .is_none_or(|file| STRESS.contains(&file))
        })
        .collect();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut unlabelled = Vec::new();
    // indicator → (correct, loose, wrong)
    let mut per_indicator: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for (name, path) in &files {
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        let analysis = analyze(&text, &Options::default());
        for q in &analysis.quantities {
            let Some(id) = &q.indicator else { continue };
            let key = (
                name.clone(),
                id.clone(),
                one_line(&q.text),
                context(&text, q.span.start, q.span.end),
            );
            *seen.entry(key.clone()).or_default() += 1;
            let Some(label) = labels.get(&key) else {
                unlabelled.push(format!(
                    "{}\t{}\t{}\t{}\t?\tabout: {}",
                    key.0,
                    key.1,
                    key.2,
                    key.3,
                    one_line(&q.about)
                ));
                continue;
            };
            let slot = match label.as_str() {
                "correct" => 0,
                "loose" => 1,
                _ => 2,
            };
            per_indicator.entry(id.clone()).or_default()[slot] += 1;
        }
    }
    let stale: Vec<String> = labels
        .keys()
        .filter(|k| !seen.contains_key(*k))
        .map(|k| format!("{}\t{}\t{}\t{}", k.0, k.1, k.2, k.3))
        .collect();
    if let Ok(path) = std::env::var("BAOGAO_LEDGER_DRAFT") {
        std::fs::write(&path, unlabelled.join("\n") + "\n").expect("draft written");
    }
    println!(
        "{:<32} {:>7} {:>5} {:>5} {:>9}",
        "indicator", "correct", "loose", "wrong", "precision"
    );
    let (mut correct, mut all) = (0, 0);
    for (id, [c, l, w]) in &per_indicator {
        correct += c;
        all += c + l + w;
        let p = *c as f64 / (c + l + w).max(1) as f64;
        println!("{id:<32} {c:>7} {l:>5} {w:>5} {p:>9.2}");
    }
    let precision = if all == 0 {
        1.0
    } else {
        correct as f64 / all as f64
    };
    println!("overall precision {precision:.3} ({correct} correct of {all} assignments)");
    assert!(
        unlabelled.is_empty(),
        "assignments not in the ledger (label them):\n{}",
        unlabelled.join("\n")
    );
    assert!(
        stale.is_empty(),
        "ledger rows that match no assignment any more (drop them):\n{}",
        stale.join("\n")
    );
    assert!(
        precision >= 0.95,
        "indicator precision {precision:.3} below 0.95"
    );
}
