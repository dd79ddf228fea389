//! Analyses the built-in sample report at build time, so that the page shows it the moment it
//! starts instead of after the worker has downloaded, started and built its tables. The worker
//! still analyses the draft on opening (which warms it up), and its answer, the same analysis,
//! replaces this one. `state::tests` holds the two equal.

use std::path::PathBuf;

use baogao_core::{analyze, Options};

/// The draft's name in the app (`state::DRAFT`).
const DRAFT: &str = "草稿";

fn main() -> Result<(), String> {
    let sample = "../../web/sample-report.txt";
    println!("cargo::rerun-if-changed={sample}");
    let text = std::fs::read_to_string(sample).map_err(|e| format!("{sample}: {e}"))?;
    let options = Options {
        name: Some(DRAFT.to_owned()),
        ..Options::default()
    };
    let json = serde_json::to_string(&analyze(&text, &options)).map_err(|e| e.to_string())?;
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    std::fs::write(out.join("sample-analysis.json"), json).map_err(|e| e.to_string())
}
