//! Gathering a bundle from the store and writing its zip archive.

use super::format::{self, Bundle, BundleChild, BundleItem, BundleTraining, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::model::{ChildId, PhotoId, SettingId, SupplierId};
use crate::store::{
    children, contacts, dfg, evacuation, handling, items, photos, schedules, service_records,
    settings, suppliers, training,
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::io::{Cursor, Write};

/// Each photo's id and stored JPEG, in the order the records name them.
pub type Photos = Vec<(PhotoId, Vec<u8>)>;

/// The records of `ids` (in that order) with the settings and suppliers they name (a child's
/// setting, and where each person on an item's register of staff trained works), and every
/// photo's stored JPEG.
pub fn collect(conn: &Connection, ids: &[ChildId], now: DateTime<Utc>) -> Result<(Bundle, Photos)> {
    let mut setting_ids = BTreeSet::<SettingId>::new();
    let mut supplier_ids = BTreeSet::<SupplierId>::new();
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let child = children::get(conn, id)?;
        setting_ids.extend(child.details.setting_id);
        let mut bundle_items = Vec::new();
        for item in items::for_child(conn, id)? {
            supplier_ids.extend(item.details.supplier_ids().into_iter().map(|(_, s)| s));
            let register: Vec<BundleTraining> = training::for_item(conn, item.id)?
                .into_iter()
                .map(|t| BundleTraining {
                    id: t.id,
                    details: t.details,
                })
                .collect();
            // Where each person trained works travels with the register.
            setting_ids.extend(register.iter().filter_map(|t| t.details.setting_id));
            bundle_items.push(BundleItem {
                service_log: service_records::for_item(conn, item.id)?,
                schedules: schedules::for_item(conn, item.id)?,
                training: register,
                item,
            });
        }
        out.push(BundleChild {
            contacts: contacts::for_child(conn, id)?,
            items: bundle_items,
            dfg_cases: dfg::read(conn, dfg::Which::OfChild(id))?,
            handling_plan: handling::plan(conn, id)?,
            evacuation_plan: match child.details.setting_id {
                Some(setting) => evacuation::plan(conn, id, setting)?,
                None => None,
            },
            child,
        });
    }
    let bundle = Bundle {
        schema_version: SCHEMA_VERSION,
        exported_at: now,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        settings: setting_ids
            .into_iter()
            .map(|s| settings::get(conn, s))
            .collect::<Result<_>>()?,
        suppliers: supplier_ids
            .into_iter()
            .map(|s| suppliers::get(conn, s))
            .collect::<Result<_>>()?,
        children: out,
    };
    let photos = bundle
        .photo_ids()
        .into_iter()
        .map(|p| Ok((p, photos::jpeg(conn, p)?)))
        .collect::<Result<_>>()?;
    Ok((bundle, photos))
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::io("could not write the bundle", std::io::Error::other(e))
}

/// The zip archive: `bundle.json` (deflated) and the photos (stored: JPEG does not shrink).
pub fn write_zip(bundle: &Bundle, photos: &[(PhotoId, Vec<u8>)]) -> Result<Vec<u8>> {
    use zip::CompressionMethod;
    use zip::write::SimpleFileOptions;
    let json = serde_json::to_vec_pretty(bundle)
        .map_err(|e| Error::io("could not write the bundle", e.into()))?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let io = |e: std::io::Error| Error::io("could not write the bundle", e);
    zip.start_file(format::DOCUMENT, deflated)
        .map_err(zip_error)?;
    zip.write_all(&json).map_err(io)?;
    for (id, jpeg) in photos {
        zip.start_file(format::photo_entry(*id), stored)
            .map_err(zip_error)?;
        zip.write_all(jpeg).map_err(io)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}
