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
}
