//! Photos for print: no image carries more than 200 dpi at the size it is printed.
//!
//! The store keeps three copies of each photo: the photo (at most 2,000 px), a print copy
//! sized for the photo box of an A4 page at 200 dpi, and a 320 px thumbnail. A copy that is
//! within 200 dpi at its printed size and has at least nine tenths of the pixels 200 dpi needs
//! goes into the PDF as it is: no decode, no encode, and no second generation of JPEG loss.
//! On A4 that is the print copy, so printing decodes nothing. Otherwise (an A5 booklet, large
//! print, a trust's own margins, a photo stored before print copies) the smallest copy with
//! enough pixels is resized (triangle filter) and re-encoded.

use super::PassportPhoto;
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
    /// No photo carries more than this many dots per inch at its printed size.
    pub max_dpi: f32,
}

impl Default for PhotoPolicy {
    fn default() -> Self {
        PhotoPolicy { max_dpi: 200.0 }
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
    photos: &'a HashMap<PhotoId, PassportPhoto>,
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
    let jobs: Vec<(PhotoId, &PassportPhoto, (f32, f32))> = largest
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
    stored: &'a PassportPhoto,
    w_pt: f32,
    h_pt: f32,
    policy: PhotoPolicy,
) -> Result<PrintImage<'a>> {
    let unreadable = || {
        Error::Pdf(format!(
            "photo {id} is not a readable JPEG: add the photo again"
        ))
    };
    let (width, height, _) = jpeg_info(&stored.jpeg).ok_or_else(unreadable)?;
    let (need_w, need_h) = (
        pixels_needed(w_pt, policy.max_dpi),
        pixels_needed(h_pt, policy.max_dpi),
    );
    // What the page can use: the pixels 200 dpi needs, or all the photo has.
    let (want_w, want_h) = (need_w.min(width), need_h.min(height));
    // The stored copies that decode as grey or RGB, largest first.
    let mut copies: Vec<(&'a [u8], u32, u32, u8)> =
        [&stored.jpeg, &stored.print, &stored.thumbnail]
            .into_iter()
            .filter_map(|bytes| {
                let (w, h, c) = jpeg_info(bytes)?;
                matches!(c, 1 | 3).then_some((bytes.as_slice(), w, h, c))
            })
            .collect();
    copies.sort_by_key(|&(_, w, h, _)| std::cmp::Reverse((w, h)));
    if let Some(&(bytes, w, h, components)) = copies
        .iter()
        .find(|&&(_, w, h, _)| w <= need_w && h <= need_h)
        && w * 10 >= want_w * 9
        && h * 10 >= want_h * 9
    {
        return Ok(PrintImage {
            jpeg: Cow::Borrowed(bytes),
            width: w,
            height: h,
            components,
        });
    }
    // Resize the smallest copy that still has the pixels needed: less to decode.
    let source = copies
        .iter()
        .rev()
        .find(|&&(_, w, h, _)| w >= want_w && h >= want_h)
        .map_or(stored.jpeg.as_slice(), |&(bytes, ..)| bytes);
    let img = image::load_from_memory_with_format(source, image::ImageFormat::Jpeg)
        .map_err(|_| unreadable())?
        .into_rgb8();
    // Keep the shape, within the pixels 200 dpi allows on both sides.
    let (w, h) =
        crate::media::fit_within(img.width(), img.height(), (need_w as f32, need_h as f32));
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

    fn jpeg(w: u32, h: u32) -> PassportPhoto {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        PassportPhoto {
            thumbnail: Vec::new(),
            print: Vec::new(),
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
    fn a_photo_a_little_over_200_dpi_is_resized_not_passed_through() {
        let id = PhotoId::new();
        // 440 px over 144 pt is 220 dpi.
        let photos = HashMap::from([(id, jpeg(440, 330))]);
        let prepared =
            prepare(&laid_out(id, 144.0, 108.0), &photos, PhotoPolicy::default()).unwrap();
        let p = &prepared[&id];
        assert!(matches!(p.jpeg, Cow::Owned(_)));
        assert_eq!((p.width, p.height), (400, 300));
    }

    #[test]
    fn the_print_copy_is_embedded_as_it_is_when_it_fits() {
        let id = PhotoId::new();
        let mut photo = jpeg(1600, 1200);
        photo.print = jpeg(400, 300).jpeg;
        let photos = HashMap::from([(id, photo)]);
        let prepared =
            prepare(&laid_out(id, 144.0, 108.0), &photos, PhotoPolicy::default()).unwrap();
        let p = &prepared[&id];
        assert!(matches!(p.jpeg, Cow::Borrowed(_)));
        assert_eq!(p.jpeg.as_ref(), photos[&id].print.as_slice());
        // Printed smaller, the print copy is too big: it is resized, never passed through.
        let prepared = prepare(&laid_out(id, 72.0, 54.0), &photos, PhotoPolicy::default()).unwrap();
        assert_eq!((prepared[&id].width, prepared[&id].height), (200, 150));
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
