//! How a bundle file is sealed.
//!
//! The zip archive is encrypted as a whole with AES-256-GCM, so names, sizes and contents are
//! all hidden and any change to the file (or a wrong passphrase) fails authentication before a
//! byte of it is parsed. The key is derived from the passphrase with PBKDF2-HMAC-SHA256
//! (600,000 rounds, OWASP's 2023 figure) and a random 16-byte salt; the nonce is random too,
//! so exporting the same records twice never gives the same file. The database itself uses
//! SQLCipher, but a bundle is a file handed to someone else: a plain, documented envelope
//! around a zip is easier to check and to read in ten years' time than an SQLite file.
//!
//! Layout: `EPBUNDLE` (8 bytes), envelope version (1 byte, = 1), PBKDF2 rounds (u32,
//! little-endian), salt (16 bytes), nonce (12 bytes), then the ciphertext with its 16-byte tag.
//! The 41 header bytes are authenticated as associated data.

use crate::error::{Error, Result};
use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};

const MAGIC: &[u8; 8] = b"EPBUNDLE";
const ENVELOPE_VERSION: u8 = 1;
/// PBKDF2 rounds used when sealing.
pub const ROUNDS: u32 = 600_000;
/// Rounds accepted when opening: fewer would be weak, more would let a hostile file make the
/// app spin for minutes.
const ROUNDS_ACCEPTED: std::ops::RangeInclusive<u32> = 100_000..=10_000_000;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const HEADER_LEN: usize = 8 + 1 + 4 + SALT_LEN + NONCE_LEN;

fn key(passphrase: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    pbkdf2::pbkdf2_hmac_array::<sha2::Sha256, 32>(passphrase.as_bytes(), salt, rounds)
}

fn cipher(passphrase: &str, salt: &[u8], rounds: u32) -> Aes256Gcm {
    Aes256Gcm::new_from_slice(&key(passphrase, salt, rounds)).expect("a 32-byte key")
}

/// Whether `ciphertext`, decrypted with `key` without checking it, starts as a zip archive
/// does. AES-GCM encrypts in counter mode (the first block of data with the counter block
/// `nonce ‖ 00000002`), so the right key turns the first bytes of even a cut-short or damaged
/// file back into the zip's signature, and a wrong key turns them into noise. Used only to
/// choose which message to give once authentication has failed; nothing decrypted this way is
/// kept.
fn starts_as_zip(key: &[u8; 32], nonce: &[u8], ciphertext: &[u8]) -> bool {
    use aes_gcm::aes::Aes256;
    use aes_gcm::aes::cipher::BlockEncrypt;
    let Some(first) = ciphertext.get(..4) else {
        return false;
    };
    let mut counter = aes_gcm::aes::Block::default();
    counter[..NONCE_LEN].copy_from_slice(nonce);
    counter[15] = 2;
    Aes256::new_from_slice(key)
        .expect("a 32-byte key")
        .encrypt_block(&mut counter);
    let plain: Vec<u8> = first
        .iter()
        .zip(counter.iter())
        .map(|(c, k)| c ^ k)
        .collect();
    // A local file header, or the end record of an archive with no entries.
    plain == b"PK\x03\x04" || plain == b"PK\x05\x06"
}

/// Whether `bytes` start like a sealed bundle.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Encrypts `plain` (the zip archive) under `passphrase`.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    let mut salt = [0u8; SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut salt)
        .and_then(|()| getrandom::fill(&mut nonce))
        .map_err(|e| {
            Error::io(
                "could not get random bytes to encrypt the bundle",
                std::io::Error::other(e.to_string()),
            )
        })?;
    let mut out = Vec::with_capacity(HEADER_LEN + plain.len() + 16);
    out.extend_from_slice(MAGIC);
    out.push(ENVELOPE_VERSION);
    out.extend_from_slice(&ROUNDS.to_le_bytes());
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    let sealed = cipher(passphrase, &salt, ROUNDS)
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &out[..HEADER_LEN],
            },
        )
        .map_err(|_| Error::Conflict("the bundle could not be encrypted".into()))?;
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn bad_file(message: &str) -> Error {
    Error::invalid("file", message)
}

/// Decrypts a sealed bundle, proving the passphrase (and that the file is unchanged).
pub fn open(file: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    if !is_sealed(file) {
        return Err(if file.starts_with(b"PK") {
            bad_file(
                "this is a plain zip archive, not an encrypted Equipment Passport bundle: only .passport files exported by the app can be imported",
            )
        } else {
            bad_file(
                "this file is not an Equipment Passport bundle (.passport): choose a file exported by the app",
            )
        });
    }
    if file.len() < HEADER_LEN + 16 {
        return Err(bad_file(
            "the bundle file is cut short (it may not have finished copying): copy it again",
        ));
    }
    if file[8] != ENVELOPE_VERSION {
        return Err(bad_file(
            "this bundle was written by a newer version of Equipment Passport: install the newer version to import it",
        ));
    }
    let rounds = u32::from_le_bytes(file[9..13].try_into().expect("4 bytes"));
    if !ROUNDS_ACCEPTED.contains(&rounds) {
        return Err(bad_file(
            "the bundle's encryption header is damaged: ask for the bundle to be exported again",
        ));
    }
    let salt = &file[13..13 + SALT_LEN];
    let nonce = &file[13 + SALT_LEN..HEADER_LEN];
    let key = key(passphrase, salt, rounds);
    Aes256Gcm::new_from_slice(&key)
        .expect("a 32-byte key")
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: &file[HEADER_LEN..],
                aad: &file[..HEADER_LEN],
            },
        )
        .map_err(|_| {
            // The envelope holds no length, so a cut-short file authenticates no better than
            // a wrong passphrase; but the right passphrase still decrypts its first bytes.
            if starts_as_zip(&key, nonce, &file[HEADER_LEN..]) {
                bad_file(
                    "the bundle file is incomplete or damaged (it may not have finished copying, or was changed after it was exported); the passphrase is right: copy the file again, or ask for it to be exported again",
                )
            } else {
                Error::invalid(
                    "passphrase",
                    "this passphrase does not open the bundle (or the file was changed after it was exported): check the passphrase the sender chose for it and try again",
                )
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSPHRASE: &str = "blue kettle on Tuesday";

    /// A sealed stand-in for a bundle: the zip signature, then enough bytes to cut in half.
    fn sealed() -> Vec<u8> {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend((0..4096u32).map(|i| (i % 251) as u8));
        seal(&zip, PASSPHRASE).unwrap()
    }

    #[test]
    fn a_sealed_bundle_opens_with_its_passphrase() {
        let opened = open(&sealed(), PASSPHRASE).unwrap();
        assert!(opened.starts_with(b"PK\x03\x04"));
        assert_eq!(opened.len(), 4 + 4096);
    }

    #[test]
    fn a_bundle_cut_short_is_incomplete_not_a_wrong_passphrase() {
        let file = sealed();
        let error = open(&file[..file.len() / 2], PASSPHRASE).unwrap_err();
        assert_eq!(error.fields()[0].field, "file");
        assert!(
            error.to_string().contains("incomplete or damaged"),
            "{error}"
        );
    }

    #[test]
    fn a_byte_changed_after_the_first_block_is_damage_not_a_wrong_passphrase() {
        let mut file = sealed();
        let middle = file.len() / 2;
        file[middle] ^= 1;
        let error = open(&file, PASSPHRASE).unwrap_err();
        assert_eq!(error.fields()[0].field, "file", "{error}");
    }

    #[test]
    fn a_wrong_passphrase_is_named_whole_or_cut_short() {
        let file = sealed();
        for bytes in [&file[..], &file[..file.len() / 2]] {
            let error = open(bytes, "not the passphrase").unwrap_err();
            assert_eq!(error.fields()[0].field, "passphrase", "{error}");
        }
    }
}
