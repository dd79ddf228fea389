//! The page: the editor and drop zone, the set of reports, and the panels of the selected one.

use baogao_core::checks::Finding;
use yew::prelude::*;

use super::charts::Charts;
use super::compare::Compare;
use super::export_bar::ExportBar;
use super::findings::Findings;
use super::header::Header;
use super::input_pane::InputPane;
use super::last_year::LastYear;
use super::notices::Notices;
use super::overview::Overview;
use super::report_list::ReportList;
use super::stats::Statistics;
use super::tab_bar::TabBar;
use super::text_view::TextView;
use crate::hooks::{use_analysis, use_draft_analysis, use_storage_sync};
use crate::i18n::Lang;
use crate::services::{apply_fix, apply_safe_fixes, storage};
use crate::state::{Action, Panel, State, SAMPLE};
#[cfg(not(feature = "inline"))]
use crate::worker::{AnalyseTask, JsonCodec};
#[cfg(not(feature = "inline"))]
use yew_agent::oneshot::OneshotProvider;

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

/// The state on opening: the draft, terms and language of the last visit, or the sample.
fn opening_state() -> State {
    let draft = storage::load_draft().unwrap_or_else(|| SAMPLE.to_owned());
    State::new(draft, storage::load_terms(), storage::load_lang())
}

/// A callback that dispatches the action `make` builds from its argument.
fn send<T: 'static>(
    state: &UseReducerHandle<State>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = state.dispatcher();
    Callback::from(move |x| dispatch.dispatch(make(x)))
}

/// The draft's text after `fix` made it; `None` unless the draft is selected and the fix fits.
fn fixed_draft(state: &State, fix: impl Fn(&str) -> Option<String>) -> Option<String> {
    (state.selected == 0).then(|| fix(&state.draft)).flatten()
}

#[function_component(Workspace)]
fn workspace() -> Html {
    let state = use_reducer(opening_state);
    let analysis = use_analysis(state.dispatcher());
    use_draft_analysis(&analysis, &state);
    use_storage_sync(&state);
    // On the first render: bring back the reports of the last visit.
    {
        let (analysis, terms) = (analysis.clone(), state.term_list());
        use_effect_with((), move |()| {
            for saved in storage::load_reports() {
                analysis.restore(saved, terms.clone());
            }
        });
    }
    let on_files = {
        let terms = state.term_list();
        Callback::from(move |list| analysis.load(list, terms.clone()))
    };
    let on_fix = {
        let s = state.clone();
        Callback::from(move |f: Finding| {
            let fixed = fixed_draft(&s, |d| f.fix.as_ref().and_then(|fix| apply_fix(d, fix)));
            if let Some(fixed) = fixed {
                s.dispatch(Action::EditDraft(fixed));
            }
        })
    };
    let on_fix_all = {
        let s = state.clone();
        Callback::from(move |findings: Vec<Finding>| {
            if let Some(fixed) = fixed_draft(&s, |d| apply_safe_fixes(d, &findings)) {
                s.dispatch(Action::EditDraft(fixed));
            }
        })
    };
    let panel = current_panel(&state, on_fix, on_fix_all);
    html! {
        <ContextProvider<Lang> context={state.lang}>
        <div class="app">
            <Header on_lang={send(&state, |()| Action::ToggleLang)} />
            <main class="layout">
                <section class="input" aria-label={state.lang.t("输入报告", "Report input")}>
                    <InputPane draft={state.draft.clone()} terms={state.terms.clone()} on_files={on_files}
                        on_edit={send(&state, Action::EditDraft)} on_terms={send(&state, Action::SetTerms)}
                        on_sample={send(&state, |()| Action::LoadSample)} />
                    <Notices pending={state.pending} errors={state.errors.clone()} on_dismiss={send(&state, |()| Action::DismissErrors)} />
                    <ReportList reports={state.reports.clone()} selected={state.selected}
                        on_select={send(&state, Action::Select)} on_remove={send(&state, Action::Remove)} />
                </section>
                <section class="output" aria-label={state.lang.t("分析结果", "Analysis")}>
                    <TabBar panel={state.panel} on_select={send(&state, Action::ShowPanel)} />
                    if let Some(report) = state.current().cloned() {
                        <ExportBar {report} />
                    }
                    { panel }
                </section>
            </main>
        </div>
        </ContextProvider<Lang>>
    }
}

/// The selected report in the chosen panel, or a progress line while the draft is first analysed.
fn current_panel(
    state: &UseReducerHandle<State>,
    on_fix: Callback<Finding>,
    on_fix_all: Callback<Vec<Finding>>,
) -> Html {
    if state.selected == 0 && !state.draft_ready {
        return html! {
            <p class="progress" role="status">
                <span class="spinner" aria-hidden="true"></span>{ state.lang.t("正在分析草稿…", "Analysing the draft…") }
            </p>
        };
    }
    let Some(report) = state.current().cloned() else {
        return html! {};
    };
    let on_jump = send(state, Action::Jump);
    let shown = match state.panel {
        Panel::Overview => html! { <Overview {report} /> },
        Panel::Text => html! { <TextView {report} focus={state.focus} /> },
        Panel::Findings => html! {
            <Findings {report} editable={state.selected == 0} ignored={state.ignored_here()}
                {on_fix} {on_fix_all} on_ignore={send(state, Action::Ignore)} {on_jump} />
        },
        Panel::Statistics => html! { <Statistics {report} {on_jump} /> },
        Panel::Charts => html! { <Charts {report} /> },
        Panel::Compare => html! { <Compare reports={state.reports.clone()} /> },
        Panel::LastYear => {
            html! { <LastYear reports={state.reports.clone()} selected={state.selected} /> }
        }
    };
    html! { <div class="panel" role="tabpanel">{ shown }</div> }
}
