//! The readable comparison `baogao diff OLD NEW` prints.

use std::fmt::Write;

use baogao_core::comparison::{Comparison, Direction, PlanStatus};
use baogao_core::numerals::plain;
use baogao_core::span::LineIndex;

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "年度不详".to_owned(), |y| format!("{y}年"))
}

/// One line of text, at most `n` characters.
fn clip(s: &str, n: usize) -> String {
    let line = s.lines().next().unwrap_or_default();
    if line.chars().count() > n {
        format!("{}…", line.chars().take(n).collect::<String>())
    } else {
        line.to_owned()
    }
}

pub fn summary(new_text: &str, c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "━━ 与上年对比：{}（{}）→ {}（{}）",
        c.old.name,
        year(c.old.year),
        c.new.name,
        year(c.new.year)
    );
    let _ = match (&c.new.unit, c.same_unit) {
        (Some(u), true) => writeln!(out, "单位    {u}"),
        _ => writeln!(
            out,
            "单位    注意：两份报告的地区或发文单位不同（{} / {}），对比结果仅供参考",
            c.old.unit.as_deref().unwrap_or("—"),
            c.new.unit.as_deref().unwrap_or("—")
        ),
    };
    let _ = writeln!(
        out,
        "\n文字沿用  全文 {}（{} 句中 {} 句与上年相同或基本相同）",
        percent(c.reuse.share),
        c.reuse.sentences,
        c.reuse.reused
    );
    for s in c
        .sections
        .iter()
        .filter(|s| s.level <= 2 && s.sentences > 0)
    {
        let indent = "  ".repeat(usize::from(s.level));
        let _ = writeln!(
            out,
            "{indent}{:>4}  {}",
            percent(s.share),
            clip(&s.heading, 30)
        );
    }
    if let Some(p) = &c.problems {
        let _ = writeln!(
            out,
            "\n存在的不足  {} 与上年相同（{} 句中 {} 句）{}",
            percent(p.share),
            p.sentences,
            p.reused,
            if p.repeated {
                " ← 问题年年写"
            } else {
                ""
            }
        );
    }
    if !c.indicators.is_empty() {
        let _ = writeln!(out, "\n指标对比（上年 → 本年）");
        for i in &c.indicators {
            let unit = i.measure.as_deref().unwrap_or("");
            let value =
                |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{}{unit}", plain(v)));
            let change = match (i.change, i.change_percent) {
                _ if i.direction == Direction::Same => String::new(),
                (Some(d), Some(p)) => format!("{:+}{unit}（{p:+}%）", d),
                (Some(d), None) if unit == "%" => format!("{d:+}个百分点"),
                (Some(d), None) => format!("{d:+}{unit}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {}  {} → {}  {change} {}",
                i.name,
                value(i.old),
                value(i.new),
                i.direction.name_zh()
            );
        }
        let gone = c
            .indicators
            .iter()
            .filter(|i| i.direction == Direction::Gone)
            .count();
        if gone > 0 {
            let _ = writeln!(out, "  （上年报告的 {gone} 项指标本年未报）");
        }
    }
    if !c.plans.is_empty() {
        let done = |s| c.plans.iter().filter(|p| p.status == s).count();
        let _ = writeln!(
            out,
            "\n上年计划的落实（{} 项：已有落实情况 {}，部分提及 {}，未提及 {}）",
            c.plans.len(),
            done(PlanStatus::Done),
            done(PlanStatus::Partly),
            done(PlanStatus::NotMentioned)
        );
        for p in &c.plans {
            let found = if p.found.is_empty() {
                String::new()
            } else {
                format!("（本年提及：{}）", p.found.join("、"))
            };
            let _ = writeln!(
                out,
                "  [{}] {}{found}",
                p.status.name_zh(),
                clip(&p.text, 40)
            );
        }
    }
    if !c.repeated_figures.is_empty() {
        let _ = writeln!(out, "\n与上年完全相同的数字");
        let index = LineIndex::new(new_text);
        for r in &c.repeated_figures {
            let at = index
                .line_col(r.span.start)
                .map_or(String::new(), |lc| format!("{}:{} ", lc.line, lc.column));
            let _ = writeln!(out, "  {at}{}  {}", r.text, clip(&r.about, 30));
        }
    }
    if !c.findings.is_empty() {
        let _ = writeln!(out, "\n检查结果");
        for f in &c.findings {
            let _ = writeln!(out, "  {} {}：{}", f.code, f.severity.name_zh(), f.message);
        }
    }
    out
}
