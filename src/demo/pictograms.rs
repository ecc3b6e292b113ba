//! The drawings of each kind of equipment, in the 960 x 720 design grid, side on and facing
//! left, resting on a floor at about y = 640. Simple shapes in flat colours: enough to tell a
//! hoist from a stander at a glance, and plainly not a photo of a real product.

use super::canvas::{Canvas, Rgb, shade};
use super::pictures::{Palette, Picture};

const TYRE: Rgb = [46, 48, 54];
const METAL: Rgb = [168, 174, 184];
const DARK: Rgb = [70, 74, 84];
const WHITE: Rgb = [248, 249, 251];
const RED: Rgb = [205, 48, 48];
const WOOD: Rgb = [196, 160, 118];

/// Draws one piece of equipment.
pub fn draw(c: &mut Canvas, picture: Picture, p: &Palette) {
    use Picture::*;
    match picture {
        ManualChair => manual_chair(c, p),
        PoweredChair => powered_chair(c, p),
        Buggy => buggy(c, p),
        Seat => seat(c, p),
        FloorSeat => floor_seat(c, p),
        Stander => stander(c, p),
        Walker => walker(c, p, false),
        GaitTrainer => walker(c, p, true),
        MobileHoist => mobile_hoist(c, p),
        CeilingHoist => ceiling_hoist(c, p),
        Sling => sling(c, p),
        BathSeat => bath_seat(c, p),
        ShowerChair => shower_chair(c, p),
        Toilet => toilet(c, p),
        Bed => bed(c, p),
        Afo => afo(c, p),
        HandSplint => hand_splint(c, p),
        CarSeat => car_seat(c, p),
        Vest => vest(c, p),
        Slope => slope(c, p),
        Tray => tray(c, p),
        Mount => mount(c, p),
    }
}

fn wheel(c: &mut Canvas, centre: (f32, f32), r: f32, spokes: bool) {
    c.disc(centre, r, TYRE);
    c.disc(centre, r * 0.84, [226, 229, 234]);
    if spokes {
        for i in 0..12 {
            let a = (i as f32 * 30.0).to_radians();
            let end = (centre.0 + a.cos() * r * 0.82, centre.1 + a.sin() * r * 0.82);
            c.line(centre, end, 3.0, METAL);
        }
        c.ring(centre, r * 0.78, 8.0, METAL);
    }
    c.disc(centre, r * 0.14 + 6.0, DARK);
}

fn castor(c: &mut Canvas, centre: (f32, f32), r: f32) {
    c.disc(centre, r, TYRE);
    c.disc(centre, r * 0.35, METAL);
}

/// A white part drawn with a thin grey edge so it shows on a pale background.
fn white_block(c: &mut Canvas, at: (f32, f32), size: (f32, f32), radius: f32) {
    c.rounded_rect(
        (at.0 - 4.0, at.1 - 4.0),
        (size.0 + 8.0, size.1 + 8.0),
        radius + 4.0,
        [190, 196, 206],
    );
    c.rounded_rect(at, size, radius, WHITE);
}

fn manual_chair(c: &mut Canvas, p: &Palette) {
    wheel(c, (580.0, 470.0), 168.0, true);
    c.line((330.0, 470.0), (315.0, 580.0), 12.0, p.frame);
    castor(c, (310.0, 600.0), 40.0);
    c.line((330.0, 470.0), (600.0, 470.0), 16.0, p.frame);
    c.line((600.0, 470.0), (640.0, 230.0), 16.0, p.frame);
    c.line((640.0, 230.0), (700.0, 215.0), 16.0, p.frame);
    c.line((690.0, 217.0), (722.0, 210.0), 24.0, DARK);
    c.line((340.0, 470.0), (290.0, 590.0), 14.0, p.frame);
    c.rounded_rect((240.0, 585.0), (90.0, 18.0), 6.0, DARK);
    c.rounded_rect((330.0, 420.0), (280.0, 56.0), 22.0, p.fabric);
    c.polygon(
        &[
            (585.0, 440.0),
            (625.0, 240.0),
            (665.0, 248.0),
            (628.0, 448.0),
        ],
        p.fabric,
    );
    c.line((470.0, 478.0), (445.0, 425.0), 10.0, p.accent);
    c.disc((445.0, 425.0), 13.0, p.accent);
    c.line((585.0, 425.0), (470.0, 432.0), 10.0, p.accent);
}

fn powered_chair(c: &mut Canvas, p: &Palette) {
    c.rounded_rect((300.0, 500.0), (400.0, 90.0), 30.0, DARK);
    castor(c, (350.0, 605.0), 38.0);
    wheel(c, (620.0, 565.0), 78.0, false);
    c.rounded_rect((310.0, 420.0), (320.0, 70.0), 25.0, p.fabric);
    c.polygon(
        &[
            (600.0, 440.0),
            (630.0, 200.0),
            (680.0, 205.0),
            (655.0, 450.0),
        ],
        p.fabric,
    );
    c.rounded_rect((610.0, 150.0), (80.0, 50.0), 20.0, shade(p.fabric, -0.2));
    c.line((420.0, 382.0), (430.0, 425.0), 14.0, DARK);
    c.rounded_rect((380.0, 370.0), (220.0, 24.0), 12.0, DARK);
    c.rounded_rect((370.0, 358.0), (70.0, 22.0), 6.0, TYRE);
    c.line((400.0, 362.0), (395.0, 335.0), 10.0, DARK);
    c.disc((395.0, 330.0), 16.0, p.accent);
    c.line((330.0, 500.0), (280.0, 600.0), 14.0, METAL);
    c.rounded_rect((230.0, 595.0), (95.0, 16.0), 5.0, DARK);
}

fn buggy(c: &mut Canvas, p: &Palette) {
    c.line((700.0, 200.0), (640.0, 430.0), 16.0, p.frame);
    c.line((690.0, 196.0), (728.0, 186.0), 24.0, DARK);
    c.line((640.0, 600.0), (600.0, 440.0), 14.0, p.frame);
    c.line((330.0, 610.0), (420.0, 460.0), 14.0, p.frame);
    c.line((420.0, 460.0), (640.0, 440.0), 14.0, p.frame);
    castor(c, (640.0, 600.0), 52.0);
    castor(c, (330.0, 612.0), 40.0);
    c.polygon(
        &[
            (380.0, 405.0),
            (420.0, 425.0),
            (378.0, 505.0),
            (338.0, 492.0),
        ],
        p.fabric,
    );
    c.rounded_rect((380.0, 400.0), (230.0, 50.0), 20.0, p.fabric);
    c.polygon(
        &[
            (540.0, 420.0),
            (600.0, 418.0),
            (625.0, 250.0),
            (565.0, 240.0),
        ],
        p.fabric,
    );
    c.arc((595.0, 300.0), 82.0, 50.0, (200.0, 345.0), p.accent);
    c.line((575.0, 300.0), (500.0, 415.0), 10.0, shade(p.accent, -0.3));
    c.line((640.0, 600.0), (668.0, 560.0), 10.0, RED);
}

fn seat(c: &mut Canvas, p: &Palette) {
    c.line((330.0, 620.0), (630.0, 620.0), 16.0, METAL);
    castor(c, (340.0, 636.0), 18.0);
    castor(c, (620.0, 636.0), 18.0);
    c.line((480.0, 620.0), (480.0, 500.0), 26.0, METAL);
    c.line((372.0, 500.0), (350.0, 580.0), 12.0, METAL);
    c.rounded_rect((300.0, 575.0), (90.0, 16.0), 5.0, DARK);
    c.rounded_rect((350.0, 450.0), (280.0, 60.0), 24.0, p.fabric);
    c.rounded_rect((570.0, 220.0), (62.0, 260.0), 24.0, p.fabric);
    c.rounded_rect((560.0, 170.0), (82.0, 50.0), 22.0, shade(p.fabric, -0.2));
    c.rounded_rect((535.0, 300.0), (42.0, 92.0), 14.0, shade(p.fabric, 0.25));
    c.rounded_rect((352.0, 428.0), (40.0, 32.0), 12.0, shade(p.fabric, 0.25));
    c.line((570.0, 335.0), (470.0, 425.0), 10.0, p.accent);
    c.line((565.0, 462.0), (470.0, 458.0), 10.0, p.accent);
    c.rounded_rect((270.0, 360.0), (210.0, 18.0), 8.0, [232, 236, 240]);
    c.line((470.0, 370.0), (500.0, 430.0), 10.0, METAL);
}

fn floor_seat(c: &mut Canvas, p: &Palette) {
    c.rounded_rect((260.0, 560.0), (440.0, 50.0), 20.0, shade(p.fabric, -0.2));
    c.rounded_rect((560.0, 330.0), (92.0, 250.0), 32.0, p.fabric);
    c.rounded_rect((300.0, 470.0), (300.0, 92.0), 32.0, shade(p.fabric, 0.25));
    c.rounded_rect((320.0, 450.0), (52.0, 60.0), 18.0, p.fabric);
    c.line((560.0, 500.0), (420.0, 515.0), 12.0, p.accent);
    c.disc((480.0, 509.0), 14.0, METAL);
}

fn stander(c: &mut Canvas, p: &Palette) {
    c.rounded_rect((250.0, 590.0), (460.0, 30.0), 14.0, METAL);
    castor(c, (282.0, 630.0), 18.0);
    castor(c, (680.0, 630.0), 18.0);
    c.line((650.0, 600.0), (565.0, 330.0), 18.0, p.frame);
    c.line((560.0, 575.0), (470.0, 230.0), 110.0, p.fabric);
    c.rounded_rect((470.0, 470.0), (72.0, 62.0), 20.0, shade(p.fabric, -0.25));
    c.rounded_rect((478.0, 570.0), (130.0, 20.0), 6.0, DARK);
    c.line((435.0, 300.0), (560.0, 330.0), 22.0, p.accent);
    c.line((470.0, 420.0), (580.0, 440.0), 18.0, p.accent);
    c.rounded_rect((290.0, 300.0), (210.0, 20.0), 8.0, [238, 240, 244]);
    c.line((470.0, 312.0), (505.0, 340.0), 10.0, METAL);
}

fn walker(c: &mut Canvas, p: &Palette, gait_trainer: bool) {
    c.line((300.0, 605.0), (350.0, 330.0), 16.0, p.frame);
    c.line((640.0, 605.0), (600.0, 330.0), 16.0, p.frame);
    c.line((350.0, 330.0), (600.0, 330.0), 16.0, p.frame);
    c.line((322.0, 480.0), (620.0, 480.0), 12.0, p.frame);
    c.line((600.0, 330.0), (665.0, 318.0), 26.0, DARK);
    castor(c, (300.0, 608.0), 32.0);
    castor(c, (640.0, 608.0), 32.0);
    c.line((655.0, 318.0), (690.0, 296.0), 8.0, p.accent);
    if gait_trainer {
        c.line((480.0, 480.0), (480.0, 455.0), 12.0, METAL);
        c.rounded_rect((430.0, 420.0), (104.0, 34.0), 15.0, p.fabric);
        c.line((480.0, 330.0), (480.0, 300.0), 10.0, METAL);
        c.ring((470.0, 270.0), 58.0, 20.0, p.fabric);
    }
}

/// A spreader bar hanging from `hook`, with its two hooks.
fn spreader_bar(c: &mut Canvas, hook: (f32, f32), p: &Palette) {
    c.line(hook, (hook.0, hook.1 + 50.0), 10.0, METAL);
    let centre = (hook.0, hook.1 + 140.0);
    c.arc(centre, 92.0, 14.0, (200.0, 340.0), METAL);
    for dx in [-86.0, 86.0] {
        c.disc((centre.0 + dx, centre.1 - 30.0), 10.0, p.accent);
    }
}

fn mobile_hoist(c: &mut Canvas, p: &Palette) {
    c.line((260.0, 620.0), (640.0, 620.0), 22.0, METAL);
    castor(c, (272.0, 642.0), 20.0);
    castor(c, (450.0, 642.0), 20.0);
    castor(c, (630.0, 642.0), 20.0);
    c.line((620.0, 620.0), (620.0, 210.0), 34.0, p.frame);
    c.line((620.0, 222.0), (345.0, 252.0), 28.0, p.frame);
    c.line((620.0, 430.0), (460.0, 248.0), 16.0, DARK);
    c.line((640.0, 330.0), (690.0, 330.0), 14.0, DARK);
    c.line((688.0, 318.0), (688.0, 345.0), 18.0, TYRE);
    spreader_bar(c, (350.0, 260.0), p);
    c.line((600.0, 300.0), (575.0, 380.0), 4.0, DARK);
    c.rounded_rect((560.0, 380.0), (32.0, 62.0), 8.0, p.accent);
    c.disc((620.0, 470.0), 13.0, RED);
}

fn ceiling_hoist(c: &mut Canvas, p: &Palette) {
    c.rect((0.0, 0.0), (960.0, 62.0), [236, 233, 226]);
    c.rounded_rect((80.0, 66.0), (800.0, 40.0), 10.0, METAL);
    c.rounded_rect((398.0, 104.0), (164.0, 92.0), 26.0, p.frame);
    c.line((480.0, 196.0), (480.0, 250.0), 10.0, DARK);
    spreader_bar(c, (480.0, 250.0), p);
    c.line((540.0, 180.0), (600.0, 350.0), 4.0, DARK);
    c.rounded_rect((585.0, 350.0), (40.0, 70.0), 8.0, p.accent);
    c.line((420.0, 196.0), (420.0, 300.0), 6.0, RED);
    c.disc((420.0, 302.0), 11.0, RED);
}

fn sling(c: &mut Canvas, p: &Palette) {
    // The body of the sling hangs like a hammock; straps rise to the spreader bar.
    let straps = [
        ((238.0, 390.0), (200.0, 170.0)),
        ((722.0, 390.0), (760.0, 170.0)),
        ((385.0, 495.0), (405.0, 230.0)),
        ((575.0, 495.0), (555.0, 230.0)),
    ];
    for (from, to) in straps {
        c.line(from, to, 22.0, shade(p.fabric, -0.15));
    }
    c.arc((480.0, 180.0), 320.0, 150.0, (40.0, 140.0), p.fabric);
    c.arc(
        (480.0, 180.0),
        392.0,
        10.0,
        (44.0, 136.0),
        shade(p.fabric, -0.35),
    );
    for (from, to) in straps {
        for t in [0.45, 0.65, 0.85] {
            let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            c.ring(at, 15.0, 6.0, if t > 0.8 { p.accent } else { DARK });
        }
    }
    c.rounded_rect((450.0, 470.0), (60.0, 30.0), 8.0, p.accent);
    c.rounded_rect((640.0, 420.0), (52.0, 32.0), 4.0, WHITE);
}

fn bath_seat(c: &mut Canvas, p: &Palette) {
    c.rounded_rect((120.0, 405.0), (720.0, 30.0), 15.0, [214, 220, 230]);
    white_block(c, (140.0, 420.0), (680.0, 200.0), 60.0);
    c.rounded_rect((165.0, 438.0), (630.0, 70.0), 22.0, [172, 212, 236]);
    for (x, r) in [(250.0, 12.0), (290.0, 8.0), (720.0, 10.0)] {
        c.ellipse((x, 455.0), r, r, WHITE, 0.8);
    }
    c.line((440.0, 470.0), (600.0, 470.0), 50.0, p.fabric);
    c.line((610.0, 455.0), (690.0, 255.0), 78.0, p.fabric);
    c.line((450.0, 495.0), (450.0, 512.0), 14.0, METAL);
    c.line((590.0, 495.0), (590.0, 512.0), 14.0, METAL);
    c.disc((640.0, 470.0), 14.0, DARK);
    c.line((560.0, 360.0), (670.0, 400.0), 12.0, p.accent);
    c.line((560.0, 440.0), (640.0, 445.0), 12.0, p.accent);
}

fn shower_chair(c: &mut Canvas, p: &Palette) {
    c.line((330.0, 600.0), (360.0, 450.0), 16.0, p.frame);
    c.line((640.0, 600.0), (610.0, 450.0), 16.0, p.frame);
    castor(c, (330.0, 620.0), 28.0);
    castor(c, (640.0, 620.0), 28.0);
    c.line((340.0, 452.0), (620.0, 452.0), 18.0, p.frame);
    white_block(c, (430.0, 470.0), (100.0, 40.0), 10.0);
    c.rounded_rect((350.0, 420.0), (262.0, 40.0), 18.0, p.fabric);
    c.rounded_rect((440.0, 428.0), (80.0, 22.0), 11.0, shade(p.fabric, -0.45));
    c.line((622.0, 440.0), (660.0, 235.0), 60.0, p.fabric);
    c.line((400.0, 362.0), (605.0, 362.0), 18.0, p.frame);
    c.line((570.0, 405.0), (440.0, 410.0), 10.0, p.accent);
    c.line((640.0, 620.0), (668.0, 585.0), 10.0, RED);
}

fn toilet(c: &mut Canvas, p: &Palette) {
    white_block(c, (560.0, 270.0), (170.0, 200.0), 20.0);
    white_block(c, (440.0, 480.0), (160.0, 140.0), 30.0);
    c.ellipse((520.0, 478.0), 154.0, 62.0, [190, 196, 206], 1.0);
    c.ellipse((520.0, 478.0), 150.0, 58.0, WHITE, 1.0);
    c.rounded_rect((370.0, 438.0), (310.0, 30.0), 15.0, [226, 230, 236]);
    c.rounded_rect((400.0, 424.0), (200.0, 22.0), 11.0, p.accent);
    c.rounded_rect((600.0, 300.0), (52.0, 140.0), 20.0, p.fabric);
    c.line((340.0, 640.0), (360.0, 380.0), 14.0, p.frame);
    c.line((700.0, 640.0), (690.0, 380.0), 14.0, p.frame);
    c.line((360.0, 380.0), (600.0, 380.0), 14.0, p.frame);
    c.rounded_rect((220.0, 560.0), (170.0, 80.0), 14.0, p.fabric);
    c.rounded_rect((232.0, 552.0), (146.0, 14.0), 6.0, DARK);
}

fn bed(c: &mut Canvas, p: &Palette) {
    c.rounded_rect((780.0, 300.0), (50.0, 300.0), 20.0, WOOD);
    c.rounded_rect((120.0, 470.0), (720.0, 60.0), 20.0, WOOD);
    for x in [150.0, 800.0] {
        c.line((x, 520.0), (x, 630.0), 20.0, shade(WOOD, -0.25));
    }
    c.rounded_rect((140.0, 420.0), (680.0, 62.0), 25.0, [220, 230, 245]);
    c.rounded_rect((660.0, 378.0), (112.0, 46.0), 22.0, WHITE);
    c.line((250.0, 400.0), (600.0, 400.0), 36.0, p.fabric);
    c.disc((320.0, 390.0), 32.0, p.accent);
    c.rounded_rect((420.0, 366.0), (64.0, 54.0), 18.0, shade(p.fabric, -0.2));
    c.rounded_rect((520.0, 370.0), (60.0, 50.0), 18.0, shade(p.fabric, -0.2));
}

fn afo(c: &mut Canvas, p: &Palette) {
    let shell = shade(p.accent, 0.55);
    for (dx, tone) in [(150.0, -0.12), (0.0, 0.0)] {
        let s = shade(shell, tone);
        c.rounded_rect((430.0 + dx, 160.0), (130.0, 330.0), 50.0, s);
        c.disc((480.0 + dx, 455.0), 70.0, s);
        c.rounded_rect((300.0 + dx, 450.0), (260.0, 82.0), 36.0, s);
        for (x, y) in [
            (470.0, 260.0),
            (515.0, 320.0),
            (470.0, 380.0),
            (520.0, 200.0),
        ] {
            c.ellipse((x + dx, y), 12.0, 12.0, p.accent, 0.5);
        }
        c.rounded_rect((420.0 + dx, 220.0), (150.0, 30.0), 10.0, DARK);
        c.rounded_rect((420.0 + dx, 400.0), (150.0, 30.0), 10.0, DARK);
        c.disc((425.0 + dx, 235.0), 9.0, METAL);
        c.disc((425.0 + dx, 415.0), 9.0, METAL);
    }
}

fn hand_splint(c: &mut Canvas, p: &Palette) {
    let shell = shade(p.accent, 0.6);
    c.rounded_rect((400.0, 480.0), (160.0, 220.0), 50.0, shell);
    c.rounded_rect((380.0, 300.0), (200.0, 230.0), 70.0, shell);
    c.line((395.0, 420.0), (310.0, 345.0), 60.0, shell);
    c.rounded_rect((400.0, 150.0), (170.0, 180.0), 50.0, shell);
    c.rounded_rect((390.0, 560.0), (180.0, 30.0), 10.0, DARK);
    c.rounded_rect((385.0, 440.0), (190.0, 30.0), 10.0, DARK);
    c.rounded_rect((395.0, 232.0), (180.0, 28.0), 10.0, DARK);
}

fn car_seat(c: &mut Canvas, p: &Palette) {
    let vehicle = [122, 127, 138];
    c.rounded_rect((600.0, 150.0), (130.0, 450.0), 40.0, vehicle);
    c.rounded_rect((250.0, 520.0), (470.0, 90.0), 30.0, vehicle);
    c.rounded_rect((500.0, 180.0), (140.0, 360.0), 50.0, p.fabric);
    c.rounded_rect((478.0, 170.0), (184.0, 110.0), 50.0, shade(p.fabric, -0.15));
    c.rounded_rect((320.0, 450.0), (300.0, 80.0), 35.0, p.fabric);
    c.line((560.0, 290.0), (450.0, 470.0), 14.0, p.accent);
    c.line((610.0, 295.0), (470.0, 478.0), 14.0, p.accent);
    c.disc((440.0, 480.0), 17.0, METAL);
    c.rounded_rect((330.0, 515.0), (60.0, 22.0), 8.0, DARK);
}

fn vest(c: &mut Canvas, p: &Palette) {
    c.rect((0.0, 60.0), (960.0, 22.0), [150, 156, 166]);
    c.line((420.0, 205.0), (420.0, 80.0), 16.0, p.accent);
    c.line((540.0, 205.0), (540.0, 80.0), 16.0, p.accent);
    c.rounded_rect((380.0, 200.0), (200.0, 310.0), 60.0, p.fabric);
    c.rounded_rect((400.0, 220.0), (40.0, 270.0), 16.0, shade(p.fabric, 0.25));
    c.rounded_rect((520.0, 220.0), (40.0, 270.0), 16.0, shade(p.fabric, 0.25));
    c.rounded_rect((455.0, 340.0), (50.0, 40.0), 8.0, METAL);
    c.line((380.0, 440.0), (250.0, 520.0), 16.0, p.accent);
    c.line((580.0, 440.0), (710.0, 520.0), 16.0, p.accent);
}

fn slope(c: &mut Canvas, p: &Palette) {
    c.polygon(&[(200.0, 612.0), (760.0, 612.0), (760.0, 430.0)], p.fabric);
    // The paper lies along the top face of the slope.
    let along = |t: f32, lift: f32| (200.0 + 560.0 * t, 612.0 - 182.0 * t - lift);
    c.polygon(
        &[
            along(0.2, 2.0),
            along(0.82, 2.0),
            along(0.82, 12.0),
            along(0.2, 12.0),
        ],
        WHITE,
    );
    c.rounded_rect((690.0, 438.0), (30.0, 26.0), 5.0, DARK);
    c.line((560.0, 440.0), (650.0, 360.0), 14.0, p.accent);
    c.line((560.0, 440.0), (548.0, 452.0), 6.0, DARK);
    for x in [260.0, 700.0] {
        c.rounded_rect((x - 30.0, 606.0), (60.0, 12.0), 6.0, DARK);
    }
}

fn tray(c: &mut Canvas, p: &Palette) {
    c.line((300.0, 420.0), (330.0, 560.0), 16.0, METAL);
    c.line((660.0, 420.0), (630.0, 560.0), 16.0, METAL);
    c.rounded_rect((250.0, 380.0), (460.0, 44.0), 16.0, [206, 226, 238]);
    c.rounded_rect((250.0, 372.0), (460.0, 14.0), 7.0, shade(p.frame, 0.2));
    c.rounded_rect((540.0, 310.0), (50.0, 64.0), 10.0, p.accent);
    c.rounded_rect((360.0, 350.0), (120.0, 24.0), 6.0, WHITE);
}

fn mount(c: &mut Canvas, p: &Palette) {
    c.line((600.0, 620.0), (600.0, 300.0), 20.0, METAL);
    c.rounded_rect((578.0, 560.0), (44.0, 60.0), 8.0, p.frame);
    c.disc((600.0, 300.0), 18.0, p.frame);
    c.line((600.0, 300.0), (460.0, 250.0), 18.0, METAL);
    c.rounded_rect((300.0, 150.0), (200.0, 150.0), 16.0, DARK);
    c.rounded_rect((314.0, 164.0), (172.0, 122.0), 8.0, [160, 205, 238]);
    for row in 0..3 {
        for col in 0..4 {
            let at = (326.0 + col as f32 * 40.0, 176.0 + row as f32 * 36.0);
            c.rounded_rect(
                at,
                (30.0, 26.0),
                5.0,
                if (row + col) % 2 == 0 {
                    p.accent
                } else {
                    WHITE
                },
            );
        }
    }
}
