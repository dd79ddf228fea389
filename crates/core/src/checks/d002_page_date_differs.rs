//! D002: the page's 成文日期 differs from the signed date. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates;

pub static META: CheckMeta = CheckMeta {
    code: "D002",
    name: "PageDateDiffers",
    title_zh: "网页成文日期与落款日期不一致",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A portal page's 成文日期 field that differs from the date in the report's signature, and a
signature dated after the page's publication date.
## Why it matters
GB/T 9704—2012 (7.3.5) places the 成文日期 in the signature after the text, so the page's field
should repeat it; the metadata is what archives and search index, and two dates for one document
leave readers unsure which is the record. A document cannot be published before it is signed.
## Example
`成文日期: 2022-12-27` with the signature `2022年12月5日`.";

pub struct PageDateDiffers;

impl Check for PageDateDiffers {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        let Some(signed) = a.metadata.signed_date.as_deref().and_then(dates::parse) else {
            return;
        };
        if let Some(written) = doc.page.written.as_ref() {
            if let Some(page) = dates::parse(&written.value).filter(|d| *d != signed) {
                out.push(doc.finding(
                    &META,
                    vec![written.span],
                    format!("网页的成文日期（{page}）与文末落款日期（{signed}）不一致：成文日期是正文后落款所署的日期（GB/T 9704—2012 第7.3.5条）。"),
                    format!(
                        "The page's date written ({page}) differs from the signed date ({signed}); the date written is the one in the signature (GB/T 9704-2012, 7.3.5)."
                    ),
                ));
            }
        }
        if let Some(published) = a.metadata.published_date.as_deref().and_then(dates::parse) {
            if signed > published {
                let span = a.frame.signed_date.unwrap_or_default();
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!("落款日期（{signed}）晚于网页发布日期（{published}）：落款所署为成文日期（GB/T 9704—2012 第7.3.5条），文件须先成文后发布。"),
                    format!(
                        "The signed date ({signed}) is after the publication date ({published}); a document is published after it is signed (GB/T 9704-2012, 7.3.5)."
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const HEAD: &str = "发布日期: 2022-12-27 成文日期: 2022-12-27\n";

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "D002",
            &format!("{HEAD}一、成效\n正文。\n某市人民政府\n2022年12月5日"),
            "2022-12-27",
        );
        assert_count(
            "D002",
            &format!("{HEAD}一、成效\n正文。\n某市人民政府\n2022年12月27日"),
            0,
        );
        assert_count("D002", "一、成效\n正文。\n某市人民政府\n2022年12月5日", 0);
        assert_count(
            "D002",
            "发布日期: 2022-12-01\n一、成效\n正文。\n某市人民政府\n2022年12月5日",
            1,
        );
        assert_count(
            "D002",
            "发布日期: 2022-12-06\n一、成效\n正文。\n某市人民政府\n2022年12月5日",
            0,
        );
        assert_count(
            "D002",
            "成文日期: 2022年12月5日\n一、成效\n正文。\n某市人民政府\n2022年12月5日",
            0,
        );
        assert_count(
            "D002",
            "成文日期: 2022年12月6日\n一、成效\n正文。\n某市人民政府\n2022年12月5日",
            1,
        );
        assert_count(
            "D002",
            &format!("{HEAD}一、成效\n正文。\n某市人民政府\n202116"),
            0,
        );
        assert_count("D002", &format!("{HEAD}一、成效\n正文。"), 0);
        assert_count("D002", "发布日期: 2022-12-01 成文日期: 2022-12-27\n一、成效\n正文。\n某市人民政府\n2022年12月5日", 2);
    }
}
