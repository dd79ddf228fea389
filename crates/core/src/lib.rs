#![doc = include_str!("../README.md")]

pub mod analysis;
pub mod checks;
pub mod clean;
pub mod comparison;
pub mod data;
pub mod dates;
pub mod export;
pub mod genre;
pub mod indicators;
pub mod ingest;
pub mod keywords;
pub mod knowledge;
pub mod marker;
pub mod metadata;
pub mod model;
pub mod numerals;
pub mod parts;
pub mod pattern;
pub mod quantity;
pub mod span;
pub mod structure;
pub mod terms;
pub mod traditional;

pub use analysis::{analyze, analyze_bytes, analyze_ingested, Options};
pub use ingest::{ingest, IngestError, Ingested};
pub use model::{Analysis, Format, Source, SCHEMA_VERSION};
pub use span::Span;
