//! Asking before a deletion. A person at a terminal confirms by typing; a script, which has no
//! terminal to be asked at, must say `--yes` or nothing is deleted.

use anyhow::{Context, Result, bail};
use std::io::{BufRead, IsTerminal, Write};

/// What a person types to confirm.
pub enum Confirmation<'a> {
    /// The name itself (a child's first name): a slip of the finger cannot delete a child.
    TypeName(&'a str),
    /// "y" or "yes".
    YesNo,
}

/// Whether to go ahead with deleting `what`. With `--yes` (`yes`), at once; at a terminal,
/// after printing `question` and reading the answer; with no terminal, never: that is an error
/// telling the script to add `--yes`.
pub fn deletion(yes: bool, what: &str, question: &str, confirm: Confirmation) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "{what} was not deleted: there is no terminal to ask for confirmation, so give --yes to delete from a script"
        );
    }
    let prompt = match confirm {
        Confirmation::TypeName(name) => format!("Type \"{name}\" to confirm: "),
        Confirmation::YesNo => "Delete it? [y/N] ".to_string(),
    };
    eprintln!("{question}");
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("could not read the answer")?;
    Ok(confirmed(&answer, &confirm))
}

/// Whether `answer` confirms: the name typed again (case and surrounding spaces aside), or a
/// yes. Anything else, an empty line included, keeps the record.
fn confirmed(answer: &str, confirm: &Confirmation) -> bool {
    let answer = answer.trim();
    match confirm {
        Confirmation::TypeName(name) => {
            !answer.is_empty() && answer.to_lowercase() == name.trim().to_lowercase()
        }
        Confirmation::YesNo => matches!(answer.to_lowercase().as_str(), "y" | "yes"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Confirmation, confirmed};

    #[test]
    fn a_child_is_deleted_only_when_their_name_is_typed() {
        let name = Confirmation::TypeName("Zoë");
        assert!(confirmed("Zoë\n", &name));
        assert!(confirmed("  zoË \r\n", &name));
        assert!(!confirmed("y\n", &name));
        assert!(!confirmed("Zoe\n", &name));
        assert!(!confirmed("\n", &name));
    }

    #[test]
    fn an_item_is_deleted_on_a_yes_and_kept_on_anything_else() {
        let yes_no = Confirmation::YesNo;
        assert!(confirmed("y\n", &yes_no));
        assert!(confirmed("YES\n", &yes_no));
        assert!(!confirmed("\n", &yes_no));
        assert!(!confirmed("n\n", &yes_no));
        assert!(!confirmed("yep\n", &yes_no));
    }
}
