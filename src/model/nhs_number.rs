//! NHS numbers: ten digits whose last is a Modulus 11 check digit, shown as 3-3-4.

/// Checks an NHS number typed by a person (spaces and dashes allowed) and returns its ten
/// digits, or a message saying what is wrong.
pub fn parse(input: &str) -> Result<String, String> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if digits.is_empty() {
        return Err("enter the NHS number, or leave it blank".into());
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("an NHS number has digits only, like 943 476 5919".into());
    }
    if digits.len() != 10 {
        return Err(format!(
            "an NHS number has 10 digits; this has {}",
            digits.len()
        ));
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    match check_digit(&values[..9]) {
        None => Err(
            "this is not a valid NHS number (its check digit can never be right): check it against the child's records"
                .into(),
        ),
        Some(expected) if expected != values[9] => Err(
            "this is not a valid NHS number (the last digit does not match): check it for a typing mistake"
                .into(),
        ),
        Some(_) => Ok(digits),
    }
}

/// The Modulus 11 check digit for the first nine digits, or `None` when the sum leaves a
/// remainder that would need a check digit of 10: such numbers are never issued.
pub fn check_digit(first_nine: &[u32]) -> Option<u32> {
    let sum: u32 = first_nine
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - (sum % 11) {
        11 => Some(0),
        10 => None,
        d => Some(d),
    }
}

/// Shows ten digits as 3-3-4 ("943 476 5919"); anything else is shown unchanged.
pub fn display(digits: &str) -> String {
    if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
        format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..])
    } else {
        digits.to_string()
    }
}

/// True for numbers in the 999 range, which NHS England reserves for testing.
pub fn is_test_range(digits: &str) -> bool {
    digits.starts_with("999")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_valid_number_written_with_spaces() {
        assert_eq!(parse("943 476 5919").unwrap(), "9434765919");
        assert_eq!(parse("943-476-5919").unwrap(), "9434765919");
    }

    #[test]
    fn check_digit_of_eleven_means_zero() {
        // 999 000 005: weighted sum 253 = 23 x 11, so 11 - 0 = 11, which is written as 0.
        assert_eq!(check_digit(&[9, 9, 9, 0, 0, 0, 0, 0, 5]), Some(0));
        assert_eq!(parse("999 000 0050").unwrap(), "9990000050");
        assert!(parse("9990000051").is_err());
    }

    #[test]
    fn rejects_a_number_whose_check_digit_would_be_ten() {
        // 999 000 000: weighted sum 243 = 22 x 11 + 1, so 11 - 1 = 10: never issued, whatever
        // the tenth digit is.
        assert_eq!(check_digit(&[9, 9, 9, 0, 0, 0, 0, 0, 0]), None);
        for last in 0..=9 {
            let err = parse(&format!("999000000{last}")).unwrap_err();
            assert!(err.contains("can never be right"), "{err}");
        }
    }

    #[test]
    fn rejects_a_wrong_last_digit() {
        let err = parse("9434765918").unwrap_err();
        assert!(err.contains("last digit does not match"), "{err}");
    }

    #[test]
    fn rejects_wrong_length_and_letters() {
        assert!(parse("94347659").unwrap_err().contains("has 8"));
        assert!(parse("94347659190").unwrap_err().contains("has 11"));
        assert!(parse("943476591A").unwrap_err().contains("digits only"));
        assert!(parse("   ").unwrap_err().contains("leave it blank"));
    }

    #[test]
    fn displays_three_three_four() {
        assert_eq!(display("9434765919"), "943 476 5919");
        assert_eq!(display("123"), "123");
    }

    #[test]
    fn test_range_starts_with_999() {
        let n = parse("999 000 0018").unwrap();
        assert!(is_test_range(&n));
        assert!(!is_test_range("9434765919"));
    }
}
