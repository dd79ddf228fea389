//! The JSON of every real text held still: the FNV-1a digest of the analysis JSON (as
//! `baogao analyze --format json` prints it) of each corpus, stress and wild text is recorded in
//! `tests/ledger/json-digests.tsv`. A refactor must leave every digest as it is; a change in what
//! the analysis says changes some, and the test lists them. Look at the difference with the CLI
//! (`baogao analyze --format json FILE` before and after), say why in the commit, then rewrite the
//! digests with `BAOGAO_JSON_DIGESTS=write`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use baogao_core::{analyze_bytes, Options};
use baogao_tests::{ledger_rows, shared_dir, shared_texts};

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn the_json_of_every_real_text_is_unchanged() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared is not present, no real texts to hold still");
        return;
    };
    let mut got = BTreeMap::new();
    for (name, path) in shared_texts(&shared, &["corpus", "stress", "wild"]) {
        let bytes = std::fs::read(&path).expect("readable");
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        let (_, analysis) =
            analyze_bytes(&file, &bytes, &Options::default()).expect("readable text");
        let json = serde_json::to_string_pretty(&analysis).expect("serialises");
        got.insert(name, format!("{:016x}", fnv1a(json.as_bytes())));
    }
    let ledger = Path::new(env!("CARGO_MANIFEST_DIR")).join("ledger/json-digests.tsv");
    if std::env::var("BAOGAO_JSON_DIGESTS").as_deref() == Ok("write") {
        let mut out = String::from(
            "# The FNV-1a digest of each real text's analysis JSON (tests/json_digest.rs). Columns: file, digest.\n",
        );
        for (name, digest) in &got {
            let _ = writeln!(out, "{name}\t{digest}");
        }
        std::fs::write(&ledger, out).expect("writable");
        return;
    }
    let recorded: BTreeMap<String, String> = ledger_rows("json-digests.tsv")
        .into_iter()
        .filter_map(|(_, _, f)| Some((f.first()?.clone(), f.get(1)?.clone())))
        .collect();
    let changed: Vec<&String> = got
        .iter()
        .filter(|(name, digest)| recorded.get(*name) != Some(digest))
        .map(|(name, _)| name)
        .collect();
    let gone: Vec<&String> = recorded.keys().filter(|n| !got.contains_key(*n)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "the analysis JSON changed for {changed:?} (no longer present: {gone:?}); see the module doc"
    );
    assert!(got.len() >= 60, "{} texts", got.len());
}
