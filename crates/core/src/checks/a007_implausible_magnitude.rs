//! A007: a figure too large for its unit and for the level of the body that reports it. See
//! [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::{Kind, Level, Quantity};
use crate::numerals::plain;

pub static META: CheckMeta = CheckMeta {
    code: "A007",
    name: "ImplausibleMagnitude",
    title_zh: "数值量级与报告层级不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A figure whose national total is published every year, reported by a county, district, city or
province as larger than that level could ever count: `新增就业岗位3.2亿个` in a county report,
`办理行政复议案件35万件` in a district's. The bounds (`data/magnitude_bounds.tsv`) are set far
above the national statistics they come from, each row naming its source (城镇新增就业 about
1,100万–1,400万 a year; 行政复议 under 100万 cases a year; 一审行政案件 some 20万–40万; 人民调解
about 900万–1,800万; 法律援助 under 200万; all public spending about 20万亿–28万亿元; a population of 14.1亿, 1.26亿 in the largest
province),
so only a slipped `万`/`亿` or extra digits reach them. The level is the report's (`metadata.level`; a department takes its region's);
when it is unknown only the national bound applies.
It also flags, in a county's or district's report, a figure with seven or more digits before `万`
(`补助资金2400000余万元`, that is 240亿元): GB/T 15835-2011 (数字用法) lets `万` and `亿` stand as units
to shorten a large number, and one written both long and with `万` was typed in 元 and given
a `万` again.
## Why it matters
A unit slip multiplies a figure by ten thousand; readers and auditors compare figures with the
national statistics, and one beyond them discredits the rest of the report.
## Example
In a county report: `新增城镇就业3.2亿人` → was `3.2万人` meant?";

pub struct ImplausibleMagnitude;

struct Bound {
    object: &'static str,
    about: Regex,
    except: Option<Regex>,
    units: Vec<&'static str>,
    /// County or district, city, province, national.
    limits: [f64; 4],
    source: &'static str,
}

static BOUNDS: LazyLock<Vec<Bound>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/magnitude_bounds.tsv"))
        .filter_map(|f| {
            let [object, about, except, units, county, city, province, national, source] = f[..]
            else {
                return None;
            };
            let limit = |s: &str| s.parse::<f64>().ok();
            Some(Bound {
                object,
                about: crate::pattern::regex(about).ok()?,
                except: (except != "-")
                    .then(|| crate::pattern::regex(except).ok())
                    .flatten(),
                units: units.split('|').collect(),
                limits: [
                    limit(county)?,
                    limit(city)?,
                    limit(province)?,
                    limit(national)?,
                ],
                source,
            })
        })
        .collect()
});

/// The level whose bound applies: 0 county/district, 1 city, 2 province, 3 national.
fn tier(level: Level, region: Option<&str>) -> usize {
    match level {
        Level::County | Level::District => 0,
        Level::City => 1,
        Level::Province => 2,
        // A department counts for its region.
        Level::Department => match region {
            Some(r) if r.ends_with(['县', '旗', '区']) => 0,
            Some(r) if r.ends_with(['市', '州', '盟']) => 1,
            Some(r) if r.ends_with('省') || r.ends_with("自治区") => 2,
            _ => 3,
        },
        Level::Unknown => 3,
    }
}

const TIER_ZH: [&str; 4] = ["县（区）级", "市级", "省级", "全国"];

/// A bound as people write it: `200亿`, `300万`, `5000`.
fn readable(v: f64) -> String {
    if v >= 1.0e8 {
        format!("{}亿", plain(v / 1.0e8))
    } else if v >= 1.0e4 {
        format!("{}万", plain(v / 1.0e4))
    } else {
        plain(v)
    }
}

/// `2400000余万元`: the digits written before `万`.
fn digits_before_wan(q: &Quantity) -> usize {
    let Some(wan) = q.text.find('万') else {
        return 0;
    };
    q.text[..wan]
        .chars()
        .rev()
        .skip_while(|c| matches!(c, '余' | '多'))
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '，'))
        .filter(char::is_ascii_digit)
        .count()
}

impl Check for ImplausibleMagnitude {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let meta = &doc.analysis.metadata;
        let tier = tier(meta.level, meta.region.as_deref());
        for q in &doc.analysis.quantities {
            if !matches!(q.kind, Kind::Count | Kind::Money) {
                continue;
            }
            let unit = q.unit.as_deref().unwrap_or_default();
            let over = BOUNDS.iter().find(|b| {
                b.units.contains(&unit)
                    && b.about.is_match(&q.about)
                    && !b.except.as_ref().is_some_and(|e| e.is_match(&q.about))
                    && q.value > b.limits[tier]
            });
            if let Some(b) = over {
                out.push(doc.finding(
                    &META,
                    vec![q.span],
                    format!(
                        "“{}”超出{}“{}”可能的量级（至多约{}{}；依据：{}），请核对“万”“亿”或位数。",
                        q.text,
                        TIER_ZH[tier],
                        b.object,
                        readable(b.limits[tier]),
                        unit,
                        b.source
                    ),
                    format!(
                        "{} is beyond any {} figure for {} (bound {}): check the unit or digits.",
                        q.text,
                        ["county", "city", "province", "national"][tier],
                        b.object,
                        readable(b.limits[tier])
                    ),
                ));
            } else if tier == 0 && q.kind == Kind::Money && digits_before_wan(q) >= 7 {
                out.push(doc.finding(
                    &META,
                    vec![q.span],
                    format!(
                        "“{}”在“万”前写了{}位数字（合{}亿元），对县（区）级的一项资金过大：是否以元为单位又加了“万”？",
                        q.text,
                        digits_before_wan(q),
                        plain((q.value / 1.0e8).round())
                    ),
                    format!(
                        "{} has {} digits before 万 ({} hundred million yuan), too large for a county: 万 added to a figure in yuan?",
                        q.text,
                        digits_before_wan(q),
                        plain((q.value / 1.0e8).round())
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const COUNTY: &str = "某县人民政府关于2022年法治政府建设情况的报告\n市人民政府：\n";
    const CITY: &str = "某市人民政府关于2022年法治政府建设情况的报告\n省人民政府：\n";

    fn county(body: &str) -> String {
        format!("{COUNTY}{body}\n某县人民政府\n2023年2月20日\n")
    }

    fn city(body: &str) -> String {
        format!("{CITY}{body}\n某市人民政府\n2023年2月20日\n")
    }

    #[test]
    fn county_figures() {
        let t = county("全年新增就业岗位3.2亿个，城镇登记失业率控制在4%以内。");
        assert_flags("A007", &t, "3.2亿个");
        assert_count("A007", &county("全年新增就业岗位3.2万个。"), 0);
        assert_count("A007", &county("全年办理行政复议案件35万件。"), 1);
        assert_count("A007", &county("全年办理行政复议案件35件。"), 0);
        assert_count("A007", &county("全年发放各类补助资金2400000余万元。"), 1);
        assert_count("A007", &county("全年发放各类补助资金240000余万元。"), 0);
        assert_count("A007", &county("全年发放各类补助资金2.4亿元。"), 0);
        assert_count(
            "A007",
            &county("人民调解组织调解纠纷1.2万件，调解成功率98%。"),
            0,
        );
        assert_count(
            "A007",
            &county("人民调解组织调解纠纷1.2亿件，调解成功率98%。"),
            1,
        );
        assert_count("A007", &county("办理法律援助案件850件。"), 0);
        assert_count("A007", &county("办理法律援助案件850万件。"), 1);
    }

    #[test]
    fn bounds_read_as_written() {
        assert_eq!(super::readable(2.0e10), "200亿");
        assert_eq!(super::readable(3.0e6), "300万");
        assert_eq!(super::readable(5000.0), "5000");
        // Every row of the data file is read.
        assert_eq!(super::BOUNDS.len(), 7);
    }

    #[test]
    fn levels() {
        // A city may count more than a county, but not this.
        assert_count("A007", &city("全市办理行政复议案件3.5万件。"), 0);
        assert_count("A007", &city("全市办理行政复议案件35万件。"), 1);
        // Seven digits before 万 is a county test only.
        assert_count("A007", &city("全市财政补助资金2400000万元。"), 0);
        // Unknown level: the national bound only.
        assert_count("A007", "城镇新增就业1322万人，调查失业率5.5%。", 0);
        assert_count("A007", "城镇新增就业1322亿人，调查失业率5.5%。", 1);
        assert_count("A007", "五年来城镇新增就业超过6000万人。", 0);
        // Not the objects of the table.
        assert_count("A007", &county("法治宣传覆盖群众35万人次。"), 0);
        assert_count("A007", &county("开展法治宣传活动，受众群众3.5万人。"), 0);
        assert_count("A007", &county("开展法治宣传活动，受众群众3.5亿人。"), 1);
        assert_count("A007", &county("全年接待游客1.2亿人。"), 0);
        assert_count("A007", "共建国家覆盖全球44亿人。", 0);
        assert_count("A007", &county("全县地区生产总值达到320亿元。"), 0);
        assert_count("A007", "", 0);
    }
}
