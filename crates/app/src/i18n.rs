//! The interface language: Chinese by default, English on request; the choice is remembered.

use gloo_storage::{LocalStorage, Storage};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

const KEY: &str = "baogao.lang";

impl Lang {
    /// Pick the Chinese or the English text.
    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn load() -> Self {
        match LocalStorage::get::<String>(KEY).ok().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    pub fn save(self) {
        let _ = LocalStorage::set(KEY, if self == Lang::En { "en" } else { "zh" });
    }

    /// The `lang` attribute for the page.
    pub fn code(self) -> &'static str {
        if self == Lang::En {
            "en"
        } else {
            "zh-CN"
        }
    }
}
