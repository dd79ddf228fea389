//! Checks that need two reports of one unit: this year's and last year's. They run in
//! `comparison::compare`, not in [`super::run`]; their documentation lives here with
//! the others so that `baogao explain C001` and a finding read back from JSON know them.

use super::{CheckMeta, Severity};

pub static C001: CheckMeta = CheckMeta {
    code: "C001",
    name: "RepeatedProblems",
    title_zh: "存在的问题与上年报告雷同",
    severity: Severity::Warning,
};

/// The documentation of [`C001`].
pub static C001_DOC: &str = "## What it checks
With last year's report of the same unit loaded, the part on shortcomings and their causes
(存在的不足和原因) sentence by sentence: a sentence counts as repeated when nearly all of its
wording (four-character runs of Han characters, figures ignored) stands in last year's report.
The check speaks when at least half of the part's text repeats.
## Why it matters
《法治政府建设与责任落实督察工作规定》 asks each report for the year's shortcomings and their
causes. A problems part copied from the year before says either that nothing was done about them
or that nobody looked again; 督察 reports name it 问题年年写.
## Example
Last year: `行政执法人员素质参差不齐，执法不规范的问题仍然存在。` This year the same sentence, with
most of the rest of the part → the part repeats last year's.";

pub static C002: CheckMeta = CheckMeta {
    code: "C002",
    name: "UnchangedFigure",
    title_zh: "数字与上年报告相同",
    severity: Severity::Info,
};

/// The documentation of [`C002`].
pub static C002_DOC: &str = "## What it checks
With last year's report of the same unit loaded: a figure of the year's work (a flow such as cases
handled or sessions held, not a stock such as lawyers in post) that is exactly last year's figure,
either in a sentence carried over from last year or as the same standard indicator.
## Why it matters
A figure of the year that equals last year's is possible, but it is also what a sentence copied
from last year's report looks like when its figures were not updated. It is worth a second look.
## Example
Both years: `全年办理行政复议案件128件` → the figure 128件 is last year's.";

/// The checks of a pair of reports, by code.
pub static PAIR_METAS: &[&CheckMeta] = &[&C001, &C002];

/// Their documentation, in the order of [`PAIR_METAS`].
pub static PAIR_DOCS: &[&str] = &[C001_DOC, C002_DOC];
