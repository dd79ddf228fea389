//! The workspace's custom hooks: the analysis in the worker, and keeping state in storage.

pub mod use_analysis;
pub mod use_draft_analysis;
pub mod use_storage_sync;

pub use use_analysis::{use_analysis, AnalysisHandle};
pub use use_draft_analysis::use_draft_analysis;
pub use use_storage_sync::use_storage_sync;
