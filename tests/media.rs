//! Photo intake: good photos are made upright, stripped and scaled; every bad kind of file is
//! refused with a message saying what to do, and nothing is stored.

use crate::support::photos::*;
use crate::support::*;
use equipment_passport::Error;
use equipment_passport::media::{self, MAX_EDGE, MAX_SIDE, PrintBox, THUMBNAIL_EDGE};
use equipment_passport::model::Category;
use image::{GenericImageView, ImageFormat};

fn decode(bytes: &[u8]) -> image::DynamicImage {
    image::load_from_memory_with_format(bytes, ImageFormat::Jpeg).unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_phone_photo_is_turned_upright_and_loses_its_gps_and_camera_tags() {
    let original = jpeg_with_exif_rotation_and_gps(400, 300);
    assert!(contains(&original, CAMERA_MAKE), "the fixture carries EXIF");
    let photo = media::normalise(&original).unwrap();
    // Orientation 6 means "rotate 90° clockwise to view": a 400x300 landscape becomes portrait.
    assert_eq!((photo.width, photo.height), (300, 400));
    let upright = decode(&photo.jpeg);
    assert_eq!(upright.dimensions(), (300, 400));
    // The red left half of the landscape is now the top half.
    let top = upright.get_pixel(150, 50);
    let bottom = upright.get_pixel(150, 350);
    assert!(
        top[0] > 150 && top[2] < 100,
        "top should be red, was {top:?}"
    );
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "bottom should be blue, was {bottom:?}"
    );
    for stored in [&photo.jpeg, &photo.thumbnail] {
        assert!(!contains(stored, b"Exif"), "no EXIF segment survives");
        assert!(!contains(stored, CAMERA_MAKE), "no camera make survives");
    }
}

#[test]
fn large_photos_are_scaled_to_2000_px_with_a_320_px_thumbnail() {
    let photo = media::normalise(&jpeg(4000, 3000)).unwrap();
    assert_eq!((photo.width, photo.height), (MAX_EDGE, 1500));
    assert_eq!(decode(&photo.jpeg).dimensions(), (2000, 1500));
    assert_eq!(decode(&photo.thumbnail).dimensions(), (THUMBNAIL_EDGE, 240));
    assert_eq!(photo.sha256.len(), 64);
}

#[test]
fn each_photo_gets_a_print_copy_sized_for_where_it_is_printed_at_200_dpi() {
    // Equipment: 684.8 × 547.8 px, so a 2000 × 1500 photo prints from 684 × 513.
    let equipment = media::normalise(&jpeg(4000, 3000)).unwrap();
    assert_eq!(decode(&equipment.print).dimensions(), (684, 513));
    // The child's cover photo: 532.5 × 629.8 px, so a portrait 1500 × 2000 prints from 472 × 629.
    let child = media::normalise_for(&jpeg(1500, 2000), PrintBox::Child).unwrap();
    assert_eq!(decode(&child.print).dimensions(), (472, 629));
    // A photo no larger than its box is its own print copy: nothing more is stored.
    let small = media::normalise(&jpeg(640, 480)).unwrap();
    assert!(small.print.is_empty());
}

#[test]
fn png_and_webp_are_accepted_and_png_text_and_transparency_are_dropped() {
    let png = png_with_text_and_alpha(200, 100);
    assert!(contains(&png, b"Acacia Avenue"));
    let photo = media::normalise(&png).unwrap();
    assert!(!contains(&photo.jpeg, b"Acacia"));
    let img = decode(&photo.jpeg);
    let transparent_side = img.get_pixel(180, 50);
    assert!(
        transparent_side[0] > 240 && transparent_side[1] > 240,
        "transparent becomes white"
    );

    let webp = encode(&card(120, 80), ImageFormat::WebP);
    assert_eq!(media::normalise(&webp).unwrap().width, 120);
}

fn refused(bytes: &[u8]) -> String {
    match media::normalise(bytes) {
        Err(Error::Image(message)) => message,
        other => panic!("expected an image error, got {other:?}"),
    }
}

#[test]
fn heic_is_refused_with_a_way_forward() {
    assert_eq!(
        refused(&heic_header()),
        "HEIC photos are not supported: export the photo as JPEG (or PNG) and add that instead"
    );
}

#[test]
fn a_truncated_jpeg_is_refused_as_damaged() {
    let whole = jpeg(640, 480);
    let message = refused(&whole[..whole.len() * 2 / 3]);
    assert!(
        message.starts_with("the photo file is damaged or incomplete"),
        "{message}"
    );
}

#[test]
fn a_truncated_png_is_refused_as_damaged() {
    let whole = encode(&card(640, 480), ImageFormat::Png);
    let message = refused(&whole[..whole.len() / 2]);
    assert!(
        message.starts_with("the photo file is damaged or incomplete"),
        "{message}"
    );
}

#[test]
fn a_text_file_named_jpg_is_not_a_photo() {
    let message = refused(b"Shopping list: milk, bread\n");
    assert_eq!(
        message,
        "this file is not a photo the app can read: choose a JPEG, PNG or WebP image"
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert!(refused(&[]).starts_with("the file is empty"));
}

#[test]
fn a_100_megapixel_bomb_is_refused_before_it_is_decoded() {
    let message = refused(&png_bomb_100_megapixels());
    assert!(
        message.contains("10000 x 10000 pixels (100 megapixels)"),
        "{message}"
    );
    assert!(message.contains("save a smaller copy"), "{message}");
}

#[test]
fn a_valid_photo_longer_than_the_side_limit_is_refused_for_its_size_not_as_damaged() {
    let message = refused(&encode(&card(1, 100_000), ImageFormat::Png));
    assert_eq!(
        message,
        format!(
            "the photo is 1 × 100000 pixels; photos may be at most {MAX_SIDE} pixels on a side: save a smaller copy (or crop it) and add that"
        )
    );
}

#[test]
fn a_photo_as_long_as_the_side_limit_is_accepted_and_scaled() {
    let photo = media::normalise(&encode(&card(1, MAX_SIDE), ImageFormat::Png)).unwrap();
    assert_eq!((photo.width, photo.height), (1, MAX_EDGE));
}

#[test]
fn a_refused_photo_stores_nothing() {
    let mut api = api();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let item = add_item(&mut api, child.id, Category::Seating, "Classroom chair");
    let bad_files = [
        heic_header(),
        jpeg(640, 480)[..3000].to_vec(),
        b"not a photo".to_vec(),
        Vec::new(),
        png_bomb_100_megapixels(),
    ];
    for bad in &bad_files {
        assert!(matches!(
            api.add_item_photo(item.id, bad, "Front"),
            Err(Error::Image(_))
        ));
        assert!(matches!(
            api.add_step_photo(item.id, bad),
            Err(Error::Image(_))
        ));
        assert!(matches!(
            api.set_child_photo(child.id, bad),
            Err(Error::Image(_))
        ));
    }
    assert_eq!(api.check_database().unwrap().photos, 0);
    assert!(api.item(item.id).unwrap().item.photos.is_empty());
    assert_eq!(api.child(child.id).unwrap().child.photo_id, None);
}

#[test]
fn photos_stored_before_print_copies_get_them_once_and_the_history_is_unchanged() {
    let mut api = api();
    let child = add_child(&mut api, "Zoë", "Hughes");
    let item = add_item(&mut api, child.id, Category::Seating, "Classroom chair");
    let chair = api
        .add_item_photo(item.id, &jpeg(2000, 1500), "Front")
        .unwrap();
    let small = api
        .add_item_photo(item.id, &jpeg(640, 480), "Tray")
        .unwrap();
    let face = api.set_child_photo(child.id, &jpeg(1500, 2000)).unwrap();
    // As a caseload from before schema version 5 holds them: no print copies.
    let print_copy = |api: &equipment_passport::Api, id: equipment_passport::model::PhotoId| {
        api.store()
            .conn()
            .query_row("SELECT print_jpeg FROM photos WHERE id = ?1", [id], |r| {
                r.get::<_, Vec<u8>>(0)
            })
            .unwrap()
    };
    api.store()
        .conn()
        .execute("UPDATE photos SET print_jpeg = x''", [])
        .unwrap();
    let history_before = api.child_history(child.id).unwrap().len();

    let fill = api.fill_print_copies().unwrap();
    assert_eq!(
        fill.made, 2,
        "the chair and the child's photo; the tray photo is small enough"
    );
    assert!(fill.unreadable.is_empty());
    assert_eq!(decode(&print_copy(&api, chair.id)).dimensions(), (684, 513));
    assert_eq!(
        decode(&print_copy(&api, face)).dimensions(),
        (472, 629),
        "the cover's box, not an item's"
    );
    assert!(print_copy(&api, small.id).is_empty());
    assert_eq!(
        api.child_history(child.id).unwrap().len(),
        history_before,
        "a print copy is not an edit"
    );
    assert_eq!(
        api.fill_print_copies().unwrap().made,
        0,
        "nothing left to do"
    );
}
