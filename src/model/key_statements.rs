//! The most important things first: up to three short statements in each of three colours,
//! as hospital passports print them (red, amber, green), so whoever opens the passport reads
//! what must never happen before anything else.

use super::check::{Check, tidy};
use super::labelled::labelled_enum;
use serde::{Deserialize, Serialize};

/// How many statements of one colour a child may have: the page after the cover has room for
/// three of each, and a fourth "most important" thing is not read as one.
pub const MAX_PER_COLOUR: usize = 3;

labelled_enum! {
    /// The colour of a statement, which says how much it matters. The label is the short
    /// name printed beside the colour, so the box reads the same in black and white.
    pub enum StatementColour ("a statement colour") {
        Red => ("red", "Must never happen"),
        Amber => ("amber", "Keep me safe"),
        Green => ("green", "Helps me enjoy it"),
    }
}

impl StatementColour {
    /// The heading of the colour's box, in the child's voice.
    pub fn heading(self) -> &'static str {
        match self {
            StatementColour::Red => "Things that must never happen",
            StatementColour::Amber => "Keep me safe with my equipment",
            StatementColour::Green => "What helps me enjoy it",
        }
    }

    /// What one statement of this colour is called in an error message.
    fn noun(self) -> &'static str {
        match self {
            StatementColour::Red => "'must never happen' statement",
            StatementColour::Amber => "'keep me safe' statement",
            StatementColour::Green => "'helps me enjoy it' statement",
        }
    }
}

/// The child's most important things, each list in the order it is printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct KeyStatements {
    /// Things that must never happen, e.g. "Never lift me without two adults".
    pub red: Vec<String>,
    /// How to keep the child safe with their equipment.
    pub amber: Vec<String>,
    /// What helps the child enjoy it.
    pub green: Vec<String>,
}

impl KeyStatements {
    /// Each colour with its statements, red first: the order they are printed and checked in.
    pub fn by_colour(&self) -> [(StatementColour, &[String]); 3] {
        [
            (StatementColour::Red, &self.red),
            (StatementColour::Amber, &self.amber),
            (StatementColour::Green, &self.green),
        ]
    }

    /// True when no colour has a statement (nothing extra is printed).
    pub fn is_empty(&self) -> bool {
        self.red.is_empty() && self.amber.is_empty() && self.green.is_empty()
    }

    /// Tidies each statement, checks it where it was given (so an error names the box it was
    /// typed in, blank boxes and all), then drops the blank ones and counts what is left.
    /// Errors are named `key_statements.red[1]` for one statement, `key_statements.red` for
    /// the list.
    pub(crate) fn check(&mut self, check: &mut Check) {
        for (colour, list) in [
            (StatementColour::Red, &mut self.red),
            (StatementColour::Amber, &mut self.amber),
            (StatementColour::Green, &mut self.green),
        ] {
            let path = format!("key_statements.{}", colour.code());
            for (i, statement) in list.iter_mut().enumerate() {
                tidy(statement);
                check.line(&format!("{path}[{i}]"), colour.noun(), statement);
            }
            list.retain(|s| !s.is_empty());
            if list.len() > MAX_PER_COLOUR {
                check.fail(
                    path,
                    format!(
                        "there are {} {}s: keep the {MAX_PER_COLOUR} that matter most (the passport prints {MAX_PER_COLOUR} of each colour)",
                        list.len(),
                        colour.noun()
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MAX_LINE;

    fn problems(mut statements: KeyStatements) -> Vec<(String, String)> {
        let mut check = Check::new();
        statements.check(&mut check);
        match check.finish() {
            Ok(()) => vec![],
            Err(e) => e
                .fields()
                .iter()
                .map(|f| (f.field.clone(), f.message.clone()))
                .collect(),
        }
    }

    fn tidied(mut statements: KeyStatements) -> KeyStatements {
        let mut check = Check::new();
        statements.check(&mut check);
        check.finish().unwrap();
        statements
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn three_statements_of_each_colour_are_accepted() {
        let s = KeyStatements {
            red: strings(&[
                "Never lift me without two adults",
                "Never leave me in the hoist",
                "Never tip the chair back",
            ]),
            amber: strings(&[
                "Brakes on before I move",
                "Check the sling label",
                "Lap belt first",
            ]),
            green: strings(&[
                "Sing to me",
                "Tell me what comes next",
                "Let me hold the strap",
            ]),
        };
        assert_eq!(tidied(s.clone()), s);
    }

    #[test]
    fn a_fourth_statement_of_a_colour_is_refused_on_that_colours_list() {
        let s = KeyStatements {
            amber: strings(&["One", "Two", "Three", "Four"]),
            ..KeyStatements::default()
        };
        let found = problems(s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "key_statements.amber");
        assert_eq!(
            found[0].1,
            "there are 4 'keep me safe' statements: keep the 3 that matter most (the passport prints 3 of each colour)"
        );
    }

    #[test]
    fn a_statement_over_200_characters_is_refused_where_it_was_typed() {
        let long = "a".repeat(MAX_LINE + 1);
        let s = KeyStatements {
            red: vec![String::new(), long],
            ..KeyStatements::default()
        };
        let found = problems(s);
        assert_eq!(
            found,
            vec![(
                "key_statements.red[1]".to_string(),
                "the 'must never happen' statement is too long: keep it under 200 characters"
                    .to_string()
            )]
        );
        let exactly = KeyStatements {
            green: vec!["b".repeat(MAX_LINE)],
            ..KeyStatements::default()
        };
        assert!(problems(exactly).is_empty());
    }

    #[test]
    fn blank_statements_are_dropped_and_the_rest_trimmed() {
        let s = KeyStatements {
            red: strings(&["  ", " Never lift me without two adults  ", "", "\t"]),
            amber: strings(&[""]),
            green: vec![],
        };
        let s = tidied(s);
        assert_eq!(s.red, vec!["Never lift me without two adults"]);
        assert!(s.amber.is_empty());
    }

    #[test]
    fn blank_boxes_do_not_count_towards_the_three() {
        let s = KeyStatements {
            green: strings(&["One", "", "Two", " ", "Three"]),
            ..KeyStatements::default()
        };
        assert_eq!(tidied(s).green, strings(&["One", "Two", "Three"]));
    }

    #[test]
    fn a_statement_is_one_line_without_control_characters() {
        let s = KeyStatements {
            red: strings(&["Never\nlift me"]),
            amber: strings(&["Esc\u{1b}[2J"]),
            green: strings(&["Right\u{202E}to left"]),
        };
        let found = problems(s);
        let fields: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "key_statements.red[0]",
                "key_statements.amber[0]",
                "key_statements.green[0]"
            ]
        );
        assert!(found[0].1.contains("must be on one line"), "{}", found[0].1);
        assert!(found[1].1.contains("U+001B"), "{}", found[1].1);
        assert!(
            !found[1].1.contains('\u{1b}'),
            "the value is never repeated"
        );
    }

    #[test]
    fn colours_come_red_first_then_amber_then_green() {
        let s = KeyStatements {
            red: strings(&["R"]),
            amber: strings(&["A"]),
            green: strings(&["G"]),
        };
        let order: Vec<(&str, &str)> = s
            .by_colour()
            .iter()
            .map(|(c, l)| (c.code(), l[0].as_str()))
            .collect();
        assert_eq!(order, vec![("red", "R"), ("amber", "A"), ("green", "G")]);
        assert!(!s.is_empty());
        assert!(KeyStatements::default().is_empty());
    }
}
