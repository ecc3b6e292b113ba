//! Pagination: blocks arrive as chunks (a line, a table row, a photo) that never split; this
//! places them down the page and starts new pages where they stop fitting.
//!
//! Two rules keep pages readable: a chunk marked `keep_with_next` (a heading, a table header)
//! moves to the next page with the chunk after it rather than sit alone at the foot of a
//! page; and a table row that starts a page brings its table's header with it.

use super::page::{Element, Page};
use std::sync::Arc;

/// An unbreakable piece of a page, laid out with its top at y = 0.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub height: f32,
    pub elements: Vec<Element>,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    pub keep_with_next: bool,
    /// Start a fresh page before this chunk (if the current one has anything on it).
    pub new_page: bool,
    /// The chunk fills a page of its own (the cover), drawn in page coordinates.
    pub whole_page: bool,
    /// Drawn first when this chunk starts a page (a table's header row).
    pub header: Option<Arc<Chunk>>,
}

impl Chunk {
    pub fn new(height: f32, elements: Vec<Element>) -> Chunk {
        Chunk {
            height,
            elements,
            ..Chunk::default()
        }
    }

    pub fn space(mut self, space: f32) -> Chunk {
        self.space_before = space;
        self
    }

    pub fn keep(mut self) -> Chunk {
        self.keep_with_next = true;
        self
    }
}

/// Places chunks on pages whose content runs from `top` to `bottom`.
pub fn paginate(chunks: &[Chunk], top: f32, bottom: f32) -> Vec<Page> {
    let mut pages: Vec<Page> = vec![Page::default()];
    let mut y = top;
    let usable = bottom - top;
    let mut i = 0;
    while i < chunks.len() {
        let chunk = &chunks[i];
        let at_top = y <= top && pages.last().is_some_and(|p| p.elements.is_empty());
        if chunk.whole_page {
            if !at_top {
                pages.push(Page::default());
            }
            let page = pages.last_mut().expect("never empty");
            page.elements.extend(chunk.elements.iter().cloned());
            page.cover = true;
            pages.push(Page::default());
            y = top;
            i += 1;
            continue;
        }
        if chunk.new_page && !at_top {
            pages.push(Page::default());
            y = top;
        }
        let at_top = y <= top;
        let space = if at_top { 0.0 } else { chunk.space_before };
        let need = (space + chunk.height + kept_height(chunks, i)).min(usable);
        if !at_top && y + need > bottom {
            pages.push(Page::default());
            y = top;
            if let Some(header) = &chunk.header {
                place(pages.last_mut().expect("never empty"), header, y);
                y += header.height;
            }
            place(pages.last_mut().expect("never empty"), chunk, y);
            y += chunk.height;
        } else {
            place(pages.last_mut().expect("never empty"), chunk, y + space);
            y += space + chunk.height;
        }
        i += 1;
    }
    if pages.len() > 1 && pages.last().is_some_and(|p| p.elements.is_empty()) {
        pages.pop();
    }
    pages
}

/// Height of the chunks that must share a page with chunk `i` because it (and any that
/// follow it) are marked keep-with-next.
fn kept_height(chunks: &[Chunk], i: usize) -> f32 {
    let mut h = 0.0;
    let mut j = i;
    while chunks[j].keep_with_next && j + 1 < chunks.len() {
        j += 1;
        let next = &chunks[j];
        if next.new_page || next.whole_page {
            break;
        }
        h += next.space_before + next.height;
    }
    h
}

fn place(page: &mut Page, chunk: &Chunk, y: f32) {
    page.elements
        .extend(chunk.elements.iter().cloned().map(|e| e.shifted(y)));
}

/// Ties a run of chunks (the rows of one list or table) so that a short run stays whole
/// and a long one never leaves a single row alone at the foot or the top of a page.
pub fn hold_together(run: &mut [Chunk]) {
    let n = run.len();
    for (i, chunk) in run.iter_mut().enumerate() {
        chunk.keep_with_next |= if n <= 4 {
            i + 1 < n
        } else {
            i == 0 || i + 2 == n
        };
    }
}

/// Cuts `count` lines of height `line` into runs that each fit in `max` points (at least one
/// line each), so a long text can flow across pages in pieces.
pub fn line_groups(count: usize, line: f32, max: f32) -> Vec<std::ops::Range<usize>> {
    let per = ((max / line).floor() as usize).max(1);
    (0..count.max(1))
        .step_by(per)
        .map(|start| start..(start + per).min(count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passport::font::Face;
    use crate::passport::template::Colour;

    fn label(text: &str, height: f32) -> Chunk {
        Chunk::new(
            height,
            vec![Element::Text {
                x: 0.0,
                y: 10.0,
                size: 10.0,
                face: Face::AtkinsonRegular,
                colour: Colour(0, 0, 0),
                text: text.into(),
            }],
        )
    }

    #[test]
    fn chunks_flow_onto_new_pages_and_never_cross_the_bottom() {
        let chunks: Vec<Chunk> = (0..30).map(|i| label(&format!("line {i}"), 20.0)).collect();
        let pages = paginate(&chunks, 50.0, 250.0);
        assert_eq!(pages.len(), 3);
        for page in &pages {
            for e in &page.elements {
                if let Element::Text { y, .. } = e {
                    assert!(*y <= 250.0 && *y >= 50.0, "{y}");
                }
            }
        }
        assert!(pages[1].text().starts_with("line 10\n"));
    }

    #[test]
    fn a_heading_never_sits_alone_at_the_foot_of_a_page() {
        let mut chunks: Vec<Chunk> = (0..9).map(|i| label(&format!("line {i}"), 20.0)).collect();
        chunks.push(label("Heading", 20.0).keep());
        chunks.push(label("after heading", 20.0));
        let pages = paginate(&chunks, 0.0, 200.0);
        assert_eq!(pages.len(), 2);
        assert!(!pages[0].text().contains("Heading"));
        assert!(pages[1].text().starts_with("Heading\nafter heading"));
    }

    #[test]
    fn a_row_starting_a_page_brings_its_header() {
        let header = Arc::new(label("Header", 20.0));
        let mut chunks = vec![(*header).clone().keep()];
        for i in 0..15 {
            let mut row = label(&format!("row {i}"), 20.0);
            row.header = Some(header.clone());
            chunks.push(row);
        }
        let pages = paginate(&chunks, 0.0, 200.0);
        assert_eq!(pages.len(), 2);
        assert!(
            pages[1].text().starts_with("Header\nrow 9"),
            "{}",
            pages[1].text()
        );
    }

    #[test]
    fn new_page_does_nothing_at_the_top_of_a_page() {
        let mut first = label("first", 20.0);
        first.new_page = true;
        let mut second = label("second", 20.0);
        second.new_page = true;
        let pages = paginate(&[first, second], 0.0, 200.0);
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn short_runs_hold_whole_and_long_runs_keep_pairs_at_each_end() {
        let keeps = |n: usize| {
            let mut run: Vec<Chunk> = (0..n).map(|_| Chunk::default()).collect();
            hold_together(&mut run);
            run.iter().map(|c| c.keep_with_next).collect::<Vec<_>>()
        };
        assert_eq!(keeps(3), vec![true, true, false]);
        assert_eq!(keeps(6), vec![true, false, false, false, true, false]);
    }

    #[test]
    fn line_groups_cover_every_line() {
        assert_eq!(line_groups(10, 10.0, 35.0), vec![0..3, 3..6, 6..9, 9..10]);
        assert_eq!(line_groups(0, 10.0, 35.0), vec![0..0]);
        assert_eq!(line_groups(2, 10.0, 5.0), vec![0..1, 1..2]);
    }
}
