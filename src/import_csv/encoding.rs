//! The bytes of a CSV file into text: UTF-8 (with or without its byte-order mark), or the
//! Windows-1252 that Excel's older "CSV (Comma delimited)" writes, and a refusal naming the
//! first line that is in neither, rather than text read in the wrong encoding.

use super::{SAVE_AS_CSV, TextEncoding, line_of};

/// The file's text, refusing what is plainly not a CSV file or not in one encoding.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), String> {
    if bytes.len() > super::MAX_BYTES {
        return Err(format!(
            "the file is {:.1} MB; the import takes files up to {} MB: split it into smaller files",
            bytes.len() as f64 / 1_048_576.0,
            super::MAX_BYTES / 1_048_576
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(format!(
            "this is an Excel workbook, not a CSV file: {SAVE_AS_CSV}"
        ));
    }
    // UTF-16 is refused rather than decoded: the report's `encoding` (a type the desktop UI
    // shares) has no value to say so, and Excel saves it as 'Unicode text', tab-separated,
    // which is one step from the CSV UTF-8 the user is asked for anyway.
    if let Some(order) = utf16(bytes) {
        return Err(format!(
            "the file is UTF-16 text ({order}), which the import does not read: {SAVE_AS_CSV}"
        ));
    }
    let (bytes, marked) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if bytes.contains(&0) {
        return Err(format!(
            "this is not a CSV file (it holds binary data, as a PDF, picture or workbook does): {SAVE_AS_CSV}"
        ));
    }
    let bad = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), TextEncoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    let line = line_of(bytes, bad);
    if marked {
        return Err(format!(
            "line {line} is not UTF-8 text, though the file is marked as UTF-8: its accented letters or symbols (é, £, –) are in another encoding; retype them on line {line}, then {SAVE_AS_CSV}"
        ));
    }
    // A file with a character written in UTF-8 somewhere and bytes that are not UTF-8
    // elsewhere is two files pasted together: reading it all as Windows-1252 would turn every
    // UTF-8 'ë' into 'Ã«', so it is refused. (A Windows-1252 file can hold a byte pair that
    // happens to be valid UTF-8, such as 'Ã©'; such a file is refused too, which is safe:
    // saving it as CSV UTF-8 imports it.)
    if bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii()) {
        return Err(format!(
            "the file mixes two text encodings: line {line} is not UTF-8 but other lines are, so its accented letters or symbols (é, £, –) cannot be read; retype them on line {line}, then {SAVE_AS_CSV}"
        ));
    }
    windows_1252(bytes)
        .map(|text| (text, TextEncoding::Windows1252))
        .map_err(|at| {
            let line = line_of(bytes, at);
            format!(
                "line {line} holds a character that is neither UTF-8 nor Windows-1252 (byte 0x{:02X}), the encodings the import reads: {SAVE_AS_CSV}",
                bytes[at]
            )
        })
}

/// Decodes Windows-1252, or gives the offset of the first byte with no character in it.
fn windows_1252(bytes: &[u8]) -> Result<String, usize> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            match b {
                0x80..=0x9F => match HIGH[usize::from(b - 0x80)] {
                    0 => None,
                    c => char::from_u32(u32::from(c)),
                },
                _ => Some(char::from(b)),
            }
            .ok_or(i)
        })
        .collect()
}

/// Whether the file is UTF-16, and which byte order: by its byte-order mark, or, without one,
/// by its zero bytes. Text in a Latin script is almost all characters below 256, so one byte
/// of every pair is zero, and always the same one; binary data has its zeros anywhere.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    const LITTLE: &str = "little-endian, as Excel's 'Unicode text' saves it";
    const BIG: &str = "big-endian";
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some(LITTLE);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(BIG);
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut first, mut second) = (0, 0);
    for pair in sample.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    // Nine pairs in ten with the zero in one place and almost none with it in the other.
    let text_with_zeros =
        |zeros: usize, other: usize| zeros * 10 >= pairs * 9 && other * 20 <= pairs;
    if text_with_zeros(second, first) {
        Some(LITTLE)
    } else if text_with_zeros(first, second) {
        Some(BIG)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_of(text: &str, big: bool, mark: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if mark {
            out.extend(if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
        }
        for unit in text.encode_utf16() {
            out.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_with_or_without_its_mark_is_utf8() {
        let plain = decode("name\nZoë – €\n".as_bytes()).unwrap();
        assert_eq!(plain, ("name\nZoë – €\n".into(), TextEncoding::Utf8));
        let marked = decode("\u{FEFF}name\nZoë\n".as_bytes()).unwrap();
        assert_eq!(marked, ("name\nZoë\n".into(), TextEncoding::Utf8));
    }

    #[test]
    fn windows_1252_alone_is_decoded() {
        let (text, encoding) = decode(b"name\nZo\xEB \x96 \x80\n").unwrap();
        assert_eq!(encoding, TextEncoding::Windows1252);
        assert_eq!(text, "name\nZoë – €\n");
    }

    #[test]
    fn utf8_rows_with_one_windows_1252_row_are_refused_naming_that_row() {
        let mixed = "name\nZoë's walker —\nplain\n".as_bytes().to_vec();
        let mut mixed = mixed;
        mixed.extend(b"Zo\xEB's chair\nlast\n");
        let message = decode(&mixed).unwrap_err();
        assert!(
            message.starts_with("the file mixes two text encodings: line 4 is not UTF-8"),
            "{message}"
        );
        // The same whichever comes first, and with CR line ends.
        let message = decode(b"name\rZo\xEB\r\xC3\xAB\r").unwrap_err();
        assert!(message.contains("line 2 is not UTF-8"), "{message}");
    }

    #[test]
    fn a_file_marked_utf8_with_bytes_that_are_not_is_refused_naming_the_line() {
        let message = decode(b"\xEF\xBB\xBFname\r\nok\r\nCaf\xE9\r\n").unwrap_err();
        assert!(message.starts_with("line 3 is not UTF-8 text"), "{message}");
    }

    #[test]
    fn a_byte_neither_utf8_nor_windows_1252_names_its_line() {
        let message = decode(b"name\nok\nbad \x81\n").unwrap_err();
        assert!(
            message.starts_with("line 3 holds a character that is neither UTF-8 nor Windows-1252"),
            "{message}"
        );
    }

    #[test]
    fn utf16_is_recognised_in_either_byte_order_with_or_without_a_mark() {
        let text = "NHS number\tCategory\tItem name\n999 000 0026\tWalker\tZoë's walker\n";
        for big in [false, true] {
            for mark in [false, true] {
                let message = decode(&utf16_of(text, big, mark)).unwrap_err();
                let order = if big {
                    "(big-endian)"
                } else {
                    "(little-endian, as Excel"
                };
                assert!(
                    message.starts_with(&format!("the file is UTF-16 text {order}")),
                    "{big} {mark}: {message}"
                );
                assert!(message.contains("CSV UTF-8"), "{message}");
            }
        }
    }

    #[test]
    fn binary_data_with_scattered_zeros_is_not_taken_for_utf16() {
        let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\0\x12\x00\x00\x7F<<>>stream\x00\x01\x02";
        let message = decode(pdf).unwrap_err();
        assert!(message.contains("binary data"), "{message}");
    }
}
