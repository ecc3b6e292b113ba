//! Money as whole pence in an `i64`, so sums are exact, written as pounds the UK way:
//! "£12,000" or "£1,234.50".

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
