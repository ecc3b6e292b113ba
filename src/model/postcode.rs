//! UK postcodes: checked against the BS 7666 shapes and written the standard way ("SW1A 1AA").

/// Checks a postcode typed by a person and returns it in capitals with one space before the
/// inward code, or a message saying what is wrong.
pub fn parse(input: &str) -> Result<String, String> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err("enter the postcode".into());
    }
    if compact == "GIR0AA" {
        return Ok("GIR 0AA".into());
    }
    if let Some(c) = super::check::unsafe_char(input, false) {
        // Not repeated back: it would carry the character to the screen.
        return Err(super::check::unsafe_char_message("postcode", c));
    }
    if !(5..=7).contains(&compact.len()) || !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "'{}' is not a UK postcode: it should look like SW1A 1AA or B21 9RY",
            input.trim()
        ));
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    if !valid_inward(inward) || !valid_outward(outward) {
        return Err(format!(
            "'{}' is not a UK postcode: it should look like SW1A 1AA or B21 9RY",
            input.trim()
        ));
    }
    Ok(format!("{outward} {inward}"))
}

fn valid_inward(inward: &str) -> bool {
    let b = inward.as_bytes();
    b[0].is_ascii_digit()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() && !b"CIKMOV".contains(c))
}

fn valid_outward(outward: &str) -> bool {
    let b = outward.as_bytes();
    let letter = |c: u8| c.is_ascii_uppercase();
    let digit = |c: u8| c.is_ascii_digit();
    // First letter: never Q, V or X. Second letter of a two-letter area: never I, J or Z.
    if !letter(b[0]) || b"QVX".contains(&b[0]) {
        return false;
    }
    let second_letter_ok = |c: u8| letter(c) && !b"IJZ".contains(&c);
    match b.len() {
        // A9
        2 => digit(b[1]),
        // A99, AA9, A9A
        3 => {
            (digit(b[1]) && digit(b[2]))
                || (second_letter_ok(b[1]) && digit(b[2]))
                || (digit(b[1]) && b"ABCDEFGHJKPSTUW".contains(&b[2]))
        }
        // AA99, AA9A
        4 => {
            second_letter_ok(b[1])
                && digit(b[2])
                && (digit(b[3]) || b"ABEHMNPRVWXY".contains(&b[3]))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn accepts_every_outward_shape_and_normalises_spacing() {
        for (input, expected) in [
            ("m1 1aa", "M1 1AA"),        // A9
            ("M60 1NW", "M60 1NW"),      // A99
            ("CR2 6XH", "CR2 6XH"),      // AA9
            ("DN55 1PT", "DN55 1PT"),    // AA99
            ("W1A 1HQ", "W1A 1HQ"),      // A9A
            ("EC1A1BB", "EC1A 1BB"),     // AA9A
            ("  b21   9ry ", "B21 9RY"), // spacing and case
            ("GIR 0AA", "GIR 0AA"),      // the special case
        ] {
            assert_eq!(parse(input).as_deref(), Ok(expected), "{input}");
        }
    }

    #[test]
    fn rejects_letters_never_used_in_a_position() {
        for bad in [
            "QA1 1AA",  // Q never first
            "VX1 1AA",  // V never first
            "AI1 1AA",  // I never second
            "AZ1 1AA",  // Z never second
            "M1 1CA",   // C never in the inward letters
            "M1 1AV",   // V never in the inward letters
            "W1I 1AA",  // I never third in A9A
            "EC1C 1AA", // C never fourth in AA9A
        ] {
            assert!(parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn rejects_the_wrong_shape_with_an_example_of_the_right_one() {
        let err = parse("12345").unwrap_err();
        assert!(err.contains("SW1A 1AA"), "{err}");
        assert!(parse("SW1A-1AA").is_err());
        assert!(parse("SW1A 1AAA").is_err());
        assert_eq!(parse("").unwrap_err(), "enter the postcode");
    }
}
