//! Exports for spreadsheets: statistics and findings as CSV that Excel and WPS open correctly
//! (UTF-8 with a byte-order mark, CRLF line ends, fields quoted where needed).

use crate::model::Analysis;
use crate::numerals::plain;
use crate::span::LineIndex;

/// The byte-order mark that tells Excel and WPS the file is UTF-8.
pub const BOM: &str = "\u{feff}";

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Every statistic of the report, one row each.
pub fn quantities_csv(text: &str, analysis: &Analysis) -> String {
    let index = LineIndex::new(text);
    let mut out = String::from(BOM);
    row(
        &mut out,
        &[
            "原文",
            "数值",
            "上限",
            "单位",
            "限定词",
            "类型",
            "含义",
            "章节",
            "领域",
            "指标",
            "行",
            "列",
        ]
        .map(str::to_owned),
    );
    for q in &analysis.quantities {
        let at = index.line_col(q.span.start);
        let indicator = q
            .indicator
            .as_deref()
            .and_then(crate::indicators::names)
            .map_or("", |(zh, _)| zh);
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        row(
            &mut out,
            &[
                q.text.clone(),
                plain(q.value),
                q.high.map(plain).unwrap_or_default(),
                q.unit.clone().unwrap_or_default(),
                q.qualifier.clone().unwrap_or_default(),
                kind,
                q.about.clone(),
                q.section.clone().unwrap_or_default(),
                q.area.map(|a| a.name_zh().to_owned()).unwrap_or_default(),
                indicator.to_owned(),
                at.map(|p| p.line.to_string()).unwrap_or_default(),
                at.map(|p| p.column.to_string()).unwrap_or_default(),
            ],
        );
    }
    out
}

/// Every finding of the checks, one row each.
pub fn findings_csv(text: &str, analysis: &Analysis) -> String {
    let index = LineIndex::new(text);
    let mut out = String::from(BOM);
    row(
        &mut out,
        &[
            "代码",
            "级别",
            "说明",
            "次数",
            "行",
            "列",
            "摘录",
            "修改建议",
        ]
        .map(str::to_owned),
    );
    for f in &analysis.findings {
        let at = index.line_col(f.span.start);
        row(
            &mut out,
            &[
                f.code.to_owned(),
                f.severity.name_zh().to_owned(),
                f.message.clone(),
                f.count.to_string(),
                at.map(|p| p.line.to_string()).unwrap_or_default(),
                at.map(|p| p.column.to_string()).unwrap_or_default(),
                f.excerpt.clone(),
                f.fix.as_ref().map(|x| x.label.clone()).unwrap_or_default(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Options};

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_needs_it() {
        let text = "一、成效\n审结219件，其中纠错51件，纠错率为25%。\n清理312件，其中保留248件、修改41件、废止25件。";
        let a = analyze(text, &Options::default());
        let q = quantities_csv(text, &a);
        assert!(q.starts_with("\u{feff}原文,数值,上限,单位"));
        assert!(q.contains("\r\n219件,219,,件,,count,审结,一、成效,"), "{q}");
        assert_eq!(q.matches("\r\n").count(), a.quantities.len() + 1);
        let f = findings_csv(text, &a);
        assert!(f.starts_with("\u{feff}代码,级别,说明"));
        assert!(f.contains("A001,警告,"), "{f}");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
