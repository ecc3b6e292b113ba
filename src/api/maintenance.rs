//! Looking after the database itself.

use super::Api;
use crate::error::Result;
use crate::media::{self, PrintBox};
use crate::model::PhotoId;
use crate::store::{SCHEMA_VERSION, children, items, photos};
use rayon::prelude::*;
use serde::Serialize;

/// Photos whose print copies are made together: read, resized side by side, then written in
/// one transaction, so the caseload stays usable by another connection in between.
const PRINT_COPY_BATCH: usize = 8;

/// What [`Api::fill_print_copies`] did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PrintCopyFill {
    /// Print copies made and stored.
    pub made: usize,
    /// Photos whose stored JPEG could not be read, with why; they still print, resized at
    /// each print as before.
    pub unreadable: Vec<String>,
}

/// The result of `passport db check`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DatabaseCheck {
    pub schema_version: u32,
    pub supported_version: u32,
    /// Empty when SQLite's integrity and foreign key checks pass.
    pub problems: Vec<String>,
    pub children: usize,
    pub items: usize,
    pub photos: usize,
}

impl DatabaseCheck {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Api {
    pub fn check_database(&self) -> Result<DatabaseCheck> {
        let conn = self.store.conn();
        Ok(DatabaseCheck {
            schema_version: self.store.schema_version()?,
            supported_version: SCHEMA_VERSION,
            problems: self.store.integrity_problems()?,
            children: children::count(conn)?,
            items: items::count(conn)?,
            photos: photos::count(conn)?,
        })
    }

    /// Makes the print copies that photos stored before schema version 5 lack, so that their
    /// passports embed them as they are instead of resizing at every print. Photos no larger
    /// than their box need none and are left alone; running it again finds nothing to do.
    pub fn fill_print_copies(&mut self) -> Result<PrintCopyFill> {
        let needed: Vec<_> = photos::without_print_copy(self.store.conn())?
            .into_iter()
            .filter(|p| {
                media::print_size(p.width, p.height, print_box(p.of_child)) != (p.width, p.height)
            })
            .collect();
        let mut fill = PrintCopyFill::default();
        for batch in needed.chunks(PRINT_COPY_BATCH) {
            let stored: Vec<(&photos::WithoutPrintCopy, Vec<u8>)> = batch
                .iter()
                .map(|p| Ok((p, photos::jpeg(self.store.conn(), p.id)?)))
                .collect::<Result<_>>()?;
            let copies: Vec<(&photos::WithoutPrintCopy, Result<Vec<u8>>)> = stored
                .par_iter()
                .map(|(p, jpeg)| (*p, media::print_copy_of_stored(jpeg, print_box(p.of_child))))
                .collect();
            let tx = self.store.transaction()?;
            for (p, copy) in copies {
                match copy {
                    Ok(bytes) => {
                        if photos::set_print_copy(&tx, p.id, &p.sha256, &bytes)? {
                            fill.made += 1;
                        }
                    }
                    Err(e) => fill
                        .unreadable
                        .push(format!("{} {}: {e}", PhotoId::KIND, p.id)),
                }
            }
            tx.commit()?;
        }
        Ok(fill)
    }
}

fn print_box(of_child: bool) -> PrintBox {
    if of_child {
        PrintBox::Child
    } else {
        PrintBox::Equipment
    }
}
