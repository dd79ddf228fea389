//! The analysis as a web worker, so that reading and analysing large files never blocks the page.
//! Messages are JSON: the analysis's own public format, which reads back into an `Analysis`.

use baogao_core::ingest::{Format, IngestErrorKind, Ingested, Source};
use baogao_core::{analyze, analyze_bytes, analyze_ingested, Analysis, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use yew_agent::oneshot::oneshot;

/// What to analyse: a file's bytes or the text of the editor.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Input {
    File(Vec<u8>),
    Draft(String),
}

/// A report to analyse, with the user's own words.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub name: String,
    pub input: Input,
    pub user_terms: Vec<String>,
    /// The page's address: the worker, started from a `blob:` URL, has none of its own to find
    /// the PDF module next to the app's files by.
    pub base: String,
}

/// The decoded text and its analysis, or why the file could not be read (Chinese, English).
pub type Outcome = Result<(String, Analysis), (String, String)>;

#[oneshot]
pub async fn AnalyseTask(job: Job) -> Outcome {
    run_job(job).await
}

/// Read and analyse one job. A PDF, which core refuses, is read by the PDF module (loaded the
/// first time one comes) and its text analysed with the source's format `pdf`.
pub async fn run_job(job: Job) -> Outcome {
    install_text_decoder();
    let options = Options {
        name: Some(job.name.clone()),
        user_terms: job.user_terms,
        ..Options::default()
    };
    match job.input {
        Input::Draft(text) => {
            let analysis = analyze(&text, &options);
            Ok((text, analysis))
        }
        Input::File(bytes) => match analyze_bytes(&job.name, &bytes, &options) {
            Err(e) if e.kind == IngestErrorKind::Pdf => {
                let text = crate::pdf::read(&job.name, &bytes, &job.base).await?;
                let ingested = Ingested {
                    source: Source {
                        name: job.name.clone(),
                        format: Format::Pdf,
                        encoding: "UTF-8".to_owned(),
                    },
                    text,
                };
                let analysis = analyze_ingested(&ingested, &options);
                Ok((ingested.text, analysis))
            }
            outcome => outcome.map_err(|e| (e.to_string(), e.english())),
        },
    }
}

/// GB18030 and Big5 files are read by the browser's `TextDecoder`, which holds their tables:
/// core leaves its own out of the browser builds. Registering again does nothing.
fn install_text_decoder() {
    #[cfg(target_arch = "wasm32")]
    baogao_core::ingest::set_legacy_decoder(|legacy, bytes| {
        web_sys::TextDecoder::new_with_label(legacy.label())
            .ok()?
            .decode_with_u8_array(bytes)
            .ok()
    });
}

/// Worker messages as JSON strings.
pub struct JsonCodec;

impl yew_agent::Codec for JsonCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        JsValue::from_str(&serde_json::to_string(&input).unwrap_or_default())
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().unwrap_or_default();
        #[allow(clippy::expect_used)]
        serde_json::from_str(&text).expect("worker messages are the JSON this codec wrote")
    }
}

/// Runs jobs: in the web worker (the hosted app) or on the page itself (the single-file build).
#[derive(Clone)]
pub struct Analyser {
    #[cfg(not(feature = "inline"))]
    runner: yew_agent::oneshot::UseOneshotRunnerHandle<AnalyseTask>,
}

impl Analyser {
    pub async fn run(&self, job: Job) -> Outcome {
        #[cfg(not(feature = "inline"))]
        {
            self.runner.run(job).await
        }
        #[cfg(feature = "inline")]
        {
            // Let the page paint its progress line first.
            yew::platform::time::sleep(std::time::Duration::from_millis(16)).await;
            run_job(job).await
        }
    }
}

/// The analyser of the running build.
#[yew::hook]
pub fn use_analyser() -> Analyser {
    Analyser {
        #[cfg(not(feature = "inline"))]
        runner: yew_agent::oneshot::use_oneshot_runner::<AnalyseTask>(),
    }
}
