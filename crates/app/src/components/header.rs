//! The page header: the name, the language switch and the privacy line.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Switch to the other language.
    pub on_lang: Callback<()>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let l = use_context::<Lang>().unwrap_or_default();
    html! {
        <header class="bar">
            <div class="bar-row">
                <h1>{ l.t("报告分析", "Baogao") }<small>{ l.t(" Baogao · 法治政府建设情况报告检查", " · checks rule-of-law government reports") }</small></h1>
                <button class="button quiet lang" onclick={props.on_lang.reform(|_| ())} lang={l.other().code()}>{ l.t("English", "中文") }</button>
            </div>
            <p class="privacy">{ l.t("全部分析在本机浏览器中完成，文字不会上传。", "Everything is analysed in this browser; no text is uploaded.") }</p>
        </header>
    }
}
