//! Reading dropped or chosen files: each is read as bytes and analysed; a file that cannot be read
//! gives its own message and the others still load.

use baogao_core::{analyze_bytes, Options};
use gloo_file::callbacks::FileReader;
use yew::Callback;

use crate::state::{Action, Report};

/// Start reading `files`; `dispatch` receives one action per file. The returned readers must be
/// kept alive until they finish.
pub fn read(files: web_sys::FileList, dispatch: Callback<Action>) -> Vec<FileReader> {
    let mut readers = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let dispatch = dispatch.clone();
        let file = gloo_file::File::from(file);
        readers.push(gloo_file::callbacks::read_as_bytes(&file, move |result| {
            let action = match result {
                Ok(bytes) => match analyze_bytes(&name, &bytes, &Options::default()) {
                    Ok((text, analysis)) => Action::Loaded(Report::new(name, text, analysis)),
                    Err(e) => Action::Failed(e.to_string(), e.english()),
                },
                Err(e) => Action::Failed(
                    format!("无法读取文件“{name}”：{e}"),
                    format!("Could not read “{name}”: {e}"),
                ),
            };
            dispatch.emit(action);
        }));
    }
    readers
}
