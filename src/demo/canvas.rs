//! A small raster canvas for the demo's pictures: anti-aliased discs, rings, arcs, thick lines,
//! rounded rectangles and convex polygons, each drawn from its signed distance, then encoded
//! as PNG.
//!
//! Shapes are given in a fixed design grid (960 x 720 units) and mapped onto whatever pixel
//! size was asked for, so one drawing serves any photo size and a zoomed close-up.

use image::ImageEncoder;
use image::codecs::png::PngEncoder;

pub type Rgb = [u8; 3];

/// Width and height of the design grid every drawing is written in.
pub const GRID_W: f32 = 960.0;
pub const GRID_H: f32 = 720.0;

/// Side of the square blocks the painter first tests whole: a block wholly inside or outside
/// a shape is filled or skipped without looking at each pixel, which keeps drawing quick even
/// in an unoptimised debug build.
const BLOCK: usize = 8;

pub struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
    /// Pixels per design unit, and where the design origin lands.
    scale: f32,
    origin: (f32, f32),
}

impl Canvas {
    /// A blank canvas showing the whole design grid, fitted and centred.
    pub fn new(width: u32, height: u32) -> Self {
        let (w, h) = (width.max(1) as usize, height.max(1) as usize);
        let scale = (w as f32 / GRID_W).min(h as f32 / GRID_H);
        let origin = (
            (w as f32 - GRID_W * scale) / 2.0,
            (h as f32 - GRID_H * scale) / 2.0,
        );
        Self {
            width: w,
            height: h,
            pixels: vec![255; w * h * 3],
            scale,
            origin,
        }
    }

    /// Magnifies the view `zoom` times about a design point, for close-up photos.
    pub fn zoom_on(&mut self, (x, y): (f32, f32), zoom: f32) {
        self.scale *= zoom;
        self.origin = (
            self.width as f32 / 2.0 - x * self.scale,
            self.height as f32 / 2.0 - y * self.scale,
        );
    }

    /// Fills the whole canvas with a top-to-bottom blend of two colours.
    pub fn gradient(&mut self, top: Rgb, bottom: Rgb) {
        let row_bytes = self.width * 3;
        for y in 0..self.height {
            let t = y as f32 / self.height.max(2) as f32;
            let colour = mix(top, bottom, t);
            // One pixel repeated into a row, then copied: far quicker than pixel by pixel.
            let row = colour.repeat(self.width);
            self.pixels[y * row_bytes..(y + 1) * row_bytes].copy_from_slice(&row);
        }
    }

    fn px(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (
            self.origin.0 + x * self.scale,
            self.origin.1 + y * self.scale,
        )
    }

    pub fn disc(&mut self, centre: (f32, f32), r: f32, colour: Rgb) {
        self.ellipse(centre, r, r, colour, 1.0);
    }

    /// A filled ellipse; `alpha` below 1 gives soft shadows and highlights.
    pub fn ellipse(&mut self, centre: (f32, f32), rx: f32, ry: f32, colour: Rgb, alpha: f32) {
        let (cx, cy) = self.px(centre);
        let (rx, ry) = (rx * self.scale, ry * self.scale);
        let m = rx.min(ry);
        // Scaled distance: exact for a circle and never steeper than a true distance, which
        // is all the block test needs.
        self.paint(
            (cx - rx, cy - ry, cx + rx, cy + ry),
            colour,
            alpha,
            |x, y| {
                let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
                ((dx * dx + dy * dy).sqrt() - 1.0) * m
            },
        );
    }

    /// A circle outline of radius `r` (to the middle of the band) and the given thickness.
    pub fn ring(&mut self, centre: (f32, f32), r: f32, thickness: f32, colour: Rgb) {
        let (cx, cy) = self.px(centre);
        let (r, half) = (r * self.scale, thickness * self.scale / 2.0);
        let reach = r + half;
        self.paint(
            (cx - reach, cy - reach, cx + reach, cy + reach),
            colour,
            1.0,
            |x, y| (((x - cx).powi(2) + (y - cy).powi(2)).sqrt() - r).abs() - half,
        );
    }

    /// Part of a circle outline with round ends, from angle `from` to `to` in degrees
    /// (0 points right, 90 points down, as on screen).
    pub fn arc(
        &mut self,
        centre: (f32, f32),
        r: f32,
        thickness: f32,
        (from, to): (f32, f32),
        colour: Rgb,
    ) {
        let (cx, cy) = self.px(centre);
        let (r, half) = (r * self.scale, thickness * self.scale / 2.0);
        let (a0, a1) = (from.to_radians(), to.to_radians());
        let ends = [
            (cx + r * a0.cos(), cy + r * a0.sin()),
            (cx + r * a1.cos(), cy + r * a1.sin()),
        ];
        let mid = (a0 + a1) / 2.0;
        let span = (a1 - a0).abs() / 2.0;
        let reach = r + half;
        self.paint(
            (cx - reach, cy - reach, cx + reach, cy + reach),
            colour,
            1.0,
            |x, y| {
                let angle = (y - cy).atan2(x - cx);
                // How far the point's angle is from the arc's middle, wrapped to -pi..pi.
                let mut off = angle - mid;
                while off > std::f32::consts::PI {
                    off -= std::f32::consts::TAU;
                }
                while off < -std::f32::consts::PI {
                    off += std::f32::consts::TAU;
                }
                if off.abs() <= span {
                    (((x - cx).powi(2) + (y - cy).powi(2)).sqrt() - r).abs() - half
                } else {
                    ends.iter()
                        .map(|&(ex, ey)| ((x - ex).powi(2) + (y - ey).powi(2)).sqrt())
                        .fold(f32::MAX, f32::min)
                        - half
                }
            },
        );
    }

    /// A straight stroke with round ends.
    pub fn line(&mut self, a: (f32, f32), b: (f32, f32), thickness: f32, colour: Rgb) {
        let (ax, ay) = self.px(a);
        let (bx, by) = self.px(b);
        let half = thickness * self.scale / 2.0;
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = (dx * dx + dy * dy).max(1e-6);
        self.paint(
            (
                ax.min(bx) - half,
                ay.min(by) - half,
                ax.max(bx) + half,
                ay.max(by) + half,
            ),
            colour,
            1.0,
            |x, y| {
                let t = (((x - ax) * dx + (y - ay) * dy) / len2).clamp(0.0, 1.0);
                let (qx, qy) = (ax + t * dx - x, ay + t * dy - y);
                (qx * qx + qy * qy).sqrt() - half
            },
        );
    }

    /// An axis-aligned rectangle with corners rounded to `radius` (0 for square corners).
    pub fn rounded_rect(
        &mut self,
        (x, y): (f32, f32),
        (w, h): (f32, f32),
        radius: f32,
        colour: Rgb,
    ) {
        let (x0, y0) = self.px((x, y));
        let (w, h) = (w * self.scale, h * self.scale);
        let r = (radius * self.scale).min(w / 2.0).min(h / 2.0);
        let (cx, cy) = (x0 + w / 2.0, y0 + h / 2.0);
        let (hx, hy) = (w / 2.0 - r, h / 2.0 - r);
        self.paint((x0, y0, x0 + w, y0 + h), colour, 1.0, |px, py| {
            let qx = (px - cx).abs() - hx;
            let qy = (py - cy).abs() - hy;
            let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
            outside + qx.max(qy).min(0.0) - r
        });
    }

    pub fn rect(&mut self, corner: (f32, f32), size: (f32, f32), colour: Rgb) {
        self.rounded_rect(corner, size, 0.0, colour);
    }

    /// A filled convex polygon (points in either winding order).
    pub fn polygon(&mut self, points: &[(f32, f32)], colour: Rgb) {
        if points.len() < 3 {
            return;
        }
        let pts: Vec<(f32, f32)> = points.iter().map(|&p| self.px(p)).collect();
        let area: f32 = pts
            .iter()
            .zip(pts.iter().cycle().skip(1))
            .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
            .sum();
        let sign = if area >= 0.0 { 1.0 } else { -1.0 };
        // Each edge as a unit outward normal and offset: the largest signed distance to an
        // edge's line is the distance inside, and a safe under-estimate outside.
        let edges: Vec<(f32, f32, f32)> = pts
            .iter()
            .zip(pts.iter().cycle().skip(1))
            .map(|(a, b)| {
                let (ex, ey) = (b.0 - a.0, b.1 - a.1);
                let len = (ex * ex + ey * ey).sqrt().max(1e-6);
                let (nx, ny) = (sign * ey / len, -sign * ex / len);
                (nx, ny, nx * a.0 + ny * a.1)
            })
            .collect();
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(x, y) in &pts {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        self.paint((x0, y0, x1, y1), colour, 1.0, |x, y| {
            edges
                .iter()
                .map(|&(nx, ny, c)| nx * x + ny * y - c)
                .fold(f32::MIN, f32::max)
        });
    }

    /// Paints every pixel whose centre is inside the shape (`sdf` below zero, in pixels),
    /// blending a one-pixel edge for smooth outlines. `bbox` is in pixels.
    fn paint(
        &mut self,
        bbox: (f32, f32, f32, f32),
        colour: Rgb,
        alpha: f32,
        sdf: impl Fn(f32, f32) -> f32,
    ) {
        let clampx = |v: f32| (v.max(0.0) as usize).min(self.width);
        let clampy = |v: f32| (v.max(0.0) as usize).min(self.height);
        let (x0, x1) = (clampx(bbox.0 - 1.0), clampx(bbox.2 + 2.0));
        let (y0, y1) = (clampy(bbox.1 - 1.0), clampy(bbox.3 + 2.0));
        for by in (y0..y1).step_by(BLOCK) {
            let bh = BLOCK.min(y1 - by);
            for bx in (x0..x1).step_by(BLOCK) {
                let bw = BLOCK.min(x1 - bx);
                let (cx, cy) = (bx as f32 + bw as f32 / 2.0, by as f32 + bh as f32 / 2.0);
                let reach = (bw as f32).hypot(bh as f32) / 2.0 + 0.5;
                let d = sdf(cx, cy);
                if d >= reach {
                    continue;
                }
                let solid = d <= -reach;
                for y in by..by + bh {
                    for x in bx..bx + bw {
                        let cover = if solid {
                            1.0
                        } else {
                            (0.5 - sdf(x as f32 + 0.5, y as f32 + 0.5)).clamp(0.0, 1.0)
                        };
                        if cover > 0.0 {
                            self.blend(x, y, colour, cover * alpha);
                        }
                    }
                }
            }
        }
    }

    fn blend(&mut self, x: usize, y: usize, colour: Rgb, a: f32) {
        let i = (y * self.width + x) * 3;
        let px = &mut self.pixels[i..i + 3];
        if a >= 1.0 {
            px.copy_from_slice(&colour);
        } else {
            for c in 0..3 {
                px[c] = (f32::from(px[c]) * (1.0 - a) + f32::from(colour[c]) * a).round() as u8;
            }
        }
    }

    /// The picture as PNG bytes: lossless, so the flat colours stay clean when the photo
    /// intake re-encodes them.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(
                &self.pixels,
                self.width as u32,
                self.height as u32,
                image::ExtendedColorType::Rgb8,
            )
            .expect("encoding an in-memory PNG cannot fail");
        out
    }
}

/// A colour between `a` (t = 0) and `b` (t = 1).
pub fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| (f32::from(a[i]) * (1.0 - t) + f32::from(b[i]) * t).round() as u8)
}

/// The colour `t` of the way towards white (positive) or black (negative).
pub fn shade(c: Rgb, t: f32) -> Rgb {
    if t >= 0.0 {
        mix(c, [255, 255, 255], t)
    } else {
        mix(c, [0, 0, 0], -t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(c: &Canvas, x: usize, y: usize) -> Rgb {
        let i = (y * c.width + x) * 3;
        [c.pixels[i], c.pixels[i + 1], c.pixels[i + 2]]
    }

    #[test]
    fn a_disc_fills_its_middle_and_leaves_its_corners() {
        let mut c = Canvas::new(960, 720);
        c.disc((480.0, 360.0), 100.0, [200, 0, 0]);
        assert_eq!(pixel(&c, 480, 360), [200, 0, 0]);
        assert_eq!(pixel(&c, 390, 270), [255, 255, 255]);
        assert_eq!(pixel(&c, 579, 360), [200, 0, 0]);
    }

    #[test]
    fn a_ring_is_hollow_and_a_line_covers_its_path() {
        let mut c = Canvas::new(960, 720);
        c.ring((480.0, 360.0), 100.0, 10.0, [0, 0, 200]);
        assert_eq!(pixel(&c, 480, 360), [255, 255, 255]);
        assert_eq!(pixel(&c, 580, 360), [0, 0, 200]);
        c.line((100.0, 100.0), (300.0, 300.0), 12.0, [0, 150, 0]);
        assert_eq!(pixel(&c, 200, 200), [0, 150, 0]);
        assert_eq!(pixel(&c, 200, 260), [255, 255, 255]);
    }

    #[test]
    fn a_triangle_is_filled_whatever_its_winding() {
        for pts in [
            [(100.0, 600.0), (500.0, 600.0), (300.0, 200.0)],
            [(300.0, 200.0), (500.0, 600.0), (100.0, 600.0)],
        ] {
            let mut c = Canvas::new(960, 720);
            c.polygon(&pts, [10, 10, 10]);
            assert_eq!(pixel(&c, 300, 500), [10, 10, 10]);
            assert_eq!(pixel(&c, 120, 250), [255, 255, 255]);
        }
    }

    #[test]
    fn drawings_scale_to_the_canvas() {
        let mut c = Canvas::new(480, 360);
        c.rect((0.0, 0.0), (480.0, 360.0), [1, 2, 3]);
        assert_eq!(pixel(&c, 100, 100), [1, 2, 3]);
        assert_eq!(pixel(&c, 300, 300), [255, 255, 255]);
    }
}
