//! What the user would miss after a reload is saved to the browser's storage as it changes: the
//! draft, the user's terms, the interface language and the loaded reports. The reducer itself
//! does no IO.

use yew::prelude::*;

use crate::services::storage;
use crate::state::State;

/// Save each kept part of `state` when it changes; also set the page's `lang` attribute.
#[hook]
pub fn use_storage_sync(state: &UseReducerHandle<State>) {
    use_effect_with(state.draft.clone(), |draft| storage::save_draft(draft));
    use_effect_with(state.terms.clone(), |terms| storage::save_terms(terms));
    use_effect_with(state.lang, |&lang| {
        storage::save_lang(lang);
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    let kept = state.clone();
    use_effect_with(state.kept, move |&n| {
        if n > 0 {
            storage::save_reports(&kept.saved_reports());
        }
    });
}
