//! Writes the TypeScript types of everything that crosses to the web view into
//! `ui/src/generated/`, from the Rust types themselves, with the label tables of the core's
//! closed lists (`labels.ts`). `--check` compares instead of writing and fails when the
//! committed files are stale (CI runs it).

#[path = "export_types/labels.rs"]
mod labels;

use equipment_passport::api::*;
use equipment_passport::bundle::{ExistingChild, ImportReport};
use equipment_passport::demo::DemoSummary;
use equipment_passport::model::dfg::*;
use equipment_passport::model::*;
use equipment_passport_desktop::commands::dfg::SavedDfgSummary;
use equipment_passport_desktop::commands::due::SavedCalendar;
use equipment_passport_desktop::commands::equipment::PhotoAdded;
use equipment_passport_desktop::commands::labels::SavedLabels;
use equipment_passport_desktop::commands::passports::SavedPassport;
use equipment_passport_desktop::commands::transfer::CsvColumn;
use equipment_passport_desktop::error::CommandError;
use equipment_passport_desktop::state::SessionState;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

fn export_all(dir: &Path) -> Result<(), ts_rs::ExportError> {
    export_types(dir)?;
    std::fs::write(dir.join(labels::FILE_NAME), labels::render())?;
    Ok(())
}

fn export_types(dir: &Path) -> Result<(), ts_rs::ExportError> {
    let cfg = Config::new().with_large_int("number").with_out_dir(dir);
    macro_rules! export {
        ($($t:ty),+ $(,)?) => {$( <$t>::export_all(&cfg)?; )+};
    }
    export!(
        CommandError,
        SessionState,
        PhotoAdded,
        SavedPassport,
        SavedCalendar,
        SavedLabels,
        SearchResults,
        HistoryPage,
        ChildRecord,
        ItemRecord,
        DatabaseCheck,
        Preferences,
        PrintRequest,
        IssuedCopyStatus,
        BatchProgress,
        BatchReport,
        DemoSummary,
        DueEntry,
        ChildDetails,
        Child,
        ContactDetails,
        Contact,
        SettingDetails,
        Setting,
        SupplierDetails,
        Supplier,
        ItemDetails,
        EquipmentItem,
        ItemPhoto,
        ServiceRecordDetails,
        ServiceRecord,
        ServiceIntervals,
        Category,
        ContactRole,
        SettingKind,
        SupplierKind,
        WhereUsed,
        ItemStatus,
        Day,
        Tier,
        WheelchairType,
        WheelchairBudget,
        ServiceKind,
        Outcome,
        DueKind,
        StatementColour,
        HandlingTask,
        EvacuationPlan,
        EvacuationSession,
        NamedAdult,
        TrainingDetails,
        TrainingRecord,
        Schedule,
        ScheduleDetails,
        ScheduleDone,
        ScheduleKind,
        NoticeDetails,
        SerialRange,
        SafetyNotice,
        NoticeMatch,
        NoticeAction,
        NoticeActionDetails,
        NoticeRecord,
        NoticeSummary,
        AffectedItem,
        ItemNoticeFlag,
        ChildNoticeFlag,
        DfgCaseRecord,
        DfgCaseSummary,
        DfgCaseFilter,
        DfgCaseDetails,
        Tenure,
        Jurisdiction,
        AdaptationKind,
        Stage,
        CaseStatus,
        ClockKind,
        ClockState,
        Scheme,
        StageEntry,
        StatusChange,
        CaseNote,
        DfgRules,
        SavedDfgSummary,
        AuditEntry,
        AuditAction,
        FieldChange,
        RecordKind,
        RecordRef,
        BackupReport,
        RestoreReport,
        BackupFile,
        ExportReport,
        ImportReport,
        ExistingChild,
        CsvImportMode,
        CsvImportReport,
        CsvColumn,
    );
    Ok(())
}

fn files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    (
                        e.file_name().into(),
                        std::fs::read_to_string(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn main() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/generated");
    let check = std::env::args().any(|a| a == "--check");
    if check {
        let fresh = std::env::temp_dir().join(format!("ep-types-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&fresh);
        export_all(&fresh).expect("types export");
        let same = files(&fresh) == files(&target);
        let _ = std::fs::remove_dir_all(&fresh);
        if !same {
            eprintln!(
                "ui/src/generated is stale: run `cargo run -p equipment-passport-desktop --bin export-types` and commit the result"
            );
            std::process::exit(1);
        }
        println!("ui/src/generated is up to date");
    } else {
        let _ = std::fs::remove_dir_all(&target);
        export_all(&target).expect("types export");
        println!("wrote {}", target.display());
    }
}
