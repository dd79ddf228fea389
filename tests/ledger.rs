//! The findings ledger: every warning and error the checks raise on the public real texts of
//! `../shared/stress` (25 published 政府工作报告) and `../shared/wild` (36 portal pages), labelled by
//! hand in `tests/ledger/findings.tsv` as `true`, `false`, `debatable` or `cut` (caused only by
//! the page being cut mid-sentence) with a one-line reason.
//!
//! The test fails when a finding is not in the ledger (label it; do not delete it), when a ledger
//! row no longer matches a finding (the finding went away: drop the row), when precision
//! TP/(TP+FP) of warnings and errors falls below 0.9 overall or below 0.8 for a check with five or
//! more labelled findings, when a finding labelled false is an error, and when the stress reports
//! draw an error or more than 0.3 warnings per 1,000 characters. It prints precision per check.
//! With `BAOGAO_LEDGER_DRAFT=FILE` it writes the unlabelled rows to FILE, label column `?`.

use std::collections::{BTreeMap, HashMap};

use baogao_core::analysis::{analyze, Options};
use baogao_core::checks::{Applicability, Severity};
use baogao_tests::{ledger_rows, shared_dir, shared_texts};

/// What identifies a finding across runs: the file, the code, the flagged text, its context and
/// the start of its message.
type Key = (String, String, String, String, String);

fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

#[test]
fn every_finding_on_real_texts_is_labelled_and_precision_holds() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no real texts to hold the ledger against");
        return;
    };
    let mut labels: HashMap<Key, (String, String)> = HashMap::new();
    for (name, line, f) in ledger_rows("findings.tsv") {
        assert_eq!(
            f.len(),
            7,
            "{name}:{line}: file, code, flagged, context, message, label, reason"
        );
        assert!(
            ["true", "false", "debatable", "cut"].contains(&f[5].as_str()),
            "{name}:{line}: label “{}” is not true/false/debatable/cut",
            f[5]
        );
        assert!(
            !f[6].trim().is_empty(),
            "{name}:{line}: a label needs its reason"
        );
        let key = (
            f[0].clone(),
            f[1].clone(),
            f[2].clone(),
            f[3].clone(),
            f[4].clone(),
        );
        let old = labels.insert(key, (f[5].clone(), f[6].clone()));
        assert!(
            old.is_none(),
            "{name}:{line}: the same finding is labelled twice"
        );
    }
    let files = shared_texts(&shared, &["stress", "wild"]);
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut unlabelled = Vec::new();
    // code → (true, false, debatable, cut)
    let mut per_code: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut false_errors = Vec::new();
    let (mut stress_chars, mut stress_warnings, mut stress_errors) = (0usize, 0usize, Vec::new());
    for (name, path) in &files {
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        let analysis = analyze(&text, &Options::default());
        if name.starts_with("stress/") {
            stress_chars += text.chars().count();
        }
        for f in analysis
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
        {
            let flagged: String = f
                .span
                .text(&text)
                .unwrap_or_default()
                .chars()
                .take(40)
                .collect();
            let message: String = f.message.chars().take(30).collect();
            let key = (
                name.clone(),
                f.code.to_owned(),
                one_line(&flagged),
                one_line(&f.excerpt),
                one_line(&message),
            );
            *seen.entry(key.clone()).or_default() += 1;
            if name.starts_with("stress/") {
                match f.severity {
                    Severity::Error => {
                        stress_errors.push(format!("{name} {} {}", f.code, f.excerpt))
                    }
                    _ => stress_warnings += 1,
                }
            }
            let Some((label, _)) = labels.get(&key) else {
                unlabelled.push(format!(
                    "{}\t{}\t{}\t{}\t{}\t?\t",
                    key.0, key.1, key.2, key.3, key.4
                ));
                continue;
            };
            let slot = match label.as_str() {
                "true" => 0,
                "false" => 1,
                "debatable" => 2,
                _ => 3,
            };
            per_code.entry(f.code.to_owned()).or_default()[slot] += 1;
            if label == "false" && f.severity == Severity::Error {
                false_errors.push(format!("{name} {} {}", f.code, f.excerpt));
            }
        }
    }
    let stale: Vec<String> = labels
        .keys()
        .filter(|k| !seen.contains_key(*k))
        .map(|k| format!("{}\t{}\t{}\t{}\t{}", k.0, k.1, k.2, k.3, k.4))
        .collect();
    if let Ok(path) = std::env::var("BAOGAO_LEDGER_DRAFT") {
        std::fs::write(&path, unlabelled.join("\n") + "\n").expect("draft written");
    }
    println!(
        "{:<6} {:>5} {:>5} {:>5} {:>5} {:>9}",
        "check", "true", "false", "debat", "cut", "precision"
    );
    let (mut tp, mut fp) = (0, 0);
    let mut weak = Vec::new();
    for (code, [t, f, d, c]) in &per_code {
        tp += t;
        fp += f;
        let p = if t + f == 0 {
            1.0
        } else {
            *t as f64 / (t + f) as f64
        };
        println!("{code:<6} {t:>5} {f:>5} {d:>5} {c:>5} {p:>9.2}");
        if t + f >= 5 && p < 0.8 {
            weak.push(format!("{code}: {p:.2}"));
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let per_k = stress_warnings as f64 * 1000.0 / stress_chars.max(1) as f64;
    println!("overall precision {precision:.3} ({tp} true, {fp} false); stress: {stress_warnings} warnings in {stress_chars} characters = {per_k:.3} per 1,000, {} errors", stress_errors.len());
    assert!(
        unlabelled.is_empty(),
        "findings not in the ledger (label them):\n{}",
        unlabelled.join("\n")
    );
    assert!(
        stale.is_empty(),
        "ledger rows that match no finding any more (drop them):\n{}",
        stale.join("\n")
    );
    assert!(
        false_errors.is_empty(),
        "false alarms of error severity: {false_errors:#?}"
    );
    assert!(
        precision >= 0.9,
        "overall precision {precision:.3} below 0.9"
    );
    assert!(weak.is_empty(), "checks below 0.8 precision: {weak:?}");
    assert!(
        stress_errors.is_empty(),
        "errors on the proofread stress reports: {stress_errors:#?}"
    );
    assert!(
        per_k <= 0.3,
        "stress reports draw {per_k:.3} warnings per 1,000 characters"
    );
}

/// The fix policy, held on every real text (corpus, stress, wild): a fix marked safe changes
/// punctuation, spaces and digits only, never a Han character; and no fix changes the Han
/// characters inside a quotation (“…”) or a title (《…》) — a fixed formulation, a name or a
/// slogan — except the character checks (W002 look-alike words, W003 variant characters), whose
/// whole point is a wrong character wherever it stands.
#[test]
fn fixes_keep_to_the_policy_on_real_texts() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present");
        return;
    };
    let mut broken = Vec::new();
    let mut fixes = 0;
    for (name, path) in shared_texts(&shared, &["corpus", "stress", "wild"]) {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let quoted = quoted_ranges(&text);
        let analysis = analyze(&text, &Options::default());
        for f in &analysis.findings {
            let Some(fix) = &f.fix else { continue };
            fixes += 1;
            for e in &fix.edits {
                let old = e.span.text(&text).unwrap_or_default();
                let han = |s: &str| s.chars().any(baogao_core::span::is_han);
                if fix.applicability == Applicability::Safe && (han(old) || han(&e.replacement)) {
                    broken.push(format!(
                        "{name} {}: safe fix changes words: “{old}” → “{}”",
                        f.code, e.replacement
                    ));
                }
                let inside = quoted
                    .iter()
                    .any(|&(a, b)| a <= e.span.start && e.span.end <= b);
                if inside && han(old) && !["W002", "W003"].contains(&f.code) {
                    broken.push(format!(
                        "{name} {}: fix inside a quotation or title: “{old}” → “{}” in {}",
                        f.code, e.replacement, f.excerpt
                    ));
                }
            }
        }
    }
    println!("{fixes} fixes checked");
    assert!(broken.is_empty(), "{broken:#?}");
}

/// Byte ranges inside “…” and 《…》 (the marks themselves excluded), one line at a time.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '“' | '《' => open.push((c, i + c.len_utf8())),
            '”' | '》' => {
                let want = if c == '”' { '“' } else { '《' };
                if let Some(k) = open.iter().rposition(|&(o, _)| o == want) {
                    out.push((open[k].1, i));
                    open.truncate(k);
                }
            }
            '\n' => open.clear(),
            _ => {}
        }
    }
    out
}
