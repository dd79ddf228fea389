//! Reading dropped or chosen files as bytes; the analysis itself runs in the worker. A file that
//! cannot be read gives its own message and the others still load.

use gloo_file::callbacks::FileReader;
use yew::Callback;

/// The bytes of a file, or why it could not be read (Chinese, English).
pub type Read = Result<(String, Vec<u8>), (String, String)>;

/// Start reading `files`; `done` receives one result per file. The returned readers must be kept
/// alive until they finish.
pub fn read(files: web_sys::FileList, done: Callback<Read>) -> Vec<FileReader> {
    let mut readers = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let done = done.clone();
        let file = gloo_file::File::from(file);
        readers.push(gloo_file::callbacks::read_as_bytes(&file, move |result| {
            done.emit(match result {
                Ok(bytes) => Ok((name, bytes)),
                Err(e) => Err((
                    format!("无法读取文件“{name}”：{e}"),
                    format!("Could not read “{name}”: {e}"),
                )),
            });
        }));
    }
    readers
}
