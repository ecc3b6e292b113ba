//! A5 booklets: which passport pages go on which half of which A4 sheet side so that the
//! stack, printed duplex flipping on the short edge, folded in half and stapled on the fold,
//! reads in order (saddle stitching).

use super::page::{A4, A5};

/// The pages on each side of each sheet, in printing order: `(left half, right half)`,
/// front side then back side for every sheet. Page indices count from 0; `None` is a blank
/// half, where the page count was short of a multiple of four.
///
/// For 8 pages: sheet 1 front (8, 1), back (2, 7); sheet 2 front (6, 3), back (4, 5) in the
/// 1-based numbers printed on the pages.
pub fn saddle_stitch_order(pages: usize) -> Vec<(Option<usize>, Option<usize>)> {
    let n = pages.div_ceil(4) * 4;
    let real = |i: usize| (i < pages).then_some(i);
    let mut sides = Vec::with_capacity(n / 2);
    for s in 0..n / 4 {
        sides.push((real(n - 1 - 2 * s), real(2 * s)));
        sides.push((real(2 * s + 1), real(n - 2 - 2 * s)));
    }
    sides
}

/// An A4 landscape sheet side, in points.
pub const SHEET: (f32, f32) = (A4.1, A4.0);

/// Where the left and right A5 pages start on a sheet: centred, so the fold falls exactly
/// in the middle (two A5 pages are a millimetre narrower than A4 is long).
pub fn half_offsets() -> [f32; 2] {
    let x0 = (SHEET.0 - 2.0 * A5.0) / 2.0;
    [x0, x0 + A5.0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_based(sides: Vec<(Option<usize>, Option<usize>)>) -> Vec<(usize, usize)> {
        sides
            .into_iter()
            .map(|(l, r)| (l.map_or(0, |i| i + 1), r.map_or(0, |i| i + 1)))
            .collect()
    }

    #[test]
    fn four_pages_make_one_sheet() {
        assert_eq!(one_based(saddle_stitch_order(4)), vec![(4, 1), (2, 3)]);
    }

    #[test]
    fn five_pages_need_two_sheets_with_three_blank_halves() {
        assert_eq!(
            one_based(saddle_stitch_order(5)),
            vec![(0, 1), (2, 0), (0, 3), (4, 5)]
        );
    }

    #[test]
    fn eight_pages_nest_two_sheets() {
        assert_eq!(
            one_based(saddle_stitch_order(8)),
            vec![(8, 1), (2, 7), (6, 3), (4, 5)]
        );
    }

    #[test]
    fn thirteen_pages_pad_to_sixteen_and_every_page_appears_once() {
        let sides = saddle_stitch_order(13);
        assert_eq!(sides.len(), 8);
        assert_eq!(
            one_based(sides.clone()),
            vec![
                (0, 1),
                (2, 0),
                (0, 3),
                (4, 13),
                (12, 5),
                (6, 11),
                (10, 7),
                (8, 9)
            ]
        );
        let mut seen: Vec<usize> = sides.iter().flat_map(|(l, r)| [*l, *r]).flatten().collect();
        seen.sort();
        assert_eq!(seen, (0..13).collect::<Vec<_>>());
    }

    #[test]
    fn facing_pages_on_each_side_add_up_to_the_padded_count_plus_one() {
        for pages in [4, 8, 12, 16, 20] {
            for (l, r) in one_based(saddle_stitch_order(pages)) {
                assert_eq!(l + r, pages + 1);
            }
        }
    }

    #[test]
    fn the_fold_is_in_the_middle_of_the_sheet() {
        let [left, right] = half_offsets();
        assert!((right - SHEET.0 / 2.0).abs() < 0.01);
        assert!(left > 0.0 && left < 3.0);
    }
}
