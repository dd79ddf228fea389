//! Where reports come in: the draft's editor, which is also the drop zone for files, the file
//! chooser, the sample and clear buttons, and the user's own terms.

use std::rc::Rc;

use web_sys::{FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct InputPaneProps {
    pub draft: Rc<str>,
    /// The user's own words as typed, one per line.
    pub terms: Rc<str>,
    /// The draft was typed into or cleared.
    pub on_edit: Callback<String>,
    pub on_terms: Callback<String>,
    /// Files were dropped or chosen.
    pub on_files: Callback<FileList>,
    pub on_sample: Callback<()>,
}

/// Ask before the draft is cleared: it cannot be brought back.
fn confirm_clear(l: Lang) -> bool {
    let question = l.t(
        "确定清空草稿吗？此操作不能撤销。",
        "Clear the draft? This cannot be undone.",
    );
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// The handlers of the drop zone: over, leave and drop.
fn drop_handlers(
    dragging: &UseStateHandle<bool>,
    on_files: &Callback<FileList>,
) -> [Callback<DragEvent>; 3] {
    let over = dragging.clone();
    let leave = dragging.clone();
    let dropped = dragging.clone();
    let on_files = on_files.clone();
    [
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        }),
        Callback::from(move |_: DragEvent| leave.set(false)),
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dropped.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                on_files.emit(list);
            }
        }),
    ]
}

#[function_component(InputPane)]
pub fn input_pane(props: &InputPaneProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    let dragging = use_state(|| false);
    let [on_drag_over, on_drag_leave, on_drop] = drop_handlers(&dragging, &props.on_files);
    let on_input = props
        .on_edit
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_terms = props
        .on_terms
        .reform(|e: Event| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_choose = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_files.emit(list);
            }
            input.set_value("");
        })
    };
    let on_clear = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm_clear(l) {
                on_edit.emit(String::new());
            }
        })
    };
    html! {
        <>
            <div class={classes!("drop", dragging.then_some("over"))} ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="draft" class="label">{ l.t("粘贴或编辑报告全文", "Paste or edit the report") }</label>
                <textarea id="draft" value={AttrValue::from(props.draft.clone())} oninput={on_input} spellcheck="false"
                    placeholder={l.t("在此粘贴报告全文，或把 .txt / .html / .docx / .doc / .wps / .ofd / .pdf 文件拖到这里", "Paste a report here, or drop .txt / .html / .docx / .doc / .wps / .ofd / .pdf files")}></textarea>
                <div class="actions">
                    <label class="button" for="files">{ l.t("选择文件…", "Choose files…") }</label>
                    <input id="files" type="file" multiple=true accept=".txt,.html,.htm,.docx,.doc,.wps,.ofd,.pdf,text/plain,text/html,application/pdf" onchange={on_choose} class="visually-hidden" />
                    <button class="button" onclick={props.on_sample.reform(|_| ())}>{ l.t("示例报告", "Sample report") }</button>
                    <button class="button quiet" onclick={on_clear}>{ l.t("清空草稿", "Clear draft") }</button>
                </div>
            </div>
            <details class="own-terms">
                <summary>{ l.t("自定义词语", "Your own terms") }</summary>
                <label for="terms" class="label">{ l.t("每行一个词：分词时作为整词，可成为关键词（保存在本机）", "One per line: kept whole when cutting words, may become keywords (kept in this browser)") }</label>
                <textarea id="terms" rows="3" value={AttrValue::from(props.terms.clone())} onchange={on_terms} spellcheck="false"></textarea>
            </details>
        </>
    }
}
