//! Derive the keyword stage's data from a general dictionary and a body of government reports:
//!
//! ```text
//! cargo run -p baogao-core --release --example build_lexicon -- DICT REPORTS_DIR
//! ```
//!
//! `DICT` is a jieba dictionary (`word frequency [tag]` lines; jieba-rs ships one as
//! `src/data/dict.txt` in its crate source) and `REPORTS_DIR` a folder of `.txt` reports. Writes
//! `crates/core/data/lexicon.tsv` (the lexicon with each word's genre IDF); `docs/keywords.md` tells
//! how it is made and why.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;

use baogao_core::keywords::{cut, idf, segmenter};

/// Dictionary words at least this frequent are kept whether or not the reports use them.
const COMMON: usize = 1000;
/// A paragraph shorter than this (in characters) is not a document for the IDF.
const MIN_PARAGRAPH: usize = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dict, reports] = args.as_slice() else {
        return Err("usage: build_lexicon DICT REPORTS_DIR".into());
    };
    let dict = std::fs::read_to_string(dict)?;
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(reports)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in &paths {
        texts.push(std::fs::read_to_string(path)?);
    }

    // 1. The words the reports use, as the whole dictionary cuts them.
    let full = jieba_rs::Jieba::with_dict(&mut Cursor::new(dict.as_str()))?;
    let mut used = HashSet::new();
    for text in &texts {
        for token in full.cut(text, false) {
            if token.word.chars().count() > 1 && full.has_word(token.word) {
                used.insert(token.word.to_owned());
            }
        }
    }

    // 2. The lexicon: common words and the words the reports use, with their frequencies.
    let mut lexicon = String::new();
    let mut kept = 0;
    for line in dict.lines() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(n) = freq.parse::<usize>() else {
            continue;
        };
        if n >= COMMON || used.contains(word) {
            writeln!(lexicon, "{word} {n}")?;
            kept += 1;
        }
    }

    // 3. The IDF: every paragraph of the reports is a document, cut by the new lexicon.
    let jieba = segmenter(&lexicon);
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    let mut documents = 0;
    for text in &texts {
        for paragraph in text.lines().map(str::trim) {
            if paragraph.chars().count() < MIN_PARAGRAPH {
                continue;
            }
            documents += 1;
            let words: BTreeSet<&str> = cut(&jieba, paragraph)
                .into_iter()
                .map(|(w, _)| w)
                .filter(|w| w.chars().count() > 1 && jieba.has_word(w))
                .collect();
            for w in words {
                *df.entry(w.to_owned()).or_default() += 1;
            }
        }
    }
    // 4. One file: the lexicon's words in its order with their IDF, then the words only the IDF
    //    knows.
    let mut table = format!(
        "# Baogao's lexicon and genre IDF; written by crates/core/examples/build_lexicon.rs (see docs/keywords.md).\n\
         # Columns (tab-separated): word, frequency (jieba's, `-` for a word the segmenter does not get), IDF\n\
         # ln((N + 1) / (df + 1)) + 1 over the N paragraphs of government reports below (`-` when the word\n\
         # was never seen).\n\
         # documents\t{documents}\n"
    );
    let mut listed = BTreeSet::new();
    for line in lexicon.lines() {
        let Some((word, freq)) = line.split_once(' ') else {
            continue;
        };
        let weight = df
            .get(word)
            .map_or_else(|| "-".to_owned(), |n| format!("{:.2}", idf(documents, *n)));
        writeln!(table, "{word}\t{freq}\t{weight}")?;
        listed.insert(word);
    }
    for (word, n) in df.iter().filter(|(w, _)| !listed.contains(w.as_str())) {
        writeln!(table, "{word}\t-\t{:.2}", idf(documents, *n))?;
    }

    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::write(data.join("lexicon.tsv"), &table)?;
    eprintln!(
        "{} reports; lexicon {kept} of {} dictionary words ({} bytes); IDF over {documents} paragraphs, {} words",
        texts.len(),
        dict.lines().count(),
        lexicon.len(),
        df.len()
    );
    Ok(())
}
