//! The readable summary `baogao analyze` prints.

use std::fmt::Write;

use baogao_core::numerals::plain;
use baogao_core::parts::Part;
use baogao_core::structure::Section;
use baogao_core::Analysis;

pub fn summary(_text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    let m = &a.metadata;
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
    let _ = writeln!(
        out,
        "━━ {} （{}，{}）",
        a.source.name,
        format_name(a),
        a.source.encoding
    );
    let _ = writeln!(out, "标题    {}", or_dash(&m.title));
    let _ = writeln!(out, "发文单位 {}", or_dash(&m.issuer));
    let _ = writeln!(
        out,
        "地区    {}（{}）",
        or_dash(&m.region),
        m.level.name_zh()
    );
    let _ = writeln!(
        out,
        "报告年度 {}",
        m.report_year.map_or("—".to_owned(), |y| y.to_string())
    );
    let _ = writeln!(out, "文号    {}", or_dash(&m.doc_number));
    let _ = writeln!(out, "索引号   {}", or_dash(&m.index_number));
    let _ = writeln!(out, "主送机关 {}", or_dash(&m.recipient));
    let _ = writeln!(out, "成文日期 {}", or_dash(&m.signed_date));
    let _ = writeln!(out, "发布日期 {}", or_dash(&m.published_date));
    let _ = writeln!(out, "\n结构");
    outline(&a.sections, 0, &mut out);
    let _ = writeln!(out, "\n必备内容（《法治政府建设与责任落实督察工作规定》）");
    for part in Part::ALL {
        let headings = a.parts.get(part);
        let mark = if headings.is_empty() {
            "✗ 缺"
        } else {
            "✓"
        };
        let _ = writeln!(out, "  {mark} {}", part.name_zh());
        for h in headings {
            let _ = writeln!(out, "      {h}");
        }
    }
    if !a.indicators.is_empty() {
        let _ = writeln!(out, "\n主要指标");
        for i in &a.indicators {
            let written = a
                .quantities
                .iter()
                .find(|q| q.span == i.span)
                .map_or("", |q| q.text.as_str());
            let unit = i.unit.as_deref().unwrap_or("");
            let _ = writeln!(
                out,
                "  {:<18} {written}（= {}{unit}）",
                i.name,
                plain(i.value)
            );
        }
    }
    if !a.keywords.is_empty() {
        let top: Vec<String> = a
            .keywords
            .iter()
            .take(15)
            .map(|k| format!("{}({})", k.term, k.count))
            .collect();
        let _ = writeln!(out, "\n关键词  {}", top.join(" "));
    }
    let _ = writeln!(out, "\n统计数字 {} 个", a.quantities.len());
    for q in &a.quantities {
        let unit = q.unit.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "  {:<14} = {}{unit}  {}",
            q.text,
            plain(q.value),
            q.about
        );
    }
    for r in a.relations.iter().filter(|r| !r.consistent) {
        let total = a.quantities.get(r.total).map_or("", |q| q.text.as_str());
        let parts: Vec<&str> = r
            .parts
            .iter()
            .filter_map(|&p| a.quantities.get(p))
            .map(|q| q.text.as_str())
            .collect();
        let _ = writeln!(
            out,
            "  ⚠ 数字不一致：{total} 与 {}（计算得 {}）",
            parts.join("、"),
            plain((r.computed * 100.0).round() / 100.0)
        );
    }
    out.push('\n');
    out
}

fn format_name(a: &Analysis) -> &'static str {
    match a.source.format {
        baogao_core::Format::Text => "文本",
        baogao_core::Format::Html => "网页",
        baogao_core::Format::Docx => "Word 文档",
        baogao_core::Format::Doc => "Word/WPS 文档（.doc/.wps）",
        baogao_core::Format::Ofd => "OFD 版式文件",
        baogao_core::Format::Pdf => "PDF 文档",
    }
}

fn outline(sections: &[Section], depth: usize, out: &mut String) {
    for s in sections {
        let heading = if s.heading.is_empty() {
            "（无标题的正文）"
        } else {
            s.heading.as_str()
        };
        let area = s
            .area
            .map(|a| format!(" · {}", a.name_zh()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}{heading}  [{}字{area}]",
            "  ".repeat(depth),
            s.chars
        );
        outline(&s.children, depth + 1, out);
    }
}
