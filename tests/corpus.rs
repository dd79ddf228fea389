//! The five published reports of `../shared/corpus`, analysed through the CLI, against their
//! hand-made gold: metadata, section tree (levels 1–3) and the required parts. The same texts
//! re-encoded, wrapped in a portal page and written into a Word draft must read the same.

use baogao_tests::{
    analyze_json, assert_matches_gold, corpus, docx, gb18030, portal_page, utf16be_with_bom,
    utf16le_with_bom,
};

#[test]
fn corpus_reports_match_their_gold() {
    for (name, text, gold) in corpus() {
        let got = analyze_json("gold", &name, text.as_bytes());
        assert_eq!(got["schema_version"], 1);
        assert_eq!(got["source"]["format"], "text");
        assert_matches_gold(&name, &got, &gold);
    }
}

#[test]
fn gb18030_and_utf16_give_the_same_results() {
    for (name, text, gold) in corpus() {
        let got = analyze_json("gb18030", &name, &gb18030(&text));
        assert_eq!(got["source"]["encoding"], "GB18030", "{name}");
        assert_matches_gold(&format!("{name} (GB18030)"), &got, &gold);

        let got = analyze_json("utf16le", &name, &utf16le_with_bom(&text));
        assert_eq!(got["source"]["encoding"], "UTF-16LE", "{name}");
        assert_matches_gold(&format!("{name} (UTF-16LE)"), &got, &gold);

        let got = analyze_json("utf16be", &name, &utf16be_with_bom(&text));
        assert_eq!(got["source"]["encoding"], "UTF-16BE", "{name}");
        assert_matches_gold(&format!("{name} (UTF-16BE)"), &got, &gold);

        let crlf = text.replace('\n', "\r\n");
        let got = analyze_json("crlf", &name, crlf.as_bytes());
        assert_matches_gold(&format!("{name} (CRLF)"), &got, &gold);
    }
}

#[test]
fn portal_pages_give_the_same_results() {
    for (name, text, gold) in corpus() {
        let page = portal_page(&text);
        let got = analyze_json("html", &name.replace(".txt", ".html"), page.as_bytes());
        assert_eq!(got["source"]["format"], "html", "{name}");
        assert_matches_gold(&format!("{name} (html)"), &got, &gold);
    }
}

#[test]
fn word_drafts_with_list_numbering_give_the_same_results() {
    for (name, text, gold) in corpus() {
        let got = analyze_json("docx", &name.replace(".txt", ".docx"), &docx(&text));
        assert_eq!(got["source"]["format"], "docx", "{name}");
        assert_matches_gold(&format!("{name} (docx)"), &got, &gold);
    }
}

#[test]
fn spans_point_into_the_decoded_text() {
    for (name, text, _) in corpus() {
        let got = analyze_json("spans", &name, text.as_bytes());
        let mut stack: Vec<&serde_json::Value> =
            got["sections"].as_array().into_iter().flatten().collect();
        while let Some(section) = stack.pop() {
            let start = section["span"]["start"].as_u64().unwrap_or(u64::MAX) as usize;
            let end = section["span"]["end"].as_u64().unwrap_or(0) as usize;
            let covered = text
                .get(start..end)
                .unwrap_or_else(|| panic!("{name}: span {start}..{end} off a boundary"));
            let heading = section["heading"].as_str().unwrap_or_default();
            assert!(
                covered.starts_with(heading),
                "{name}: section span starts at its heading {heading}"
            );
            stack.extend(section["children"].as_array().into_iter().flatten());
        }
    }
}

/// The gold `statistics` found (a quantity inside the gold text with equal value and unit) and
/// no gold `non_statistics` extracted.
#[test]
fn statistics_are_found_and_non_statistics_left_alone() {
    let (mut total, mut found, mut wrong) = (0usize, 0usize, Vec::new());
    let mut missed = Vec::new();
    let mut non_total = 0usize;
    for (name, text, gold) in corpus() {
        let got = analyze_json("stats", &name, text.as_bytes());
        let quantities = got["quantities"].as_array().cloned().unwrap_or_default();
        let span = |q: &serde_json::Value| {
            (
                q["span"]["start"].as_u64().unwrap_or(0) as usize,
                q["span"]["end"].as_u64().unwrap_or(0) as usize,
            )
        };
        for s in gold["statistics"].as_array().into_iter().flatten() {
            total += 1;
            let needle = s["text"].as_str().unwrap_or_default();
            let Some(start) = text.find(needle) else {
                continue;
            };
            let end = start + needle.len();
            let hit = quantities.iter().any(|q| {
                let (a, b) = span(q);
                let same_value = (q["value"].as_f64().unwrap_or(f64::NAN)
                    - s["value"].as_f64().unwrap_or(0.0))
                .abs()
                    < 1e-6;
                a >= start && b <= end && same_value && q["unit"] == s["unit"]
            });
            if hit {
                found += 1;
            } else {
                missed.push(format!("{name}: {needle}"));
            }
        }
        for n in gold["non_statistics"].as_array().into_iter().flatten() {
            non_total += 1;
            let needle = n["text"].as_str().unwrap_or_default();
            let Some(start) = text.find(needle) else {
                continue;
            };
            let end = start + needle.len();
            for q in &quantities {
                let (a, b) = span(q);
                if a < end && b > start {
                    wrong.push(format!("{name}: {needle} ⊃ {}", q["text"]));
                }
            }
        }
    }
    if total == 0 {
        return;
    }
    let share = found as f64 / total as f64;
    println!(
        "statistics found: {found}/{total} ({:.1}%); non-statistics extracted: {}/{non_total}",
        share * 100.0,
        wrong.len()
    );
    assert!(
        share >= 0.95,
        "only {found}/{total} found; missed: {missed:#?}"
    );
    assert!(wrong.is_empty(), "non-statistics extracted: {wrong:#?}");
}

#[test]
fn indicators_and_relations_come_out_of_the_corpus() {
    for (name, text, _) in corpus() {
        let got = analyze_json("indicators", &name, text.as_bytes());
        let indicators = got["indicators"].as_array().map_or(0, Vec::len);
        assert!(indicators >= 3, "{name}: only {indicators} indicators");
        for q in got["quantities"].as_array().into_iter().flatten() {
            let start = q["span"]["start"].as_u64().unwrap_or(0) as usize;
            let end = q["span"]["end"].as_u64().unwrap_or(0) as usize;
            assert_eq!(
                text.get(start..end),
                q["text"].as_str(),
                "{name}: text is the exact substring"
            );
        }
    }
}

/// Findings cover the gold `defects` (a finding whose main span overlaps the defect's text), and no
/// `arithmetic_ok` group draws an arithmetic finding of warning or error severity.
#[test]
fn findings_cover_the_gold_defects() {
    let (mut total, mut covered, mut chars, mut findings) = (0usize, 0usize, 0usize, 0usize);
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    let range = |v: &serde_json::Value| {
        (
            v["start"].as_u64().unwrap_or(0) as usize,
            v["end"].as_u64().unwrap_or(0) as usize,
        )
    };
    for (name, text, gold) in corpus() {
        let got = analyze_json("defects", &name, text.as_bytes());
        let found = got["findings"].as_array().cloned().unwrap_or_default();
        chars += text.chars().count();
        findings += found.len();
        for defect in gold["defects"].as_array().into_iter().flatten() {
            total += 1;
            let needle = defect["text"].as_str().unwrap_or_default();
            let Some(start) = text.find(needle) else {
                continue;
            };
            let end = start + needle.len();
            if found.iter().any(|f| {
                let (a, b) = range(&f["span"]);
                a < end && b > start
            }) {
                covered += 1;
            } else {
                missed.push(format!("{name}: {needle}"));
            }
        }
        for group in gold["arithmetic_ok"].as_array().into_iter().flatten() {
            for t in group["texts"].as_array().into_iter().flatten() {
                let needle = t.as_str().unwrap_or_default();
                let Some(start) = text.find(needle) else {
                    continue;
                };
                let end = start + needle.len();
                for f in &found {
                    let arithmetic = f["code"].as_str().is_some_and(|c| c.starts_with('A'));
                    let serious = f["severity"] == "error" || f["severity"] == "warning";
                    let touches = f["spans"].as_array().into_iter().flatten().any(|s| {
                        let (a, b) = range(s);
                        a < end && b > start
                    });
                    if arithmetic && serious && touches {
                        false_alarms.push(format!("{name}: {needle} ← {}", f["message"]));
                    }
                }
            }
        }
    }
    if total == 0 {
        return;
    }
    let recall = covered as f64 / total as f64;
    println!(
        "defects covered: {covered}/{total} ({:.0}%); findings per 1,000 characters: {:.2}",
        recall * 100.0,
        findings as f64 * 1000.0 / chars as f64
    );
    println!("missed: {missed:#?}");
    assert!(
        recall >= 0.90,
        "recall {covered}/{total} below 90%: {missed:#?}"
    );
    assert!(false_alarms.is_empty(), "{false_alarms:#?}");
}

/// The rendered findings of each corpus report, as a snapshot: any change in what the checks say
/// shows as a readable diff. Each line is `line:column severity[code] message ×count`; the report's
/// text itself is not copied into the snapshot.
#[test]
fn rendered_findings_snapshot() {
    for (name, text, _) in corpus() {
        let got = analyze_json("snapshot", &name, text.as_bytes());
        let index = baogao_core::span::LineIndex::new(&text);
        let mut rendered = String::new();
        for f in got["findings"].as_array().into_iter().flatten() {
            let start = f["span"]["start"].as_u64().unwrap_or(0) as usize;
            let at = index
                .line_col(start)
                .map_or_else(|| "?".to_owned(), |p| format!("{}:{}", p.line, p.column));
            rendered.push_str(&format!(
                "{at} {}[{}] {} ×{}\n",
                f["severity"].as_str().unwrap_or_default(),
                f["code"].as_str().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default(),
                f["count"]
            ));
        }
        insta::assert_snapshot!(name.replace(".txt", ""), rendered);
    }
}

#[test]
fn keywords_are_themes_not_numbers_or_boilerplate() {
    use baogao_core::keywords::{is_policy_term, is_stop_word};
    for (name, text, _) in corpus() {
        let got = analyze_json("keywords", &name, text.as_bytes());
        let top: Vec<&str> = got["keywords"]
            .as_array()
            .expect("keywords")
            .iter()
            .take(10)
            .map(|k| k["term"].as_str().expect("term"))
            .collect();
        assert_eq!(top.len(), 10, "{name}: {top:?}");
        for term in &top {
            assert!(
                !term
                    .chars()
                    .any(|c| c.is_ascii_digit() || "〇零年月日".contains(c)),
                "{name}: number, year or date {term} in {top:?}"
            );
            assert!(!is_stop_word(term), "{name}: stop word {term} in {top:?}");
        }
        let policy = top.iter().filter(|t| is_policy_term(t)).count();
        println!("{name}: {} ({policy} policy terms)", top.join(" "));
        assert!(policy >= 3, "{name}: {policy} policy terms in {top:?}");
        for k in got["keywords"].as_array().expect("keywords") {
            for span in k["spans"].as_array().expect("spans") {
                let (s, e) = (
                    span["start"].as_u64().expect("keyword field") as usize,
                    span["end"].as_u64().expect("keyword field") as usize,
                );
                assert_eq!(
                    &text[s..e],
                    k["term"].as_str().expect("keyword field"),
                    "{name}"
                );
            }
        }
    }
}
