//! One component per file.

pub mod app;
pub mod charts;
pub mod compare;
pub mod export_bar;
pub mod findings;
pub mod header;
pub mod input_pane;
pub mod last_year;
pub mod notices;
pub mod overview;
pub mod report_list;
pub mod stats;
pub mod tab_bar;
pub mod text_view;
