//! The draft, the user's terms, the loaded reports and the interface language survive a reload:
//! they are kept in the browser's localStorage, never sent anywhere.

use gloo_storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const DRAFT_KEY: &str = "baogao.draft";

pub fn load_draft() -> Option<String> {
    LocalStorage::get::<String>(DRAFT_KEY)
        .ok()
        .filter(|s| !s.is_empty())
}

pub fn save_draft(text: &str) {
    // A full or disabled storage must not break editing; the draft stays on screen.
    let _ = LocalStorage::set(DRAFT_KEY, text);
}

const REPORTS_KEY: &str = "baogao.reports";
const TERMS_KEY: &str = "baogao.terms";

/// A loaded report as kept across reloads: its decoded text and where it came from.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SavedReport {
    pub name: String,
    pub text: String,
    pub source: baogao_core::Source,
}

pub fn load_reports() -> Vec<SavedReport> {
    LocalStorage::get::<Vec<SavedReport>>(REPORTS_KEY).unwrap_or_default()
}

/// Keep the loaded reports (not the draft, which has its own key). When the browser's quota is
/// exceeded the reports stay on screen but will not come back after a reload.
pub fn save_reports(reports: &[SavedReport]) {
    if reports.is_empty() {
        LocalStorage::delete(REPORTS_KEY);
    } else {
        let _ = LocalStorage::set(REPORTS_KEY, reports);
    }
}

/// The user's own words, one per line.
pub fn load_terms() -> String {
    LocalStorage::get::<String>(TERMS_KEY).unwrap_or_default()
}

pub fn save_terms(terms: &str) {
    let _ = LocalStorage::set(TERMS_KEY, terms);
}

const LANG_KEY: &str = "baogao.lang";

/// The interface language chosen on an earlier visit; Chinese when none was.
pub fn load_lang() -> Lang {
    match LocalStorage::get::<String>(LANG_KEY).ok().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.t("zh", "en"));
}
