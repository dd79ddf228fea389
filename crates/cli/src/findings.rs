//! The compiler-style printer of `baogao check`.

use std::fmt::Write;

use baogao_core::checks::{Finding, Severity};
use baogao_core::span::LineIndex;

/// Display width of a character in a terminal: CJK and full-width forms take two columns.
fn width(c: char) -> usize {
    let wide = ('\u{1100}'..='\u{115f}').contains(&c)
        || ('\u{2e80}'..='\u{a4cf}').contains(&c)
        || ('\u{ac00}'..='\u{d7a3}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{fe30}'..='\u{fe4f}').contains(&c)
        || ('\u{ff00}'..='\u{ff60}').contains(&c)
        || ('\u{ffe0}'..='\u{ffe6}').contains(&c)
        || ('\u{20000}'..='\u{3fffd}').contains(&c);
    if wide {
        2
    } else {
        1
    }
}

/// One finding: `severity[CODE]: message`, `--> file:line:col`, the line with a caret, the fix.
pub fn render(name: &str, text: &str, index: &LineIndex<'_>, f: &Finding) -> String {
    let mut out = String::new();
    let label = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let _ = writeln!(out, "{label}[{}]: {}", f.code, f.message);
    let Some(at) = index.line_col(f.span.start) else {
        return out;
    };
    let _ = writeln!(out, "  --> {name}:{}:{}", at.line, at.column);
    if let Some(line_span) = index.line_span(at.line) {
        let line = line_span
            .text(text)
            .unwrap_or_default()
            .trim_end_matches(['\r', '\n']);
        let offset = f.span.start.saturating_sub(line_span.start).min(line.len());
        let before: String = baogao_core::span::last_chars(&line[..offset], 30).to_owned();
        let covered: String = f
            .span
            .text(text)
            .unwrap_or_default()
            .chars()
            .take_while(|c| *c != '\n')
            .take(40)
            .collect();
        let after: String = line
            .get(offset + covered.len()..)
            .unwrap_or_default()
            .chars()
            .take(30)
            .collect();
        let gutter = " ".repeat(at.line.to_string().len());
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{} | {before}{covered}{after}", at.line);
        let pad = " ".repeat(before.chars().map(width).sum());
        let carets = "^".repeat(covered.chars().map(width).sum::<usize>().max(1));
        let _ = writeln!(out, "{gutter} | {pad}{carets}");
    }
    if f.count > 1 {
        let _ = writeln!(out, "  = 全文共{}处", f.count);
    }
    if let Some(fix) = &f.fix {
        let _ = writeln!(
            out,
            "  = 修改建议（{}）：{}",
            fix.applicability.name_zh(),
            fix.label
        );
    }
    out
}
