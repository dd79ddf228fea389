//! IO: reading dropped files and keeping the draft in the browser's storage.

pub mod download;
pub mod files;
pub mod storage;

/// Apply every edit of a fix to `text`; edits are applied from the end so that earlier spans stay
/// valid. Returns `None` when an edit does not fit the text (the draft changed since the analysis).
pub fn apply_fix(text: &str, fix: &baogao_core::checks::Fix) -> Option<String> {
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_owned();
    let mut limit = usize::MAX;
    for e in edits {
        if e.span.end > limit
            || !out.is_char_boundary(e.span.start)
            || !out.is_char_boundary(e.span.end)
            || e.span.end > out.len()
        {
            return None;
        }
        out.replace_range(e.span.start..e.span.end, &e.replacement);
        limit = e.span.start;
    }
    Some(out)
}

/// Apply, in one go, the fixes marked safe among `findings` (those the user has not ignored):
/// fixes marked for review are never applied in bulk. Where two fixes would edit the same text,
/// the earlier finding's wins and the later is left for another pass. `None` when there is nothing
/// safe to apply or an edit does not fit the text.
pub fn apply_safe_fixes<'a>(
    text: &str,
    findings: impl IntoIterator<Item = &'a baogao_core::checks::Finding>,
) -> Option<String> {
    use baogao_core::checks::{Applicability, Fix};
    let mut edits: Vec<baogao_core::checks::Edit> = Vec::new();
    for fix in findings
        .into_iter()
        .filter_map(|f| f.fix.as_ref())
        .filter(|fix| fix.applicability == Applicability::Safe)
    {
        let clashes = fix.edits.iter().any(|e| {
            edits
                .iter()
                .any(|o| o.span.overlaps(e.span) || o.span == e.span)
        });
        if !clashes {
            edits.extend(fix.edits.iter().cloned());
        }
    }
    if edits.is_empty() {
        return None;
    }
    apply_fix(text, &Fix::new("", edits, Applicability::Safe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_apply_from_the_end() {
        let text = "甲,乙,丙。";
        let analysis = baogao_core::analyze(text, &baogao_core::Options::default());
        let fix = analysis
            .findings
            .iter()
            .find(|f| f.code == "P001")
            .and_then(|f| f.fix.clone())
            .expect("a fix");
        assert_eq!(apply_fix(text, &fix).as_deref(), Some("甲，乙，丙。"));
        assert_eq!(
            apply_fix("短", &fix),
            None,
            "a fix for another text is refused"
        );
    }

    #[test]
    fn apply_all_takes_safe_fixes_only() {
        // A half-width comma (safe), a hyphenated year range (safe) and a doubled word (review).
        let text = "一、成效\n推进法治政府建设,落实《实施方案（2021-2025年）》，加强加强监督。";
        let analysis = baogao_core::analyze(text, &baogao_core::Options::default());
        let fixed = apply_safe_fixes(text, &analysis.findings).expect("safe fixes");
        assert!(fixed.contains("建设，落实"), "{fixed}");
        assert!(fixed.contains("2021—2025"), "{fixed}");
        assert!(
            fixed.contains("加强加强"),
            "a review fix is not applied in bulk: {fixed}"
        );
        let none: Vec<baogao_core::checks::Finding> = Vec::new();
        assert_eq!(apply_safe_fixes(text, &none), None);
    }
}
