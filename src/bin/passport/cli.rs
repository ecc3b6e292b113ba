//! The command line's shape: commands, arguments and their help text.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "passport",
    after_help = "The caseload is encrypted. At a terminal you are asked for its passphrase; scripts set PASSPORT_PASSPHRASE instead.",
    version,
    about = "Equipment Passport: children's specialist equipment, service and LOLER dates, and printable passports",
    long_about = None
)]
pub struct Cli {
    /// Folder holding the caseload database (default: the app's per-user data folder, shared
    /// with the desktop app).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print JSON for scripts instead of text for people.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Load a sample caseload of synthetic children (only into an empty caseload).
    Demo,
    /// List or search the caseload.
    Children(ChildrenArgs),
    /// Show, add, change or delete one child.
    #[command(subcommand)]
    Child(ChildCommand),
    /// Schools, nurseries and colleges.
    #[command(subcommand)]
    Setting(SettingCommand),
    /// The supplier directory: wheelchair services, equipment services, repairers.
    #[command(subcommand)]
    Supplier(SupplierCommand),
    /// Add, show, change or delete a piece of equipment.
    #[command(subcommand)]
    Item(ItemCommand),
    /// Add photos to equipment.
    #[command(subcommand)]
    Photo(PhotoCommand),
    /// Record LOLER examinations, services, repairs and safety checks.
    #[command(subcommand)]
    Service(ServiceCommand),
    /// LOLER thorough examination reports with every Schedule 1 particular: the competent
    /// person, safe working loads, safe to operate, defects and their repair-by dates.
    #[command(subcommand)]
    Exam(crate::exams::ExamCommand),
    /// Everything overdue or due soon across the caseload, soonest first.
    Due(DueArgs),
    /// An item's schedules: LOLER, service, review, sling inspection, battery test,
    /// calibration or a check you name, each with how often, last done and next due.
    #[command(subcommand)]
    Schedule(crate::schedules::ScheduleCommand),
    /// The register of staff trained to use each item: who, their role, by whom, when, and
    /// when a refresher is due (printed on the passport's "Staff trained" page).
    #[command(subcommand)]
    Trained(crate::trained::TrainedCommand),
    /// A child's personal emergency evacuation plan for their setting (printed on the school
    /// copy): show it, set it from a JSON file, remove it.
    #[command(subcommand)]
    Evacuation(crate::evacuation::EvacuationCommand),
    /// Field safety notices: record one and see every affected item and the child who has
    /// it; record what was done about each; close it when all are dealt with.
    #[command(subcommand)]
    Notice(crate::notices::NoticeCommand),
    /// Disabled Facilities Grant cases: stages, statutory clocks, grant figures, exports.
    #[command(subcommand)]
    Dfg(crate::dfg::DfgCommand),
    /// Print a child's Equipment Passport, or every child's at a setting, as PDF.
    Print(PrintArgs),
    /// A sheet of equipment labels (A4, 14 to a sheet, Avery L7163 size) for one child's
    /// equipment (--child ID) or a school's (--setting ID): item, first name, serial, last and
    /// next examination, who repairs it, and a QR code a phone reads as that text.
    Labels(LabelsArgs),
    /// The printed copies of a child's passport, and whether each is out of date.
    Issued {
        #[arg(long)]
        child: String,
    },
    /// The therapist who signs passports off, and the organisation on their covers.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Look after the database.
    #[command(subcommand)]
    Db(DbCommand),
    /// The caseload's passphrase.
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Every change to a child and their records (--child ID), or to one piece of equipment
    /// (--item ID): who, when, and each field's old and new value.
    Audit(AuditArgs),
    /// Write a backup of the whole caseload to FILE, encrypted with its passphrase (safe while
    /// the desktop app is open). Daily automatic backups are kept in the data folder's backups/.
    Backup { file: PathBuf },
    /// Replace the caseload with a backup. The backup is checked first (passphrase, integrity,
    /// version) and the replaced caseload is kept in backups/. With no caseload yet, the backup
    /// becomes it. A backup made under an older passphrase: PASSPORT_BACKUP_PASSPHRASE.
    Restore { file: PathBuf },
    /// Export one child (--child ID) or the whole caseload (--all) to an encrypted .passport
    /// bundle, for handing a child over to another team or giving a family their copy.
    Export(crate::bundle::ExportArgs),
    /// Import a .passport bundle. Everything is checked before anything is written; a child
    /// already on the caseload is skipped, replaced or imported as a copy (--existing).
    Import(crate::bundle::ImportArgs),
    /// Import equipment from a spreadsheet saved as CSV: every row or none (the default), the
    /// good rows only, or a dry run that lists every problem by line and column.
    ImportCsv(crate::csv_import::ImportCsvArgs),
    /// Team mode's server, for the trust's database administrator: create or upgrade the
    /// team's schema on PostgreSQL, and add, list or remove the team's logins.
    #[command(subcommand)]
    Team(crate::team::TeamCommand),
}

/// Whose history `passport audit` prints: one child's or one item's.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct AuditArgs {
    /// The child's id (a deleted child's history is kept too).
    #[arg(long)]
    pub child: Option<String>,
    /// An equipment item's id: the item, its set-up steps, photos and service records (a
    /// deleted item's history is kept too).
    #[arg(long)]
    pub item: Option<String>,
}

#[derive(Subcommand)]
pub enum PassphraseCommand {
    /// Re-encrypt the caseload with a new passphrase (asks for the current one first; scripts
    /// give the new one in PASSPORT_NEW_PASSPHRASE).
    Change,
}

#[derive(Args)]
pub struct ChildrenArgs {
    /// Name, preferred name, NHS number or setting; accents and case are ignored.
    #[arg(long, short)]
    pub search: Option<String>,
    /// Only children at this setting (its id).
    #[arg(long)]
    pub setting: Option<String>,
    /// Show at most this many.
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
}

#[derive(Subcommand)]
pub enum ChildCommand {
    /// Everything about one child: details, contacts and equipment.
    Show { id: String },
    /// Add a child; prints the new child's id.
    Add(ChildAddArgs),
    /// Change a child's details: only the options given change, the rest stay as stored.
    /// Prints each change; the child's history records them as one change.
    Edit(ChildEditArgs),
    /// Delete a child with everything recorded about them: contacts, equipment, photos and
    /// service logs (their history is kept). At a terminal you are asked first.
    Delete(DeleteArgs),
}

/// `passport child edit`: the options of `child add`, each optional. An empty value
/// (`--class ""`) clears an optional field: --nhs, --setting, --preferred, --class, --language.
#[derive(Args)]
#[command(
    after_help = "Give an optional field an empty value to clear it, e.g. --class \"\" or --setting \"\". Name and date of birth cannot be cleared."
)]
pub struct ChildEditArgs {
    /// The child's id.
    pub id: String,
    /// First (given) name.
    #[arg(long)]
    pub given: Option<String>,
    /// Last (family) name.
    #[arg(long)]
    pub family: Option<String>,
    /// Date of birth, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dob: Option<String>,
    /// NHS number (10 digits; spaces allowed); "" clears it.
    #[arg(long)]
    pub nhs: Option<String>,
    /// The setting's id (see `passport setting list`); "" leaves the child with no setting.
    #[arg(long)]
    pub setting: Option<String>,
    /// The name the child likes to be called; "" clears it.
    #[arg(long)]
    pub preferred: Option<String>,
    /// Year group or class; "" clears it.
    #[arg(long)]
    pub class: Option<String>,
    /// The passport's language: en, cy or cy-en; "" clears it (English).
    #[arg(long)]
    pub language: Option<String>,
}

/// `child delete` and `item delete`: which record, and the confirmation a script gives.
#[derive(Args)]
pub struct DeleteArgs {
    /// The id of what to delete.
    pub id: String,
    /// Delete without asking: needed when there is no terminal to ask at (scripts).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args)]
pub struct ChildAddArgs {
    /// First (given) name.
    #[arg(long)]
    pub given: String,
    /// Last (family) name.
    #[arg(long)]
    pub family: String,
    /// Date of birth, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dob: String,
    /// NHS number (10 digits; spaces allowed).
    #[arg(long)]
    pub nhs: Option<String>,
    /// The setting's id (see `passport setting list`).
    #[arg(long)]
    pub setting: Option<String>,
    /// The name the child likes to be called.
    #[arg(long)]
    pub preferred: Option<String>,
    /// Year group or class.
    #[arg(long)]
    pub class: Option<String>,
    /// The language the child's passport is printed in unless a print says otherwise: en
    /// (English), cy (Welsh) or cy-en (bilingual, Welsh first).
    #[arg(long)]
    pub language: Option<String>,
}

#[derive(Subcommand)]
pub enum SettingCommand {
    /// List the settings with their ids.
    List,
    /// Add a setting; prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// school, nursery or college.
        #[arg(long, default_value = "school")]
        kind: String,
        #[arg(long)]
        postcode: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        senco: Option<String>,
        #[arg(long)]
        senco_email: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum SupplierCommand {
    /// List the supplier directory with ids.
    List,
}

#[derive(Subcommand)]
pub enum ItemCommand {
    /// Add a piece of equipment to a child; prints its id.
    Add(Box<ItemAddArgs>),
    /// Everything about one item, with its service log.
    Show { id: String },
    /// Change an item's details: only the options given change, the rest stay as stored.
    /// Prints each change; the item's history records them as one change (and a new review
    /// date as a change to its review schedule).
    Edit(Box<ItemEditArgs>),
    /// Delete an item with its photos and service log (its history is kept). At a terminal
    /// you are asked first.
    Delete(DeleteArgs),
}

/// `passport item edit`: the options of `item add`, each optional. An empty value
/// (`--serial ""`) clears an optional field: --serial, --make, --model, --lot, --made, --review.
#[derive(Args)]
#[command(
    after_help = "Give an optional field an empty value to clear it, e.g. --serial \"\" or --made \"\" (--review \"\" removes the review schedule). The name, category, place of use and staff needed cannot be cleared, nor a sling's id."
)]
pub struct ItemEditArgs {
    /// The item's id.
    pub id: String,
    /// seating, standing-frame, walker, hoist, sling, bathing, toileting, sleep-system,
    /// splint, transport-seat, wheelchair, special-buggy or other.
    #[arg(long)]
    pub category: Option<String>,
    /// What staff call it.
    #[arg(long)]
    pub name: Option<String>,
    /// Serial number or asset tag; "" clears it.
    #[arg(long)]
    pub serial: Option<String>,
    /// The manufacturer; "" clears it.
    #[arg(long)]
    pub make: Option<String>,
    /// The model; "" clears it.
    #[arg(long)]
    pub model: Option<String>,
    /// The lot or batch number on its label; "" clears it.
    #[arg(long)]
    pub lot: Option<String>,
    /// The date of manufacture on its label, YYYY-MM-DD; "" clears it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub made: Option<String>,
    /// home, school or both.
    #[arg(long = "where")]
    pub where_used: Option<String>,
    /// How many staff are needed to use it (1 to 4).
    #[arg(long)]
    pub staff: Option<u8>,
    /// For a sling: the unique id on its label.
    #[arg(long)]
    pub sling_id: Option<String>,
    /// When the item is next reviewed, YYYY-MM-DD: moves its review schedule's next date, or
    /// gives it a yearly review from that date; "" removes its review schedule. Recorded in
    /// the item's history as a change to its schedule.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub review: Option<String>,
}

#[derive(Args)]
pub struct ItemAddArgs {
    /// The child's id.
    #[arg(long)]
    pub child: String,
    /// seating, standing-frame, walker, hoist, sling, bathing, toileting, sleep-system,
    /// splint, transport-seat, wheelchair, special-buggy or other.
    #[arg(long)]
    pub category: String,
    /// What staff call it, e.g. "Classroom seating system".
    #[arg(long)]
    pub name: String,
    /// Serial number or asset tag.
    #[arg(long)]
    pub serial: Option<String>,
    /// The manufacturer, e.g. "Oxford".
    #[arg(long)]
    pub make: Option<String>,
    /// The model, e.g. "Presence".
    #[arg(long)]
    pub model: Option<String>,
    /// The lot or batch number on its label (GS1 AI 10): safety notices name units by it.
    #[arg(long)]
    pub lot: Option<String>,
    /// The date of manufacture on its label (GS1 AI 11), YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub made: Option<String>,
    /// home, school or both.
    #[arg(long = "where", default_value = "school")]
    pub where_used: String,
    /// How many staff are needed to use it (1 to 4).
    #[arg(long, default_value_t = 1)]
    pub staff: u8,
    /// For a sling: the unique id on its label.
    #[arg(long)]
    pub sling_id: Option<String>,
}

#[derive(Subcommand)]
pub enum PhotoCommand {
    /// Add a photo (JPEG, PNG or WebP) to the end of an item's gallery.
    Add {
        /// The item's id.
        #[arg(long)]
        item: String,
        /// The photo file.
        file: PathBuf,
        #[arg(long, default_value = "")]
        caption: String,
    },
}

#[derive(Subcommand)]
pub enum ServiceCommand {
    /// Record a LOLER examination, service, repair or safety check.
    Add {
        #[arg(long)]
        item: String,
        /// loler, service, repair or safety-check.
        #[arg(long)]
        kind: String,
        /// When it was done, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Engineer or company.
        #[arg(long)]
        by: String,
        /// pass, advisory or fail.
        #[arg(long, default_value = "pass")]
        outcome: String,
        #[arg(long)]
        notes: Option<String>,
        /// When the next one is due (default: from the service intervals).
        #[arg(long, value_name = "YYYY-MM-DD")]
        next_due: Option<String>,
    },
}

#[derive(Args)]
pub struct LabelsArgs {
    /// Label this child's equipment (their id).
    #[arg(long, conflicts_with = "setting", required_unless_present = "setting")]
    pub child: Option<String>,
    /// Label the equipment used at this school or nursery (its id).
    #[arg(long)]
    pub setting: Option<String>,
    /// The PDF file to write, or a folder to write it into under its usual name.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

#[derive(Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["child", "setting"])))]
pub struct PrintArgs {
    /// Print this child's passport (their id) into the file given by --out, or into the folder
    /// given by --out under its usual name ("Okafor, Amara - school passport.pdf").
    #[arg(long)]
    pub child: Option<String>,
    /// Print the passport of every child at this setting (its id) into the folder --out.
    #[arg(long)]
    pub setting: Option<String>,
    /// school (no home address, NHS number or finances) or family (everything).
    #[arg(long, default_value = "school")]
    pub audience: String,
    /// a4, or a5-booklet (A5 pages two to an A4 sheet: print on both sides, flipping on the
    /// short edge, fold and staple).
    #[arg(long, default_value = "a4")]
    pub format: String,
    /// Body text at 14 pt or more.
    #[arg(long)]
    pub large_print: bool,
    /// A passport template (TOML) to use instead of the standard one for the audience.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// The language of the passport's fixed words: en (English), cy (Welsh) or cy-en
    /// (bilingual, Welsh first). Left out, each child's own language (English if not set).
    #[arg(long)]
    pub language: Option<String>,
    /// The PDF file to write (one child), or the folder to write into (a child or a setting).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

#[derive(Subcommand)]
pub enum ProfileCommand {
    /// Show the profile.
    Show,
    /// Set who signs passports off and the organisation on their covers.
    Set {
        #[arg(long)]
        name: Option<String>,
        /// e.g. "Occupational Therapist".
        #[arg(long)]
        profession: Option<String>,
        /// HCPC registration number, e.g. OT12345.
        #[arg(long)]
        hcpc: Option<String>,
        #[arg(long)]
        organisation: Option<String>,
    },
}

#[derive(Args)]
pub struct DueArgs {
    /// Include what falls due within this many days (overdue is always included). Default:
    /// 30 for the list, a year (366 days) for a calendar file.
    #[arg(long)]
    pub within: Option<u32>,
    /// Write the due dates to this iCalendar file instead, one all-day event each, to import
    /// into Outlook, Google or Apple calendars. Importing a newer file moves the events rather
    /// than adding more. Events name the item and the child's initials only.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<std::path::PathBuf>,
}

/// How far ahead `passport due` looks when `--within` is not given.
pub const DUE_LIST_DAYS: u32 = 30;

#[derive(Subcommand)]
pub enum DbCommand {
    /// Check the database's integrity and schema version.
    Check,
    /// Make the print copies that photos stored before version 5 lack, so their passports
    /// print without resizing them each time (the desktop app does this after unlocking).
    PrintCopies,
}
