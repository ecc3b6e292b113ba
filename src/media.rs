//! Photo intake. Every photo is decoded, turned upright by its EXIF orientation, stripped of
//! all metadata (a phone photo can carry the family's GPS position) by re-encoding the pixels
//! alone, scaled so its long edge is at most 2,000 px, and stored as a JPEG with a 320 px
//! thumbnail and a print copy (the size an A4 passport prints it at 200 dpi, so printing
//! embeds it as it is, see [`PrintBox`]). Anything else is refused with a message saying
//! what to do, before anything is written.

use crate::error::{Error, Result};
use crate::passport::resample::shrink;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// Longest edge of a stored photo: enough for a half-page photo at 200 dpi and more.
pub const MAX_EDGE: u32 = 2_000;
/// Longest edge of a thumbnail.
pub const THUMBNAIL_EDGE: u32 = 320;
/// Where a photo is printed, which sets the size of the print copy the intake makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintBox {
    /// Equipment photos, gallery photos and set-up steps' photos: half the text width of an
    /// A4 page, four fifths as high (246.5 × 197.2 pt).
    Equipment,
    /// The child's photo on the cover: 191.7 pt wide, up to 80 mm high.
    Child,
}

impl PrintBox {
    /// The box at 200 dpi, in pixels. The passport layout's tests check that its boxes are
    /// these sizes.
    pub fn pixels(self) -> (f32, f32) {
        match self {
            PrintBox::Equipment => (684.8, 547.8),
            PrintBox::Child => (532.5, 629.8),
        }
    }
}

/// Largest photo accepted, in pixels: above any phone camera's normal output, well below the
/// size of a decompression bomb.
pub const MAX_PIXELS: u64 = 64_000_000;
/// Longest side accepted, in pixels: longer than any camera's photo short of a panorama. It
/// bounds the scaling's working buffers, which grow with a side rather than with the area.
pub const MAX_SIDE: u32 = 20_000;
/// Largest file accepted.
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;
const JPEG_QUALITY: u8 = 85;
const THUMBNAIL_QUALITY: u8 = 80;

/// A photo ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalisedPhoto {
    pub jpeg: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// SHA-256 of `jpeg`, hex: lets the passport register tell when a photo changed.
    pub sha256: String,
    /// The photo scaled to fit its [`PrintBox`]; empty when the photo is no larger.
    pub print: Vec<u8>,
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Jpeg,
    Png,
    WebP,
    /// Recognised but not accepted, with the name people know it by.
    Unsupported(&'static str),
    Unknown,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Sniffed::WebP
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        match &bytes[8..12] {
            b"avif" | b"avis" => Sniffed::Unsupported("AVIF"),
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Sniffed::Unsupported("HEIC")
            }
            _ => Sniffed::Unknown,
        }
    } else if bytes.starts_with(b"GIF8") {
        Sniffed::Unsupported("GIF")
    } else if bytes.starts_with(b"BM") {
        Sniffed::Unsupported("BMP")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Sniffed::Unsupported("TIFF")
    } else if bytes.starts_with(b"%PDF") {
        Sniffed::Unsupported("PDF")
    } else {
        Sniffed::Unknown
    }
}

/// Checks, decodes and normalises a photo of equipment.
pub fn normalise(bytes: &[u8]) -> Result<NormalisedPhoto> {
    normalise_for(bytes, PrintBox::Equipment)
}

/// Checks, decodes and normalises a photo file's bytes, with a print copy for `place`.
pub fn normalise_for(bytes: &[u8], place: PrintBox) -> Result<NormalisedPhoto> {
    if bytes.is_empty() {
        return Err(Error::Image(
            "the file is empty (0 bytes): choose the photo again, or copy it to this computer again".into(),
        ));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Image(format!(
            "the file is {} MB, more than the {} MB the app accepts: save a smaller copy of the photo",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let format = match sniff(bytes) {
        Sniffed::Jpeg => ImageFormat::Jpeg,
        Sniffed::Png => ImageFormat::Png,
        Sniffed::WebP => ImageFormat::WebP,
        Sniffed::Unsupported(name) => {
            return Err(Error::Image(format!(
                "{name} photos are not supported: export the photo as JPEG (or PNG) and add that instead"
            )));
        }
        Sniffed::Unknown => {
            return Err(Error::Image(
                "this file is not a photo the app can read: choose a JPEG, PNG or WebP image"
                    .into(),
            ));
        }
    };
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(damaged());
    }
    let pixels = decode_upright(bytes, format)?;
    let (width, height) = fitted(pixels.width(), pixels.height(), MAX_EDGE);
    let main = if (width, height) == (pixels.width(), pixels.height()) {
        pixels
    } else {
        image::imageops::resize(&pixels, width, height, FilterType::Lanczos3)
    };
    let (tw, th) = fitted(width, height, THUMBNAIL_EDGE);
    // Encoding is most of the work; the three copies are encoded side by side.
    let ((jpeg, thumbnail), print) = rayon::join(
        || {
            rayon::join(
                || encode_jpeg(&main, JPEG_QUALITY),
                || encode_jpeg(&shrink(&main, tw, th), THUMBNAIL_QUALITY),
            )
        },
        || print_copy(&main, place),
    );
    let (jpeg, thumbnail, print) = (jpeg?, thumbnail?, print?);
    let sha256 = hex(&Sha256::digest(&jpeg));
    Ok(NormalisedPhoto {
        jpeg,
        thumbnail,
        width,
        height,
        sha256,
        print,
    })
}

/// The size of a photo's print copy: scaled to fit `place`'s box at 200 dpi.
pub fn print_size(w: u32, h: u32, place: PrintBox) -> (u32, u32) {
    fit_within(w, h, place.pixels())
}

/// A `w` × `h` image scaled down, in proportion, to fit a box of `bw` × `bh` pixels,
/// rounding down so that it never has more pixels than the box; unchanged when it fits
/// already, and never less than 1 px a side.
pub fn fit_within(w: u32, h: u32, (bw, bh): (f32, f32)) -> (u32, u32) {
    let scale = (bw / w.max(1) as f32).min(bh / h.max(1) as f32);
    if scale >= 1.0 {
        return (w, h);
    }
    let side = |v: u32| ((v as f32 * scale).floor() as u32).max(1);
    (side(w), side(h))
}

/// The print copy of a normalised photo's pixels (empty when the photo is no larger).
pub fn print_copy(main: &RgbImage, place: PrintBox) -> Result<Vec<u8>> {
    let (w, h) = print_size(main.width(), main.height(), place);
    if (w, h) == (main.width(), main.height()) {
        return Ok(Vec::new());
    }
    encode_jpeg(&shrink(main, w, h), JPEG_QUALITY)
}

/// The print copy of a photo already stored, from its normalised JPEG: for photos stored
/// before print copies were kept (schema version 5).
pub fn print_copy_of_stored(jpeg: &[u8], place: PrintBox) -> Result<Vec<u8>> {
    let pixels = image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg)
        .map_err(|e| Error::Image(format!("the stored photo could not be read: {e}")))?
        .to_rgb8();
    print_copy(&pixels, place)
}

fn damaged() -> Error {
    Error::Image(
        "the photo file is damaged or incomplete (it may not have finished copying): copy it again and retry".into(),
    )
}

/// A JPEG's compressed data can never contain the end marker FF D9 (an FF there is always
/// followed by 00 or a restart marker), so a file whose last scan has no FF D9 after it was
/// cut short. Decoders often paint the missing part grey rather than fail.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    let last_end = bytes.windows(2).rposition(|w| w == [0xFF, 0xD9]);
    matches!((last_scan, last_end), (Some(scan), Some(end)) if end > scan)
}

/// A photo refused by the decoder's limits is too large, not damaged: say so.
fn unreadable(e: image::ImageError) -> Error {
    match e {
        image::ImageError::Limits(_) => Error::Image(
            "this photo is too large to open safely: save a smaller copy and add that".into(),
        ),
        _ => damaged(),
    }
}

fn decode_upright(bytes: &[u8], format: ImageFormat) -> Result<RgbImage> {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    // The size is read with the memory limit alone: the decoders report a side over the
    // limit as an error, which would hide the size the message below gives.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits.clone());
    let (w, h) = reader.into_dimensions().map_err(unreadable)?;
    if w.max(h) > MAX_SIDE {
        return Err(Error::Image(format!(
            "the photo is {w} × {h} pixels; photos may be at most {MAX_SIDE} pixels on a side: save a smaller copy (or crop it) and add that"
        )));
    }
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    let megapixels = u64::from(w) * u64::from(h);
    if megapixels > MAX_PIXELS {
        return Err(Error::Image(format!(
            "this photo is {w} x {h} pixels ({} megapixels), more than the {} megapixels the app accepts: save a smaller copy and add that",
            megapixels / 1_000_000,
            MAX_PIXELS / 1_000_000
        )));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    // A photo whose orientation tag cannot be read is shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    img.apply_orientation(orientation);
    Ok(flatten_on_white(img))
}

/// Transparent parts (PNG, WebP) become white, as on paper.
fn flatten_on_white(img: DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.into_rgb8();
    }
    let rgba = img.into_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src[3]);
        for c in 0..3 {
            dst[c] = ((u32::from(src[c]) * a + 255 * (255 - a)) / 255) as u8;
        }
    }
    out
}

/// Scales (w, h) down so the long edge is at most `edge`, keeping the shape.
pub fn fitted(w: u32, h: u32, edge: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= edge {
        return (w, h);
    }
    let scale = f64::from(edge) / f64::from(long);
    let fit = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (fit(w), fit(h))
}

/// Encodes pixels as a baseline JPEG carrying no metadata at all.
pub fn encode_jpeg(img: &RgbImage, quality: u8) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .map_err(|e| Error::Image(format!("could not save the photo: {e}")))?;
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_keeps_the_shape_and_never_enlarges() {
        assert_eq!(fitted(4000, 3000, 2000), (2000, 1500));
        assert_eq!(fitted(3000, 4000, 320), (240, 320));
        assert_eq!(fitted(800, 600, 2000), (800, 600));
        assert_eq!(fitted(10_000, 1, 2000), (2000, 1));
    }

    #[test]
    fn sniffing_names_formats_people_know() {
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Sniffed::Unsupported("HEIC")
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypmif1\0\0\0\0"),
            Sniffed::Unsupported("HEIC")
        );
        assert_eq!(sniff(b"GIF89a"), Sniffed::Unsupported("GIF"));
        assert_eq!(sniff(b"hello, world"), Sniffed::Unknown);
    }

    #[test]
    fn a_jpeg_without_its_end_marker_is_incomplete() {
        let img = RgbImage::from_pixel(64, 64, image::Rgb([200, 30, 30]));
        let jpeg = encode_jpeg(&img, 85).unwrap();
        assert!(jpeg_is_complete(&jpeg));
        assert!(!jpeg_is_complete(&jpeg[..jpeg.len() / 2]));
    }
}
