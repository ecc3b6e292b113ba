//! The demo's equipment photos, drawn rather than taken: a friendly pictogram of each piece of
//! equipment, whole, close up, or with the part a set-up step talks about ringed. Nothing here
//! looks like a real product.

use super::canvas::{Canvas, Rgb, shade};
use super::pictograms;
use super::rng::Rng;

/// Which drawing to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    ManualChair,
    PoweredChair,
    Buggy,
    Seat,
    FloorSeat,
    Stander,
    Walker,
    GaitTrainer,
    MobileHoist,
    CeilingHoist,
    Sling,
    BathSeat,
    ShowerChair,
    Toilet,
    Bed,
    Afo,
    HandSplint,
    CarSeat,
    Vest,
    Slope,
    Tray,
    Mount,
}

/// The colours of one item: frames, upholstery and straps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub frame: Rgb,
    pub fabric: Rgb,
    pub accent: Rgb,
}

impl Palette {
    /// Colours manufacturers really offer: bright frames for children, dark or cheerful
    /// upholstery, straps that stand out so staff can find them.
    pub fn pick(rng: &mut Rng) -> Self {
        const FRAMES: &[Rgb] = &[
            [41, 98, 170],
            [0, 132, 128],
            [122, 72, 160],
            [200, 62, 52],
            [40, 140, 80],
            [226, 128, 30],
            [60, 66, 78],
        ];
        const FABRICS: &[Rgb] = &[
            [52, 60, 78],
            [70, 84, 110],
            [36, 110, 140],
            [96, 60, 110],
            [64, 70, 70],
        ];
        const ACCENTS: &[Rgb] = &[
            [242, 186, 40],
            [230, 96, 60],
            [60, 170, 210],
            [120, 190, 80],
            [220, 90, 150],
        ];
        Self {
            frame: *rng.pick(FRAMES),
            fabric: *rng.pick(FABRICS),
            accent: *rng.pick(ACCENTS),
        }
    }
}

/// The colour a sling maker's size code names, for drawing the sling's size tab.
pub fn colour_code(name: &str) -> Option<Rgb> {
    match name {
        "Red" => Some([214, 64, 58]),
        "Yellow" => Some([244, 196, 48]),
        "Green" => Some([72, 164, 92]),
        "Blue" => Some([60, 120, 200]),
        "Purple" => Some([130, 80, 170]),
        _ => None,
    }
}

/// What the photo shows of the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Whole,
    /// Magnified on one named part (index into the drawing's parts).
    CloseUp(usize),
    /// The whole item with one part ringed, for a set-up step.
    Ringed(usize),
}

/// The named parts of a drawing, for captions.
pub fn part_names(picture: Picture) -> Vec<&'static str> {
    parts(picture).iter().map(|(name, _)| *name).collect()
}

/// The named parts of each drawing, for close-ups and set-up step photos.
pub(super) fn parts(picture: Picture) -> &'static [(&'static str, (f32, f32))] {
    use Picture::*;
    match picture {
        ManualChair => &[
            ("brakes", (445.0, 425.0)),
            ("footplate", (285.0, 595.0)),
            ("push handles", (700.0, 215.0)),
            ("rear wheel", (580.0, 470.0)),
        ],
        PoweredChair => &[
            ("joystick", (395.0, 335.0)),
            ("battery box", (500.0, 545.0)),
            ("footplate", (275.0, 600.0)),
            ("headrest", (650.0, 175.0)),
        ],
        Buggy => &[
            ("harness", (520.0, 360.0)),
            ("brakes", (640.0, 600.0)),
            ("hood", (590.0, 230.0)),
            ("handle", (700.0, 200.0)),
        ],
        Seat => &[
            ("harness", (515.0, 380.0)),
            ("footplate", (345.0, 585.0)),
            ("headrest", (600.0, 195.0)),
            ("castor brakes", (340.0, 635.0)),
        ],
        FloorSeat => &[
            ("pelvic belt", (480.0, 510.0)),
            ("backrest", (605.0, 420.0)),
            ("base", (480.0, 585.0)),
        ],
        Stander => &[
            ("chest strap", (495.0, 315.0)),
            ("knee block", (505.0, 500.0)),
            ("castor brakes", (680.0, 630.0)),
            ("tray", (400.0, 310.0)),
        ],
        Walker => &[
            ("handgrips", (650.0, 322.0)),
            ("rear brakes", (640.0, 605.0)),
            ("front wheels", (300.0, 605.0)),
        ],
        GaitTrainer => &[
            ("handgrips", (650.0, 322.0)),
            ("rear brakes", (640.0, 605.0)),
            ("front wheels", (300.0, 605.0)),
            ("saddle", (480.0, 440.0)),
        ],
        MobileHoist => &[
            ("emergency lowering button", (620.0, 470.0)),
            ("spreader bar hooks", (350.0, 330.0)),
            ("castor brakes", (630.0, 640.0)),
            ("handset", (575.0, 410.0)),
        ],
        CeilingHoist => &[
            ("emergency lowering cord", (420.0, 300.0)),
            ("handset", (605.0, 385.0)),
            ("spreader bar", (480.0, 330.0)),
            ("track and motor", (480.0, 150.0)),
        ],
        Sling => &[
            ("loops", (205.0, 230.0)),
            ("label", (665.0, 435.0)),
            ("colour tab", (480.0, 485.0)),
            ("leg straps", (395.0, 330.0)),
        ],
        BathSeat => &[
            ("recline lock", (640.0, 470.0)),
            ("straps", (560.0, 400.0)),
            ("suction feet", (450.0, 500.0)),
        ],
        ShowerChair => &[
            ("brakes", (640.0, 620.0)),
            ("tilt handle", (660.0, 235.0)),
            ("commode pan", (480.0, 490.0)),
            ("lap strap", (500.0, 410.0)),
        ],
        Toilet => &[
            ("seat reducer", (500.0, 435.0)),
            ("footstep", (310.0, 600.0)),
            ("armrests", (360.0, 380.0)),
            ("back support", (625.0, 370.0)),
        ],
        Bed => &[
            ("knee roll", (320.0, 390.0)),
            ("side supports", (450.0, 395.0)),
            ("pillow", (715.0, 400.0)),
        ],
        Afo => &[
            ("calf strap", (495.0, 235.0)),
            ("ankle strap", (495.0, 415.0)),
            ("foot plate", (380.0, 495.0)),
        ],
        HandSplint => &[
            ("wrist strap", (480.0, 455.0)),
            ("thumb piece", (320.0, 360.0)),
            ("finger strap", (485.0, 245.0)),
        ],
        CarSeat => &[
            ("harness buckle", (440.0, 480.0)),
            ("headrest", (570.0, 225.0)),
            ("recline handle", (360.0, 525.0)),
        ],
        Vest => &[
            ("buckle", (480.0, 360.0)),
            ("shoulder anchors", (420.0, 120.0)),
            ("side straps", (390.0, 440.0)),
        ],
        Slope => &[
            ("paper clip", (700.0, 455.0)),
            ("non-slip feet", (400.0, 612.0)),
        ],
        Tray => &[
            ("brackets", (300.0, 440.0)),
            ("raised edge", (480.0, 380.0)),
        ],
        Mount => &[
            ("clamp", (600.0, 590.0)),
            ("quick release", (600.0, 300.0)),
            ("device", (400.0, 225.0)),
        ],
    }
}

/// A soft background colour per kind of equipment, so a gallery reads at a glance.
fn backdrop(picture: Picture) -> Rgb {
    use Picture::*;
    match picture {
        ManualChair | PoweredChair | Buggy => [214, 232, 246],
        Seat | FloorSeat => [236, 228, 246],
        Stander | Walker | GaitTrainer => [222, 240, 224],
        MobileHoist | CeilingHoist | Sling => [250, 236, 214],
        BathSeat | ShowerChair | Toilet => [214, 238, 240],
        Bed => [232, 230, 248],
        Afo | HandSplint => [248, 230, 232],
        CarSeat | Vest => [238, 238, 226],
        Slope | Tray | Mount => [244, 240, 222],
    }
}

/// A PNG of the item, `width` x `height` pixels.
pub fn equipment(
    picture: Picture,
    palette: &Palette,
    view: View,
    width: u32,
    height: u32,
) -> Vec<u8> {
    let parts = parts(picture);
    let mut c = Canvas::new(width, height);
    let bg = backdrop(picture);
    c.gradient(shade(bg, 0.45), bg);
    match view {
        View::CloseUp(i) => c.zoom_on(parts[i % parts.len()].1, 2.2),
        // Fill the frame a little more than the design grid does, as a photographer would.
        _ => c.zoom_on((480.0, 380.0), 1.12),
    }
    c.rect((-2000.0, 655.0), (5000.0, 2000.0), shade(bg, -0.08));
    c.ellipse((480.0, 652.0), 330.0, 22.0, [0, 0, 0], 0.10);
    pictograms::draw(&mut c, picture, palette);
    if let View::Ringed(i) = view {
        let at = parts[i % parts.len()].1;
        c.ring(at, 62.0, 14.0, [255, 255, 255]);
        c.ring(at, 62.0, 8.0, [255, 184, 0]);
    }
    c.png()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::GenericImageView;

    const EVERY: &[Picture] = &[
        Picture::ManualChair,
        Picture::PoweredChair,
        Picture::Buggy,
        Picture::Seat,
        Picture::FloorSeat,
        Picture::Stander,
        Picture::Walker,
        Picture::GaitTrainer,
        Picture::MobileHoist,
        Picture::CeilingHoist,
        Picture::Sling,
        Picture::BathSeat,
        Picture::ShowerChair,
        Picture::Toilet,
        Picture::Bed,
        Picture::Afo,
        Picture::HandSplint,
        Picture::CarSeat,
        Picture::Vest,
        Picture::Slope,
        Picture::Tray,
        Picture::Mount,
    ];

    #[test]
    fn every_drawing_decodes_at_the_size_asked_for() {
        let mut rng = Rng::new(3);
        for (i, &picture) in EVERY.iter().enumerate() {
            let palette = Palette::pick(&mut rng);
            let view = [View::Whole, View::CloseUp(1), View::Ringed(0)][i % 3];
            let (w, h) = if i % 2 == 0 { (960, 720) } else { (800, 600) };
            let png = equipment(picture, &palette, view, w, h);
            let img = image::load_from_memory(&png).expect("a PNG the image crate reads");
            assert_eq!(img.dimensions(), (w, h), "{picture:?}");
            assert!(
                !part_names(picture).is_empty(),
                "{picture:?} has named parts"
            );
        }
    }

    #[test]
    fn a_drawing_is_not_blank() {
        let png = equipment(
            Picture::MobileHoist,
            &Palette::pick(&mut Rng::new(1)),
            View::Whole,
            480,
            360,
        );
        let img = image::load_from_memory(&png).unwrap().into_rgb8();
        let mut colours: Vec<[u8; 3]> = img.pixels().map(|p| p.0).collect();
        colours.sort();
        colours.dedup();
        assert!(colours.len() > 20, "only {} colours", colours.len());
    }
}
