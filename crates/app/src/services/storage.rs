//! The draft survives a reload: it is kept in the browser's localStorage, never sent anywhere.

use gloo_storage::{LocalStorage, Storage};

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
