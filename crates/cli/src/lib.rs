//! `baogao`: analyse reports from the command line, one file or a whole folder's worth.
//!
//! `baogao analyze FILE...` prints a readable summary of each report; `--format json` prints the
//! analysis as the JSON of `docs/json-format.md` (one object for one input, an array for
//! several). `-` reads standard input. Exit code 0 when every input was read, 2 when one could
//! not be (its reason goes to standard error and the others are still analysed), 64 for a
//! usage error.

mod human;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;

use baogao_core::{analyze_bytes, Analysis, Options};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "baogao",
    version,
    about = "分析法治政府建设情况报告 / Analyse Chinese government reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 分析报告并输出摘要或 JSON / Analyse reports and print a summary or JSON
    Analyze {
        /// 输出格式 / Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// 报告文件（.txt/.html/.docx），`-` 表示标准输入 / Report files, `-` for stdin
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
}

/// Exit status when an input could not be read.
pub const EXIT_UNREADABLE: u8 = 2;
/// Exit status for a command line that does not parse.
pub const EXIT_USAGE: u8 = 64;

/// Run the command line `args` (including the program name). Returns the exit status.
pub fn run<I, T>(
    args: I,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let rendered = e.render().to_string();
            let _ = if e.use_stderr() {
                stderr.write_all(rendered.as_bytes())
            } else {
                stdout.write_all(rendered.as_bytes())
            };
            return code;
        }
    };
    match cli.command {
        Command::Analyze { format, files } => analyze_files(&files, format, stdin, stdout, stderr),
    }
}

fn analyze_files(
    files: &[PathBuf],
    format: OutputFormat,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut status = 0;
    let mut results: Vec<(String, Analysis)> = Vec::new();
    for path in files {
        match read_input(path, stdin).and_then(|(name, bytes)| {
            analyze_bytes(&name, &bytes, &Options::default()).map_err(|e| e.to_string())
        }) {
            Ok(result) => results.push(result),
            Err(message) => {
                let _ = writeln!(stderr, "baogao: {message}");
                status = EXIT_UNREADABLE;
            }
        }
    }
    let written = match format {
        OutputFormat::Json => {
            let json = if files.len() == 1 {
                results
                    .first()
                    .map(|(_, a)| serde_json::to_string_pretty(a))
            } else {
                let all: Vec<&Analysis> = results.iter().map(|(_, a)| a).collect();
                Some(serde_json::to_string_pretty(&all))
            };
            match json {
                Some(Ok(json)) => writeln!(stdout, "{json}"),
                Some(Err(e)) => writeln!(stderr, "baogao: 无法生成 JSON：{e}"),
                None => Ok(()),
            }
        }
        OutputFormat::Human => results.iter().try_for_each(|(text, analysis)| {
            stdout.write_all(human::summary(text, analysis).as_bytes())
        }),
    };
    if written.is_err() {
        return 1;
    }
    status
}

/// The bytes of one input, with the name used in messages.
fn read_input(path: &PathBuf, stdin: &mut dyn Read) -> Result<(String, Vec<u8>), String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        stdin
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
        return Ok(("标准输入".to_owned(), bytes));
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在".to_owned(),
            std::io::ErrorKind::PermissionDenied => "没有读取权限".to_owned(),
            std::io::ErrorKind::IsADirectory => "这是一个文件夹，不是文件".to_owned(),
            _ => e.to_string(),
        };
        format!("无法读取“{}”：{why}。", path.display())
    })?;
    Ok((name, bytes))
}
