//! `baogao`: analyse reports from the command line, one file or a whole folder's worth.
//!
//! `baogao analyze FILE...` prints a readable summary of each report; `--format json` prints the
//! analysis as the JSON of `docs/json-format.md` (one object for one input, an array for
//! several). `baogao diff OLD NEW` compares a report with last year's (the `comparison` object
//! with `--format json`). `-` reads standard input. Exit code 0 when every input was read, 2 when one could
//! not be (its reason goes to standard error and the others are still analysed), 64 for a
//! usage error.

mod diff;
mod error;
mod findings;
mod human;

pub use error::{InputError, OptionsError};

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use baogao_core::ingest::IngestErrorKind;
use baogao_core::{analyze_bytes, analyze_ingested, Analysis, Options};
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
        #[command(flatten)]
        checks: CheckArgs,
    },
    /// 检查报告草稿，像编译器一样列出问题；有“错误”级问题时退出码为 1 / Check drafts; exit 1 on errors
    Check {
        /// 输出格式 / Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// 报告文件（.txt/.html/.docx），`-` 表示标准输入 / Report files, `-` for stdin
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        checks: CheckArgs,
    },
    /// 与上年报告对比：文字沿用、问题部分、指标变化、上年计划落实 / Compare a report with last year's
    Diff {
        /// 输出格式 / Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// 上年报告 / Last year's report
        old: PathBuf,
        /// 本年报告 / This year's report
        new: PathBuf,
        #[command(flatten)]
        checks: CheckArgs,
    },
    /// 列出全部检查项 / List every check
    Checks,
    /// 显示某项检查的说明 / Show a check's documentation
    Explain {
        /// 检查代码，如 P001 / A check code such as P001
        code: String,
    },
}

/// Which checks run, and the user's word list.
#[derive(Debug, Clone, Default, clap::Args)]
struct CheckArgs {
    /// 关闭的检查项（可重复或用逗号分隔）/ Checks to switch off (repeat or comma-separate)
    #[arg(long = "disable", value_delimiter = ',')]
    disable: Vec<String>,
    /// 豁免词表文件，每行一个词 / A word list file, one word per line, exempt from wording checks
    #[arg(long = "allow-words")]
    allow_words: Option<PathBuf>,
    /// 自定义词表文件，每行一个词，分词时作为整词并可成为关键词 / Your own terms, one per line: cut whole, may be keywords
    #[arg(long = "terms")]
    terms: Option<PathBuf>,
}

/// The words of a word-list file: one per line, blank lines and `#` comments skipped.
fn word_list(path: &Path) -> Result<Vec<String>, OptionsError> {
    let text = std::fs::read_to_string(path).map_err(|source| OptionsError::WordList {
        path: path.to_owned(),
        source,
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

impl CheckArgs {
    fn options(&self) -> Result<Options, OptionsError> {
        let mut options = Options::default();
        options.checks.disabled.clone_from(&self.disable);
        if let Some(path) = &self.allow_words {
            options.checks.allowed_words = word_list(path)?;
        }
        if let Some(path) = &self.terms {
            options.user_terms = word_list(path)?;
        }
        for code in &options.checks.disabled {
            if baogao_core::checks::find(code).is_none() {
                return Err(OptionsError::UnknownCheck(code.clone()));
            }
        }
        Ok(options)
    }
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
        Command::Analyze {
            format,
            files,
            checks,
        } => match checks.options() {
            Ok(options) => analyze_files(&files, format, &options, stdin, stdout, stderr),
            Err(message) => usage(stderr, &message),
        },
        Command::Check {
            format,
            files,
            checks,
        } => match checks.options() {
            Ok(options) => check_files(&files, format, &options, stdin, stdout, stderr),
            Err(message) => usage(stderr, &message),
        },
        Command::Diff {
            format,
            old,
            new,
            checks,
        } => match checks.options() {
            Ok(options) => diff_files(&old, &new, format, &options, stdin, stdout, stderr),
            Err(message) => usage(stderr, &message),
        },
        Command::Checks => {
            let mut out = String::new();
            let metas = baogao_core::checks::METAS
                .iter()
                .chain(baogao_core::checks::pair::PAIR_METAS);
            for m in metas {
                out.push_str(&format!(
                    "{}  {:<4}  {:<24} {}\n",
                    m.code,
                    m.severity.name_zh(),
                    m.name,
                    m.title_zh
                ));
            }
            if stdout.write_all(out.as_bytes()).is_err() {
                return 1;
            }
            0
        }
        Command::Explain { code } => match baogao_core::checks::meta(&code) {
            Some(m) => {
                let text = format!(
                    "{} {}（{}，默认级别：{}）\n\n{}\n",
                    m.code,
                    m.title_zh,
                    m.name,
                    m.severity.name_zh(),
                    baogao_core::checks::doc(m.code).unwrap_or_default()
                );
                if stdout.write_all(text.as_bytes()).is_err() {
                    return 1;
                }
                0
            }
            None => usage(stderr, &OptionsError::UnknownCheck(code)),
        },
    }
}

fn usage(stderr: &mut dyn Write, message: &OptionsError) -> u8 {
    let _ = writeln!(stderr, "baogao: {message}");
    EXIT_USAGE
}

/// Exit status when a checked draft has an error-severity finding.
pub const EXIT_FINDINGS: u8 = 1;

fn check_files(
    files: &[PathBuf],
    format: OutputFormat,
    options: &Options,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut status = 0;
    let mut json = Vec::new();
    for path in files {
        let result = load(path, stdin, options);
        let (name, text, analysis) = match result {
            Ok(r) => r,
            Err(message) => {
                let _ = writeln!(stderr, "baogao: {message}");
                status = EXIT_UNREADABLE;
                continue;
            }
        };
        if analysis
            .findings
            .iter()
            .any(|f| f.severity == baogao_core::checks::Severity::Error)
            && status == 0
        {
            status = EXIT_FINDINGS;
        }
        match format {
            OutputFormat::Json => {
                json.push(serde_json::json!({ "file": name, "findings": analysis.findings }))
            }
            OutputFormat::Human => {
                let index = baogao_core::span::LineIndex::new(&text);
                let mut out = String::new();
                for f in &analysis.findings {
                    out.push_str(&findings::render(
                        &path.display().to_string(),
                        &text,
                        &index,
                        f,
                    ));
                    out.push('\n');
                }
                let count = |s| analysis.findings.iter().filter(|f| f.severity == s).count();
                out.push_str(&format!(
                    "{}：{} 个错误，{} 个警告，{} 个提示\n\n",
                    path.display(),
                    count(baogao_core::checks::Severity::Error),
                    count(baogao_core::checks::Severity::Warning),
                    count(baogao_core::checks::Severity::Info)
                ));
                if stdout.write_all(out.as_bytes()).is_err() {
                    return 1;
                }
            }
        }
    }
    if format == OutputFormat::Json {
        let value = if files.len() == 1 {
            json.pop().unwrap_or_default()
        } else {
            serde_json::Value::Array(json)
        };
        if writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        )
        .is_err()
        {
            return 1;
        }
    }
    status
}

fn analyze_files(
    files: &[PathBuf],
    format: OutputFormat,
    options: &Options,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let mut status = 0;
    let mut results: Vec<(String, Analysis)> = Vec::new();
    for path in files {
        match load(path, stdin, options) {
            Ok((_, text, analysis)) => results.push((text, analysis)),
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

/// Compare `new` with `old`, last year's. Given the other way round (the first names the later
/// year), the two are swapped, with a note on standard error.
fn diff_files(
    old: &PathBuf,
    new: &PathBuf,
    format: OutputFormat,
    options: &Options,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let loaded = load(old, stdin, options).and_then(|o| Ok((o, load(new, stdin, options)?)));
    let ((_, mut old_text, mut old_a), (_, mut new_text, mut new_a)) = match loaded {
        Ok(both) => both,
        Err(message) => {
            let _ = writeln!(stderr, "baogao: {message}");
            return EXIT_UNREADABLE;
        }
    };
    if let (Some(o), Some(n)) = (old_a.metadata.report_year, new_a.metadata.report_year) {
        if o > n {
            let _ = writeln!(
                stderr,
                "baogao: “{}”是{o}年的报告，晚于“{}”（{n}年），已按年度先后对比。",
                old.display(),
                new.display()
            );
            std::mem::swap(&mut old_text, &mut new_text);
            std::mem::swap(&mut old_a, &mut new_a);
        }
    }
    let c = baogao_core::comparison::compare(&old_text, &old_a, &new_text, &new_a);
    let written = match format {
        OutputFormat::Json => match serde_json::to_string_pretty(&c) {
            Ok(json) => writeln!(stdout, "{json}"),
            Err(e) => writeln!(stderr, "baogao: 无法生成 JSON：{e}"),
        },
        OutputFormat::Human => stdout.write_all(diff::summary(&new_text, &c).as_bytes()),
    };
    if written.is_err() {
        return 1;
    }
    0
}

/// Read and analyse one input: its name, decoded text and analysis, or the reason in Chinese.
fn load(
    path: &PathBuf,
    stdin: &mut dyn Read,
    options: &Options,
) -> Result<(String, String, Analysis), InputError> {
    let (name, bytes) = read_input(path, stdin)?;
    match analyze_bytes(&name, &bytes, options) {
        Ok((text, analysis)) => Ok((name, text, analysis)),
        // Core refuses PDFs; the PDF reader, a crate of its own, reads them here.
        Err(e) if e.kind == IngestErrorKind::Pdf => {
            let ingested = baogao_pdf::ingest_pdf(&name, &bytes)?;
            let analysis = analyze_ingested(&ingested, options);
            Ok((name, ingested.text, analysis))
        }
        Err(e) => Err(e.into()),
    }
}

/// The bytes of one input, with the name used in messages.
fn read_input(path: &PathBuf, stdin: &mut dyn Read) -> Result<(String, Vec<u8>), InputError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes).map_err(InputError::Stdin)?;
        return Ok(("标准输入".to_owned(), bytes));
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|source| InputError::File {
        path: path.clone(),
        source,
    })?;
    Ok((name, bytes))
}
