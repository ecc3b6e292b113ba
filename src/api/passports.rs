//! Printing passports — one child's copy, or every child at a setting — and the register of
//! printed copies that says when a school's copy is out of date.

use super::Api;
use crate::error::{Error, Result};
use crate::model::*;
use crate::passport::{
    self, Audience, Format, Language, PassportData, PassportItem, PassportPhoto, PassportSchedule,
    PhotoPolicy, RenderOptions, Rendered, Template, TrainedStaff, WordBook, file_name,
};
use crate::store::issued::{self, IssuedCopy};
use crate::store::photos::StoredPhoto;
use crate::store::{
    children, contacts, evacuation, handling, items, photos, schedules, service_records, settings,
    suppliers, training,
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrintRequest {
    pub audience: Audience,
    pub format: Format,
    /// Body text at 14 pt or more.
    pub large_print: bool,
}

/// The name a copy of a child's passport is saved under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PassportFileName {
    pub request: PrintRequest,
    pub file_name: String,
}

/// A printed copy: the PDF and its entry in the register.
#[derive(Debug, Clone)]
pub struct PrintedCopy {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Characters no font could print (shown as "�"): worth correcting in the record.
    pub unprintable: Vec<char>,
    pub copy: IssuedCopy,
}

/// A copy rendered to look at, and what it was rendered from. Keep it while it is on screen:
/// [`Api::issue_preview`] saves exactly these bytes if nothing has changed since.
#[derive(Debug, Clone)]
pub struct Preview {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Characters no font could print (shown as "�").
    pub unprintable: Vec<char>,
    pub fingerprint: PreviewFingerprint,
}

/// Everything a preview's bytes depend on apart from the clock's time of day and the PDF's
/// id: two fingerprints are equal only when a copy rendered now would print the same. The
/// caseload's change marker (the newest audit entry) moves with any write, so an edit, a
/// copy issued, a new logo or changed preferences all make an older preview stale.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewFingerprint {
    child: ChildId,
    request: PrintRequest,
    printed_on: chrono::NaiveDate,
    /// The language asked for (`None`: the child's own), and the one printed.
    asked_language: Option<Language>,
    language: Language,
    version: u32,
    content_hash: String,
    last_change: i64,
    template: Template,
}

impl PreviewFingerprint {
    /// The child the preview is of.
    pub fn child(&self) -> ChildId {
        self.child
    }

    /// The copy the preview is of.
    pub fn request(&self) -> PrintRequest {
        self.request
    }

    /// The language the preview is printed in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The language the print asked for: `None` when it left it to the child's own.
    pub fn asked_language(&self) -> Option<Language> {
        self.asked_language
    }

    /// The version printed on the preview, which the saved copy will carry.
    pub fn version(&self) -> u32 {
        self.version
    }
}

/// A copy in the register, and whether the child's records would now print differently.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IssuedCopyStatus {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub copy: IssuedCopy,
    pub out_of_date: bool,
}

/// Progress of printing a whole setting.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
}

/// One child whose passport could not be printed, and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchFailure {
    pub child_id: ChildId,
    pub child_name: String,
    pub reason: String,
}

/// What printing a whole setting did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BatchReport {
    pub printed: Vec<String>,
    pub failed: Vec<BatchFailure>,
    /// Stopped by the user before every child was printed.
    pub cancelled: bool,
    pub total: usize,
}

/// Passports rendered at once when printing a whole setting: enough to keep both cores busy
/// without holding hundreds of children's photos in memory.
const BATCH_CHUNK: usize = 8;

impl Api {
    /// The template for an audience: `<data folder>/templates/<audience>.toml` when a trust
    /// has put one there, otherwise the built-in one, with the organisation from preferences.
    pub fn passport_template(&self, audience: Audience) -> Result<Template> {
        let own = self
            .data_dir
            .as_ref()
            .map(|d| {
                d.join("templates")
                    .join(format!("{}.toml", audience.code()))
            })
            .filter(|p| p.exists());
        let template = match own {
            Some(path) => Template::from_file(&path)?,
            None => Template::for_audience(audience),
        };
        self.branded(template)
    }

    /// Reads a template file a trust supplied (for `passport print --template`).
    pub fn template_from_file(&self, path: &Path) -> Result<Template> {
        self.branded(Template::from_file(path)?)
    }

    /// The passport's fixed words: the built-in language file, with the trust's corrections
    /// from `<data folder>/templates/language/passport.toml` when it has put one there.
    pub fn passport_words(&self) -> Result<WordBook> {
        let own = self
            .data_dir
            .as_ref()
            .map(|d| d.join("templates").join("language").join("passport.toml"))
            .filter(|p| p.exists());
        match own {
            Some(path) => WordBook::builtin().with_overrides_from_file(&path),
            None => Ok(WordBook::builtin()),
        }
    }

    fn branded(&self, mut template: Template) -> Result<Template> {
        template = template.with_words(self.passport_words()?);
        let prefs = self.preferences()?;
        if !prefs.organisation.is_empty() {
            template.branding.organisation = prefs.organisation;
        }
        if !prefs.contact_lines.is_empty() {
            template.branding.contact_lines = prefs.contact_lines;
        }
        if let Some(logo) = self.logo_png()? {
            template = template.with_logo_png(&logo)?;
        }
        Ok(template)
    }

    /// Everything one child's passport is printed from. Without photo bytes it is enough to
    /// fingerprint the content.
    pub fn passport_data(&self, child: ChildId, photo_bytes: bool) -> Result<PassportData> {
        let conn = self.store.conn();
        let child = children::get(conn, child)?;
        let setting = match child.details.setting_id {
            Some(id) => Some(settings::get(conn, id)?),
            None => None,
        };
        let items = items::for_child(conn, child.id)?
            .into_iter()
            .map(|item| {
                let service_log = service_records::for_item(conn, item.id)?;
                let safety_notices = self.safety_notice_lines(&item)?;
                let schedules = schedules::for_item(conn, item.id)?
                    .into_iter()
                    .map(|s| PassportSchedule {
                        kind: s.kind,
                        what: s.what(),
                        every_months: s.every_months,
                        last_done: s.last_done,
                        next_due: s.next_due,
                    })
                    .collect();
                Ok(PassportItem {
                    item,
                    service_log,
                    schedules,
                    safety_notices,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(PassportData {
            contacts: contacts::for_child(conn, child.id)?,
            photos: photos::for_child(conn, child.id, photo_bytes)?
                .into_iter()
                .map(|(id, photo)| (id, for_print(photo)))
                .collect(),
            suppliers: suppliers::list(conn)?,
            therapist: self.preferences()?.therapist,
            trained_staff: training::for_child(conn, child.id)?
                .into_iter()
                .map(|t| TrainedStaff {
                    name: t.details.name,
                    role: t.details.role,
                    item_id: Some(t.item_id),
                    item_name: t.item_name,
                    trained_on: Some(t.details.trained_on),
                    trained_by: t.details.trained_by,
                    refresh_by: t.details.refresh_by,
                })
                .collect(),
            handling_plan: handling::plan(conn, child.id)?,
            evacuation_plan: match &setting {
                Some(s) => evacuation::plan(conn, child.id, s.id)?,
                None => None,
            },
            setting,
            items,
            child,
        })
    }

    fn render_options(
        &self,
        request: PrintRequest,
        version: u32,
        language: Language,
    ) -> RenderOptions {
        RenderOptions {
            language,
            audience: request.audience,
            format: request.format,
            large_print: request.large_print,
            printed_on: self.today(),
            created_at: self.now(),
            document_id: *uuid::Uuid::now_v7().as_bytes(),
            version: version.to_string(),
            photos: PhotoPolicy::default(),
        }
    }

    /// Renders a copy to look at, without recording it as issued. It shows what the copy
    /// "Save as…" would issue now (the next version, today's date), so
    /// [`Api::issue_preview`] can save these very bytes while nothing has changed.
    pub fn preview_passport(&self, child: ChildId, request: PrintRequest) -> Result<Preview> {
        self.preview_passport_in(child, request, None)
    }

    /// As [`Api::preview_passport`], in a language chosen for this print (`None`: the child's
    /// own language, or English).
    pub fn preview_passport_in(
        &self,
        child: ChildId,
        request: PrintRequest,
        language: Option<Language>,
    ) -> Result<Preview> {
        // The change marker is read first: a write landing after it makes the preview stale.
        let last_change = issued::last_change(self.store.conn())?;
        let template = self.passport_template(request.audience)?;
        let data = self.passport_data(child, true)?;
        let fingerprint = self.fingerprint(&data, request, template, last_change, language)?;
        let options = self.render_options(request, fingerprint.version, fingerprint.language);
        let rendered = passport::render_with_report(&data, &fingerprint.template, &options)?;
        Ok(Preview {
            pdf: rendered.pdf,
            pages: rendered.pages,
            unprintable: rendered.unprintable,
            fingerprint,
        })
    }

    /// Issues a previewed copy: records it in the register and returns the preview's own bytes
    /// when nothing it was printed from has changed since (the child's records, the register,
    /// preferences, the template, the date), or a fresh rendering when something has.
    pub fn issue_preview(&mut self, preview: &Preview) -> Result<PrintedCopy> {
        let PreviewFingerprint {
            child,
            request,
            asked_language,
            ..
        } = preview.fingerprint;
        let last_change = issued::last_change(self.store.conn())?;
        let template = self.passport_template(request.audience)?;
        let data = self.passport_data(child, false)?;
        let now = self.fingerprint(&data, request, template, last_change, asked_language)?;
        if now != preview.fingerprint {
            return self.render_passport_in(child, request, asked_language);
        }
        let copy = self.issued_copy(&data, request, now.version, now.content_hash, &now.template);
        issued::insert(self.store.conn(), &copy)?;
        Ok(PrintedCopy {
            pdf: preview.pdf.clone(),
            pages: preview.pages,
            unprintable: preview.unprintable.clone(),
            copy,
        })
    }

    /// What a copy of `data` printed now would be made from.
    fn fingerprint(
        &self,
        data: &PassportData,
        request: PrintRequest,
        template: Template,
        last_change: i64,
        asked_language: Option<Language>,
    ) -> Result<PreviewFingerprint> {
        let content_hash = passport::content_hash(data, &template, request.audience);
        let version = issued::next_version(
            self.store.conn(),
            data.child.id,
            request.audience.code(),
            &content_hash,
        )?;
        Ok(PreviewFingerprint {
            child: data.child.id,
            request,
            printed_on: self.today(),
            asked_language,
            language: print_language(data, asked_language),
            version,
            content_hash,
            last_change,
            template,
        })
    }

    /// Prints a child's passport and records the copy in the register.
    pub fn render_passport(
        &mut self,
        child: ChildId,
        request: PrintRequest,
    ) -> Result<PrintedCopy> {
        self.render_passport_in(child, request, None)
    }

    /// As [`Api::render_passport`], in a language chosen for this print (`None`: the child's
    /// own language, or English).
    pub fn render_passport_in(
        &mut self,
        child: ChildId,
        request: PrintRequest,
        language: Option<Language>,
    ) -> Result<PrintedCopy> {
        let template = self.passport_template(request.audience)?;
        self.render_passport_with_in(child, request, &template, language)
    }

    /// As [`Api::render_passport`], with a template the caller chose.
    pub fn render_passport_with(
        &mut self,
        child: ChildId,
        request: PrintRequest,
        template: &Template,
    ) -> Result<PrintedCopy> {
        self.render_passport_with_in(child, request, template, None)
    }

    /// As [`Api::render_passport_with`], in a language chosen for this print.
    pub fn render_passport_with_in(
        &mut self,
        child: ChildId,
        request: PrintRequest,
        template: &Template,
        language: Option<Language>,
    ) -> Result<PrintedCopy> {
        let data = self.passport_data(child, true)?;
        let hash = passport::content_hash(&data, template, request.audience);
        let version =
            issued::next_version(self.store.conn(), child, request.audience.code(), &hash)?;
        let options = self.render_options(request, version, print_language(&data, language));
        let rendered = passport::render_with_report(&data, template, &options)?;
        let copy = self.issued_copy(&data, request, version, hash, template);
        issued::insert(self.store.conn(), &copy)?;
        Ok(PrintedCopy {
            pdf: rendered.pdf,
            pages: rendered.pages,
            unprintable: rendered.unprintable,
            copy,
        })
    }

    fn issued_copy(
        &self,
        data: &PassportData,
        request: PrintRequest,
        version: u32,
        content_hash: String,
        template: &Template,
    ) -> IssuedCopy {
        IssuedCopy {
            id: uuid::Uuid::now_v7().to_string(),
            child_id: data.child.id,
            audience: request.audience.code().into(),
            format: request.format.code().into(),
            large_print: request.large_print,
            printed_on: self.today(),
            printed_at: self.now(),
            version,
            content_hash,
            setting_id: match request.audience {
                Audience::School => data.child.details.setting_id,
                Audience::Family => None,
            },
            template: template.source.clone(),
        }
    }

    /// A child's printed copies, newest first, each marked out of date when the child's
    /// records would now print differently for that audience.
    pub fn issued_copies(&self, child: ChildId) -> Result<Vec<IssuedCopyStatus>> {
        let copies = issued::for_child(self.store.conn(), child)?;
        if copies.is_empty() {
            return Ok(Vec::new());
        }
        let data = self.passport_data(child, false)?;
        let mut current = std::collections::HashMap::new();
        copies
            .into_iter()
            .map(|copy| {
                let audience: Audience = copy.audience.parse().map_err(Error::Pdf)?;
                let hash = match current.entry(audience) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let template = self.passport_template(audience)?;
                        e.insert(passport::content_hash(&data, &template, audience))
                    }
                };
                let out_of_date = *hash != copy.content_hash;
                Ok(IssuedCopyStatus { copy, out_of_date })
            })
            .collect()
    }

    /// The newest school copy of each child (of those given, or the whole caseload) whose
    /// records would now print differently.
    pub fn out_of_date_school_copies(&self, only: Option<&[ChildId]>) -> Result<Vec<IssuedCopy>> {
        let latest = issued::latest(self.store.conn(), Audience::School.code(), only)?;
        if latest.is_empty() {
            return Ok(Vec::new());
        }
        let template = self.passport_template(Audience::School)?;
        let mut stale = Vec::new();
        for copy in latest {
            let data = self.passport_data(copy.child_id, false)?;
            if passport::content_hash(&data, &template, Audience::School) != copy.content_hash {
                stale.push(copy);
            }
        }
        Ok(stale)
    }

    /// Prints every child at a setting into `out_dir`, rendering several at once. One child's
    /// failure is reported and does not stop the others; `cancel` stops between children.
    pub fn print_setting(
        &mut self,
        setting: SettingId,
        request: PrintRequest,
        out_dir: &Path,
        progress: &(dyn Fn(BatchProgress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<BatchReport> {
        self.print_setting_in(setting, request, None, out_dir, progress, cancel)
    }

    /// As [`Api::print_setting`], every copy in `language` when given, otherwise each in its
    /// child's own language (or English).
    pub fn print_setting_in(
        &mut self,
        setting: SettingId,
        request: PrintRequest,
        language: Option<Language>,
        out_dir: &Path,
        progress: &(dyn Fn(BatchProgress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<BatchReport> {
        let children = self.children_in_setting(setting)?;
        std::fs::create_dir_all(out_dir)
            .map_err(|e| Error::io(format!("could not create {}", out_dir.display()), e))?;
        let template = self.passport_template(request.audience)?;
        let total = children.len();
        let done = AtomicUsize::new(0);
        let mut report = BatchReport {
            printed: Vec::new(),
            failed: Vec::new(),
            cancelled: false,
            total,
        };
        let mut names = FileNames::default();
        progress(BatchProgress { done: 0, total });
        for chunk in children.chunks(BATCH_CHUNK) {
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            // Gather from the database one child at a time, then render the chunk in parallel.
            let mut jobs = Vec::new();
            for child in chunk {
                match self.passport_data(child.id, true) {
                    Ok(data) => {
                        let hash = passport::content_hash(&data, &template, request.audience);
                        let version = issued::next_version(
                            self.store.conn(),
                            child.id,
                            request.audience.code(),
                            &hash,
                        )?;
                        let options =
                            self.render_options(request, version, print_language(&data, language));
                        jobs.push((data, hash, version, options));
                    }
                    Err(e) => report.failed.push(failure(child, &e)),
                }
            }
            let rendered: Vec<(PassportData, String, u32, Result<Rendered>)> = jobs
                .into_par_iter()
                .map(|(data, hash, version, options)| {
                    let result = if cancel.load(Ordering::Relaxed) {
                        Err(Error::Conflict("printing was cancelled".into()))
                    } else {
                        passport::render_with_report(&data, &template, &options)
                    };
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(BatchProgress { done: n, total });
                    (data, hash, version, result)
                })
                .collect();
            let mut copies = Vec::new();
            for (data, hash, version, result) in rendered {
                let written = result.and_then(|r| {
                    let path = names.path_for(out_dir, &data.child, request);
                    // The file is named after the child, so the reason names the folder: a
                    // report (and the CLI's output) carries the child's id, never their name.
                    std::fs::write(&path, &r.pdf).map_err(|e| {
                        Error::io(
                            format!("could not write the passport into {}", out_dir.display()),
                            e,
                        )
                    })?;
                    Ok(path)
                });
                match written {
                    Ok(path) => {
                        copies.push(self.issued_copy(&data, request, version, hash, &template));
                        report.printed.push(path.display().to_string());
                    }
                    Err(e) => report.failed.push(failure(&data.child, &e)),
                }
            }
            let tx = self.store.transaction()?;
            for copy in &copies {
                issued::insert(&tx, copy)?;
            }
            tx.commit()?;
        }
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
        }
        Ok(report)
    }
}

/// The language a copy is printed in: the one asked for, else the child's own, else English.
fn print_language(data: &PassportData, asked: Option<Language>) -> Language {
    asked.or(data.child.details.language).unwrap_or_default()
}

/// The store's photo as the passport takes it.
fn for_print(photo: StoredPhoto) -> PassportPhoto {
    let StoredPhoto {
        jpeg,
        thumbnail,
        print,
        width,
        height,
        sha256,
    } = photo;
    PassportPhoto {
        jpeg,
        thumbnail,
        print,
        width,
        height,
        sha256,
    }
}

fn failure(child: &Child, e: &Error) -> BatchFailure {
    BatchFailure {
        child_id: child.id,
        child_name: child.details.display_name(),
        reason: e.to_string(),
    }
}

/// File names for a batch, as [`file_name::passport`] names them, numbered if two children
/// share a name: "Okafor, Amara - school passport (2).pdf".
#[derive(Default)]
struct FileNames {
    used: std::collections::HashSet<PathBuf>,
}

impl FileNames {
    fn path_for(&mut self, dir: &Path, child: &Child, request: PrintRequest) -> PathBuf {
        let name = passport_file_name(&child.details, request);
        let stem = name.strip_suffix(".pdf").unwrap_or(&name);
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{stem}.pdf")
            } else {
                format!("{stem} ({n}).pdf")
            };
            let path = dir.join(name);
            if self.used.insert(path.clone()) {
                return path;
            }
            n += 1;
        }
    }
}

/// The name a child's passport printed as `request` is saved under.
fn passport_file_name(child: &ChildDetails, request: PrintRequest) -> String {
    file_name::passport(child, request.audience, request.format, request.large_print)
}

/// Every copy a child's passport can be printed as, each with the name it is saved under: the
/// desktop app offers the one matching the options chosen.
pub(super) fn passport_file_names(child: &ChildDetails) -> Vec<PassportFileName> {
    let mut names = Vec::new();
    for audience in [Audience::School, Audience::Family] {
        for format in [Format::A4, Format::A5Booklet] {
            for large_print in [false, true] {
                let request = PrintRequest {
                    audience,
                    format,
                    large_print,
                };
                names.push(PassportFileName {
                    file_name: passport_file_name(child, request),
                    request,
                });
            }
        }
    }
    names
}
