//! The analysis worker: a second Trunk binary that the page starts as a web worker.

use baogao_app::worker::{AnalyseTask, JsonCodec};
use yew_agent::Registrable;

fn main() {
    AnalyseTask::registrar().encoding::<JsonCodec>().register();
}
