//! W003: a variant or look-alike character. See [`META`].

use super::{Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W003",
    name: "VariantCharacter",
    title_zh: "异体字或形近字",
    severity: Severity::Warning,
    doc: "## What it checks
Characters that are variants of, or look like, the standard character and are almost always a slip
of the input method: `痩` for `瘦`, `戸` for `户`, `値` for `值`, `囯` for `国`. One finding per
character, with every place.
## Why it matters
《通用规范汉字表》 is the standard for official documents; a variant looks the same on screen but
breaks search, sorting and text-to-speech.
## Example
`为审批“痩身”` → `为审批“瘦身”`",
};

pub struct VariantCharacter;

/// (variant, standard) pairs.
const VARIANTS: &[(char, char)] = &[
    ('痩', '瘦'),
    ('戸', '户'),
    ('値', '值'),
    ('囯', '国'),
    ('衆', '众'),
    ('緑', '绿'),
    ('査', '查'),
    ('収', '收'),
    ('効', '效'),
    ('従', '从'),
    ('従', '从'),
    ('関', '关'),
    ('発', '发'),
    ('対', '对'),
    ('実', '实'),
    ('経', '经'),
    ('総', '总'),
    ('単', '单'),
    ('労', '劳'),
    ('県', '县'),
    ('区', '区'),
    ('団', '团'),
    ('鉄', '铁'),
    ('郷', '乡'),
    ('証', '证'),
    ('説', '说'),
    ('読', '读'),
    ('検', '检'),
    ('処', '处'),
    ('拠', '据'),
    ('拡', '扩'),
    ('歩', '步'),
    ('毎', '每'),
    ('黒', '黑'),
    ('亜', '亚'),
];

impl Check for VariantCharacter {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for &(variant, standard) in VARIANTS.iter().filter(|(v, s)| v != s) {
            if out
                .iter()
                .any(|f| f.code == META.code && f.message.starts_with(&format!("“{variant}”")))
            {
                continue;
            }
            let mut spans = Vec::new();
            for (line_span, line) in doc.body() {
                spans.extend(line.match_indices(variant).map(|(i, _)| {
                    Span::new(
                        line_span.start + i,
                        line_span.start + i + variant.len_utf8(),
                    )
                }));
            }
            if spans.is_empty() {
                continue;
            }
            let edits = spans
                .iter()
                .map(|&span| Edit {
                    span,
                    replacement: standard.to_string(),
                })
                .collect();
            let mut f = doc.finding(
                &META,
                spans,
                format!("“{variant}”是“{standard}”的异体字或形近字，应为“{standard}”。"),
                format!("“{variant}” is a variant of “{standard}”."),
            );
            f.fix = Some(Fix {
                label: format!("改为“{standard}”"),
                edits,
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("W003", "为审批“痩身”。", "痩");
        assert_count("W003", "为审批“瘦身”。", 0);
        assert_count("W003", "新增市场主体2960戸。", 1);
        assert_count("W003", "新增市场主体2960户。", 0);
        assert_count("W003", "全囯推广。", 1);
        assert_count("W003", "全国推广。", 0);
        assert_count("W003", "痩身痩身。", 1);
        assert_count("W003", "调査研究，审査备案。", 1);
        assert_count("W003", "调查研究。", 0);
        assert_count("W003", "", 0);
        let f = findings("W003", "痩身又痩身。");
        assert_eq!(f[0].count, 2);
    }
}
