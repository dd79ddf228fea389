//! The app's state and the user's intents that change it.

use std::rc::Rc;

use baogao_core::checks::Finding;
use baogao_core::Analysis;
use yew::Reducible;

use crate::services::storage::{self, SavedReport};

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

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// `reports[0]` is the draft typed or pasted into the editor.
    pub reports: Vec<Report>,
    pub selected: usize,
    pub panel: Panel,
    /// Files that could not be read: the reason in Chinese and in English.
    pub errors: Vec<(String, String)>,
    /// Findings the user chose to ignore, by (code, span start) in the selected report.
    pub ignored: Vec<(usize, &'static str, usize)>,
    /// A place in the selected report's text to bring into view (a byte offset).
    pub focus: Option<usize>,
    /// Files being analysed in the worker.
    pub pending: usize,
    /// Whether the draft has been analysed once (until then its analysis is empty).
    pub draft_ready: bool,
}

/// What the user asked for.
pub enum Action {
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

impl State {
    /// Keep the loaded reports (not the draft) in the browser for the next visit.
    fn save(&self) {
        let saved: Vec<SavedReport> = self
            .reports
            .iter()
            .skip(1)
            .map(|r| SavedReport {
                name: r.name.clone(),
                text: r.text.to_string(),
                source: r.analysis.source.clone(),
            })
            .collect();
        storage::save_reports(&saved);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::DraftAnalysed(report) => {
                next.draft_ready = true;
                if next.reports.is_empty() {
                    next.reports.push(report);
                } else {
                    next.reports[0] = report;
                }
                next.ignored.retain(|(i, _, _)| *i != 0);
            }
            Action::Loaded(report) => {
                next.reports.push(report);
                next.selected = next.reports.len() - 1;
            }
            Action::Restored(report) => next.reports.push(report),
            Action::Failed(zh, en) => next.errors.push((zh, en)),
            Action::Started => next.pending += 1,
            Action::Finished => {
                next.pending = next.pending.saturating_sub(1);
                if next.pending == 0 {
                    next.save();
                }
            }
            Action::Select(i) if i < next.reports.len() => next.selected = i,
            Action::Select(_) => {}
            Action::Remove(i) if i > 0 && i < next.reports.len() => {
                next.reports.remove(i);
                next.ignored.retain(|(r, _, _)| *r != i);
                if next.selected >= i {
                    next.selected = next.selected.saturating_sub(1);
                }
                next.save();
            }
            Action::Remove(_) => {}
            Action::ShowPanel(panel) => next.panel = panel,
            Action::Jump(at) => {
                next.panel = Panel::Text;
                next.focus = Some(at);
            }
            Action::Ignore(f) => next.ignored.push((next.selected, f.code, f.span.start)),
            Action::DismissErrors => next.errors.clear(),
        }
        Rc::new(next)
    }
}

impl State {
    pub fn new(draft: Report) -> Self {
        Self {
            reports: vec![draft],
            draft_ready: false,
            selected: 0,
            panel: Panel::Overview,
            errors: Vec::new(),
            ignored: Vec::new(),
            focus: None,
            pending: 0,
        }
    }

    pub fn current(&self) -> Option<&Report> {
        self.reports.get(self.selected)
    }
}
