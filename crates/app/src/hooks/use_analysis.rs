//! One way to analyse anything: make a job, run it with the [`Analyser`] (in the worker or on the
//! page), and dispatch what came back. The draft, the reports restored from the last visit and
//! the files the user drops or chooses all go through [`AnalysisHandle`].

use std::cell::RefCell;
use std::rc::Rc;

use baogao_core::Source;
use gloo_file::callbacks::FileReader;
use yew::prelude::*;

use crate::services::files;
use crate::services::storage::SavedReport;
use crate::state::{Action, Report, State, DRAFT};
use crate::worker::{use_analyser, Analyser, Input, Job, Outcome};

/// Starts analyses and dispatches their outcome to the workspace's state.
#[derive(Clone)]
pub struct AnalysisHandle {
    runner: Runner,
    /// The readers of files the user gave: a reader stops when dropped.
    readers: Rc<RefCell<Vec<FileReader>>>,
}

/// Runs jobs and dispatches their outcome (the readers stay out of it: a reader's callback holds
/// a runner, and must not hold the list that holds the reader).
#[derive(Clone)]
struct Runner {
    analyser: Analyser,
    dispatch: UseReducerDispatcher<State>,
    /// Counts the draft's analyses; an answer for an older draft than the latest is dropped.
    generation: Rc<RefCell<u64>>,
}

/// What an analysis was for, which decides what its outcome becomes.
enum Purpose {
    /// The draft, as the `generation`-th analysis of it.
    Draft(u64),
    /// A report of the last visit, with where it first came from.
    Restore(Source),
    /// A file the user dropped or chose.
    Load,
}

impl Purpose {
    /// Files and restored reports count as pending while in the worker; the draft does not.
    fn counted(&self) -> bool {
        !matches!(self, Purpose::Draft(_))
    }

    /// The action for an outcome, if any: a draft's answer is dropped when a newer draft went out
    /// (`latest`), and a report of the last visit that no longer reads is left out silently.
    fn action(self, name: String, outcome: Outcome, latest: u64) -> Option<Action> {
        match (self, outcome) {
            (Purpose::Draft(mine), Ok((text, analysis))) if mine == latest => {
                Some(Action::DraftAnalysed(Report::new(name, text, analysis)))
            }
            (Purpose::Draft(_) | Purpose::Restore(_), Err(_)) | (Purpose::Draft(_), Ok(_)) => None,
            (Purpose::Restore(source), Ok((text, mut analysis))) => {
                analysis.source = source;
                Some(Action::Restored(Report::new(name, text, analysis)))
            }
            (Purpose::Load, Ok((text, analysis))) => {
                Some(Action::Loaded(Report::new(name, text, analysis)))
            }
            (Purpose::Load, Err((zh, en))) => Some(Action::Failed(zh, en)),
        }
    }
}

impl AnalysisHandle {
    /// Analyse the editor's text with the user's terms.
    pub fn draft(&self, text: &str, user_terms: Vec<String>) {
        let mine = {
            let mut g = self.runner.generation.borrow_mut();
            *g += 1;
            *g
        };
        let input = Input::Draft(text.to_owned());
        let name = DRAFT.to_owned();
        self.runner
            .spawn(name, input, user_terms, Purpose::Draft(mine));
    }

    /// Analyse again a report kept from the last visit.
    pub fn restore(&self, saved: SavedReport, user_terms: Vec<String>) {
        let purpose = Purpose::Restore(saved.source);
        let input = Input::Draft(saved.text);
        self.runner.spawn(saved.name, input, user_terms, purpose);
    }

    /// Read files the user dropped or chose, and analyse each; one that cannot be read gives its
    /// own message and the others still load.
    pub fn load(&self, list: web_sys::FileList, user_terms: Vec<String>) {
        let runner = self.runner.clone();
        let done = Callback::from(move |read: files::Read| match read {
            Err((zh, en)) => runner.dispatch.dispatch(Action::Failed(zh, en)),
            Ok((name, bytes)) => {
                runner.spawn(name, Input::File(bytes), user_terms.clone(), Purpose::Load);
            }
        });
        self.readers.borrow_mut().extend(files::read(list, done));
    }
}

impl Runner {
    /// The one sequence behind every analysis: run the job, then dispatch its outcome.
    fn spawn(&self, name: String, input: Input, user_terms: Vec<String>, purpose: Purpose) {
        let counted = purpose.counted();
        if counted {
            self.dispatch.dispatch(Action::Started);
        }
        let job = Job {
            name: name.clone(),
            input,
            user_terms,
            base: page_address(),
        };
        let this = self.clone();
        yew::platform::spawn_local(async move {
            let outcome = this.analyser.run(job).await;
            let latest = *this.generation.borrow();
            if let Some(action) = purpose.action(name, outcome, latest) {
                this.dispatch.dispatch(action);
            }
            if counted {
                this.dispatch.dispatch(Action::Finished);
            }
        });
    }
}

/// The workspace's analysis: answers go to `dispatch`.
#[hook]
pub fn use_analysis(dispatch: UseReducerDispatcher<State>) -> AnalysisHandle {
    let analyser = use_analyser();
    let generation = use_mut_ref(|| 0u64);
    let readers = use_mut_ref(Vec::new);
    AnalysisHandle {
        runner: Runner {
            analyser,
            dispatch,
            generation,
        },
        readers,
    }
}

/// The page's address, against which the worker finds the files next to it (the PDF module).
fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
