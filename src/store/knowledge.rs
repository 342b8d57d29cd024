//! The knowledge base: accepted answers (`kb_entries`) and the FTS5 index (`kb_index`) over
//! them, the guild's tips and its quiz questions with their explanations.

use super::error::{StoreError, StoreResult};
use super::Store;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::knowledge::{KbEntry, KbHit, KbKind};
use sqlx::{Row, SqliteConnection};

impl Store {
    /// Full-text matches for an FTS5 expression built by `domain::knowledge::fts_query`
    /// (the question weighs twice the body).
    pub async fn search_kb(
        &self,
        guild: GuildId,
        fts_query: &str,
        limit: u32,
    ) -> StoreResult<Vec<KbHit>> {
        let rows = sqlx::query(
            "SELECT kind, ref, topic_id, title, body, -bm25(kb_index, 2.0, 1.0) AS score
             FROM kb_index WHERE kb_index MATCH ?1 AND guild_id = ?2
             ORDER BY bm25(kb_index, 2.0, 1.0) LIMIT ?3",
        )
        .bind(fts_query)
        .bind(guild.to_db())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let (kind, reference): (&str, &str) = (r.get("kind"), r.get("ref"));
                let kind = match (kind, reference.parse()) {
                    ("answer", Ok(id)) => KbKind::Answer(id),
                    ("tip", _) => KbKind::Tip,
                    ("question", _) => KbKind::Question,
                    _ => {
                        return Err(StoreError::Unknown {
                            what: "knowledge-base entry",
                            value: format!("{kind} {reference}"),
                        })
                    }
                };
                Ok(KbHit {
                    kind,
                    topic_id: r.get("topic_id"),
                    title: r.get("title"),
                    body: r.get("body"),
                    score: r.get("score"),
                })
            })
            .collect()
    }

    pub async fn kb_entry(&self, guild: GuildId, id: i64) -> StoreResult<Option<KbEntry>> {
        let row = sqlx::query(
            "SELECT id, topic_id, question, answer, author_id, removed_ms FROM kb_entries
             WHERE guild_id = ? AND id = ?",
        )
        .bind(guild.to_db())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| KbEntry {
            id: r.get("id"),
            topic_id: r.get("topic_id"),
            question: r.get("question"),
            answer: r.get("answer"),
            author: UserId::from_db(r.get("author_id")),
            removed: r.get::<Option<i64>, _>("removed_ms").is_some(),
        }))
    }

    /// Takes an accepted answer out of search (the row stays for the record). `false` when
    /// there is no such answer in this guild or it was removed before.
    pub async fn remove_kb_entry(
        &self,
        guild: GuildId,
        id: i64,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE kb_entries SET removed_ms = ?, removed_by = ?
             WHERE guild_id = ? AND id = ? AND removed_ms IS NULL",
        )
        .bind(now_ms)
        .bind(by.to_db())
        .bind(guild.to_db())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        sqlx::query("DELETE FROM kb_index WHERE kind = 'answer' AND ref = ? AND guild_id = ?")
            .bind(id.to_string())
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done)
    }
}

/// An accepted answer about to be saved.
pub(super) struct NewKbEntry<'a> {
    pub guild: GuildId,
    pub ask_id: i64,
    pub topic_id: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
    pub author: UserId,
    pub accepted_by: UserId,
}

/// Adds an accepted answer to the knowledge base and its index; returns its id.
pub(super) async fn insert_answer(
    conn: &mut SqliteConnection,
    e: &NewKbEntry<'_>,
    now_ms: i64,
) -> StoreResult<i64> {
    let NewKbEntry {
        guild,
        ask_id,
        topic_id,
        question,
        answer,
        author,
        accepted_by,
    } = *e;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO kb_entries (guild_id, ask_id, topic_id, question, answer, author_id, accepted_by, created_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(guild.to_db())
    .bind(ask_id)
    .bind(topic_id)
    .bind(question)
    .bind(answer)
    .bind(author.to_db())
    .bind(accepted_by.to_db())
    .bind(now_ms)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id) VALUES (?, ?, ?, 'answer', ?, ?)",
    )
    .bind(question)
    .bind(answer)
    .bind(guild.to_db())
    .bind(id.to_string())
    .bind(topic_id)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Rewrites the index rows of the guild's tips and current question versions (after an
/// import, in its transaction).
pub(super) async fn reindex_content(
    conn: &mut SqliteConnection,
    guild: GuildId,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM kb_index WHERE guild_id = ? AND kind IN ('tip', 'question')")
        .bind(guild.to_db())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
         SELECT 'Tip', text, guild_id, 'tip', id, topic_id FROM tips WHERE guild_id = ?",
    )
    .bind(guild.to_db())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
         SELECT v.prompt,
                json_extract(v.choices, '$[' || v.correct || ']') || char(10) || v.explanation,
                q.guild_id, 'question', q.id, q.topic_id
         FROM questions q JOIN question_versions v ON v.id = q.current_version
         WHERE q.guild_id = ?",
    )
    .bind(guild.to_db())
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod properties {
    use crate::domain::ids::GuildId;
    use crate::domain::knowledge::{fts_query, terms};
    use crate::store::Store;
    use proptest::prelude::*;
    use std::time::Duration;

    /// Whatever a member types, the search runs: no FTS5 syntax error, no panic.
    #[test]
    fn any_question_text_is_a_valid_search() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = runtime
            .block_on(Store::open(
                &dir.path().join("kb.db"),
                Duration::from_secs(5),
            ))
            .unwrap();
        proptest!(ProptestConfig::with_cases(200), |(text in "\\PC{0,300}")| {
            if let Some(query) = fts_query(&terms(&text)) {
                let result = runtime.block_on(store.search_kb(GuildId(1), &query, 5));
                prop_assert!(result.is_ok(), "{:?} for {:?}", result, query);
            }
        });
    }
}
