//! One component per file.

pub mod app;
pub mod charts;
pub mod compare;
pub mod findings;
pub mod last_year;
pub mod overview;
pub mod stats;
pub mod text_view;
