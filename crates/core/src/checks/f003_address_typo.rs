//! F003: an e-mail address or web address with a mistyped ending. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "F003",
    name: "AddressTypo",
    title_zh: "邮箱或网址写错",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
E-mail and web addresses anywhere in the text, the page's footer included, whose domain ends in a
slip of the keyboard rather than a real top-level domain: `.con`, `.cmo`, `.ocm`, `.comm` for
`.com`, `.gov.cm`/`.gvo.cn` for `.gov.cn`. The endings are in `data/domain_typos.tsv`.
## Why it matters
A report gives the address for applications and complaints (《政府信息公开条例》 makes the contact
details part of what a body must publish); a mistyped address sends them nowhere.
## Example
`wxb25501336@163.con` → `wxb25501336@163.com`";

pub struct AddressTypo;

/// (mistyped ending, meant ending) from `data/domain_typos.tsv`.
static TYPOS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/domain_typos.tsv"))
        .filter_map(|cols| Some((*cols.first()?, *cols.get(1)?)))
        .collect()
});

/// An e-mail address or a host name with at least one dot, in ASCII.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+|(?:[hH][tT][tT][pP][sS]?://)?(?:[wW][wW][wW]\.)[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+")
        .expect("valid pattern")
});

impl Check for AddressTypo {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for m in ADDRESS.find_iter(doc.text) {
            let address = m.as_str();
            let lower = address.to_ascii_lowercase();
            let Some(&(typo, meant)) = TYPOS.iter().find(|(typo, _)| lower.ends_with(typo)) else {
                continue;
            };
            let at = m.end() - typo.len();
            let span = Span::new(m.start(), m.end());
            let mut f = doc.finding(
                &META,
                vec![span],
                format!("地址“{address}”的结尾“{typo}”应为“{meant}”。"),
                format!("The address “{address}” ends in “{typo}”; “{meant}” is meant."),
            );
            f.fix = Some(Fix::replace_all(
                format!("改为“{meant}”"),
                [Span::new(at, m.end())],
                meant,
                Applicability::Safe,
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "F003",
            "联系邮箱：wxb25501336@163.con。",
            "wxb25501336@163.con",
        );
        assert_count("F003", "联系邮箱：wxb25501336@163.com。", 0);
        assert_count("F003", "邮箱：sfj@qq.cmo", 1);
        assert_count("F003", "网址：www.example.gov.cm，欢迎访问。", 1);
        assert_count("F003", "网址：www.example.gov.cn，欢迎访问。", 0);
        assert_count("F003", "网址：http://www.gov.cn/zhengce/", 0);
        assert_count("F003", "邮箱：fzb@yeah.net", 0);
        assert_count("F003", "邮箱：fzb@126.comm", 1);
        assert_count("F003", "邮箱：fzb@example.org，网站www.example.ocm", 1);
        assert_count("F003", "喀麦隆网站www.camtel.cm", 0);
        assert_count("F003", "没有地址。", 0);
        assert_count("F003", "版本号1.2.3，文件a.con", 0);
    }
}
