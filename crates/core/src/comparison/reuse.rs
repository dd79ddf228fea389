//! Sentence-level reuse: which sentences of this year's report stand, nearly word for word, in
//! last year's.
//!
//! A sentence's wording is the set of its four-character runs of Han characters (shingles);
//! figures, punctuation and Latin letters are left out, so a sentence carried over with its
//! figures updated still counts as carried over. A sentence is reused when at least
//! [`REUSED`] of its shingles occur in last year's report; it is matched to the sentence of last
//! year's that shares most of them.

use std::collections::{HashMap, HashSet};

use crate::span::{is_han, Span};

/// Characters in a shingle.
const K: usize = 4;
/// Han characters a sentence needs to be compared (headings and set phrases are shorter).
pub const MIN_HAN: usize = 10;
/// The share of a sentence's shingles found in the other report above which it is reused.
pub const REUSED: f64 = 0.8;

/// A sentence of a report's body, with its wording.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    /// Han characters in the sentence.
    pub han: usize,
    shingles: Vec<u64>,
}

/// The sentences of `text` inside `regions`, split at 。！？； and line ends; sentences with fewer
/// than [`MIN_HAN`] Han characters are left out.
pub fn sentences(text: &str, regions: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for region in regions {
        let Some(body) = region.text(text) else {
            continue;
        };
        let mut start = 0;
        for (i, c) in body.char_indices() {
            if matches!(c, '。' | '！' | '？' | '；' | '\n' | '\r') {
                let end = i + c.len_utf8();
                push(text, Span::new(start, end).offset(region.start), &mut out);
                start = end;
            }
        }
        push(text, Span::new(region.start + start, region.end), &mut out);
    }
    out
}

fn push(text: &str, span: Span, out: &mut Vec<Sentence>) {
    let Some(s) = span.text(text) else {
        return;
    };
    let trimmed = s.trim_start();
    let lead = s.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(|c: char| c.is_whitespace());
    let span = Span::new(lead, lead + trimmed.len()).offset(span.start);
    let han: Vec<char> = trimmed.chars().filter(|&c| is_han(c)).collect();
    if han.len() < MIN_HAN {
        return;
    }
    let shingles = han.windows(K).map(hash).collect();
    out.push(Sentence {
        span,
        han: han.len(),
        shingles,
    });
}

/// FNV-1a over the characters of a shingle.
fn hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Last year's sentences, indexed by shingle.
pub struct Index<'a> {
    sentences: &'a [Sentence],
    all: HashSet<u64>,
    by_shingle: HashMap<u64, Vec<usize>>,
}

/// A sentence of this year's report found in last year's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// The share of the sentence's shingles found anywhere in last year's report.
    pub similarity: f64,
    /// The sentence of last year's that shares most of them.
    pub old: Span,
}

impl<'a> Index<'a> {
    pub fn new(sentences: &'a [Sentence]) -> Self {
        let mut by_shingle: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, s) in sentences.iter().enumerate() {
            for &h in &s.shingles {
                let list = by_shingle.entry(h).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Index {
            sentences,
            all: by_shingle.keys().copied().collect(),
            by_shingle,
        }
    }

    /// How much of `sentence` stands in last year's report, and where most of it does; `None`
    /// when less than [`REUSED`] of it does.
    pub fn find(&self, sentence: &Sentence) -> Option<Match> {
        if sentence.shingles.is_empty() {
            return None;
        }
        let found = sentence
            .shingles
            .iter()
            .filter(|h| self.all.contains(h))
            .count();
        let similarity = found as f64 / sentence.shingles.len() as f64;
        if similarity < REUSED {
            return None;
        }
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for h in &sentence.shingles {
            for &i in self.by_shingle.get(h).into_iter().flatten() {
                *hits.entry(i).or_default() += 1;
            }
        }
        let best = hits
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?
            .0;
        Some(Match {
            similarity,
            old: self.sentences.get(best)?.span,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Vec<Sentence> {
        sentences(text, &[Span::new(0, text.len())])
    }

    #[test]
    fn sentences_split_at_stops_and_leave_short_ones_out() {
        let text = "一、总体情况\n全年共办理行政复议案件128件，同比增长百分之十。短句。\n  依法行政工作取得新的进展；法治政府建设稳步推进！";
        let got: Vec<&str> = whole(text)
            .iter()
            .map(|s| s.span.text(text).unwrap_or_default())
            .collect();
        assert_eq!(
            got,
            [
                "全年共办理行政复议案件128件，同比增长百分之十。",
                "依法行政工作取得新的进展；",
                "法治政府建设稳步推进！"
            ]
        );
    }

    #[test]
    fn a_sentence_with_its_figures_updated_is_still_reused() {
        let old = whole("全年共办理行政复议案件128件，纠错率为百分之十二。");
        let new = whole("全年共办理行政复议案件135件，纠错率为百分之十二。");
        let index = Index::new(&old);
        let m = index.find(&new[0]).expect("reused");
        assert!((m.similarity - 1.0).abs() < 1e-9);
        assert_eq!(m.old, old[0].span);
    }

    #[test]
    fn a_rewritten_sentence_is_not_reused() {
        let old = whole("全年共办理行政复议案件128件，纠错率为百分之十二。");
        let new = whole("行政复议体制改革全面完成，市级集中受理复议申请。");
        assert_eq!(Index::new(&old).find(&new[0]), None);
    }

    #[test]
    fn the_best_match_is_the_sentence_sharing_most() {
        let old_text =
            "深入推进严格规范公正文明执法工作。持续深化行政执法体制改革，推进综合行政执法。";
        let old = whole(old_text);
        let new = whole("持续深化行政执法体制改革，推进综合行政执法工作。");
        let m = Index::new(&old).find(&new[0]).expect("reused");
        assert_eq!(
            m.old.text(old_text),
            Some("持续深化行政执法体制改革，推进综合行政执法。")
        );
    }

    #[test]
    fn regions_limit_the_sentences() {
        let text = "标题行不算在内的很长的一句话。正文里的这一句话才算数的呢。";
        let second = text.find("正文").unwrap_or_default();
        let got = sentences(text, &[Span::new(second, text.len())]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].han, 13);
    }
}
