//! Folding text for search, so "zoe" finds "Zoë", "lukasiewicz" finds "Łukasiewicz" and
//! "nguyen" finds "Nguyễn". The same fold is applied to stored names and to what is typed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, removes accents and spells out letters that do not decompose (ł, ø, ß, æ ...).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ħ' | 'Ħ' => out.push('h'),
            'ı' => out.push('i'),
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'þ' | 'Þ' => out.push_str("th"),
            // Apostrophes vary (O'Brien, O’Brien, OBrien): drop them. Hyphens join names
            // (Smith-Jones) that people search for separately: make them spaces.
            '\'' | '’' | '‘' => {}
            '-' | '‐' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits a search into folded words, so "zoe smith" matches "Smith, Zoë".
pub fn words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("ZOË"), "zoe");
        assert_eq!(fold("Chloé Dubois"), "chloe dubois");
        assert_eq!(fold("Nguyễn Thị Hoa"), "nguyen thi hoa");
        assert_eq!(fold("Siân"), "sian");
        assert_eq!(fold("Dafydd ap Gwŷn"), "dafydd ap gwyn");
    }

    #[test]
    fn letters_that_do_not_decompose_are_spelled_out() {
        assert_eq!(fold("Łukasiewicz"), "lukasiewicz");
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn other_scripts_are_lower_cased_not_dropped() {
        assert_eq!(fold("Ахмед"), "ахмед");
        assert_eq!(fold("محمد"), "محمد");
    }

    #[test]
    fn apostrophes_vanish_and_hyphens_split_words() {
        assert_eq!(words("O’Brien-Smith"), vec!["obrien", "smith"]);
        assert_eq!(fold("O'Brien"), fold("O’Brien"));
        assert_eq!(words("  zoe   SMITH "), vec!["zoe", "smith"]);
    }
}
