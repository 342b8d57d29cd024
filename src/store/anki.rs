//! Reading an Anki package (`.apkg`): a zip holding the collection, a SQLite file — compressed
//! with zstd in the current layout (`collection.anki21b`), plain in the older ones
//! (`collection.anki21`, `collection.anki2`; the newest present is read). The collection is
//! written to a temporary file, opened read-only with sqlx's SQLite, read, and removed; nothing
//! of it is written to peerlearn's database here.
//!
//! Limits against hostile files: the collection may unpack to at most [`COLLECTION_MAX`] bytes
//! (counted while unpacking, so a zip or zstd bomb stops there, whatever its headers claim).
//! Every failure is a short reason naming what is wrong with the file.

use crate::domain::content_files::anki::AnkiNote;
use crate::i18n::Lang;
use crate::t;
use serde_json::Value;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{Connection, Row};
use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicU32, Ordering};

/// The most a package's collection may unpack to.
pub const COLLECTION_MAX: u64 = 256 * 1024 * 1024;

/// The notes of the package in `bytes`, or why it cannot be read.
/// The notes of the package in `bytes`, or why it cannot be read (in `lang`).
pub async fn read_package(bytes: &[u8], lang: Lang) -> Result<Vec<AnkiNote>, String> {
    read_package_within(bytes, COLLECTION_MAX, lang).await
}

/// [`read_package`] with the collection limited to `max` bytes.
pub async fn read_package_within(
    bytes: &[u8],
    max: u64,
    lang: Lang,
) -> Result<Vec<AnkiNote>, String> {
    let collection = unpack(bytes, max, lang)?;
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let path = std::env::temp_dir().join(format!(
        "peerlearn-anki-{}-{}.sqlite",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, collection)
        .map_err(|e| t!(lang, "anki-cannot-unpack", error = e.to_string()))?;
    let notes = read_collection(&path).await;
    let _ = super::remove_sqlite_files(&path);
    notes.map_err(|e| t!(lang, "anki-unreadable", error = e.to_string()))
}

/// The collection's SQLite bytes from the zip.
fn unpack(bytes: &[u8], max: u64, lang: Lang) -> Result<Vec<u8>, String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| t!(lang, "anki-not-zip"))?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.to_string())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    let (name, zstd) = if has("collection.anki21b") {
        ("collection.anki21b", true)
    } else if has("collection.anki21") {
        ("collection.anki21", false)
    } else if has("collection.anki2") {
        ("collection.anki2", false)
    } else {
        return Err(t!(lang, "anki-no-collection"));
    };
    let entry = zip
        .by_name(name)
        .map_err(|e| t!(lang, "anki-cannot-open", name = name, error = e.to_string()))?;
    let too_big = || t!(lang, "anki-too-big", mb = max / (1024 * 1024));
    if entry.size() > max {
        return Err(too_big());
    }
    let mut out = Vec::new();
    let read = if zstd {
        let decoder = ruzstd::decoding::StreamingDecoder::new(entry)
            .map_err(|e| t!(lang, "anki-not-zstd", name = name, error = e.to_string()))?;
        decoder.take(max + 1).read_to_end(&mut out)
    } else {
        entry.take(max + 1).read_to_end(&mut out)
    };
    read.map_err(|e| {
        t!(
            lang,
            "anki-cannot-unpack-file",
            name = name,
            error = e.to_string()
        )
    })?;
    if out.len() as u64 > max {
        return Err(too_big());
    }
    Ok(out)
}

/// The notes of a collection file, with their decks and whether each is a Cloze.
async fn read_collection(path: &std::path::Path) -> Result<Vec<AnkiNote>, sqlx::Error> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    let modern: bool = sqlx::query_scalar(
        "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'",
    )
    .fetch_one(&mut conn)
    .await?;
    // Note type → cloze; deck → its name with `::` between levels.
    let (cloze, decks): (HashMap<i64, bool>, HashMap<i64, String>) = if modern {
        let types = sqlx::query("SELECT id, config FROM notetypes")
            .fetch_all(&mut conn)
            .await?
            .iter()
            .map(|r| {
                // NotetypeConfig's first field, kind, is 1 for Cloze (protobuf: 0x08 0x01).
                let config: Vec<u8> = r.get("config");
                (r.get("id"), config.starts_with(&[0x08, 0x01]))
            })
            .collect();
        let decks = sqlx::query("SELECT id, name FROM decks")
            .fetch_all(&mut conn)
            .await?
            .iter()
            .map(|r| {
                (
                    r.get("id"),
                    r.get::<String, _>("name").replace('\u{1f}', "::"),
                )
            })
            .collect();
        (types, decks)
    } else {
        let row = sqlx::query("SELECT models, decks FROM col LIMIT 1")
            .fetch_one(&mut conn)
            .await?;
        let json = |column: &str| -> Value {
            serde_json::from_str(&row.get::<String, _>(column)).unwrap_or(Value::Null)
        };
        let id = |k: &String| k.parse::<i64>().unwrap_or_default();
        let types = json("models")
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (id(k), v["type"].as_i64() == Some(1)))
                    .collect()
            })
            .unwrap_or_default();
        let decks = json("decks")
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (id(k), v["name"].as_str().unwrap_or("").to_string()))
                    .collect()
            })
            .unwrap_or_default();
        (types, decks)
    };
    let rows = sqlx::query(
        "SELECT n.id, n.mid, n.flds, n.tags,
                (SELECT c.did FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1) AS did
         FROM notes n ORDER BY n.id",
    )
    .fetch_all(&mut conn)
    .await?;
    let notes = rows
        .iter()
        .map(|r| {
            let mid: i64 = r.get("mid");
            let did: Option<i64> = r.get("did");
            let fields: String = r.get("flds");
            AnkiNote {
                id: r.get("id"),
                deck: did.and_then(|d| decks.get(&d).cloned()).unwrap_or_default(),
                cloze: cloze.get(&mid).copied().unwrap_or(false),
                fields: fields.split('\u{1f}').map(str::to_string).collect(),
                tags: r
                    .get::<Option<String>, _>("tags")
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect();
    conn.close().await?;
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of `(name, bytes)` entries, deflated.
    fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[tokio::test]
    async fn what_is_not_a_package_is_named() {
        let text = read_package(b"[[topic]]\nid = \"x\"", Lang::En)
            .await
            .unwrap_err();
        assert_eq!(text, "is not an Anki package: it is not a zip file");
        let no_collection = zip_of(&[("media", b"{}".to_vec())]);
        let e = read_package(&no_collection, Lang::En).await.unwrap_err();
        assert!(
            e.starts_with("is a zip file without an Anki collection"),
            "{e}"
        );
        let not_sqlite = zip_of(&[("collection.anki2", b"hello".to_vec())]);
        let e = read_package(&not_sqlite, Lang::En).await.unwrap_err();
        assert!(e.starts_with("is not a readable Anki collection"), "{e}");
        let not_zstd = zip_of(&[("collection.anki21b", b"hello".to_vec())]);
        let e = read_package(&not_zstd, Lang::En).await.unwrap_err();
        assert!(e.contains("not zstd-compressed"), "{e}");
    }

    #[tokio::test]
    async fn a_bomb_stops_at_the_limit() {
        let max = 1024 * 1024;
        // 8 MiB of zeros deflate to a few KiB; the limit is 1 MiB.
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let deflated = zip_of(&[("collection.anki2", zeros.clone())]);
        assert!(deflated.len() < 64 * 1024);
        let e = read_package_within(&deflated, max, Lang::En)
            .await
            .unwrap_err();
        assert_eq!(
            e,
            "holds a collection larger than 1 MB unpacked; split the deck"
        );
        let zstd = ruzstd::encoding::compress_to_vec(
            &zeros[..],
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        let packed = zip_of(&[("collection.anki21b", zstd)]);
        let e = read_package_within(&packed, max, Lang::En)
            .await
            .unwrap_err();
        assert!(e.starts_with("holds a collection larger than 1 MB"), "{e}");
    }
}
