//! Cartoon avatars for the demo children: a face in a coloured circle, friendly and plainly
//! not a photo of anyone.

use super::canvas::{Canvas, GRID_H, GRID_W, Rgb, mix, shade};
use super::rng::Rng;

/// How a child's cartoon avatar is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Index into a range of skin tones, lightest first.
    pub skin: usize,
    pub hair: Hair,
    pub hair_colour: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hair {
    Short,
    Long,
    Curly,
    Puffs,
    Headscarf,
    Cropped,
}

const SKINS: &[Rgb] = &[
    [250, 222, 200],
    [240, 200, 168],
    [222, 176, 136],
    [190, 140, 100],
    [150, 100, 68],
    [106, 70, 48],
];

const HAIR: &[Rgb] = &[
    [36, 30, 28],
    [92, 60, 36],
    [176, 120, 60],
    [220, 184, 110],
    [150, 60, 40],
    // Headscarf colours.
    [70, 120, 170],
    [160, 70, 110],
];

/// A PNG avatar: a face in a coloured circle, friendly and deliberately unlike a photo.
pub fn portrait(look: Look, rng: &mut Rng, width: u32, height: u32) -> Vec<u8> {
    const CIRCLES: &[Rgb] = &[
        [120, 180, 220],
        [150, 200, 140],
        [240, 190, 110],
        [200, 160, 220],
        [240, 150, 140],
    ];
    const TOPS: &[Rgb] = &[
        [40, 90, 160],
        [200, 70, 70],
        [40, 140, 110],
        [240, 170, 40],
        [110, 80, 160],
    ];
    let circle = *rng.pick(CIRCLES);
    let top = *rng.pick(TOPS);
    let skin = SKINS[look.skin % SKINS.len()];
    let hair = HAIR[look.hair_colour % HAIR.len()];
    let mut c = Canvas::new(width, height);
    // Fill the picture's shorter side with the 720-unit-high circle, whatever its shape.
    let fitted = (width as f32 / GRID_W).min(height as f32 / GRID_H);
    let wanted = width.min(height) as f32 / GRID_H;
    c.zoom_on((480.0, 360.0), wanted / fitted);
    c.gradient(shade(circle, 0.7), shade(circle, 0.55));
    c.disc((480.0, 360.0), 340.0, circle);
    c.ellipse((480.0, 720.0), 250.0, 180.0, top, 1.0);
    match look.hair {
        Hair::Long => c.rounded_rect((330.0, 200.0), (300.0, 340.0), 130.0, hair),
        Hair::Headscarf => {
            c.ellipse((480.0, 560.0), 200.0, 110.0, hair, 1.0);
            c.disc((480.0, 330.0), 188.0, hair);
        }
        _ => {}
    }
    c.rounded_rect((440.0, 450.0), (80.0, 110.0), 30.0, shade(skin, -0.12));
    if look.hair != Hair::Headscarf {
        c.disc((348.0, 350.0), 28.0, skin);
        c.disc((612.0, 350.0), 28.0, skin);
    }
    c.ellipse((480.0, 345.0), 132.0, 150.0, skin, 1.0);
    match look.hair {
        Hair::Short | Hair::Long => {
            c.ellipse((480.0, 232.0), 142.0, 72.0, hair, 1.0);
            c.ellipse((420.0, 250.0), 70.0, 40.0, hair, 1.0);
        }
        Hair::Curly => {
            for i in 0..9 {
                let a = (190.0 + i as f32 * 20.0).to_radians();
                c.disc(
                    (480.0 + a.cos() * 128.0, 300.0 + a.sin() * 110.0),
                    44.0,
                    hair,
                );
            }
        }
        Hair::Puffs => {
            c.disc((335.0, 215.0), 72.0, hair);
            c.disc((625.0, 215.0), 72.0, hair);
            c.ellipse((480.0, 228.0), 134.0, 58.0, hair, 1.0);
        }
        Hair::Cropped => c.ellipse((480.0, 222.0), 128.0, 48.0, hair, 1.0),
        Hair::Headscarf => c.arc((480.0, 345.0), 150.0, 26.0, (180.0, 360.0), hair),
    }
    let eye = [44, 36, 34];
    for x in [430.0, 530.0] {
        c.disc((x, 345.0), 15.0, eye);
        c.disc((x + 5.0, 340.0), 5.0, [255, 255, 255]);
        c.line((x - 20.0, 306.0), (x + 20.0, 302.0), 8.0, shade(hair, -0.2));
        c.ellipse(
            (x + if x < 480.0 { -25.0 } else { 25.0 }, 400.0),
            26.0,
            16.0,
            [236, 120, 120],
            0.3,
        );
    }
    c.line((480.0, 360.0), (472.0, 392.0), 7.0, shade(skin, -0.25));
    c.arc(
        (480.0, 385.0),
        52.0,
        10.0,
        (30.0, 150.0),
        mix(skin, [150, 50, 60], 0.7),
    );
    c.png()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::GenericImageView;

    #[test]
    fn portraits_decode_at_the_size_asked_for() {
        let mut rng = Rng::new(9);
        for (i, hair) in [
            Hair::Short,
            Hair::Long,
            Hair::Curly,
            Hair::Puffs,
            Hair::Headscarf,
            Hair::Cropped,
        ]
        .into_iter()
        .enumerate()
        {
            let look = Look {
                skin: i,
                hair,
                hair_colour: i,
            };
            let png = portrait(look, &mut rng, 600, 600);
            let img = image::load_from_memory(&png).unwrap();
            assert_eq!(img.dimensions(), (600, 600));
        }
    }
}
