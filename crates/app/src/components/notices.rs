//! Lines under the editor: how many files are still being analysed, and files that could not be
//! read.

use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// Files still in the worker.
    pub pending: usize,
    /// Why files could not be read, in Chinese and in English.
    pub errors: Vec<(String, String)>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    html! {
        <>
            if props.pending > 0 {
                <p class="progress" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    { Msg::AnalysingFiles(props.pending).text(l) }
                </p>
            }
            if !props.errors.is_empty() {
                <div class="errors" role="alert">
                    { for props.errors.iter().map(|(zh, en)| html! { <p>{ l.t(zh, en) }</p> }) }
                    <button class="button quiet" onclick={props.on_dismiss.reform(|_| ())}>{ l.t("知道了", "Dismiss") }</button>
                </div>
            }
        </>
    }
}
