//! The one reader of the compiled-in data files (`crates/core/data/*.tsv`): UTF-8, one row a
//! line, columns separated by tabs, blank lines and lines starting with `#` skipped.

/// The rows of a data file, each split into its columns.
pub fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<Vec<&str>> = rows("# header\n\na\tb\n#x\tc\nd\n").collect();
        assert_eq!(got, vec![vec!["a", "b"], vec!["d"]]);
    }
}
