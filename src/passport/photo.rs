//! Photos for print: each stored JPEG goes into the PDF untouched when it is no larger than
//! its printed size needs, and is otherwise resized (triangle filter) and re-encoded so that
//! no image carries more than 200 dpi at the size it is printed.
//!
//! Passing the stored bytes through matters twice: it costs nothing (no decode, no encode)
//! and it avoids a second generation of JPEG loss. The store has already normalised every
//! photo (upright, metadata stripped, at most 2,000 px), so the bytes are safe to embed.
//! Resizing is the slow part of printing (a few milliseconds a photo), so [`PhotoPolicy`]
//! lets the caller say how much over 200 dpi is still "not much larger".

use super::StoredPhoto;
use super::layout::LaidOut;
use super::page::{Element, ImageSource};
use crate::error::{Error, Result};
use crate::model::PhotoId;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

const JPEG_QUALITY: u8 = 85;

/// How photos are sized for print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhotoPolicy {
    /// A resized photo carries this many dots per inch at its printed size.
    pub max_dpi: f32,
    /// A stored photo whose resolution at its printed size is at most this is embedded as
    /// stored, without decoding or re-encoding.
    pub pass_through_dpi: f32,
}

impl Default for PhotoPolicy {
    /// Resize to 200 dpi, but embed as stored a photo up to a fifth over (240 dpi):
    /// resizing costs a decode, a resample and a re-encode (5 to 20 ms a photo) to save a
    /// few kilobytes, and the page layout is sized so that the app's usual 800 × 600 photos
    /// land within it on A4. Set `pass_through_dpi` to `max_dpi` for a strict 200 dpi.
    fn default() -> Self {
        PhotoPolicy {
            max_dpi: 200.0,
            pass_through_dpi: 240.0,
        }
    }
}

/// A JPEG ready to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintImage<'a> {
    pub jpeg: Cow<'a, [u8]>,
    pub width: u32,
    pub height: u32,
    /// 1 (grey) or 3 (RGB) colour components.
    pub components: u8,
}

/// Prepares every photo the pages show, by id (ordered, so output is deterministic).
pub fn prepare<'a>(
    laid: &LaidOut,
    photos: &'a HashMap<PhotoId, StoredPhoto>,
    policy: PhotoPolicy,
) -> Result<BTreeMap<PhotoId, PrintImage<'a>>> {
    // The largest size each photo is printed at, in points.
    let mut largest: BTreeMap<PhotoId, (f32, f32)> = BTreeMap::new();
    for page in &laid.pages {
        for e in &page.elements {
            if let Element::Image {
                w,
                h,
                source: ImageSource::Photo(id),
                ..
            } = e
            {
                let size = largest.entry(*id).or_insert((0.0, 0.0));
                size.0 = size.0.max(*w);
                size.1 = size.1.max(*h);
            }
        }
    }
    let jobs: Vec<(PhotoId, &StoredPhoto, (f32, f32))> = largest
        .into_iter()
        .filter_map(|(id, size)| photos.get(&id).map(|p| (id, p, size)))
        .collect();
    jobs.into_par_iter()
        .map(|(id, stored, (w_pt, h_pt))| Ok((id, for_print(id, stored, w_pt, h_pt, policy)?)))
        .collect()
}

/// Pixels needed for `points` at `dpi`.
pub fn pixels_needed(points: f32, dpi: f32) -> u32 {
    (points / 72.0 * dpi).ceil().max(1.0) as u32
}

fn for_print<'a>(
    id: PhotoId,
    stored: &'a StoredPhoto,
    w_pt: f32,
    h_pt: f32,
    policy: PhotoPolicy,
) -> Result<PrintImage<'a>> {
    let unreadable = || {
        Error::Pdf(format!(
            "photo {id} is not a readable JPEG: add the photo again"
        ))
    };
    let (width, height, components) = jpeg_info(&stored.jpeg).ok_or_else(unreadable)?;
    let (need_w, need_h) = (
        pixels_needed(w_pt, policy.max_dpi),
        pixels_needed(h_pt, policy.max_dpi),
    );
    let fits = |w: u32, h: u32| {
        w <= pixels_needed(w_pt, policy.pass_through_dpi)
            && h <= pixels_needed(h_pt, policy.pass_through_dpi)
    };
    if matches!(components, 1 | 3) && fits(width, height) {
        return Ok(PrintImage {
            jpeg: Cow::Borrowed(&stored.jpeg),
            width,
            height,
            components,
        });
    }
    // A photo printed small may be served by its stored thumbnail as it is, when that still
    // has the pixels 200 dpi needs.
    if let Some((tw, th, tc)) = jpeg_info(&stored.thumbnail)
        && matches!(tc, 1 | 3)
        && tw >= need_w.min(width)
        && th >= need_h.min(height)
        && fits(tw, th)
    {
        return Ok(PrintImage {
            jpeg: Cow::Borrowed(&stored.thumbnail),
            width: tw,
            height: th,
            components: tc,
        });
    }
    let img = image::load_from_memory_with_format(&stored.jpeg, image::ImageFormat::Jpeg)
        .map_err(|_| unreadable())?
        .into_rgb8();
    // Keep the shape: scale by whichever side needs the most pixels.
    let scale = (need_w as f32 / width as f32)
        .max(need_h as f32 / height as f32)
        .min(1.0);
    let w = ((width as f32 * scale).round() as u32).max(1);
    let h = ((height as f32 * scale).round() as u32).max(1);
    let resized = if (w, h) == (img.width(), img.height()) {
        img
    } else {
        super::resample::shrink(&img, w, h)
    };
    let jpeg = crate::media::encode_jpeg(&resized, JPEG_QUALITY)?;
    Ok(PrintImage {
        jpeg: Cow::Owned(jpeg),
        width: w,
        height: h,
        components: 3,
    })
}

/// Width, height and colour components from a JPEG's frame header, without decoding it.
pub fn jpeg_info(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // Start-of-frame markers (baseline, progressive ...), not DHT/JPG/DAC.
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let f = bytes.get(i + 4..i + 10)?;
            let height = u32::from(u16::from_be_bytes([f[1], f[2]]));
            let width = u32::from(u16::from_be_bytes([f[3], f[4]]));
            return (width > 0 && height > 0).then_some((width, height, f[5]));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passport::page::{Metrics, Page};

    fn jpeg(w: u32, h: u32) -> StoredPhoto {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        StoredPhoto {
            thumbnail: Vec::new(),
            jpeg: crate::media::encode_jpeg(&img, 80).unwrap(),
            width: w,
            height: h,
            sha256: String::new(),
        }
    }

    fn laid_out(id: PhotoId, w: f32, h: f32) -> LaidOut {
        let t = crate::passport::Template::for_audience(crate::passport::Audience::Family);
        let options = crate::passport::fixture::options(crate::passport::Audience::Family);
        LaidOut {
            pages: vec![Page {
                elements: vec![Element::Image {
                    x: 0.0,
                    y: 0.0,
                    w,
                    h,
                    radius: 0.0,
                    source: ImageSource::Photo(id),
                }],
                cover: false,
            }],
            metrics: Metrics::new(&t, &options),
            unprintable: Default::default(),
        }
    }

    #[test]
    fn frame_headers_give_the_size() {
        assert_eq!(jpeg_info(&jpeg(120, 80).jpeg), Some((120, 80, 3)));
        assert_eq!(jpeg_info(b"not a jpeg"), None);
    }

    #[test]
    fn a_photo_no_bigger_than_needed_passes_through_untouched() {
        let id = PhotoId::new();
        let photos = HashMap::from([(id, jpeg(400, 300))]);
        // 400 px at 200 dpi is 144 pt.
        let prepared =
            prepare(&laid_out(id, 144.0, 108.0), &photos, PhotoPolicy::default()).unwrap();
        let p = &prepared[&id];
        assert!(matches!(p.jpeg, Cow::Borrowed(_)));
        assert_eq!(p.jpeg.as_ref(), photos[&id].jpeg.as_slice());
    }

    #[test]
    fn a_large_photo_is_resized_to_200_dpi_at_its_printed_size() {
        let id = PhotoId::new();
        let photos = HashMap::from([(id, jpeg(1600, 1200))]);
        let prepared =
            prepare(&laid_out(id, 144.0, 108.0), &photos, PhotoPolicy::default()).unwrap();
        let p = &prepared[&id];
        assert_eq!((p.width, p.height), (400, 300));
        assert_eq!(jpeg_info(&p.jpeg), Some((400, 300, 3)));
    }

    #[test]
    fn a_damaged_photo_is_an_error_naming_its_id() {
        let id = PhotoId::new();
        let mut bad = jpeg(10, 10);
        bad.jpeg.truncate(3);
        let photos = HashMap::from([(id, bad)]);
        let e = prepare(&laid_out(id, 100.0, 100.0), &photos, PhotoPolicy::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(&id.to_string()), "{e}");
    }
}
