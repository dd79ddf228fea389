//! The app's state and the user's intents that change it.

use std::rc::Rc;

use baogao_core::checks::Finding;
use baogao_core::Analysis;
use yew::Reducible;

use crate::i18n::Lang;
use crate::services::storage::SavedReport;

/// The built-in sample report, written for Baogao, with a few planted defects.
pub const SAMPLE: &str = include_str!("../../../web/sample-report.txt");

/// The name of the report typed or pasted into the editor.
pub const DRAFT: &str = "草稿";

/// The analysis of [`SAMPLE`] as the draft, made when the app was built (`build.rs`).
fn sample_analysis() -> Option<Analysis> {
    serde_json::from_str(include_str!(concat!(
        env!("OUT_DIR"),
        "/sample-analysis.json"
    )))
    .ok()
}

/// One report in the set: the draft being edited, or a loaded file.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub text: Rc<str>,
    pub analysis: Rc<Analysis>,
}

/// Two reports are the same when they are the same analysis of the same text.
impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.analysis, &other.analysis)
    }
}

impl Report {
    pub fn new(name: String, text: String, analysis: Analysis) -> Self {
        Self {
            name,
            text: text.into(),
            analysis: Rc::new(analysis),
        }
    }
}

/// Which panel shows the selected report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    Text,
    Findings,
    Statistics,
    Charts,
    Compare,
    /// The selected report against another year's of the same unit.
    LastYear,
}

/// The words of a word list as typed: one per line, blank lines skipped.
pub fn term_list(terms: &str) -> Vec<String> {
    terms
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The text in the editor; `reports[0]` is its latest analysis.
    pub draft: Rc<str>,
    /// The user's own words as typed, one per line.
    pub terms: Rc<str>,
    pub lang: Lang,
    /// `reports[0]` is the draft typed or pasted into the editor.
    pub reports: Vec<Report>,
    pub selected: usize,
    pub panel: Panel,
    /// Files that could not be read: the reason in Chinese and in English.
    pub errors: Vec<(String, String)>,
    /// Findings the user chose to ignore, by (report index, code, span start).
    pub ignored: Vec<(usize, &'static str, usize)>,
    /// A place in the selected report's text to bring into view (a byte offset).
    pub focus: Option<usize>,
    /// Files being analysed in the worker.
    pub pending: usize,
    /// Whether the draft has been analysed once (until then its analysis is empty).
    pub draft_ready: bool,
    /// Moves each time the loaded reports settle into a set worth keeping (every file answered,
    /// or one removed); the workspace then saves them. Zero until then, so the reports of the last
    /// visit are not overwritten before they are back.
    pub kept: u64,
}

/// What the user asked for, and what the worker answered.
pub enum Action {
    /// The user typed, pasted, cleared or fixed the draft.
    EditDraft(String),
    /// The built-in sample becomes the draft, and is shown.
    LoadSample,
    /// The user's own words changed.
    SetTerms(String),
    /// Switch the interface to the other language.
    ToggleLang,
    /// The draft was re-analysed after an edit.
    DraftAnalysed(Report),
    /// Files were read and analysed.
    Loaded(Report),
    /// A report kept from an earlier visit was analysed again.
    Restored(Report),
    /// A file could not be read: the reason in Chinese and in English.
    Failed(String, String),
    /// A file went to the worker.
    Started,
    /// The worker answered for a file.
    Finished,
    Select(usize),
    Remove(usize),
    ShowPanel(Panel),
    /// Show the annotated text at a byte offset.
    Jump(usize),
    Ignore(Finding),
    DismissErrors,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl State {
    /// The state on opening: the draft, terms and language kept from the last visit; the draft's
    /// analysis is still to come, unless the draft is the sample report with no terms of the
    /// user's, whose analysis was made when the app was built.
    pub fn new(draft: String, terms: String, lang: Lang) -> Self {
        let prerendered = (draft == SAMPLE && term_list(&terms).is_empty())
            .then(sample_analysis)
            .flatten();
        let draft_ready = prerendered.is_some();
        let analysis = prerendered.unwrap_or_else(|| Analysis::empty(DRAFT));
        Self {
            reports: vec![Report::new(DRAFT.to_owned(), draft.clone(), analysis)],
            draft: draft.into(),
            terms: terms.into(),
            lang,
            draft_ready,
            selected: 0,
            panel: Panel::Overview,
            errors: Vec::new(),
            ignored: Vec::new(),
            focus: None,
            pending: 0,
            kept: 0,
        }
    }

    pub fn current(&self) -> Option<&Report> {
        self.reports.get(self.selected)
    }

    /// The user's own words as a list.
    pub fn term_list(&self) -> Vec<String> {
        term_list(&self.terms)
    }

    /// (code, span start) of the findings ignored in the selected report.
    pub fn ignored_here(&self) -> Vec<(&'static str, usize)> {
        self.ignored
            .iter()
            .filter(|(r, _, _)| *r == self.selected)
            .map(|(_, code, start)| (*code, *start))
            .collect()
    }

    /// The loaded reports (not the draft, which is kept on its own) as they are saved.
    pub fn saved_reports(&self) -> Vec<SavedReport> {
        self.reports
            .iter()
            .skip(1)
            .map(|r| SavedReport {
                name: r.name.clone(),
                text: r.text.to_string(),
                source: r.analysis.source.clone(),
            })
            .collect()
    }

    /// Change the state as `action` asks; no IO here (saving is the workspace's effect).
    fn apply(&mut self, action: Action) {
        match action {
            Action::EditDraft(text) => self.draft = text.into(),
            Action::LoadSample => {
                self.draft = SAMPLE.into();
                self.selected = 0;
            }
            Action::SetTerms(terms) => self.terms = terms.into(),
            Action::ToggleLang => self.lang = self.lang.other(),
            Action::DraftAnalysed(report) => {
                self.draft_ready = true;
                match self.reports.first_mut() {
                    Some(draft) => *draft = report,
                    None => self.reports.push(report),
                }
                self.ignored.retain(|(i, _, _)| *i != 0);
            }
            Action::Loaded(report) => {
                self.reports.push(report);
                self.selected = self.reports.len() - 1;
            }
            Action::Restored(report) => self.reports.push(report),
            Action::Failed(zh, en) => self.errors.push((zh, en)),
            Action::Started => self.pending += 1,
            Action::Finished => {
                self.pending = self.pending.saturating_sub(1);
                if self.pending == 0 {
                    self.kept += 1;
                }
            }
            Action::Select(i) if i < self.reports.len() => self.selected = i,
            Action::Select(_) => {}
            Action::Remove(i) if i > 0 && i < self.reports.len() => self.remove(i),
            Action::Remove(_) => {}
            Action::ShowPanel(panel) => self.panel = panel,
            Action::Jump(at) => {
                self.panel = Panel::Text;
                self.focus = Some(at);
            }
            Action::Ignore(f) => self.ignored.push((self.selected, f.code, f.span.start)),
            Action::DismissErrors => self.errors.clear(),
        }
    }

    /// Drop report `i` with its ignored findings; the reports after it move up one place, and
    /// so do their ignored findings and the selection.
    fn remove(&mut self, i: usize) {
        self.reports.remove(i);
        self.ignored.retain(|(r, _, _)| *r != i);
        for (r, _, _) in &mut self.ignored {
            if *r > i {
                *r -= 1;
            }
        }
        if self.selected >= i {
            self.selected = self.selected.saturating_sub(1);
        }
        self.kept += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_core::checks::Severity;
    use baogao_core::Span;

    fn report(name: &str) -> Report {
        Report::new(name.to_owned(), String::new(), Analysis::empty(name))
    }

    fn finding(code: &'static str, start: usize) -> Finding {
        let span = Span {
            start,
            end: start + 1,
        };
        Finding {
            code,
            severity: Severity::Warning,
            message: "测试".to_owned(),
            message_en: "test".to_owned(),
            span,
            spans: vec![span],
            count: 1,
            excerpt: String::new(),
            fix: None,
        }
    }

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn removing_a_report_moves_the_ignored_findings_of_later_reports_with_them() {
        let mut state = State::new("草稿".to_owned(), String::new(), Lang::Zh);
        for name in ["甲.txt", "乙.txt", "丙.txt"] {
            state = reduce(state, Action::Loaded(report(name)));
        }
        for (i, code) in [(1, "W001"), (2, "N003"), (3, "P001")] {
            state = reduce(state, Action::Select(i));
            state = reduce(state, Action::Ignore(finding(code, 10 * i)));
        }
        assert_eq!(state.selected, 3);
        let state = reduce(state, Action::Remove(2));
        let names: Vec<&str> = state.reports.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["草稿", "甲.txt", "丙.txt"]);
        assert_eq!(state.ignored, [(1, "W001", 10), (2, "P001", 30)]);
        assert_eq!(state.selected, 2, "the selection follows 丙.txt");
        assert_eq!(state.ignored_here(), [("P001", 30)]);
        assert_eq!(state.kept, 1, "the smaller set is to be saved");
    }

    #[test]
    fn removing_the_selected_report_selects_the_one_before() {
        let mut state = State::new(String::new(), String::new(), Lang::Zh);
        for name in ["甲.txt", "乙.txt"] {
            state = reduce(state, Action::Loaded(report(name)));
        }
        let state = reduce(state, Action::Remove(2));
        assert_eq!(state.selected, 1);
        let state = reduce(state, Action::Remove(0));
        assert_eq!(state.reports.len(), 2, "the draft is never removed");
    }

    #[test]
    fn the_draft_terms_and_language_are_state() {
        let state = State::new(String::new(), String::new(), Lang::Zh);
        let state = reduce(state, Action::EditDraft("一、成效".to_owned()));
        assert_eq!(&*state.draft, "一、成效");
        let state = reduce(
            state,
            Action::SetTerms("秒批秒办\n\n 一网通办 \n".to_owned()),
        );
        assert_eq!(state.term_list(), ["秒批秒办", "一网通办"]);
        let state = reduce(state, Action::ToggleLang);
        assert_eq!(state.lang, Lang::En);
        let state = reduce(state, Action::LoadSample);
        assert_eq!(&*state.draft, SAMPLE);
    }

    #[test]
    fn the_sample_opens_with_the_analysis_the_worker_would_make() {
        let state = State::new(SAMPLE.to_owned(), String::new(), Lang::Zh);
        assert!(state.draft_ready);
        let options = baogao_core::Options {
            name: Some(DRAFT.to_owned()),
            ..baogao_core::Options::default()
        };
        let fresh = baogao_core::analyze(SAMPLE, &options);
        let json = |a: &Analysis| serde_json::to_string(a).expect("serialises");
        assert_eq!(json(&state.reports[0].analysis), json(&fresh));
        assert!(!state.reports[0].analysis.findings.is_empty());

        // Another draft, or the sample with terms of the user's, waits for the worker.
        let other = State::new("一、成效".to_owned(), String::new(), Lang::Zh);
        assert!(!other.draft_ready);
        let with_terms = State::new(SAMPLE.to_owned(), "秒批秒办".to_owned(), Lang::Zh);
        assert!(!with_terms.draft_ready);
    }

    #[test]
    fn reports_are_kept_once_every_file_has_answered() {
        let mut state = State::new(String::new(), String::new(), Lang::Zh);
        state = reduce(state, Action::Started);
        state = reduce(state, Action::Started);
        state = reduce(state, Action::Finished);
        assert_eq!(state.kept, 0);
        state = reduce(state, Action::Finished);
        assert_eq!((state.pending, state.kept), (0, 1));
    }
}
