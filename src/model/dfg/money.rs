//! Money as whole pence in an `i64`, so sums are exact, written as pounds the UK way:
//! "£12,000" or "£1,234.50".

use super::{DfgCase, FundingSplit, GrantFigures};
use std::collections::BTreeMap;

/// The largest amount accepted anywhere in a DFG case: ten million pounds catches a slipped
/// key long before it could overflow a sum.
pub const MAX_PENCE: i64 = 1_000_000_000;

/// "£12,000", "£1,234.50", "-£5": pence only when there are some.
pub fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let abs = pence.unsigned_abs();
    let whole = group_thousands(abs / 100);
    match abs % 100 {
        0 => format!("{sign}£{whole}"),
        p => format!("{sign}£{whole}.{p:02}"),
    }
}

/// "12000.00": pounds with two decimals and no symbol, for spreadsheets.
pub fn plain(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let abs = pence.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads an amount typed in pounds ("12000", "£12,000", "4,250.5") as pence.
pub fn parse_pounds(input: &str) -> Result<i64, String> {
    let text = input.trim();
    let bad = || {
        format!(
            "'{text}' is not an amount in pounds: write it like 12000 or 4250.50, with no more than two decimals"
        )
    };
    if text.is_empty() {
        return Err("enter the amount in pounds".into());
    }
    let digits = text.strip_prefix('£').unwrap_or(text).replace(',', "");
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits.as_str(), ""),
    };
    if whole.is_empty()
        || whole.len() > 12
        || fraction.len() > 2
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    let pence = whole * 100 + fraction;
    if pence > MAX_PENCE {
        return Err(format!(
            "{} is more than any grant could be: check the amount",
            pounds(pence)
        ));
    }
    Ok(pence)
}

fn split_parts(f: &FundingSplit) -> [i64; 4] {
    [
        f.mandatory_pence,
        f.discretionary_pence,
        f.family_pence,
        f.other_pence,
    ]
}

/// Every amount in a case and its figures (stage amounts, estimated costs, funding parts,
/// the maximum grant, the land charge...), each with its words in pounds, so a screen shows
/// money exactly as the core and the printed summary write it.
pub fn amounts_in_pounds(case: &DfgCase, figures: &GrantFigures) -> BTreeMap<i64, String> {
    let mut amounts: Vec<i64> = Vec::new();
    for stage in &case.stages {
        let entry = &stage.entry;
        amounts.extend(entry.amount_pence);
        amounts.extend(
            entry
                .adaptations
                .iter()
                .filter_map(|a| a.estimated_cost_pence),
        );
        amounts.extend(entry.funding.iter().flat_map(split_parts));
    }
    amounts.extend(
        [
            figures.max_grant_pence,
            figures.estimated_cost_pence,
            figures.chosen_quote_pence,
            figures.applied_pence,
            figures.approved_pence,
            figures.paid_pence,
            figures.grant_pence,
            figures.above_max_pence,
            figures.land_charge_pence,
        ]
        .into_iter()
        .flatten(),
    );
    amounts.extend(figures.funding.iter().flat_map(split_parts));
    amounts.into_iter().map(|p| (p, pounds(p))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_are_grouped_and_show_pence_only_when_there_are_some() {
        assert_eq!(pounds(0), "£0");
        assert_eq!(pounds(1_200_000), "£12,000");
        assert_eq!(pounds(123_450), "£1,234.50");
        assert_eq!(pounds(3_000_000_005), "£30,000,000.05");
        assert_eq!(pounds(-500), "-£5");
        assert_eq!(plain(1_200_000), "12000.00");
        assert_eq!(plain(5), "0.05");
    }

    #[test]
    fn every_amount_of_a_case_comes_written_in_pounds() {
        use crate::model::dfg::figures::figures;
        use crate::model::dfg::*;
        use crate::model::{ChildId, DfgCaseId, DfgStageId};
        use chrono::{NaiveDate, TimeZone, Utc};
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
        let mut quote = StageEntry::new(Stage::Quote, day(2, 2), "Mia Patel");
        quote.contractor = "Midland Access Ltd".into();
        quote.amount_pence = Some(3_250_050);
        let mut recommendation = StageEntry::new(Stage::Recommendation, day(1, 26), "Mia Patel");
        recommendation.adaptations = vec![Adaptation {
            kind: AdaptationKind::Stairlift,
            description: String::new(),
            estimated_cost_pence: Some(650_000),
        }];
        let case = DfgCase {
            id: DfgCaseId::new(),
            child_id: ChildId::new(),
            details: DfgCaseDetails::new(Tenure::OwnerOccupier, Jurisdiction::England),
            stages: [recommendation, quote]
                .into_iter()
                .map(|entry| StageRecord {
                    id: DfgStageId::new(),
                    entry,
                    recorded_at: at,
                })
                .collect(),
            notes: Vec::new(),
            opened_at: at,
            updated_at: at,
        };
        let rules = DfgRules::default();
        let figures = figures(
            &case,
            &rules,
            day(1, 1) - chrono::Days::new(3650),
            day(3, 1),
        );
        let words = amounts_in_pounds(&case, &figures);
        assert_eq!(words[&3_250_050], "£32,500.50");
        assert_eq!(words[&650_000], "£6,500");
        assert_eq!(words[&3_000_000], "£30,000", "England's maximum grant");
        let cap = figures.max_grant_pence.unwrap();
        assert_eq!(words[&cap], pounds(cap));
    }

    #[test]
    fn typed_amounts_read_as_pence() {
        for (typed, pence) in [
            ("12000", 1_200_000),
            ("£12,000", 1_200_000),
            (" 4,250.5 ", 425_050),
            ("0.99", 99),
            ("30000.00", 3_000_000),
        ] {
            assert_eq!(parse_pounds(typed), Ok(pence), "{typed}");
        }
        for bad in ["", "twelve", "12.345", "-5", "£", "1e5", ".5", "12 000"] {
            assert!(parse_pounds(bad).is_err(), "{bad} should be refused");
        }
        assert!(
            parse_pounds("99999999")
                .unwrap_err()
                .contains("check the amount")
        );
    }
}
