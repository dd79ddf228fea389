//! Reading order from glyph positions: characters → rows (by baseline, then by x) → columns
//! (a page whose rows share a gutter is read left column first) → lines, with running headers,
//! footers and page numbers dropped → paragraphs.
//!
//! The paragraph rule is the OFD reader's: a line that reaches its column's right margin and a
//! next line that starts at the left margin, no further down than the usual line pitch, are one
//! paragraph; an extra line's height of space is kept as an empty line. A line also reaches the
//! margin when what the next line starts with would not have fitted in the room left: a line
//! breaker (a browser printing a page, a word processor) moves an opening mark down with the
//! character after it, a closing mark with the character before it, and a Latin word or a
//! number whole, so wrapped lines end up to a few characters short.

/// One character drawn on a page: points, `y` growing downwards from the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub page: u32,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub width: f32,
    pub ch: char,
}

impl Glyph {
    fn end(&self) -> f32 {
        self.x + self.width.max(0.0)
    }
}

/// Where a line sits: across the page, or in the left or right column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Full = 0,
    Left = 1,
    Right = 2,
}

#[derive(Debug, Clone)]
struct Line {
    page: u32,
    column: Column,
    y: f32,
    start: f32,
    end: f32,
    size: f32,
    text: String,
    /// The width of what the line starts with that cannot be split across lines.
    lead: f32,
}

/// Marks a line does not end with: they go down with the character after them.
const OPENING: &[char] = &[
    '《', '“', '‘', '（', '(', '〈', '「', '『', '【', '〔', '［', '[',
];

/// Marks a line does not start with: they go down with the character before them.
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '〉', '」', '』', '】', '〕',
    '］', '…', '—', ',', '.', ':', ';', '?', '!', ')', ']', '%', '％',
];

/// Curly quotation marks, which line breakers (Unicode's line breaking rules, class QU) keep
/// with the characters on both sides of them.
const QUOTES: &[char] = &['“', '”', '‘', '’', '"', '\''];

/// The width of the first unit of a line a line breaker keeps whole: opening marks with what
/// follows them, then a run of Latin letters, digits and their punctuation (`11:30`, `5.10`) or
/// one character, with the closing marks after it, and on through any quotation mark or ASCII
/// punctuation followed by a Latin word.
fn lead_width(glyphs: &[Glyph]) -> f32 {
    let Some(first) = glyphs.first() else {
        return 0.0;
    };
    let is = |k: usize, set: &[char]| glyphs.get(k).is_some_and(|g| set.contains(&g.ch));
    let latin = |k: usize| {
        glyphs
            .get(k)
            .is_some_and(|g| g.ch.is_ascii_graphic() && !OPENING.contains(&g.ch))
    };
    let mut k = 0;
    loop {
        while is(k, OPENING) || is(k, QUOTES) {
            k += 1;
        }
        if glyphs.get(k).is_some_and(|g| g.ch.is_ascii_alphanumeric()) {
            while latin(k) && !is(k, QUOTES) {
                k += 1;
            }
        } else if k < glyphs.len() {
            k += 1;
        }
        while is(k, CLOSING) {
            k += 1;
        }
        // `程,2023` and `箱:wxb@163.com`: ASCII punctuation binds a Latin word or number after it.
        let binds = k > 0
            && is(k - 1, &[',', '.', ':', ';'])
            && glyphs.get(k).is_some_and(|g| g.ch.is_ascii_alphanumeric());
        if binds {
            continue;
        }
        if !is(k, QUOTES) {
            break;
        }
        k += 1;
    }
    let last = &glyphs[k.clamp(1, glyphs.len()) - 1];
    last.end() - first.x
}

fn median(mut values: Vec<f32>) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The glyphs of one page grouped into rows sharing a baseline, top to bottom, each sorted by x.
fn rows(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Vec<Glyph>> = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let first = glyphs[i];
        let mut j = i + 1;
        while j < glyphs.len() && glyphs[j].y - first.y <= 0.4 * first.size.max(glyphs[j].size) {
            j += 1;
        }
        let mut row: Vec<Glyph> = glyphs[i..j].to_vec();
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        // A character drawn twice on itself (faked bold, shadows) is read once.
        row.dedup_by(|b, a| b.ch == a.ch && (b.x - a.x).abs() < 0.3 * a.width.max(0.5));
        out.push(row);
        i = j;
    }
    out
}

/// The x of a gutter splitting a page's rows in two, if the page is set in two columns: no
/// glyph covers it in most rows, rows with text on both sides of it outnumber the rows across
/// it two to one, and the left parts of those rows mostly end together (wrapped text, not a
/// table's cells, as a rule).
fn gutter(rows: &[Vec<Glyph>]) -> Option<f32> {
    let mut candidates: Vec<f32> = Vec::new();
    for row in rows {
        let widest = row
            .windows(2)
            .map(|w| (w[1].x - w[0].end(), (w[0].end() + w[1].x) / 2.0, w[0].size))
            .filter(|(gap, _, size)| *gap > 1.0 * size)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, mid, size)) = widest {
            if !candidates.iter().any(|c| (c - mid).abs() < size / 2.0) && candidates.len() < 32 {
                candidates.push(mid);
            }
        }
    }
    let left = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|g| g.x)
        .fold(f32::INFINITY, f32::min);
    let right = rows
        .iter()
        .filter_map(|r| r.last())
        .map(Glyph::end)
        .fold(f32::NEG_INFINITY, f32::max);
    let mut best: Option<(usize, f32)> = None;
    for g in candidates {
        if g < left + 0.3 * (right - left) || g > left + 0.7 * (right - left) {
            continue;
        }
        let mut split = 0;
        let mut crossing = 0;
        // Where the left part of each split row ends: a column of running text wraps at its
        // right edge, so most of these ends lie together (a table's cells do not).
        let mut left_ends: Vec<(f32, f32)> = Vec::new();
        for row in rows {
            if row.iter().any(|c| c.x < g && c.end() > g) {
                crossing += 1;
            } else if row.first().is_some_and(|c| c.x < g) && row.last().is_some_and(|c| c.x > g) {
                split += 1;
                let left = row.iter().filter(|c| c.x < g);
                let end = left
                    .clone()
                    .map(Glyph::end)
                    .fold(f32::NEG_INFINITY, f32::max);
                let size = left.map(|c| c.size).fold(0.0, f32::max);
                left_ends.push((end, size));
            }
        }
        let edge = left_ends
            .iter()
            .map(|e| e.0)
            .fold(f32::NEG_INFINITY, f32::max);
        let wrapped = left_ends
            .iter()
            .filter(|(end, size)| *end >= edge - 1.5 * size)
            .count();
        if split >= 2
            && split >= 2 * crossing
            && wrapped * 10 >= split * 4
            && best.is_none_or(|b| split > b.0)
        {
            best = Some((split, g));
        }
    }
    best.map(|b| b.1)
}

fn line_of(page: u32, column: Column, glyphs: &[Glyph]) -> Option<Line> {
    let first = glyphs.first()?;
    let mut text = String::new();
    let mut end = f32::NEG_INFINITY;
    let mut size = 0.0f32;
    for g in glyphs {
        if end.is_finite() && g.x - end > 0.8 * g.size && !text.ends_with(' ') && g.ch != ' ' {
            text.push(' ');
        }
        text.push(g.ch);
        end = end.max(g.end());
        size = size.max(g.size);
    }
    (!text.trim().is_empty()).then_some(Line {
        page,
        column,
        y: first.y,
        start: first.x,
        end,
        size,
        text,
        lead: lead_width(glyphs),
    })
}

/// A page's lines in reading order.
fn page_lines(page: u32, glyphs: Vec<Glyph>, out: &mut Vec<Line>) {
    let rows = rows(glyphs);
    let Some(g) = gutter(&rows) else {
        out.extend(rows.iter().filter_map(|r| line_of(page, Column::Full, r)));
        return;
    };
    let mut i = 0;
    while i < rows.len() {
        if rows[i].iter().any(|c| c.x < g && c.end() > g) {
            out.extend(line_of(page, Column::Full, &rows[i]));
            i += 1;
            continue;
        }
        let mut j = i;
        while j < rows.len() && !rows[j].iter().any(|c| c.x < g && c.end() > g) {
            j += 1;
        }
        for (column, left) in [(Column::Left, true), (Column::Right, false)] {
            for row in &rows[i..j] {
                let part: Vec<Glyph> = row.iter().copied().filter(|c| (c.x < g) == left).collect();
                out.extend(line_of(page, column, &part));
            }
        }
        i = j;
    }
}

/// Whether a line is only a page number: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共10页`, `3/10`.
fn is_page_number(text: &str) -> bool {
    let rest: String = text
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !"-–—―−－_·.()（）[]【】第页共/|PpageofOF".contains(*c)
                && !c.is_ascii_digit()
        })
        .collect();
    // No document has 10,000 pages: a longer run of digits is a figure or a date (`202116`).
    let short_numbers = text
        .split(|c: char| !c.is_ascii_digit())
        .all(|run| run.len() <= 4);
    rest.is_empty() && text.chars().any(|c| c.is_ascii_digit()) && short_numbers
}

/// Drop running headers and footers: at the top or the bottom of a page, a page number, or a
/// line that recurs at the same height (digits aside) on at least half the pages, on pages that
/// have other lines too; either way set apart from the body by more than the line pitch.
fn drop_running_lines(lines: &mut Vec<Line>, pitch: f32) {
    use std::collections::{BTreeSet, HashMap};
    let pages = lines.iter().map(|l| l.page).collect::<BTreeSet<_>>().len();
    for _ in 0..2 {
        let mut top: HashMap<u32, f32> = HashMap::new();
        let mut bottom: HashMap<u32, f32> = HashMap::new();
        let mut count: HashMap<u32, usize> = HashMap::new();
        for l in lines.iter() {
            let t = top.entry(l.page).or_insert(l.y);
            *t = t.min(l.y);
            let b = bottom.entry(l.page).or_insert(l.y);
            *b = b.max(l.y);
            *count.entry(l.page).or_default() += 1;
        }
        // The distinct baselines of each page, to see how far an edge line stands apart.
        let mut baselines: HashMap<u32, Vec<f32>> = HashMap::new();
        for l in lines.iter() {
            baselines.entry(l.page).or_default().push(l.y);
        }
        for ys in baselines.values_mut() {
            ys.sort_by(f32::total_cmp);
            ys.dedup_by(|b, a| (*b - *a).abs() < 1.0);
        }
        let apart = |l: &Line, at_top: bool| {
            let ys = &baselines[&l.page];
            let neighbour = if at_top {
                ys.get(1)
            } else {
                ys.len().checked_sub(2).and_then(|i| ys.get(i))
            };
            neighbour.is_none_or(|n| (n - l.y).abs() >= 1.3 * pitch)
        };
        // A line at the top or the bottom of its page, set apart from the body.
        let at_edge = |l: &Line| {
            ((l.y - top[&l.page]).abs() < 1.0 && apart(l, true))
                || ((l.y - bottom[&l.page]).abs() < 1.0 && apart(l, false))
        };
        let key = |l: &Line| -> (String, i64) {
            let shape = l
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            (shape, (l.y / 4.0).round() as i64)
        };
        let mut recurring: HashMap<(String, i64), BTreeSet<u32>> = HashMap::new();
        for l in lines.iter().filter(|l| at_edge(l) && count[&l.page] >= 2) {
            recurring.entry(key(l)).or_default().insert(l.page);
        }
        let before = lines.len();
        lines.retain(|l| {
            if !at_edge(l) {
                return true;
            }
            let on = recurring.get(&key(l)).map_or(0, BTreeSet::len);
            let running = pages >= 2 && on >= 2 && on * 2 >= pages && count[&l.page] >= 2;
            !(running || is_page_number(&l.text))
        });
        if lines.len() == before {
            break;
        }
    }
}

/// Glyphs of all pages → the text, in reading order, with paragraphs rebuilt.
pub fn layout(mut glyphs: Vec<Glyph>) -> String {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite() && g.size > 0.0);
    glyphs.sort_by_key(|g| g.page);
    let mut lines: Vec<Line> = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let page = glyphs[i].page;
        let j = i + glyphs[i..].partition_point(|g| g.page == page);
        page_lines(page, glyphs[i..j].to_vec(), &mut lines);
        i = j;
    }
    if lines.is_empty() {
        return String::new();
    }
    let em = median(lines.iter().map(|l| l.size).collect()).unwrap_or(12.0);
    // The line pitch of the body (the lower quartile of the steps between lines, as below).
    let body_pitch = {
        let mut steps: Vec<f32> = lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page && w[0].column == w[1].column)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d >= 0.9 * em)
            .collect();
        steps.sort_by(f32::total_cmp);
        steps.get(steps.len() / 4).copied().unwrap_or(em * 1.5)
    };
    drop_running_lines(&mut lines, body_pitch);
    if lines.is_empty() {
        return String::new();
    }
    // Margins per kind of column.
    let mut margins = [(0.0f32, 0.0f32); 3];
    for column in [Column::Full, Column::Left, Column::Right] {
        let of: Vec<&Line> = lines.iter().filter(|l| l.column == column).collect();
        if of.is_empty() {
            continue;
        }
        let left = of.iter().map(|l| l.start).fold(f32::INFINITY, f32::min);
        let mut ends: Vec<f32> = of.iter().map(|l| l.end).collect();
        ends.sort_by(f32::total_cmp);
        let right = ends[(ends.len() * 19 / 20).min(ends.len() - 1)];
        margins[column as usize] = (left, right);
    }
    let same_block = |a: &Line, b: &Line| a.page == b.page && a.column == b.column;
    // The line pitch: the lower quartile of the steps between lines of a column.
    let mut steps: Vec<f32> = lines
        .windows(2)
        .filter(|w| same_block(&w[0], &w[1]))
        .map(|w| w[1].y - w[0].y)
        .filter(|d| *d >= 0.9 * em)
        .collect();
    steps.sort_by(f32::total_cmp);
    let pitch = steps
        .get(steps.len() / 4)
        .copied()
        .unwrap_or(em * 1.5)
        .max(1e-3);
    let mut tops: Vec<f32> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if k == 0 || !same_block(&lines[k - 1], l) {
            tops.push(l.y);
        }
    }
    let top = tops.iter().copied().fold(f32::INFINITY, f32::min);
    let blank_lines = |gap: f32| (((gap / pitch).round() as i64).clamp(0, 3)) as usize;

    let mut out: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            let prev = &lines[k - 1];
            let gap_lines = if prev.page != line.page {
                blank_lines(line.y - top)
            } else if prev.column == Column::Left && line.column == Column::Right {
                0
            } else {
                blank_lines(line.y - prev.y).saturating_sub(1)
            };
            let (_, right) = margins[prev.column as usize];
            let (left, _) = margins[line.column as usize];
            // A paragraph goes on in its own column, from the foot of the left column to the
            // head of the right one, or onto the next page; on one page, a line across the
            // page (a title) is not the continuation of a column nor continued by one.
            let flows = prev.column == line.column
                || prev.page != line.page
                || (prev.column == Column::Left && line.column == Column::Right);
            let full = prev.end >= right - em || prev.end + line.lead > right;
            let continues = flows && full && line.start <= left + 0.5 * em && gap_lines == 0;
            if continues {
                paragraph.push_str(&line.text);
                continue;
            }
            out.push(std::mem::take(&mut paragraph));
            out.extend(std::iter::repeat_n(String::new(), gap_lines));
        }
        paragraph.push_str(&line.text);
    }
    out.push(paragraph);
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of text at (x, y) on `page`, 10-point characters, half width for ASCII.
    fn glyphs_of(page: u32, lines: &[(f32, f32, &str)]) -> Vec<Glyph> {
        let mut out = Vec::new();
        for &(x, y, text) in lines {
            let mut x = x;
            for ch in text.chars() {
                let width = if ch.is_ascii() { 5.0 } else { 10.0 };
                out.push(Glyph {
                    page,
                    x,
                    y,
                    size: 10.0,
                    width,
                    ch,
                });
                x += width;
            }
        }
        out
    }

    #[test]
    fn lines_that_reach_the_margin_continue_their_paragraph() {
        let text = layout(glyphs_of(
            0,
            &[
                (100.0, 100.0, "一、总体情况"),
                (120.0, 115.0, "全年办理行政许可"),
                (100.0, 130.0, "事项一万件，办结率百"),
                (100.0, 145.0, "分之百。"),
                (120.0, 175.0, "二是加强监督。"),
            ],
        ));
        assert_eq!(
            text,
            "一、总体情况\n全年办理行政许可事项一万件，办结率百分之百。\n\n二是加强监督。"
        );
    }

    #[test]
    fn a_line_left_short_by_a_line_breaker_continues_its_paragraph() {
        // Twenty characters fill the column (x 100 to 300). Each pair is a line cut short
        // because what starts the next line would not fit in the room left, then that line.
        let full = "全年办理行政许可事项共计一千余件次办结";
        let cases = [
            // Quotation marks hold the characters around them: `“放”字` is one unit (40 > 20).
            ("深化简政放权改革一直坚持便民利企作为", "“放”字当头。"),
            // A number is one unit: 40 wide in a room of 30.
            ("本年度共收到各类申请材料其最后编号", "20230101号。"),
            // ASCII punctuation binds the number after it: `程,2023` is 35 wide in 20.
            (
                "县委党校和行政学校开设法治专题培训课",
                "程,2023年共举办培训班。",
            ),
        ];
        let mut lines = Vec::new();
        let mut y = 100.0;
        let mut want = Vec::new();
        for (short, next) in cases {
            lines.push((120.0, y, full.chars().take(18).collect::<String>()));
            lines.push((100.0, y + 15.0, short.to_owned()));
            lines.push((100.0, y + 30.0, next.to_owned()));
            want.push(format!(
                "{}{short}{next}",
                &full.chars().take(18).collect::<String>()
            ));
            y += 45.0;
        }
        // A paragraph that ends short, then one that starts at the margin with a unit that
        // would have fitted: two paragraphs.
        lines.push((120.0, y, full.chars().take(18).collect()));
        lines.push((100.0, y + 15.0, "办结率达到百分之百。".to_owned()));
        lines.push((100.0, y + 30.0, "2024年工作安排如下。".to_owned()));
        want.push(format!(
            "{}办结率达到百分之百。",
            &full.chars().take(18).collect::<String>()
        ));
        want.push("2024年工作安排如下。".to_owned());
        let lines: Vec<(f32, f32, &str)> =
            lines.iter().map(|(x, y, t)| (*x, *y, t.as_str())).collect();
        assert_eq!(layout(glyphs_of(0, &lines)), want.join("\n"));
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let text = layout(glyphs_of(
            0,
            &[
                (100.0, 80.0, "标题横跨两栏的一行文字标题横跨两栏"),
                (100.0, 100.0, "左栏第一行文字"),
                (200.0, 100.0, "右栏第一行文字"),
                (100.0, 115.0, "左栏第二行文字"),
                (200.0, 115.0, "右栏第二行文字"),
                (100.0, 130.0, "左栏第三行"),
                (200.0, 130.0, "右栏第三行"),
            ],
        ));
        assert_eq!(
            text,
            "标题横跨两栏的一行文字标题横跨两栏\n左栏第一行文字左栏第二行文字左栏第三行\n右栏第一行文字右栏第二行文字右栏第三行"
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_dropped() {
        let mut glyphs = Vec::new();
        for page in 0..3 {
            let first = if page == 0 {
                (100.0, 100.0, "一、总体情况")
            } else {
                (120.0, 100.0, "正文甲")
            };
            glyphs.extend(glyphs_of(
                page,
                &[
                    (150.0, 40.0, "某某市人民政府文件"),
                    first,
                    (120.0, 115.0, "正文乙"),
                    (170.0, 800.0, &format!("- {} -", page + 1)),
                ],
            ));
        }
        assert_eq!(
            layout(glyphs),
            "一、总体情况\n正文乙\n正文甲\n正文乙\n正文甲\n正文乙"
        );
        for number in [
            "3",
            "- 3 -",
            "— 12 —",
            "第 3 页",
            "第3页 共10页",
            "3/10",
            "Page 3 of 9",
        ] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["三", "2024年", "第三章", "-"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn doubled_characters_and_gaps() {
        let mut glyphs = glyphs_of(0, &[(100.0, 100.0, "加粗"), (300.0, 100.0, "右")]);
        glyphs.push(Glyph {
            page: 0,
            x: 100.4,
            y: 100.0,
            size: 10.0,
            width: 10.0,
            ch: '加',
        });
        assert_eq!(layout(glyphs), "加粗 右");
    }
}
