//! The page: the editor and drop zone, the set of reports, and the panels of the selected one.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use gloo_timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::charts::Charts;
use super::compare::Compare;
use super::findings::Findings;
use super::last_year::LastYear;
use super::overview::Overview;
use super::stats::Statistics;
use super::text_view::TextView;
use crate::i18n::{Lang, Msg};
use crate::services::{apply_fix, apply_safe_fixes, download, files, storage};
use crate::state::{Action, Panel, Report, State};
use crate::worker::{use_analyser, Input, Job};
#[cfg(not(feature = "inline"))]
use crate::worker::{AnalyseTask, JsonCodec};
use baogao_core::Analysis;
#[cfg(not(feature = "inline"))]
use yew_agent::oneshot::OneshotProvider;

/// The built-in sample report, written for Baogao, with a few planted defects.
const SAMPLE: &str = include_str!("../../../../web/sample-report.txt");

/// A file name without its extension, for naming exports.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The name of the report typed or pasted into the editor.
const DRAFT: &str = "草稿";

/// Milliseconds of quiet typing before the draft is analysed again.
const DEBOUNCE_MS: u32 = 300;

/// The app: the analysis worker's provider around the workspace (the single-file build has no
/// worker).
#[function_component(App)]
pub fn app() -> Html {
    #[cfg(not(feature = "inline"))]
    {
        html! {
            <OneshotProvider<AnalyseTask, JsonCodec> path="baogao-worker.js">
                <Workspace />
            </OneshotProvider<AnalyseTask, JsonCodec>>
        }
    }
    #[cfg(feature = "inline")]
    {
        html! { <Workspace /> }
    }
}

#[function_component(Workspace)]
fn workspace() -> Html {
    let draft = use_state(|| storage::load_draft().unwrap_or_else(|| SAMPLE.to_owned()));
    let terms = use_state(storage::load_terms);
    let state = {
        let text = (*draft).clone();
        use_reducer(move || State::new(Report::new(DRAFT.to_owned(), text, Analysis::empty(DRAFT))))
    };
    let runner = use_analyser();
    // Analyse the draft in the worker; an answer for an older text than the latest is dropped.
    let generation = use_mut_ref(|| 0u64);
    let analyse_draft = {
        let dispatch = state.dispatcher();
        let runner = runner.clone();
        let generation = generation.clone();
        Callback::from(move |text: String| {
            let mine = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let dispatch = dispatch.clone();
            let runner = runner.clone();
            let generation = generation.clone();
            let job = Job {
                name: DRAFT.to_owned(),
                input: Input::Draft(text.clone()),
                user_terms: storage::term_list(&storage::load_terms()),
            };
            yew::platform::spawn_local(async move {
                if let Ok((_, analysis)) = runner.run(job).await {
                    if *generation.borrow() == mine {
                        dispatch.dispatch(Action::DraftAnalysed(Report::new(
                            DRAFT.to_owned(),
                            text,
                            analysis,
                        )));
                    }
                }
            });
        })
    };
    // On the first render: analyse the draft and bring back the reports of the last visit.
    {
        let analyse_draft = analyse_draft.clone();
        let text = (*draft).clone();
        let dispatch = state.dispatcher();
        let runner = runner.clone();
        let user_terms = storage::term_list(&terms);
        use_effect_with((), move |()| {
            analyse_draft.emit(text);
            for saved in storage::load_reports() {
                dispatch.dispatch(Action::Started);
                let dispatch = dispatch.clone();
                let runner = runner.clone();
                let job = Job {
                    name: saved.name.clone(),
                    input: Input::Draft(saved.text.clone()),
                    user_terms: user_terms.clone(),
                };
                yew::platform::spawn_local(async move {
                    if let Ok((text, mut analysis)) = runner.run(job).await {
                        analysis.source = saved.source;
                        dispatch
                            .dispatch(Action::Restored(Report::new(saved.name, text, analysis)));
                    }
                    dispatch.dispatch(Action::Finished);
                });
            }
        });
    }
    let timer = use_mut_ref(|| None::<Timeout>);
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    let dragging = use_state(|| false);
    let lang = use_state(Lang::load);
    {
        let code = lang.code();
        use_effect_with(*lang, move |_| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", code);
            }
        });
    }
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            next.save();
            lang.set(next);
        })
    };
    let l = *lang;

    // Re-analyse the draft after a pause in typing; save it at once.
    let set_draft = {
        let draft = draft.clone();
        let timer = timer.clone();
        let analyse_draft = analyse_draft.clone();
        Callback::from(move |text: String| {
            storage::save_draft(&text);
            draft.set(text.clone());
            let analyse_draft = analyse_draft.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                analyse_draft.emit(text);
            }));
        })
    };
    let on_terms = {
        let terms = terms.clone();
        let analyse_draft = analyse_draft.clone();
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            storage::save_terms(&value);
            terms.set(value);
            analyse_draft.emit((*draft).clone());
        })
    };
    let on_input = {
        let set_draft = set_draft.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            set_draft.emit(area.value());
        })
    };
    let on_sample = {
        let set_draft = set_draft.clone();
        let state = state.clone();
        Callback::from(move |_| {
            set_draft.emit(SAMPLE.to_owned());
            state.dispatch(Action::Select(0));
        })
    };
    let on_clear = {
        let set_draft = set_draft.clone();
        let question = l.t(
            "确定清空草稿吗？此操作不能撤销。",
            "Clear the draft? This cannot be undone.",
        );
        Callback::from(move |_| {
            let confirmed = web_sys::window()
                .and_then(|w| w.confirm_with_message(question).ok())
                .unwrap_or(false);
            if confirmed {
                set_draft.emit(String::new());
            }
        })
    };
    let load = {
        let state = state.clone();
        let readers = readers.clone();
        Callback::from(move |list: web_sys::FileList| {
            let dispatch = state.dispatcher();
            let runner = runner.clone();
            let user_terms = storage::term_list(&storage::load_terms());
            let done = Callback::from(move |read: files::Read| match read {
                Err((zh, en)) => dispatch.dispatch(Action::Failed(zh, en)),
                Ok((name, bytes)) => {
                    dispatch.dispatch(Action::Started);
                    let dispatch = dispatch.clone();
                    let runner = runner.clone();
                    let user_terms = user_terms.clone();
                    yew::platform::spawn_local(async move {
                        let outcome = runner
                            .run(Job {
                                name: name.clone(),
                                input: Input::File(bytes),
                                user_terms: user_terms.clone(),
                            })
                            .await;
                        dispatch.dispatch(match outcome {
                            Ok((text, analysis)) => {
                                Action::Loaded(Report::new(name, text, analysis))
                            }
                            Err((zh, en)) => Action::Failed(zh, en),
                        });
                        dispatch.dispatch(Action::Finished);
                    });
                }
            });
            readers.borrow_mut().extend(files::read(list, done));
        })
    };
    let on_choose = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                load.emit(list);
            }
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let load = load.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                load.emit(list);
            }
        })
    };
    let on_fix = {
        let state = state.clone();
        let draft = draft.clone();
        let set_draft = set_draft.clone();
        Callback::from(move |f: baogao_core::checks::Finding| {
            if state.selected != 0 {
                return;
            }
            if let Some(fixed) = f.fix.as_ref().and_then(|fix| apply_fix(&draft, fix)) {
                set_draft.emit(fixed);
            }
        })
    };
    let on_fix_all = {
        let state = state.clone();
        let draft = draft.clone();
        let set_draft = set_draft.clone();
        Callback::from(move |findings: Vec<baogao_core::checks::Finding>| {
            if state.selected != 0 {
                return;
            }
            if let Some(fixed) = apply_safe_fixes(&draft, &findings) {
                set_draft.emit(fixed);
            }
        })
    };
    let on_jump = {
        let state = state.clone();
        Callback::from(move |at| state.dispatch(Action::Jump(at)))
    };
    let on_ignore = {
        let state = state.clone();
        Callback::from(move |f| state.dispatch(Action::Ignore(f)))
    };

    let current = state.current().cloned();
    let panel = state.panel;
    let tab = |p: Panel, zh: &'static str, en: &'static str| {
        let label = l.t(zh, en);
        let state = state.clone();
        let selected = panel == p;
        html! {
            <button role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("active"))}
                onclick={Callback::from(move |_| state.dispatch(Action::ShowPanel(p)))}>{ label }</button>
        }
    };

    html! {
        <ContextProvider<Lang> context={l}>
        <div class="app">
            <header class="bar">
                <div class="bar-row">
                    <h1>{ l.t("报告分析", "Baogao") }<small>{ l.t(" Baogao · 法治政府建设情况报告检查", " · checks rule-of-law government reports") }</small></h1>
                    <button class="button quiet lang" onclick={on_lang} lang={l.other().code()}>{ l.t("English", "中文") }</button>
                </div>
                <p class="privacy">{ l.t("全部分析在本机浏览器中完成，文字不会上传。", "Everything is analysed in this browser; no text is uploaded.") }</p>
            </header>
            <main class="layout">
                <section class="input" aria-label={l.t("输入报告", "Report input")}>
                    <div class={classes!("drop", dragging.then_some("over"))} ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                        <label for="draft" class="label">{ l.t("粘贴或编辑报告全文", "Paste or edit the report") }</label>
                        <textarea id="draft" value={(*draft).clone()} oninput={on_input} spellcheck="false"
                            placeholder={l.t("在此粘贴报告全文，或把 .txt / .html / .docx 文件拖到这里", "Paste a report here, or drop .txt / .html / .docx files")}></textarea>
                        <div class="actions">
                            <label class="button" for="files">{ l.t("选择文件…", "Choose files…") }</label>
                            <input id="files" type="file" multiple=true accept=".txt,.html,.htm,.docx,text/plain,text/html" onchange={on_choose} class="visually-hidden" />
                            <button class="button" onclick={on_sample}>{ l.t("示例报告", "Sample report") }</button>
                            <button class="button quiet" onclick={on_clear}>{ l.t("清空草稿", "Clear draft") }</button>
                        </div>
                    </div>
                    <details class="own-terms">
                        <summary>{ l.t("自定义词语", "Your own terms") }</summary>
                        <label for="terms" class="label">{ l.t("每行一个词：分词时作为整词，可成为关键词（保存在本机）", "One per line: kept whole when cutting words, may become keywords (kept in this browser)") }</label>
                        <textarea id="terms" rows="3" value={(*terms).clone()} onchange={on_terms} spellcheck="false"></textarea>
                    </details>
                    if state.pending > 0 {
                        <p class="progress" role="status">
                            <span class="spinner" aria-hidden="true"></span>
                            { Msg::AnalysingFiles(state.pending).text(l) }
                        </p>
                    }
                    if !state.errors.is_empty() {
                        <div class="errors" role="alert">
                            { for state.errors.iter().map(|(zh, en)| html! { <p>{ l.t(zh, en) }</p> }) }
                            <button class="button quiet" onclick={ let s = state.clone(); Callback::from(move |_| s.dispatch(Action::DismissErrors)) }>{ l.t("知道了", "Dismiss") }</button>
                        </div>
                    }
                    <nav class="reports" aria-label={l.t("已载入的报告", "Loaded reports")}>
                        { for state.reports.iter().enumerate().map(|(i, r)| {
                            let select = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Select(i))) };
                            let remove = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Remove(i))) };
                            let errors = r.analysis.findings.iter().filter(|f| f.severity == baogao_core::checks::Severity::Error).count();
                            html! {
                                <div class={classes!("report-chip", (i == state.selected).then_some("active"))}>
                                    <button onclick={select} aria-current={(i == state.selected).then_some("true")}>
                                        { &r.name }<span class="count">{ Msg::FindingCount(r.analysis.findings.len()).text(l) }</span>
                                        if errors > 0 { <span class="badge error">{ Msg::ErrorCount(errors).text(l) }</span> }
                                    </button>
                                    if i > 0 { <button class="remove" aria-label={format!("{} {}", l.t("移除", "Remove"), r.name)} onclick={remove}>{ "×" }</button> }
                                </div>
                            }
                        }) }
                    </nav>
                </section>
                <section class="output" aria-label={l.t("分析结果", "Analysis")}>
                    <div class="tabs" role="tablist">
                        { tab(Panel::Overview, "概览", "Overview") }
                        { tab(Panel::Text, "原文标注", "Annotated text") }
                        { tab(Panel::Findings, "检查结果", "Findings") }
                        { tab(Panel::Statistics, "统计数字", "Statistics") }
                        { tab(Panel::Charts, "图表", "Charts") }
                        { tab(Panel::Compare, "多报告对比", "Compare") }
                        { tab(Panel::LastYear, "与上年对比", "Against last year") }
                    </div>
                    if let Some(report) = current.clone() {
                        <div class="exports" aria-label={l.t("导出", "Export")}>
                            <button class="button quiet" onclick={ let r = report.clone(); Callback::from(move |_| {
                                let json = serde_json::to_string_pretty(&*r.analysis).unwrap_or_default();
                                download::download(&format!("{}.analysis.json", stem(&r.name)), "application/json", &json);
                            }) }>{ l.t("导出 JSON", "Export JSON") }</button>
                            <button class="button quiet" onclick={ let r = report.clone(); Callback::from(move |_| {
                                let csv = baogao_core::export::quantities_csv(&r.text, &r.analysis);
                                download::download(&format!("{}.统计数字.csv", stem(&r.name)), "text/csv;charset=utf-8", &csv);
                            }) }>{ l.t("导出统计 CSV", "Statistics CSV") }</button>
                            <button class="button quiet" onclick={ let r = report.clone(); Callback::from(move |_| {
                                let csv = baogao_core::export::findings_csv(&r.text, &r.analysis);
                                download::download(&format!("{}.检查结果.csv", stem(&r.name)), "text/csv;charset=utf-8", &csv);
                            }) }>{ l.t("导出问题 CSV", "Findings CSV") }</button>
                            <button class="button quiet" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ l.t("打印", "Print") }</button>
                        </div>
                    }
                    if state.selected == 0 && !state.draft_ready {
                        <p class="progress" role="status">
                            <span class="spinner" aria-hidden="true"></span>{ l.t("正在分析草稿…", "Analysing the draft…") }
                        </p>
                    } else if let Some(report) = current {
                        <div class="panel" role="tabpanel">
                            { match panel {
                                Panel::Overview => html! { <Overview report={report.clone()} /> },
                                Panel::Text => html! { <TextView report={report.clone()} focus={state.focus} /> },
                                Panel::Findings => html! { <Findings report={report.clone()} editable={state.selected == 0}
                                    ignored={state.ignored.iter().filter(|(r, _, _)| *r == state.selected).map(|(_, c, s)| (*c, *s)).collect::<Vec<_>>()}
                                    on_fix={on_fix.clone()} on_fix_all={on_fix_all.clone()} on_ignore={on_ignore.clone()} on_jump={on_jump.clone()} /> },
                                Panel::Statistics => html! { <Statistics report={report.clone()} on_jump={on_jump.clone()} /> },
                                Panel::Charts => html! { <Charts report={report.clone()} /> },
                                Panel::Compare => html! { <Compare reports={state.reports.clone()} /> },
                                Panel::LastYear => html! { <LastYear reports={state.reports.clone()} selected={state.selected} /> },
                            } }
                        </div>
                    }
                </section>
            </main>
        </div>
        </ContextProvider<Lang>>
    }
}
