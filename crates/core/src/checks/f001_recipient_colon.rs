//! F001: the 主送机关 line or the `报告如下` sentence without its colon. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "F001",
    name: "MissingLeadColon",
    title_zh: "主送机关或“报告如下”后缺冒号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
The 主送机关 line (`市人大常委会`) and the sentence that introduces the body (`现将…报告如下`) when
they do not end with the full-width colon `：`.
## Why it matters
GB/T 9704-2012 ends the 主送机关 with a full-width colon; `报告如下` announces what follows and takes
a colon, not a full stop.
## Example
`市人大常委会` → `市人大常委会：`; `现将有关情况报告如下。` → `现将有关情况报告如下：`";

pub struct MissingLeadColon;

impl Check for MissingLeadColon {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if let Some(recipient) = doc.analysis.frame.recipient {
            let next = doc.text.get(recipient.end..).and_then(|t| t.chars().next());
            if !matches!(next, Some('：' | ':')) {
                let mut f = doc.finding(
                    &META,
                    vec![recipient],
                    "主送机关后应加全角冒号“：”。".to_owned(),
                    "The recipient line ends with a full-width colon.".to_owned(),
                );
                f.fix = Some(Fix::replace(
                    "加冒号",
                    Span::new(recipient.end, recipient.end),
                    "：",
                    Applicability::Safe,
                ));
                out.push(f);
            }
        }
        for (line_span, line) in doc.body().take(6) {
            for (i, w) in line.match_indices("如下") {
                let after = line[i + w.len()..].chars().next();
                let announces = line[..i].contains("报告") || line[..i].ends_with("汇报");
                if announces && matches!(after, None | Some('。' | '，' | ',' | '；')) {
                    let end = line_span.start + i + w.len();
                    let span = Span::new(end - "报告如下".len().min(end - line_span.start), end);
                    let mut f = doc.finding(
                        &META,
                        vec![span],
                        "“报告如下”引出下文，其后应用冒号“：”。".to_owned(),
                        "“报告如下” introduces what follows and takes a colon.".to_owned(),
                    );
                    let mark_len = after.map_or(0, char::len_utf8);
                    f.fix = Some(Fix::replace(
                        "改为冒号",
                        Span::new(end, end + mark_len),
                        "：",
                        Applicability::Safe,
                    ));
                    out.push(f);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const TITLE: &str = "某市人民政府关于2022年法治政府建设情况的报告\n";

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "F001",
            &format!("{TITLE}市人大常委会\n现将情况报告如下：\n一、成效"),
            "市人大常委会",
        );
        assert_count(
            "F001",
            &format!("{TITLE}市人大常委会：\n现将情况报告如下：\n一、成效"),
            0,
        );
        assert_count(
            "F001",
            &format!("{TITLE}市人大常委会:\n现将情况报告如下:\n一、成效"),
            0,
        );
        assert_flags(
            "F001",
            &format!("{TITLE}市人大常委会：\n现将有关工作情况报告如下。\n一、成效"),
            "报告如下",
        );
        assert_count(
            "F001",
            &format!("{TITLE}市人大常委会：\n现将有关工作情况报告如下\n一、成效"),
            1,
        );
        assert_count(
            "F001",
            &format!("{TITLE}现将有关工作情况汇报如下：\n一、成效"),
            0,
        );
        assert_count("F001", &format!("{TITLE}一、成效\n具体如下。"), 0);
        assert_count("F001", "一、成效\n正文。", 0);
        assert_count("F001", &format!("{TITLE}市人大常委会\n一、成效"), 1);
        assert_count(
            "F001",
            &format!("{TITLE}县委依法治县办：\n2022年,我县推进法治建设,现报告如下:\n一、成效"),
            0,
        );
    }
}
