//! Shrinking photos for print with a triangle (tent) filter whose width follows the scale,
//! as `image`'s `FilterType::Triangle` does, but with the weights worked out once per row
//! and column. `image::imageops::resize` spends most of its time converting and rounding
//! every sample; this is several times faster, and printing a school's passports resizes
//! thousands of photos.

use image::RgbImage;

/// The source pixels (from `start`) that make one output pixel, and their weights.
struct Taps {
    start: usize,
    weights: Vec<f32>,
}

fn taps(src: u32, dst: u32) -> Vec<Taps> {
    let scale = src as f32 / dst as f32;
    // Enlarging keeps a one-pixel tent (bilinear); shrinking widens it to cover the source.
    let radius = scale.max(1.0);
    (0..dst)
        .map(|i| {
            let centre = (i as f32 + 0.5) * scale;
            let start = ((centre - radius).floor().max(0.0)) as usize;
            let end = ((centre + radius).ceil() as usize).min(src as usize);
            let mut weights: Vec<f32> = (start..end)
                .map(|j| (1.0 - ((j as f32 + 0.5) - centre).abs() / radius).max(0.0))
                .collect();
            let sum: f32 = weights.iter().sum();
            if sum > 0.0 {
                weights.iter_mut().for_each(|w| *w /= sum);
            }
            Taps { start, weights }
        })
        .collect()
}

/// Resamples `src` to `w` × `h` pixels.
pub fn shrink(src: &RgbImage, w: u32, h: u32) -> RgbImage {
    let (sw, sh) = (src.width() as usize, src.height() as usize);
    let (w, h) = (w.max(1), h.max(1));
    let across = taps(src.width(), w);
    let down = taps(src.height(), h);
    let raw = src.as_raw();

    // Across each source row first, into floats ...
    let mut rows = vec![0.0f32; sh * w as usize * 3];
    for y in 0..sh {
        let line = &raw[y * sw * 3..(y + 1) * sw * 3];
        let out = &mut rows[y * w as usize * 3..(y + 1) * w as usize * 3];
        for (x, t) in across.iter().enumerate() {
            let mut acc = [0.0f32; 3];
            for (k, weight) in t.weights.iter().enumerate() {
                let p = &line[(t.start + k) * 3..(t.start + k) * 3 + 3];
                acc[0] += weight * f32::from(p[0]);
                acc[1] += weight * f32::from(p[1]);
                acc[2] += weight * f32::from(p[2]);
            }
            out[x * 3..x * 3 + 3].copy_from_slice(&acc);
        }
    }

    // ... then down each column, a whole row at a time.
    let stride = w as usize * 3;
    let mut out = vec![0u8; stride * h as usize];
    let mut acc = vec![0.0f32; stride];
    for (y, t) in down.iter().enumerate() {
        acc.iter_mut().for_each(|a| *a = 0.0);
        for (k, weight) in t.weights.iter().enumerate() {
            let row = &rows[(t.start + k) * stride..(t.start + k + 1) * stride];
            for (a, v) in acc.iter_mut().zip(row) {
                *a += weight * v;
            }
        }
        for (o, a) in out[y * stride..(y + 1) * stride].iter_mut().zip(&acc) {
            *o = (a + 0.5).clamp(0.0, 255.0) as u8;
        }
    }
    RgbImage::from_raw(w, h, out).expect("the buffer is w × h × 3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_colour_stays_flat_and_the_size_is_as_asked() {
        let src = RgbImage::from_pixel(800, 600, image::Rgb([0, 94, 184]));
        let out = shrink(&src, 301, 226);
        assert_eq!(out.dimensions(), (301, 226));
        assert!(out.pixels().all(|p| p.0 == [0, 94, 184]));
    }

    #[test]
    fn fine_detail_is_averaged_not_aliased() {
        // One-pixel black and white stripes shrink to grey, not to black or white bands.
        let src = RgbImage::from_fn(400, 10, |x, _| {
            let v = if x % 2 == 0 { 0 } else { 255 };
            image::Rgb([v, v, v])
        });
        let out = shrink(&src, 100, 10);
        for p in out.pixels() {
            assert!((100..=155).contains(&p.0[0]), "{:?}", p.0);
        }
    }

    #[test]
    fn a_half_black_half_white_image_keeps_its_edge_in_place() {
        let src = RgbImage::from_fn(200, 4, |x, _| {
            let v = if x < 100 { 0 } else { 255 };
            image::Rgb([v, v, v])
        });
        let out = shrink(&src, 50, 4);
        assert!(out.get_pixel(10, 1).0[0] < 5);
        assert!(out.get_pixel(40, 1).0[0] > 250);
    }
}
