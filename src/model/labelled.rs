//! Closed lists of choices (categories, roles, statuses): each has a stable code for storage and
//! scripts and a plain-English label for people.

/// Declares an enum whose variants carry a storage code and a label, with parsing that names
/// the valid codes when given something else.
macro_rules! labelled_enum {
    (
        $(#[$doc:meta])*
        pub enum $name:ident ($what:literal) {
            $($variant:ident => ($code:literal, $label:literal),)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in the database, JSON and the CLI.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The plain-English label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_lowercase().replace([' ', '_'], "-");
                Self::from_code(&wanted).ok_or_else(|| {
                    let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                    format!("'{}' is not {}: use one of {}", s.trim(), $what, codes.join(", "))
                })
            }
        }
    };
}

pub(crate) use labelled_enum;
