//! Page furniture: the lines of a portal page that are not the document and carry no field.
//!
//! Breadcrumbs (`首页 > 政务公开 > 正文`, `首页/ 政务公开/ 正文`, `网站首页 -> …`), the bare
//! `当前位置:` label, print and font bars, share buttons, accessibility banners (`本网站支持IPv6`,
//! `长者模式`), a site's clock (`今天是2024年5月6日 星期一`), a bare address line, the browser
//! tab title printed on the page (`…年度报告-信息公开年度报告-某县人民政府`) and footers.

use std::sync::LazyLock;

use regex::Regex;

use super::is_space;

/// Words that make a line page furniture when they are all it says.
const WIDGETS: &[&str] = &[
    "微信",
    "微博",
    "QQ",
    "QQ空间",
    "分享",
    "分享到",
    "X",
    "×",
    "打印",
    "打印本页",
    "关闭",
    "关闭窗口",
    "返回顶部",
    "返回",
    "收藏",
    "电脑版",
    "手机版",
    "相关文件",
    "相关文章",
    "相关阅读",
    "相关链接",
    "相关信息",
    "扫一扫",
    "在手机打开",
    "上一篇",
    "下一篇",
    "大",
    "中",
    "小",
    "超大",
    "A+",
    "A-",
    "A",
    "EN",
    "【",
    "】",
    "[",
    "]",
    "|",
    "字体",
    "默认",
    "无障碍",
    "长者模式",
    "适老模式",
    "繁體",
    "简体",
    "繁体",
    "分享至",
    "保存",
    "纠错",
    ":",
    "：",
];

/// Phrases that only portal footers and widgets contain (checked on lines without `。`), in
/// lower case: they are matched against the line in lower case.
const FOOTER_MARKS: &[&str] = &[
    "主办单位",
    "承办单位",
    "协办单位",
    "icp备",
    "icp 备",
    "公网安备",
    "网站标识码",
    "网站识别码",
    "网站地图",
    "版权所有",
    "copyright",
    "©",
    "技术支持",
    "网站支持ipv6",
    "举报电话",
    "举报邮箱",
    "电子信箱",
    "联系我们",
    "建议使用",
    "分辨率",
    "网站导航",
    "维护单位",
    "运维单位",
];

/// Footer marks after which the rest of the page is footer.
pub(super) const FOOTER_START: &[&str] = &[
    "主办单位",
    "承办单位",
    "ICP备",
    "公网安备",
    "网站标识码",
    "网站识别码",
    "版权所有",
    "网站地图",
    "网站导航",
];

/// How a navigation line starts.
const NAV_START: &[&str] = &[
    "首页",
    "网站首页",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "您当前的位置",
    "您当前位置",
    "当前页面",
    "位置：",
];

/// A line that is only an address: `https://www.gov.cn/`, `www.example.gov.cn`.
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(?:https?://|www\.)[\x21-\x7e]*$").expect("valid pattern")
});

/// A site's clock: `今天是2024年5月6日`, `2024年5月6日 星期一`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(?:今天是|今日是|今天|今日)|(?:星期|礼拜)[一二三四五六日天]")
        .expect("valid pattern")
});

/// How the title part of a browser tab title ends.
const TAB_TITLE_END: &[&str] = &[
    "报告", "年报", "总结", "情况", "通知", "解读", "要点", "方案", "意见", "公告",
];

/// Breadcrumbs, widgets, clocks, address lines, tab titles and footers.
pub(super) fn is_chrome(line: &str) -> bool {
    if line.contains('。') {
        return false;
    }
    let compact: String = line.chars().filter(|c| !is_space(*c)).collect();
    if is_breadcrumb(&compact) || tab_title(line).is_some() {
        return true;
    }
    if URL_LINE.is_match(&compact) {
        return true;
    }
    if compact.chars().count() <= 40 && CLOCK.is_match(&compact) && has_date(&compact) {
        return true;
    }
    if compact.contains("【字体")
        || compact.contains("字体：【")
        || compact.contains("字体:【")
        || compact.contains("打印本页")
        || compact.contains("关闭窗口")
    {
        return true;
    }
    let lower = line.to_lowercase();
    if FOOTER_MARKS.iter().any(|m| lower.contains(m)) && line.chars().count() < 160 {
        return true;
    }
    only_widgets(&compact)
}

fn has_date(s: &str) -> bool {
    crate::dates::YMD.is_match(s) || s.chars().filter(char::is_ascii_digit).count() >= 6
}

/// `首页 > 政务公开 > 法治政府建设`, `首页/ 政务公开/ …/ 正文`, `当前位置:` on its own.
fn is_breadcrumb(compact: &str) -> bool {
    let starts_nav = NAV_START.iter().any(|p| compact.starts_with(p));
    let label_only = NAV_START
        .iter()
        .any(|p| compact.trim_end_matches([':', '：']) == *p);
    if starts_nav && label_only {
        return true;
    }
    let ends_page = compact.ends_with("正文");
    let arrows = compact.matches(['>', '＞', '»', '›', '→']).count();
    let slashes = if starts_nav || ends_page {
        compact.matches(['/', '／']).count()
    } else {
        0
    };
    let crumbs = arrows + slashes;
    crumbs >= 1 && (starts_nav || ends_page || crumbs >= 2) && compact.chars().count() < 120
}

/// A line made only of widget words and separators.
fn only_widgets(compact: &str) -> bool {
    let mut rest = compact;
    'outer: while !rest.is_empty() {
        for w in WIDGETS
            .iter()
            .copied()
            .filter(|w| w.chars().count() > 1)
            .chain(WIDGETS.iter().copied())
        {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// The browser tab title printed on the page, `标题-栏目-站名` or `标题_站名`: the byte length of
/// its title part. The last part names a site or a body; the first ends as a title ends.
pub(super) fn tab_title(line: &str) -> Option<usize> {
    if line.contains(['。', '，', ',', '：', ':']) {
        return None;
    }
    let parts: Vec<&str> = line.split(['-', '_', '－']).map(str::trim).collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let titled = first.chars().count() >= 8 && TAB_TITLE_END.iter().any(|e| first.ends_with(e));
    let site = [
        "政府", "网", "网站", "门户", "局", "委", "办", "厅", "部", "院",
    ]
    .iter()
    .any(|e| last.ends_with(e))
        && !last.chars().any(|c| c.is_ascii_digit());
    (titled && site).then(|| line.find(first).unwrap_or(0) + first.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "首页 > 政务公开 > 法治政府建设",
            "当前位置:",
            "您当前的位置:首页 >政务公开 >法治政府建设年报",
            "首页/ 政务公开/ 政府信息公开年报/ 各部门信息公开年报/ 2021年度/ 正文",
            "当前位置: 网站首页 -> 政务公开 -> 年报 -> 正文",
            "本网站支持IPv6",
            "长者模式",
            "EN",
            "https://www.gov.cn/",
            "【 打印 】 【 扫一扫 】",
            "| | | |",
            "今天是2024年5月6日 星期一",
            "2024年5月6日 星期一",
            "某县人民政府办公室2020年度政府信息公开工作报告-信息公开年度报告-某县人民政府",
            "相关文章:",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn report_lines_stay() {
        for line in [
            "某市人民政府关于2022年度法治政府建设情况的报告",
            "2022年,我市深入推进法治政府建设。",
            "一、2022年主要工作",
            "首页设计与网站改版工作有序推进",
            "今年以来,全县法治建设稳步推进",
            "2021-2025年法治政府建设规划",
            "关于印发《法治政府建设实施纲要(2021-2025年)》的通知",
            "市人大常委会",
            "福州市",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }

    #[test]
    fn tab_titles_keep_their_title_part() {
        let line = "某县人民政府2020年政府信息公开工作年度报告-年报-某县人民政府";
        let end = tab_title(line).unwrap_or_default();
        assert_eq!(&line[..end], "某县人民政府2020年政府信息公开工作年度报告");
        assert_eq!(tab_title("法治政府建设-2021"), None);
        assert_eq!(tab_title("某县2021年工作总结-"), None);
    }
}
