//! The knowledge base: accepted answers (`kb_entries`, with their verification, earlier texts
//! in `kb_revisions`, and the servers' and topics' verification intervals), the answers `/ask`
//! served (`kb_served`), and the FTS5 index (`kb_index`) over the answers, the guild's tips,
//! its quiz questions with their explanations and its content cards.

use super::error::{StoreError, StoreResult};
use super::sql::{query, query_scalar, Engine};
use super::Store;
use crate::domain::ids::{ChannelId, GuildId, KbId, UserId};
use crate::domain::knowledge::{index_terms, KbEntry, KbHit, KbKind};
use crate::i18n::Lang;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

impl Store {
    /// Full-text matches for an FTS5 expression built by `domain::knowledge::fts_query`
    /// (the question weighs twice the body).
    pub async fn search_kb(
        &self,
        guild: GuildId,
        fts_query: &str,
        limit: u32,
    ) -> StoreResult<Vec<KbHit>> {
        // The expression's quoted terms joined by OR read the same as FTS5's MATCH and as
        // Postgres's web-search syntax, which never fails on any text.
        let hits = self.engine.pick(
            "SELECT kind, ref, topic_id, title, body,
                    -bm25(kb_index, 0, 0, 0, 0, 0, 0, 2.0, 1.0) AS score
             FROM kb_index WHERE kb_index MATCH ?1 AND guild_id = ?2
             ORDER BY bm25(kb_index, 0, 0, 0, 0, 0, 0, 2.0, 1.0) LIMIT ?3",
            "SELECT kind, ref, topic_id, title, body,
                    CAST(ts_rank('{0, 0, 0.5, 1}', search, q) AS DOUBLE PRECISION) AS score
             FROM kb_index, websearch_to_tsquery('simple', ?1) q
             WHERE search @@ q AND guild_id = ?2
             ORDER BY score DESC LIMIT ?3",
        );
        let rows = query(&format!(
            "WITH hits AS ({hits})
             SELECT h.*, {VERIFICATION_COLUMNS}
             FROM hits h
             LEFT JOIN kb_entries e
               ON e.id = CASE WHEN h.kind = 'answer' THEN CAST(h.ref AS BIGINT) END
               AND e.guild_id = ?2
             {VERIFICATION_JOINS}
             ORDER BY h.score DESC"
        ))
        .bind(fts_query)
        .bind(guild.to_db())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .filter_map(|r| {
                let (kind, reference): (&str, &str) = (r.get("kind"), r.get("ref"));
                let kind = match (kind, reference.parse(), verification(r)) {
                    ("answer", Ok(id), Some((verified_ms, interval_days))) => KbKind::Answer {
                        id: KbId(id),
                        verified_ms,
                        interval_days,
                    },
                    // An index row whose answer is gone: nothing to show.
                    ("answer", _, None) => {
                        tracing::warn!(guild = %guild, reference, "an indexed answer has no entry");
                        return None;
                    }
                    ("tip", _, _) => KbKind::Tip,
                    ("question", _, _) => KbKind::Question,
                    ("card", _, _) => KbKind::Card,
                    _ => {
                        return Some(Err(StoreError::Unknown {
                            what: "knowledge-base entry",
                            value: format!("{kind} {reference}"),
                        }))
                    }
                };
                Some(Ok(KbHit {
                    kind,
                    topic_id: r.get("topic_id"),
                    title: r.get("title"),
                    body: r.get("body"),
                    score: r.get("score"),
                }))
            })
            .collect()
    }

    pub async fn kb_entry(&self, guild: GuildId, id: KbId) -> StoreResult<Option<KbEntry>> {
        let row = query(&format!(
            "SELECT {ENTRY_COLUMNS}, {VERIFICATION_COLUMNS} FROM kb_entries e {VERIFICATION_JOINS}
             WHERE e.guild_id = ? AND e.id = ?"
        ))
        .bind(guild.to_db())
        .bind(id.to_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(entry_from_row))
    }

    /// Live answers whose verification fell due at `now_ms` or before and whose owners were not
    /// reminded since, given `default_days` for those without an interval of their own; oldest
    /// due first, at most `limit`.
    pub async fn kb_due_for_reminder(
        &self,
        default_days: u32,
        now_ms: i64,
        limit: u32,
    ) -> StoreResult<Vec<(GuildId, KbEntry)>> {
        let rows = query(&format!(
            "SELECT e.guild_id, {ENTRY_COLUMNS}, {VERIFICATION_COLUMNS},
                    COALESCE(e.verified_ms, e.created_ms)
                      + COALESCE(tv.days, g.verification_days, ?1) * 86400000 AS due_ms
             FROM kb_entries e {VERIFICATION_JOINS}
             WHERE e.removed_ms IS NULL
               AND COALESCE(e.verified_ms, e.created_ms)
                     + COALESCE(tv.days, g.verification_days, ?1) * 86400000 <= ?2
               AND (e.reminded_ms IS NULL OR e.reminded_ms <
                    COALESCE(e.verified_ms, e.created_ms) + COALESCE(tv.days, g.verification_days, ?1) * 86400000)
             ORDER BY due_ms, e.id LIMIT ?3"
        ))
        .bind(i64::from(default_days))
        .bind(now_ms)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (GuildId::from_db(r.get("guild_id")), entry_from_row(r)))
            .collect())
    }

    /// Records that an answer's owners were reminded, with the posts that remind them
    /// (`(channel, DM recipient, payload)`), in one transaction.
    pub async fn kb_reminded(
        &self,
        guild: GuildId,
        id: KbId,
        posts: &[(ChannelId, Option<UserId>, String)],
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        query("UPDATE kb_entries SET reminded_ms = ? WHERE guild_id = ? AND id = ?")
            .bind(now_ms)
            .bind(guild.to_db())
            .bind(id.to_db())
            .execute(&mut *tx)
            .await?;
        for (channel, user, payload) in posts {
            super::outbox::queue_post(&mut tx, guild, *channel, *user, payload, now_ms).await?;
        }
        Ok(tx.commit().await?)
    }

    /// "Still correct" (or `/kb verify`): the answer counts as verified from now. `false` when
    /// it is not a live answer of this guild.
    pub async fn verify_kb_entry(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        Ok(query(
            "UPDATE kb_entries SET verified_ms = ?, verified_by = ?
             WHERE guild_id = ? AND id = ? AND removed_ms IS NULL",
        )
        .bind(now_ms)
        .bind(by.to_db())
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// "Needs an update": a new text for a live answer (the old one kept in its revisions), its
    /// index row and its card rewritten, and the answer verified from now; all or nothing.
    /// `false` when it is not a live answer of this guild.
    pub async fn update_kb_answer(
        &self,
        guild: GuildId,
        id: KbId,
        answer: &str,
        card_back: &str,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let old: Option<String> = query_scalar(
            "SELECT answer FROM kb_entries WHERE guild_id = ? AND id = ? AND removed_ms IS NULL",
        )
        .bind(guild.to_db())
        .bind(id.to_db())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(old) = old else {
            return Ok(false);
        };
        query(
            "INSERT INTO kb_revisions (kb_id, answer, replaced_ms, replaced_by) VALUES (?, ?, ?, ?)",
        )
        .bind(id.to_db())
        .bind(old)
        .bind(now_ms)
        .bind(by.to_db())
        .execute(&mut *tx)
        .await?;
        query(
            "UPDATE kb_entries SET answer = ?, updated_ms = ?, verified_ms = ?, verified_by = ?
             WHERE guild_id = ? AND id = ?",
        )
        .bind(answer)
        .bind(now_ms)
        .bind(now_ms)
        .bind(by.to_db())
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&mut *tx)
        .await?;
        let lang = search_language(&mut tx, guild).await?;
        query(
            "UPDATE kb_index SET body = ?, body_terms = ?
             WHERE kind = 'answer' AND ref = ? AND guild_id = ?",
        )
        .bind(answer)
        .bind(index_terms(answer, lang))
        .bind(id.to_string())
        .bind(guild.to_db())
        .execute(&mut *tx)
        .await?;
        super::cards::rewrite_answer_card(&mut tx, guild, id, card_back, now_ms).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records the accepted answers `/ask` showed for question `ask`: `(answer, verified)`,
    /// best first.
    pub async fn record_served(
        &self,
        guild: GuildId,
        ask: i64,
        served: &[(KbId, bool)],
        now_ms: i64,
    ) -> StoreResult<()> {
        if served.is_empty() {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        for (rank, (kb, verified)) in served.iter().enumerate() {
            query(
                "INSERT INTO kb_served (guild_id, ask_id, kb_id, rank, verified, at_ms) VALUES (?, ?, ?, ?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(guild.to_db())
            .bind(ask)
            .bind(kb.to_db())
            .bind(rank as i64 + 1)
            .bind(i64::from(*verified))
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        }
        Ok(tx.commit().await?)
    }

    /// Accepted answers `/ask` served from `from_ms` to `to_ms` (exclusive): `(served,
    /// verified when served)`.
    pub async fn served_answers(
        &self,
        guild: GuildId,
        from_ms: i64,
        to_ms: i64,
    ) -> StoreResult<(i64, i64)> {
        let r = query(
            "SELECT COUNT(*) AS served, CAST(COALESCE(SUM(verified), 0) AS BIGINT) AS verified FROM kb_served
             WHERE guild_id = ? AND at_ms >= ? AND at_ms < ?",
        )
        .bind(guild.to_db())
        .bind(from_ms)
        .bind(to_ms)
        .fetch_one(&self.pool)
        .await?;
        Ok((r.get("served"), r.get("verified")))
    }

    /// The server's own verification interval (`None`: the configured default) and the topics'
    /// own, by topic id.
    pub async fn verification_intervals(
        &self,
        guild: GuildId,
    ) -> StoreResult<(Option<u32>, Vec<(String, u32)>)> {
        let own: Option<i64> = query_scalar("SELECT verification_days FROM guilds WHERE id = ?")
            .bind(guild.to_db())
            .fetch_optional(&self.pool)
            .await?
            .flatten();
        let topics = query(
            "SELECT topic_id, days FROM topic_verification WHERE guild_id = ? ORDER BY topic_id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| (r.get("topic_id"), r.get::<i64, _>("days") as u32))
        .collect();
        Ok((own.map(|d| d as u32), topics))
    }

    /// Sets the interval of the server (`topic` None) or of one topic.
    pub async fn set_verification_interval(
        &self,
        guild: GuildId,
        topic: Option<&str>,
        days: u32,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        match topic {
            None => {
                query("UPDATE guilds SET verification_days = ? WHERE id = ?")
                    .bind(i64::from(days))
                    .bind(guild.to_db())
                    .execute(&mut *tx)
                    .await?;
            }
            Some(t) => {
                query(
                    "INSERT INTO topic_verification (guild_id, topic_id, days) VALUES (?, ?, ?)
                     ON CONFLICT (guild_id, topic_id) DO UPDATE SET days = excluded.days",
                )
                .bind(guild.to_db())
                .bind(t)
                .bind(i64::from(days))
                .execute(&mut *tx)
                .await?;
            }
        }
        Ok(tx.commit().await?)
    }

    /// Takes an accepted answer out of search and withdraws its card (the rows stay for the
    /// record). `false` when
    /// there is no such answer in this guild or it was removed before.
    pub async fn remove_kb_entry(
        &self,
        guild: GuildId,
        id: KbId,
        by: UserId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let done = query(
            "UPDATE kb_entries SET removed_ms = ?, removed_by = ?
             WHERE guild_id = ? AND id = ? AND removed_ms IS NULL",
        )
        .bind(now_ms)
        .bind(by.to_db())
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        query("DELETE FROM kb_index WHERE kind = 'answer' AND ref = ? AND guild_id = ?")
            .bind(id.to_string())
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        super::cards::retire_answer_card(&mut tx, guild, id, now_ms).await?;
        tx.commit().await?;
        Ok(done)
    }
}

/// Joins that give an answer `e` its server (`g`) and topic (`tv`) verification intervals.
const VERIFICATION_JOINS: &str = "LEFT JOIN guilds g ON g.id = e.guild_id
    LEFT JOIN topic_verification tv ON tv.guild_id = e.guild_id AND tv.topic_id = e.topic_id";

/// What [`verification`] reads, from `kb_entries e` with [`VERIFICATION_JOINS`].
const VERIFICATION_COLUMNS: &str =
    "e.id AS e_id, COALESCE(e.verified_ms, e.created_ms) AS e_verified_ms,
    COALESCE(tv.days, g.verification_days) AS e_interval_days";

/// When an answer was last verified and its own interval; `None` when the row has no answer.
fn verification(r: &AnyRow) -> Option<(i64, Option<u32>)> {
    r.get::<Option<i64>, _>("e_id")?;
    Some((
        r.get::<Option<i64>, _>("e_verified_ms")?,
        r.get::<Option<i64>, _>("e_interval_days").map(|d| d as u32),
    ))
}

/// What [`entry_from_row`] reads, from `kb_entries e` with [`VERIFICATION_JOINS`].
const ENTRY_COLUMNS: &str =
    "e.topic_id, e.question, e.answer, e.author_id, e.removed_ms, e.reminded_ms,
    (SELECT a.thread_id FROM asks a WHERE a.id = e.ask_id) AS thread_id";

fn entry_from_row(r: &AnyRow) -> KbEntry {
    let (verified_ms, interval_days) = verification(r).unwrap_or((0, None));
    KbEntry {
        id: KbId(r.get("e_id")),
        topic_id: r.get("topic_id"),
        question: r.get("question"),
        answer: r.get("answer"),
        author: UserId::from_db(r.get("author_id")),
        removed: r.get::<Option<i64>, _>("removed_ms").is_some(),
        verified_ms,
        interval_days,
        reminded_ms: r.get("reminded_ms"),
        thread: r.get::<Option<i64>, _>("thread_id").map(ChannelId::from_db),
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
    conn: &mut AnyConnection,
    e: &NewKbEntry<'_>,
    now_ms: i64,
) -> StoreResult<KbId> {
    let NewKbEntry {
        guild,
        ask_id,
        topic_id,
        question,
        answer,
        author,
        accepted_by,
    } = *e;
    let id: i64 = query_scalar(
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
    let lang = search_language(conn, guild).await?;
    query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id, title_terms, body_terms)
         VALUES (?, ?, ?, 'answer', ?, ?, ?, ?)",
    )
    .bind(question)
    .bind(answer)
    .bind(guild.to_db())
    .bind(id.to_string())
    .bind(topic_id)
    .bind(index_terms(question, lang))
    .bind(index_terms(answer, lang))
    .execute(&mut *conn)
    .await?;
    Ok(KbId(id))
}

/// The language a guild's index is built in; the server's language when it has not been
/// built yet (then recorded, so every row of a guild is in one language).
async fn search_language(conn: &mut AnyConnection, guild: GuildId) -> StoreResult<Lang> {
    if let Some(built) = built_search_language(conn, guild).await? {
        return Ok(built);
    }
    let lang = super::guilds::guild_language_in(conn, guild).await?.lang();
    query("UPDATE guilds SET search_language = ? WHERE id = ?")
        .bind(lang.code())
        .bind(guild.to_db())
        .execute(&mut *conn)
        .await?;
    Ok(lang)
}

/// The language the guild's search index is built in (`None`: not built yet).
async fn built_search_language(
    conn: &mut AnyConnection,
    guild: GuildId,
) -> StoreResult<Option<Lang>> {
    let built: Option<Option<String>> =
        query_scalar("SELECT search_language FROM guilds WHERE id = ?")
            .bind(guild.to_db())
            .fetch_optional(conn)
            .await?;
    Ok(built.flatten().as_deref().and_then(Lang::parse))
}

/// Computes the search form (see `domain::knowledge::index_terms`) of the guild's index rows
/// that have none yet, in the language its index is built in (after content is indexed in
/// SQL, and when the index is rebuilt: it reads the guild's rows, so not on every answer).
pub(super) async fn fill_search_terms(conn: &mut AnyConnection, guild: GuildId) -> StoreResult<()> {
    let lang = search_language(conn, guild).await?;
    let key = Engine::of(conn).pick("rowid", "id");
    let rows = query(&format!(
        "SELECT {key} AS row_key, title, body FROM kb_index
         WHERE guild_id = ? AND title_terms IS NULL"
    ))
    .bind(guild.to_db())
    .fetch_all(&mut *conn)
    .await?;
    for r in rows {
        let (title, body): (String, String) = (r.get("title"), r.get("body"));
        query(&format!(
            "UPDATE kb_index SET title_terms = ?, body_terms = ? WHERE {key} = ?"
        ))
        .bind(index_terms(&title, lang))
        .bind(index_terms(&body, lang))
        .bind(r.get::<i64, _>("row_key"))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Rewrites the index rows of the guild's tips, current question versions and content cards
/// (after an import, in its transaction).
pub(super) async fn reindex_content(conn: &mut AnyConnection, guild: GuildId) -> StoreResult<()> {
    query("DELETE FROM kb_index WHERE guild_id = ? AND kind IN ('tip', 'question', 'card')")
        .bind(guild.to_db())
        .execute(&mut *conn)
        .await?;
    query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
         SELECT 'Tip', text, guild_id, 'tip', id, topic_id FROM tips WHERE guild_id = ?",
    )
    .bind(guild.to_db())
    .execute(&mut *conn)
    .await?;
    // The body: the right choice (from the JSON array of choices), a new line, the explanation.
    let right_choice = Engine::of(conn).pick(
        "json_extract(v.choices, '$[' || v.correct || ']') || char(10)",
        "(CAST(v.choices AS json) ->> CAST(v.correct AS INT)) || chr(10)",
    );
    query(&format!(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
         SELECT v.prompt, {right_choice} || v.explanation,
                q.guild_id, 'question', q.id, q.topic_id
         FROM live_questions q JOIN question_versions v ON v.id = q.current_version
         WHERE q.guild_id = ?"
    ))
    .bind(guild.to_db())
    .execute(&mut *conn)
    .await?;
    query(
        "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id)
         SELECT front, back, guild_id, 'card', content_id, topic_id FROM cards
         WHERE guild_id = ? AND content_id IS NOT NULL AND retired_ms IS NULL",
    )
    .bind(guild.to_db())
    .execute(&mut *conn)
    .await?;
    fill_search_terms(conn, guild).await
}

impl Store {
    /// The language the guild's search index is built in (`None`: not built yet).
    pub async fn search_language(&self, guild: GuildId) -> StoreResult<Option<Lang>> {
        let mut conn = self.pool().acquire().await?;
        built_search_language(&mut conn, guild).await
    }

    /// Rebuilds the guild's search index in `lang` (the server's language changed).
    pub async fn rebuild_search(&self, guild: GuildId, lang: Lang) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        query("UPDATE guilds SET search_language = ? WHERE id = ?")
            .bind(lang.code())
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        query("UPDATE kb_index SET title_terms = NULL, body_terms = NULL WHERE guild_id = ?")
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        fill_search_terms(&mut tx, guild).await?;
        Ok(tx.commit().await?)
    }
}

#[cfg(test)]
mod properties {
    use crate::domain::ids::GuildId;
    use crate::domain::knowledge::{fts_query, terms};
    use crate::i18n::Lang;
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
        proptest!(ProptestConfig::with_cases(200), |(text in "\\PC{0,300}", lang in 0..4usize)| {
            if let Some(query) = fts_query(&terms(&text, Lang::ALL[lang])) {
                let result = runtime.block_on(store.search_kb(GuildId(1), &query, 5));
                prop_assert!(result.is_ok(), "{:?} for {:?}", result, query);
            }
        });
    }
}
