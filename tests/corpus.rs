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
