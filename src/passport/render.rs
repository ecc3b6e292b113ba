//! Writes laid-out pages as PDF with printpdf's low-level operations, then finishes the file
//! with lopdf: document information, /Lang en-GB and an /ID from the document id, none of
//! which printpdf sets reproducibly.
//!
//! Fonts and images get fixed resource names (F1, Im1 ...) rather than printpdf's random
//! ones, and photos are embedded as DCT streams straight from their JPEG bytes, so the same
//! inputs give the same bytes.

use super::booklet::{SHEET, half_offsets, saddle_stitch_order};
use super::font::{self, Face};
use super::layout::LaidOut;
use super::page::{Element, ImageSource, MM, Page};
use super::photo::PrintImage;
use super::shaping;
use super::template::{Colour, Template};
use super::{Format, RenderOptions};
use crate::error::{Error, Result};
use crate::model::PhotoId;
use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, FontId, LinePoint,
    Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, TextRenderingMode, WindingOrder, XObject,
    XObjectId, XObjectTransform,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// printpdf's parsed font for a face, built once per process and only for a face some
/// passport uses: parsing DejaVu takes longer than laying out a whole passport, and the Noto
/// faces are larger still.
fn parsed_font(face: Face) -> &'static ParsedFont {
    static FONTS: [OnceLock<ParsedFont>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    FONTS[face.index()].get_or_init(|| {
        ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()).expect("the embedded fonts parse")
    })
}

/// The outline that makes a regular face bold, as a share of the type size.
const EMBOLDEN: f32 = 0.035;

fn font_id(face: Face) -> FontId {
    FontId(format!("F{}", face.index() + 1))
}

/// Colour components to three decimals: finer steps than 8-bit colour needs, and shorter
/// content streams than printpdf's full floats.
fn colour(c: Colour) -> Color {
    let v = |x: u8| (f32::from(x) / 255.0 * 1000.0).round() / 1000.0;
    Color::Rgb(Rgb::new(v(c.0), v(c.1), v(c.2), None))
}

/// Positions to a hundredth of a point (3.5 µm): invisible, and it keeps the numbers short.
fn r(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Writes the PDF.
pub fn write(
    laid: &LaidOut,
    photos: &BTreeMap<PhotoId, PrintImage<'_>>,
    template: &Template,
    options: &RenderOptions,
    title: &str,
) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(title);

    let used: BTreeSet<Face> = laid
        .pages
        .iter()
        .flat_map(|p| &p.elements)
        .filter_map(|e| match e {
            Element::Text { face, .. } => Some(*face),
            _ => None,
        })
        .collect();
    for face in used {
        doc.resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(parsed_font(face).clone()));
    }

    let mut images: BTreeMap<ImageSource, XObjectId> = BTreeMap::new();
    for (n, (id, image)) in photos.iter().enumerate() {
        let xid = XObjectId(format!("Im{}", n + 1));
        doc.resources
            .xobjects
            .map
            .insert(xid.clone(), XObject::External(jpeg_xobject(image)));
        images.insert(ImageSource::Photo(*id), xid);
    }
    if let Some(logo) = &template.branding.logo {
        let xid = XObjectId("Logo".into());
        let dict = image_dict(logo.width, logo.height, 3, None);
        doc.resources.xobjects.map.insert(
            xid.clone(),
            XObject::External(ExternalXObject {
                stream: ExternalStream {
                    dict,
                    content: logo.rgb.clone(),
                    compress: true,
                },
                width: None,
                height: None,
                dpi: None,
            }),
        );
        images.insert(ImageSource::Logo, xid);
    }

    let (page_w, page_h) = (laid.metrics.page_w, laid.metrics.page_h);
    let pages: Vec<PdfPage> = match options.format {
        Format::A4 => laid
            .pages
            .iter()
            .map(|page| {
                let mut ops = Vec::new();
                page_ops(page, page_h, &images, &mut ops);
                PdfPage::new(Mm(page_w / MM), Mm(page_h / MM), ops)
            })
            .collect(),
        Format::A5Booklet => saddle_stitch_order(laid.pages.len())
            .into_iter()
            .map(|(left, right)| {
                let mut ops = Vec::new();
                for (slot, offset) in [left, right].into_iter().zip(half_offsets()) {
                    let Some(index) = slot else { continue };
                    // Each half is clipped to its own A5 page, so nothing can stray
                    // across the fold.
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(offset),
                            y: Pt(0.0),
                            width: Pt(page_w),
                            height: Pt(page_h),
                            mode: Some(PaintMode::Clip),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                    ops.push(Op::SetTransformationMatrix {
                        matrix: CurTransMat::Translate(Pt(offset), Pt(0.0)),
                    });
                    page_ops(&laid.pages[index], page_h, &images, &mut ops);
                    ops.push(Op::RestoreGraphicsState);
                }
                PdfPage::new(Mm(SHEET.0 / MM), Mm(SHEET.1 / MM), ops)
            })
            .collect(),
    };
    doc.pages = pages;

    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        // printpdf's image optimisation would resample with nearest-neighbour; photos are
        // already sized for print.
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&save, &mut warnings);
    super::metadata::finish(&mut pdf, template, options, title)?;
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| Error::Pdf(format!("could not write the passport PDF: {e}")))?;
    Ok(bytes)
}

fn image_dict(
    width: u32,
    height: u32,
    components: u8,
    filter: Option<&str>,
) -> BTreeMap<String, DictItem> {
    let mut dict = BTreeMap::from([
        ("Type".to_string(), DictItem::Name(b"XObject".to_vec())),
        ("Subtype".to_string(), DictItem::Name(b"Image".to_vec())),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        (
            "ColorSpace".to_string(),
            DictItem::Name(if components == 1 {
                b"DeviceGray".to_vec()
            } else {
                b"DeviceRGB".to_vec()
            }),
        ),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
    ]);
    if let Some(filter) = filter {
        dict.insert("Filter".into(), DictItem::Name(filter.as_bytes().to_vec()));
    }
    dict
}

/// A photo as an image XObject whose stream is the JPEG itself (DCTDecode).
fn jpeg_xobject(image: &PrintImage<'_>) -> ExternalXObject {
    ExternalXObject {
        stream: ExternalStream {
            dict: image_dict(
                image.width,
                image.height,
                image.components,
                Some("DCTDecode"),
            ),
            content: image.jpeg.to_vec(),
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// Appends one page's drawing operations. Layout measures from the top; PDF from the
/// bottom, so every y is flipped here.
fn page_ops(
    page: &Page,
    page_h: f32,
    images: &BTreeMap<ImageSource, XObjectId>,
    ops: &mut Vec<Op>,
) {
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut fill: Option<Colour> = None;
    let mut stroke: Option<(Colour, f32)> = None;
    // Where the current text line starts, as the viewer will have it: text is placed with
    // `Td` (a move from there, two numbers) rather than `Tm` (six), which is a third of the
    // numbers in a passport's pages and of the time spent writing them.
    let mut line_start = (0.0f32, 0.0f32);
    let end_text = |ops: &mut Vec<Op>, in_text: &mut bool| {
        if *in_text {
            ops.push(Op::EndTextSection);
            *in_text = false;
        }
    };
    for e in &page.elements {
        match e {
            Element::Text {
                x,
                y,
                size,
                face,
                colour: c,
                text,
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    font = None;
                    line_start = (0.0, 0.0);
                }
                if font != Some((*face, *size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(*face)),
                        size: Pt(r(*size)),
                    });
                    font = Some((*face, *size));
                }
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    fill = Some(*c);
                }
                let to = (r(*x), r(page_h - y));
                let by = (r(to.0 - line_start.0), r(to.1 - line_start.1));
                ops.push(Op::SetTextCursor {
                    pos: printpdf::Point {
                        x: Pt(by.0),
                        y: Pt(by.1),
                    },
                });
                line_start = (line_start.0 + by.0, line_start.1 + by.1);
                if face.is_shaped() {
                    shaped_text_ops(*face, text, *size, ops);
                } else if face.is_emboldened() {
                    // Filled and outlined in the same colour: a regular weight made bold.
                    set_stroke(ops, &mut stroke, *c, r(size * EMBOLDEN));
                    ops.push(Op::SetTextRenderingMode {
                        mode: TextRenderingMode::FillStroke,
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                    ops.push(Op::SetTextRenderingMode {
                        mode: TextRenderingMode::Fill,
                    });
                } else {
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
            }
            Element::Rect {
                x,
                y,
                w,
                h,
                radius,
                fill: f,
                stroke: stroke_with,
            } => {
                end_text(ops, &mut in_text);
                if let Some(c) = f
                    && fill != Some(*c)
                {
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    fill = Some(*c);
                }
                if let Some((c, width)) = stroke_with {
                    set_stroke(ops, &mut stroke, *c, *width);
                }
                let mode = match (f, stroke_with) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    (None, Some(_)) => PaintMode::Stroke,
                    (None, None) => continue,
                };
                let bottom = page_h - y - h;
                if *radius > 0.0 {
                    ops.push(Op::DrawPolygon {
                        polygon: rounded(*x, bottom, *w, *h, *radius, mode),
                    });
                } else {
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(r(*x)),
                            y: Pt(r(bottom)),
                            width: Pt(r(*w)),
                            height: Pt(r(*h)),
                            mode: Some(mode),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                }
            }
            Element::Line {
                x1,
                y1,
                x2,
                y2,
                colour: c,
                width,
            } => {
                end_text(ops, &mut in_text);
                set_stroke(ops, &mut stroke, *c, *width);
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![point(*x1, page_h - y1), point(*x2, page_h - y2)],
                        is_closed: false,
                    },
                });
            }
            Element::Polygon { points, fill: c } => {
                end_text(ops, &mut in_text);
                if fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: colour(*c) });
                    fill = Some(*c);
                }
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing {
                            points: points.iter().map(|(x, y)| point(*x, page_h - y)).collect(),
                        }],
                        mode: PaintMode::Fill,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Element::Image {
                x,
                y,
                w,
                h,
                radius,
                source,
            } => {
                let Some(xid) = images.get(source) else {
                    continue;
                };
                end_text(ops, &mut in_text);
                let bottom = page_h - y - h;
                ops.push(Op::SaveGraphicsState);
                if *radius > 0.0 {
                    ops.push(Op::DrawPolygon {
                        polygon: rounded(*x, bottom, *w, *h, *radius, PaintMode::Clip),
                    });
                }
                // An image is drawn into the unit square: scale it to the box, then place it.
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([r(*w), 0.0, 0.0, r(*h), r(*x), r(bottom)]),
                });
                ops.push(Op::UseXobject {
                    id: xid.clone(),
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
                // Restoring the state forgets the colours we tracked.
                fill = None;
                stroke = None;
            }
        }
    }
    end_text(ops, &mut in_text);
}

/// Draws shaped text (Indic, Arabic) as glyph ids, each moved by the kerning number that
/// takes the viewer's pen from the font's own advance to the shaped one, and raised or lowered
/// for marks placed above or below their letter. The run is marked with its text as written
/// (/ActualText), so a reader copying it gets the letters in typed order even where a vowel
/// sign is drawn before its consonant.
fn shaped_text_ops(face: Face, text: &str, size: f32, ops: &mut Vec<Op>) {
    let shaped = shaping::shape(face, text);
    let ttf = font::book().ttf(face);
    let units = f32::from(ttf.units_per_em());
    // The widths printpdf writes in /W, in thousandths of an em, truncated as it does.
    let default_advance = |id: u16| {
        let units_adv = ttf.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0);
        (f32::from(units_adv) * 1000.0 / units).trunc()
    };
    // Right-to-left glyphs are already in the order readers expect of a PDF (as drawn; they
    // turn a right-to-left line round themselves), so only left-to-right runs need the text.
    let actual_text = !face.is_rtl();
    if actual_text {
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict {
                map: BTreeMap::from([("ActualText".to_string(), utf16_string(text))]),
            },
        });
    }
    let mut items: Vec<TextItem> = Vec::new();
    let mut rise = 0.0f32;
    let thousandths = |em: f32| (em * 1000.0 * 100.0).round() / 100.0;
    for glyph in &shaped.glyphs {
        let dy = thousandths(glyph.dy);
        if dy != rise {
            if !items.is_empty() {
                ops.push(Op::ShowText {
                    items: std::mem::take(&mut items),
                });
            }
            // Ts is in text space units: thousandths of an em become points at the size set.
            ops.push(Op::SetLineOffset {
                multiplier: r(dy / 1000.0 * size),
            });
            rise = dy;
        }
        let dx = thousandths(glyph.dx);
        if dx != 0.0 {
            items.push(TextItem::Offset(-dx));
        }
        let after = default_advance(glyph.id) + dx - thousandths(glyph.advance);
        let mut codepoint = Codepoint::new(glyph.id, (after * 100.0).round() / 100.0);
        if !glyph.text.is_empty() {
            codepoint.cid = Some(glyph.text.clone());
        }
        items.push(TextItem::GlyphIds(vec![codepoint]));
    }
    if !items.is_empty() {
        ops.push(Op::ShowText { items });
    }
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
    if actual_text {
        ops.push(Op::EndMarkedContentWithProperties);
    }
}

/// A PDF text string in UTF-16BE with its byte-order mark, as /ActualText needs for
/// anything beyond Latin-1.
fn utf16_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

/// Sets the outline colour and width, unless they are set already.
fn set_stroke(ops: &mut Vec<Op>, current: &mut Option<(Colour, f32)>, c: Colour, width: f32) {
    if current.is_some_and(|(had, w)| had == c && w == width) {
        return;
    }
    if current.is_none_or(|(had, _)| had != c) {
        ops.push(Op::SetOutlineColor { col: colour(c) });
    }
    if current.is_none_or(|(_, w)| w != width) {
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }
    *current = Some((c, width));
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(r(x)),
            y: Pt(r(y)),
        },
        bezier: false,
    }
}

fn control(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(r(x)),
            y: Pt(r(y)),
        },
        bezier: true,
    }
}

/// A rounded rectangle (bottom-left at x, y in PDF space) from four Bézier corners.
fn rounded(x: f32, y: f32, w: f32, h: f32, r: f32, mode: PaintMode) -> Polygon {
    let r = r.min(w / 2.0).min(h / 2.0);
    // Control-point distance that makes a quarter circle from a cubic Bézier.
    let k = r * 0.552_284_8;
    let (x2, y2) = (x + w, y + h);
    let points = vec![
        point(x + r, y),
        point(x2 - r, y),
        control(x2 - r + k, y),
        control(x2, y + r - k),
        point(x2, y + r),
        point(x2, y2 - r),
        control(x2, y2 - r + k),
        control(x2 - r + k, y2),
        point(x2 - r, y2),
        point(x + r, y2),
        control(x + r - k, y2),
        control(x, y2 - r + k),
        point(x, y2 - r),
        point(x, y + r),
        control(x, y + r - k),
        control(x + r - k, y),
        point(x + r, y),
    ];
    Polygon {
        rings: vec![PolygonRing { points }],
        mode,
        winding_order: WindingOrder::NonZero,
    }
}
