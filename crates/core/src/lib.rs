//! Baogao core: analyse Chinese government reports.
pub mod clean;
pub mod ingest;
pub mod numerals;
pub mod parts;
pub mod span;
pub mod structure;
