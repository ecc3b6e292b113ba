//! Photo files for tests, built byte by byte where the test needs something a normal encoder
//! will not write: EXIF orientation and GPS tags, a truncated file, a decompression bomb.

use image::{ImageFormat, Rgb, RgbImage};
use std::io::Cursor;

/// A landscape test card: red left half, blue right half, so rotation is visible in pixels.
pub fn card(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 30, 30])
        } else {
            Rgb([30, 30, 220])
        }
    })
}

pub fn encode(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encode(&card(width, height), ImageFormat::Jpeg)
}

/// A phone-like JPEG: an APP1 Exif segment saying "rotate 90° clockwise to view" and carrying a
/// GPS position (52.4862 N, 1.8904 W) and a camera make, inserted after the SOI marker.
pub fn jpeg_with_exif_rotation_and_gps(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    let tiff = exif_tiff();
    let mut segment = Vec::new();
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    let len = (segment.len() + 2) as u16;
    let mut out = Vec::new();
    out.extend_from_slice(&plain[..2]); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&plain[2..]);
    out
}

/// The marker text every test can look for in the output to prove metadata was dropped.
pub const CAMERA_MAKE: &[u8] = b"TestPhoneMaker";

/// A big-endian TIFF header with IFD0 {Make, Orientation = 6, GPS IFD pointer} and a GPS IFD
/// {latitude ref N, latitude, longitude ref W, longitude}.
fn exif_tiff() -> Vec<u8> {
    let mut t: Vec<u8> = Vec::new();
    t.extend_from_slice(b"MM\0\x2A\0\0\0\x08");
    // IFD0 at 8: 3 entries (12 bytes each) + next-IFD offset.
    let ifd0_len = 2 + 3 * 12 + 4;
    let make_offset = 8 + ifd0_len;
    let make = [CAMERA_MAKE, b"\0"].concat();
    let gps_offset = make_offset + make.len();
    let entry = |t: &mut Vec<u8>, tag: u16, typ: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&typ.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    t.extend_from_slice(&3u16.to_be_bytes());
    entry(
        &mut t,
        0x010F,
        2,
        make.len() as u32,
        (make_offset as u32).to_be_bytes(),
    );
    entry(&mut t, 0x0112, 3, 1, [0, 6, 0, 0]);
    entry(&mut t, 0x8825, 4, 1, (gps_offset as u32).to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(&make);
    // GPS IFD: 4 entries, then two rationals x3 for latitude and longitude.
    let gps_ifd_len = 2 + 4 * 12 + 4;
    let lat_offset = gps_offset + gps_ifd_len;
    let lon_offset = lat_offset + 24;
    t.extend_from_slice(&4u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, 5, 3, (lat_offset as u32).to_be_bytes());
    entry(&mut t, 0x0003, 2, 2, *b"W\0\0\0");
    entry(&mut t, 0x0004, 5, 3, (lon_offset as u32).to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    for (num, den) in [
        (52u32, 1u32),
        (29, 1),
        (1032, 100),
        (1, 1),
        (53, 1),
        (2544, 100),
    ] {
        t.extend_from_slice(&num.to_be_bytes());
        t.extend_from_slice(&den.to_be_bytes());
    }
    t
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// A PNG whose header claims 10,000 x 10,000 pixels (100 megapixels) but holds almost no
/// data: what a decompression bomb looks like before it is opened.
pub fn png_bomb_100_megapixels() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&10_000u32.to_be_bytes());
    ihdr.extend_from_slice(&10_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    png_chunk(&mut out, b"IEND", &[]);
    out
}

/// A PNG with a text chunk naming where it was taken, and an alpha channel.
pub fn png_with_text_and_alpha(width: u32, height: u32) -> Vec<u8> {
    let rgba = image::RgbaImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            image::Rgba([0, 128, 0, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut plain = Cursor::new(Vec::new());
    rgba.write_to(&mut plain, ImageFormat::Png).unwrap();
    let plain = plain.into_inner();
    // Insert a tEXt chunk straight after IHDR (8-byte signature + 25-byte IHDR chunk).
    let mut out = plain[..33].to_vec();
    png_chunk(
        &mut out,
        b"tEXt",
        b"Location\0Home of the family, 12 Acacia Avenue",
    );
    out.extend_from_slice(&plain[33..]);
    out
}

/// The first bytes of an iPhone HEIC photo.
pub fn heic_header() -> Vec<u8> {
    let mut out = vec![0, 0, 0, 0x18];
    out.extend_from_slice(b"ftypheic");
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(b"mif1heic");
    out.extend(std::iter::repeat_n(0u8, 200));
    out
}
