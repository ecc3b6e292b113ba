//! The rule for a caseload's passphrase. The passphrase is never stored: SQLCipher derives the
//! database key from it (PBKDF2-HMAC-SHA512, 256,000 iterations, with a random salt kept in
//! the file), so a lost passphrase cannot be recovered and a weak one is the only way in.

use crate::error::{Error, FieldError};

/// A passphrase of several words is easier to remember than a short password and far harder
/// to guess; ten characters is the floor.
pub const MIN_CHARS: usize = 10;
const MAX_CHARS: usize = 256;

/// Checks a new passphrase before it is used to encrypt a caseload.
pub fn check_new(passphrase: &str) -> Result<(), Error> {
    let n = passphrase.chars().count();
    let message = if passphrase.trim().is_empty() {
        Some("enter a passphrase: it protects every child's record on this computer".to_string())
    } else if n < MIN_CHARS {
        Some(format!(
            "use at least {MIN_CHARS} characters (this has {n}): a few words you will remember, such as 'blue kettle on Tuesday'"
        ))
    } else if n > MAX_CHARS {
        Some(format!("keep the passphrase under {MAX_CHARS} characters"))
    } else if passphrase.chars().all(|c| passphrase.starts_with(c)) {
        Some("use different characters, not one repeated".to_string())
    } else {
        None
    };
    match message {
        Some(message) => Err(Error::Invalid(vec![FieldError::new("passphrase", message)])),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(p: &str) -> Option<String> {
        check_new(p).err().map(|e| e.fields()[0].message.clone())
    }

    #[test]
    fn a_few_words_are_accepted() {
        assert_eq!(message("blue kettle on Tuesday"), None);
        assert_eq!(message("Zoë's wheelchair 42"), None);
    }

    #[test]
    fn short_empty_and_repeated_passphrases_are_refused() {
        assert!(message("").unwrap().starts_with("enter a passphrase"));
        assert!(message("   ").unwrap().starts_with("enter a passphrase"));
        assert!(message("kettle").unwrap().contains("this has 6"));
        assert!(
            message("aaaaaaaaaaaa")
                .unwrap()
                .contains("not one repeated")
        );
        assert!(message(&"ab".repeat(200)).unwrap().contains("under 256"));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(
            message("ŵŷŵŷŵŷŵŷŵ").is_some(),
            "nine characters, eighteen bytes"
        );
        assert!(message("ŵŷŵŷŵŷŵŷŵŷ").is_none());
    }
}
