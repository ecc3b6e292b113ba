//! Finishing the PDF with lopdf: document information (title, author, subject, dates),
//! /Lang en-GB, an /ID from the caller's document id, and proper subset tags on the fonts.
//! printpdf leaves the dates at 1970 and draws the /ID at random; these make a copy
//! identifiable and the output reproducible.

use super::RenderOptions;
use super::template::Template;
use crate::error::{Error, Result};
use lopdf::{Dictionary, Object, StringFormat};

/// printpdf names subset fonts "F1+Name"; PDF readers only recognise a subset by a tag of
/// six capital letters ("EPFNTA+Name"), so the names are rewritten.
fn tag_subsets(object: &mut Object) {
    match object {
        Object::Dictionary(dict) => {
            for key in [b"BaseFont".as_slice(), b"FontName".as_slice()] {
                if let Ok(Object::Name(name)) = dict.get_mut(key)
                    && let Some(plus) = name.iter().position(|&b| b == b'+')
                    && name[0] == b'F'
                    && plus > 1
                    && name[1..plus].iter().all(u8::is_ascii_digit)
                {
                    let n: u32 = std::str::from_utf8(&name[1..plus])
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    let mut tagged =
                        format!("EPFNT{}", char::from(b'A' + (n % 26) as u8)).into_bytes();
                    tagged.extend_from_slice(&name[plus..]);
                    *name = tagged;
                }
            }
            for (_, value) in dict.iter_mut() {
                tag_subsets(value);
            }
        }
        Object::Array(items) => items.iter_mut().for_each(tag_subsets),
        Object::Stream(stream) => tag_subsets_in(&mut stream.dict),
        _ => {}
    }
}

fn tag_subsets_in(dict: &mut Dictionary) {
    let mut object = Object::Dictionary(std::mem::take(dict));
    tag_subsets(&mut object);
    if let Object::Dictionary(d) = object {
        *dict = d;
    }
}

fn text(s: &str) -> Object {
    // PDF text strings: UTF-16BE with a byte-order mark holds any character.
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Replaces printpdf's document information and identifiers with reproducible ones.
pub fn finish(
    pdf: &mut lopdf::Document,
    template: &Template,
    options: &RenderOptions,
    title: &str,
) -> Result<()> {
    let date = options.created_at.format("D:%Y%m%d%H%M%SZ").to_string();
    let words = template.words.in_language(options.language);
    let subject = words.phrase(|w| {
        w.label_with(
            "metadata.subject",
            &[(
                "copy",
                &w.label(&format!("common.copy_{}", options.audience.code())),
            )],
        )
    });
    let mut info = Dictionary::new();
    info.set("Title", text(title));
    if !template.branding.organisation.is_empty() {
        info.set("Author", text(&template.branding.organisation));
    }
    info.set("Subject", text(&subject));
    info.set("Creator", text("Equipment Passport"));
    info.set("Producer", text("Equipment Passport (printpdf, lopdf)"));
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    let info_id = pdf.add_object(info);
    pdf.trailer.set("Info", Object::Reference(info_id));
    let id = Object::String(options.document_id.to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let root = pdf
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| Error::Pdf(format!("the PDF has no catalogue: {e}")))?;
    let catalog = pdf
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(|e| Error::Pdf(format!("the PDF catalogue is unreadable: {e}")))?;
    catalog.set("Lang", Object::string_literal(options.language.pdf_lang()));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    for object in pdf.objects.values_mut() {
        tag_subsets(object);
    }
    pdf.version = "1.7".into();
    pdf.prune_objects();
    pdf.renumber_objects();
    compress(pdf);
    Ok(())
}

/// Deflates every stream that is not already filtered (page content, font programs). lopdf's
/// own `compress` always uses the slowest level, which was 40% of the time to write a
/// passport. The fastest level costs a few per cent in size (photos, the bulk of a passport,
/// are JPEG and not deflated) and takes a quarter of the time of the default level. Streams
/// are independent, so they are deflated on every core.
fn compress(pdf: &mut lopdf::Document) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use rayon::prelude::*;
    use std::io::Write;
    let mut streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream)
                if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    streams.par_iter_mut().for_each(|stream| {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
        if encoder.write_all(&stream.content).is_err() {
            return;
        }
        if let Ok(deflated) = encoder.finish()
            && deflated.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(deflated);
        }
    });
}

/// Replaces the document information's subject of a finished PDF: for documents drawn by the
/// passports' renderer that are not passports (the DFG case summary, the label sheet). `what`
/// names the document in an error.
pub fn set_subject(pdf: Vec<u8>, subject: &str, what: &str) -> Result<Vec<u8>> {
    let failed = |e: lopdf::Error| crate::Error::Pdf(format!("could not write {what}: {e}"));
    let mut doc = lopdf::Document::load_mem(&pdf).map_err(failed)?;
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(failed)?;
    doc.get_object_mut(info)
        .and_then(Object::as_dict_mut)
        .map_err(failed)?
        .set("Subject", text(subject));
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| crate::Error::Pdf(format!("could not write {what}: {e}")))?;
    Ok(out)
}
