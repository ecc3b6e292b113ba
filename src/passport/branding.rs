//! The organisation a passport comes from: its name, contact lines, colours and logo.

use crate::error::{Error, Result};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// Parses `#RRGGBB`.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.trim().strip_prefix('#')?;
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour(byte(0)?, byte(2)?, byte(4)?))
    }
}

/// The colours of a passport. The defaults follow the NHS identity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Palette {
    /// Headings, bands and step numbers (NHS Blue #005EB8).
    pub primary: Colour,
    /// Body text (#212B32).
    pub text: Colour,
    /// Labels and captions (#4C6272).
    pub secondary: Colour,
    /// Tinted panels (#F0F4F5).
    pub panel: Colour,
    /// Rules and table borders (#D8DDE0).
    pub border: Colour,
    /// Overdue and not-safe warnings (#D5281B).
    pub danger: Colour,
    /// Due-soon and awaiting-repair notices (#FFB81C).
    pub caution: Colour,
    /// "Do" lists (#007F3B).
    pub success: Colour,
}

/// A logo ready to print: pixels flattened on white, as RGB rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub rgb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The organisation the passport comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    pub organisation: String,
    /// Lines printed under the organisation on the cover (address, phone, website).
    pub contact_lines: Vec<String>,
    pub palette: Palette,
    /// The logo's file name as the template gives it (relative to the template).
    pub logo_file: Option<String>,
    pub logo: Option<Logo>,
}

impl Logo {
    /// Decodes a PNG logo, flattening transparency onto white (as it will sit on paper) and
    /// scaling it down to 600 px wide, which is 250 dpi at the 60 mm it prints at most.
    pub fn from_png(png: &[u8]) -> Result<Logo> {
        let img = image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .map_err(|e| Error::Pdf(format!("the logo is not a readable PNG ({e})")))?;
        let img = if img.width() > 600 {
            img.resize(600, 600, image::imageops::FilterType::Triangle)
        } else {
            img
        };
        let rgba = img.into_rgba8();
        let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
        for px in rgba.pixels() {
            let a = u32::from(px[3]);
            for c in 0..3 {
                rgb.push(((u32::from(px[c]) * a + 255 * (255 - a)) / 255) as u8);
            }
        }
        Ok(Logo {
            rgb,
            width: rgba.width(),
            height: rgba.height(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passport::{Audience, Template};

    #[test]
    fn colours_parse_from_hex() {
        assert_eq!(Colour::parse("#005EB8"), Some(Colour(0, 94, 184)));
        assert_eq!(Colour::parse("005EB8"), None);
        assert_eq!(Colour::parse("#05EB8"), None);
    }

    #[test]
    fn a_png_logo_is_flattened_to_rgb() {
        let img = image::RgbaImage::from_pixel(4, 2, image::Rgba([0, 94, 184, 0]));
        let mut png = Vec::new();
        image::DynamicImage::ImageRgba8(img)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let t = Template::for_audience(Audience::School)
            .with_logo_png(&png)
            .unwrap();
        let logo = t.branding.logo.unwrap();
        assert_eq!((logo.width, logo.height), (4, 2));
        assert_eq!(
            &logo.rgb[..3],
            &[255, 255, 255],
            "transparent becomes white"
        );
    }
}
