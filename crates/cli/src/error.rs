//! What can go wrong on the command line, typed: an input that cannot be read (exit status 2)
//! and options that make no sense (exit status 64). Each says in Chinese what happened and,
//! where it names a file, which one.

use std::fmt;
use std::io;
use std::path::PathBuf;

use baogao_core::ingest::IngestError;

/// Why one input was not analysed.
#[derive(Debug)]
pub enum InputError {
    /// Standard input could not be read.
    Stdin(io::Error),
    /// A file could not be opened or read.
    File { path: PathBuf, source: io::Error },
    /// The bytes were read but are no report Baogao can read (format, encoding, limits).
    Ingest(IngestError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Stdin(e) => write!(f, "无法读取标准输入：{e}"),
            InputError::File { path, source } => {
                write!(f, "无法读取“{}”：{}。", path.display(), why(source))
            }
            InputError::Ingest(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Stdin(e) | InputError::File { source: e, .. } => Some(e),
            InputError::Ingest(e) => Some(e),
        }
    }
}

impl From<IngestError> for InputError {
    fn from(e: IngestError) -> Self {
        InputError::Ingest(e)
    }
}

/// Why the options given cannot be used.
#[derive(Debug)]
pub enum OptionsError {
    /// A word-list file (`--allow-words`, `--terms`) could not be read.
    WordList { path: PathBuf, source: io::Error },
    /// `--disable` names a check that does not exist.
    UnknownCheck(String),
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::WordList { path, source } => {
                write!(f, "无法读取词表“{}”：{}。", path.display(), why(source))
            }
            OptionsError::UnknownCheck(code) => {
                write!(
                    f,
                    "没有代码为“{code}”的检查项（baogao checks 列出全部检查项）。"
                )
            }
        }
    }
}

impl std::error::Error for OptionsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OptionsError::WordList { source, .. } => Some(source),
            OptionsError::UnknownCheck(_) => None,
        }
    }
}

/// An I/O error in words a user reads: the common kinds in Chinese, the rest as the system
/// says them.
fn why(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "文件不存在".to_owned(),
        io::ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
        io::ErrorKind::IsADirectory => "这是一个文件夹，不是文件".to_owned(),
        io::ErrorKind::InvalidData => "内容不是有效的 UTF-8 文本".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_say_why_in_chinese() {
        let e = InputError::File {
            path: PathBuf::from("报告.txt"),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(e.to_string(), "无法读取“报告.txt”：文件不存在。");
        let e = OptionsError::WordList {
            path: PathBuf::from("words"),
            source: io::Error::from(io::ErrorKind::IsADirectory),
        };
        assert_eq!(
            e.to_string(),
            "无法读取词表“words”：这是一个文件夹，不是文件。"
        );
        assert!(OptionsError::UnknownCheck("X999".into())
            .to_string()
            .contains("X999"));
    }

    #[test]
    fn the_cause_is_kept_for_callers() {
        use std::error::Error as _;
        let e = InputError::Stdin(io::Error::other("broken pipe"));
        assert!(e.source().is_some());
        assert!(OptionsError::UnknownCheck("X".into()).source().is_none());
    }
}
