//! The draft is analysed again whenever it or the user's terms change.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::AnalysisHandle;
use crate::state::{term_list, State};

/// Milliseconds of quiet typing before the draft is analysed again.
const DEBOUNCE_MS: u32 = 300;

/// Analyse the draft at once on the first render and when the terms change, and after a pause
/// in typing when the text changes.
#[hook]
pub fn use_draft_analysis(analysis: &AnalysisHandle, state: &State) {
    let timer = use_mut_ref(|| None::<Timeout>);
    let last_terms = use_mut_ref(|| None::<Rc<str>>);
    let analysis = analysis.clone();
    use_effect_with(
        (state.draft.clone(), state.terms.clone()),
        move |(draft, terms)| {
            let at_once = last_terms.borrow().as_ref() != Some(terms);
            *last_terms.borrow_mut() = Some(terms.clone());
            let user_terms = term_list(terms);
            if at_once {
                // A pending re-analysis would only repeat this one with older terms.
                drop(timer.borrow_mut().take());
                analysis.draft(draft, user_terms);
            } else {
                let draft = draft.clone();
                let later = move || analysis.draft(&draft, user_terms);
                *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, later));
            }
        },
    );
}
