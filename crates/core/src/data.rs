//! The one reader of the compiled-in data files (`crates/core/data/*.tsv`): UTF-8, one row a
//! line, columns separated by tabs, blank lines and lines starting with `#` skipped.

/// The lines of a data file that hold data: neither blank nor comments.
pub fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The rows of a data file, each split into its columns.
pub fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(text).map(|l| l.split('\t').map(str::trim).collect())
}

/// The words of a `kind<TAB>word` list that are of `kind`, in file order.
pub fn words_of(text: &'static str, kind: &str) -> Vec<&'static str> {
    rows(text)
        .filter(|cols| cols.first() == Some(&kind))
        .filter_map(|cols| cols.get(1).copied())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{lines, rows, words_of};

    #[test]
    fn words_of_one_kind() {
        let text = "# kinds\nnoun\t方面\nverb\t推进\nnoun\t环节\nnoun\t\n";
        assert_eq!(words_of(text, "noun"), vec!["方面", "环节"]);
        assert_eq!(words_of(text, "name"), Vec::<&str>::new());
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let text = "# header\n\na\tb\n#x\tc\n \nd\n";
        let got: Vec<Vec<&str>> = rows(text).collect();
        assert_eq!(got, vec![vec!["a", "b"], vec!["d"]]);
        assert_eq!(lines(text).collect::<Vec<_>>(), vec!["a\tb", "d"]);
    }
}
