//! Topics, versioned questions and tips of each guild.
//!
//! An import is one transaction: every item is added, updated (a new question version when the
//! text changed) or left as it is, or nothing is written at all. A retired question stays with
//! its versions and answers, out of everything that draws or counts the bank (the
//! `live_questions` view); importing it again brings it back.

use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::{query, query_scalar, Fraction};
use super::Store;
use crate::domain::content::{
    AnswerKey, Bundle, ImportCounts, Question, QuestionVersion, Tip, Topic, TopicStats,
};
use crate::domain::ids::{GuildId, VersionId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

impl ImportCounts {
    pub(super) fn count(&mut self, change: Change) {
        match change {
            Change::Added => self.added += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }
}

pub(crate) enum Change {
    Added,
    Updated,
    Unchanged,
}

impl Store {
    /// The question version a practice button refers to, if it belongs to this guild.
    pub async fn guild_question_version(
        &self,
        guild: GuildId,
        version_id: VersionId,
    ) -> StoreResult<Option<QuestionVersion>> {
        let row = query(&format!(
            "SELECT {VERSION_COLUMNS} FROM question_versions v
             JOIN topics t ON t.guild_id = v.guild_id AND t.id = v.topic_id WHERE v.id = ? AND v.guild_id = ?"
        ))
        .bind(version_id.to_db())
        .bind(guild.to_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(version_from_row))
    }

    /// Writes a checked bundle for `guild` in one transaction.
    pub async fn import_content(
        &self,
        guild: GuildId,
        bundle: &Bundle,
        now_ms: i64,
    ) -> StoreResult<ImportCounts> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        let counts = write_bundle(&mut tx, guild, bundle, now_ms).await?;
        tx.commit().await?;
        Ok(counts)
    }

    /// Whether the guild has content, or had the starter pack loaded once (a read, no lock).
    pub async fn content_settled(&self, guild: GuildId) -> StoreResult<bool> {
        let settled: i64 = query_scalar(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM guilds WHERE id = ?1 AND starter_loaded_ms IS NOT NULL)
                 OR EXISTS (SELECT 1 FROM topics WHERE guild_id = ?1) THEN 1 ELSE 0 END",
        )
        .bind(guild.to_db())
        .fetch_one(&self.pool)
        .await?;
        Ok(settled != 0)
    }

    /// Imports the starter pack once per guild (and marks it loaded in the same transaction);
    /// returns `None` when it was loaded before or the guild has content of its own.
    pub async fn load_starter_once(
        &self,
        guild: GuildId,
        bundle: &Bundle,
        now_ms: i64,
    ) -> StoreResult<Option<ImportCounts>> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        let loaded: Option<i64> = query_scalar("SELECT starter_loaded_ms FROM guilds WHERE id = ?")
            .bind(guild.to_db())
            .fetch_one(&mut *tx)
            .await?;
        let topics: i64 = query_scalar("SELECT COUNT(*) FROM topics WHERE guild_id = ?")
            .bind(guild.to_db())
            .fetch_one(&mut *tx)
            .await?;
        if loaded.is_some() || topics > 0 {
            return Ok(None);
        }
        let counts = write_bundle(&mut tx, guild, bundle, now_ms).await?;
        query("UPDATE guilds SET starter_loaded_ms = ? WHERE id = ?")
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(counts))
    }

    /// `(id, prompt)` of the guild's questions in use whose id or prompt contains `typed`
    /// (any case), by id, at most `limit`.
    pub async fn live_questions_matching(
        &self,
        guild: GuildId,
        typed: &str,
        limit: usize,
    ) -> StoreResult<Vec<(String, String)>> {
        let pattern = format!("%{}%", typed.to_lowercase());
        let rows = query(
            "SELECT q.id, v.prompt FROM live_questions q JOIN question_versions v ON v.id = q.current_version
             WHERE q.guild_id = ? AND (LOWER(q.id) LIKE ? OR LOWER(v.prompt) LIKE ?)
             ORDER BY q.id LIMIT ?",
        )
        .bind(guild.to_db())
        .bind(&pattern)
        .bind(&pattern)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get("id"), r.get("prompt")))
            .collect())
    }

    /// The current version of the guild's question `id`, if it is in use.
    pub async fn live_question(
        &self,
        guild: GuildId,
        id: &str,
    ) -> StoreResult<Option<QuestionVersion>> {
        let row = query(&format!(
            "SELECT {VERSION_COLUMNS} FROM live_questions q JOIN question_versions v ON v.id = q.current_version
             JOIN topics t ON t.guild_id = v.guild_id AND t.id = v.topic_id
             WHERE q.guild_id = ? AND q.id = ?"
        ))
        .bind(guild.to_db())
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(version_from_row))
    }

    /// Retires the question `id`: no longer posted, practised, searched or exported, and
    /// every member's memory of it dropped (reviews no longer bring it back); its versions and
    /// answers stay. `false` when the guild has no such question in use.
    pub async fn retire_question(
        &self,
        guild: GuildId,
        id: &str,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let retired = query(
            "UPDATE questions SET retired_ms = ?, updated_ms = ? WHERE guild_id = ? AND id = ? AND retired_ms IS NULL",
        )
        .bind(now_ms)
        .bind(now_ms)
        .bind(guild.to_db())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if retired {
            query("DELETE FROM memory WHERE guild_id = ? AND question_id = ?")
                .bind(guild.to_db())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            super::knowledge::reindex_content(&mut tx, guild).await?;
        }
        tx.commit().await?;
        Ok(retired)
    }

    /// `(id, name)` of the guild's topics, by name (then id).
    pub async fn topics(&self, guild: GuildId) -> StoreResult<Vec<(String, String)>> {
        let rows = query("SELECT id, name FROM topics WHERE guild_id = ? ORDER BY name, id")
            .bind(guild.to_db())
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(|r| (r.get("id"), r.get("name"))).collect())
    }

    /// The guild's content as it is served now, for `/content export`.
    pub async fn export_content(&self, guild: GuildId) -> StoreResult<Bundle> {
        let topics = query(
            "SELECT id, name, description, desired_retention, team_target FROM topics
             WHERE guild_id = ? ORDER BY id",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|r| Topic {
            id: r.get("id"),
            name: r.get("name"),
            description: r.get("description"),
            desired_retention: r.get("desired_retention"),
            team_target: r.get("team_target"),
        })
        .collect();
        let questions = query(&format!(
            "SELECT {VERSION_COLUMNS} FROM live_questions q JOIN question_versions v ON v.id = q.current_version
             JOIN topics t ON t.guild_id = v.guild_id AND t.id = v.topic_id
             WHERE q.guild_id = ? ORDER BY q.id"
        ))
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|r| version_from_row(&r).question)
        .collect();
        let tips =
            query("SELECT id, topic_id, text, link FROM tips WHERE guild_id = ? ORDER BY id")
                .bind(guild.to_db())
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(|r| Tip {
                    id: r.get("id"),
                    topic: r.get("topic_id"),
                    text: r.get("text"),
                    link: r.get("link"),
                })
                .collect();
        let cards = super::cards::content_cards(&self.pool, guild).await?;
        Ok(Bundle {
            topics,
            questions,
            tips,
            cards,
            skipped: vec![],
        })
    }

    /// Per-topic counts of questions, tips, flashcards in use and answers.
    pub async fn content_stats(&self, guild: GuildId) -> StoreResult<Vec<TopicStats>> {
        let rows = query(
            "SELECT t.id, t.name,
                    (SELECT COUNT(*) FROM live_questions q WHERE q.guild_id = t.guild_id AND q.topic_id = t.id) AS questions,
                    (SELECT COUNT(*) FROM tips p WHERE p.guild_id = t.guild_id AND p.topic_id = t.id) AS tips,
                    (SELECT COUNT(*) FROM cards c WHERE c.guild_id = t.guild_id AND c.topic_id = t.id
                       AND c.retired_ms IS NULL) AS cards,
                    (SELECT COUNT(*) FROM answers a JOIN question_versions v ON v.id = a.version_id
                      WHERE a.guild_id = t.guild_id AND v.topic_id = t.id) AS answers,
                    (SELECT CAST(COALESCE(SUM(a.correct), 0) AS BIGINT) FROM answers a JOIN question_versions v ON v.id = a.version_id
                      WHERE a.guild_id = t.guild_id AND v.topic_id = t.id) AS correct
             FROM topics t WHERE t.guild_id = ? ORDER BY t.name",
        )
        .bind(guild.to_db())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| TopicStats {
                id: r.get("id"),
                name: r.get("name"),
                questions: r.get("questions"),
                tips: r.get("tips"),
                cards: r.get("cards"),
                answers: r.get("answers"),
                correct: r.get("correct"),
            })
            .collect())
    }
}

/// Adds, updates or leaves each item of the bundle.
async fn write_bundle(
    conn: &mut AnyConnection,
    guild: GuildId,
    bundle: &Bundle,
    now_ms: i64,
) -> StoreResult<ImportCounts> {
    let mut counts = ImportCounts::default();
    for t in &bundle.topics {
        counts.count(upsert_topic(conn, guild, t, now_ms).await?);
    }
    for q in &bundle.questions {
        counts.count(upsert_question(conn, guild, q, now_ms).await?);
    }
    for t in &bundle.tips {
        counts.count(upsert_tip(conn, guild, t, now_ms).await?);
    }
    for c in &bundle.cards {
        counts.count(super::cards::upsert_content_card(conn, guild, c, now_ms).await?);
    }
    super::knowledge::reindex_content(conn, guild).await?;
    Ok(counts)
}

/// The columns [`version_from_row`] reads, from `question_versions v` joined with `topics t`,
/// each named `v_...` so that they can sit beside another table's columns in one row.
pub(super) const VERSION_COLUMNS: &str =
    "v.id AS v_id, v.guild_id AS v_guild_id, t.name AS v_topic_name,
    v.question_id AS v_question_id, v.topic_id AS v_topic_id, v.prompt AS v_prompt,
    v.kind AS v_kind, v.choices AS v_choices, v.correct AS v_correct, v.answer_key AS v_answer_key,
    v.explanation AS v_explanation,
    v.difficulty AS v_difficulty, v.tracks AS v_tracks, v.source AS v_source,
    t.desired_retention AS v_desired_retention";

/// Reads [`VERSION_COLUMNS`] by name.
pub(super) fn version_from_row(r: &AnyRow) -> QuestionVersion {
    let choices: String = r.get("v_choices");
    let tracks: String = r.get("v_tracks");
    let correct: i64 = r.get("v_correct");
    let kind: String = r.get("v_kind");
    let key: Option<String> = r.get("v_answer_key");
    let choices: Vec<String> = serde_json::from_str(&choices).unwrap_or_default();
    let answer = AnswerKey::from_stored(&kind, choices, correct, key.as_deref());
    let difficulty: i64 = r.get("v_difficulty");
    QuestionVersion {
        version_id: VersionId::from_db(r.get("v_id")),
        guild: GuildId::from_db(r.get("v_guild_id")),
        topic_name: r.get("v_topic_name"),
        desired_retention: r.get("v_desired_retention"),
        question: Question {
            id: r.get("v_question_id"),
            topic: r.get("v_topic_id"),
            prompt: r.get("v_prompt"),
            answer,
            explanation: r.get("v_explanation"),
            difficulty: difficulty as u8,
            tracks: serde_json::from_str(&tracks).unwrap_or_default(),
            source: r.get("v_source"),
        },
    }
}

async fn upsert_topic(
    conn: &mut AnyConnection,
    guild: GuildId,
    t: &Topic,
    now_ms: i64,
) -> StoreResult<Change> {
    let existing = query(
        "SELECT name, description, desired_retention, team_target FROM topics
         WHERE guild_id = ? AND id = ?",
    )
    .bind(guild.to_db())
    .bind(&t.id)
    .fetch_optional(&mut *conn)
    .await?;
    let change = match existing {
        None => Change::Added,
        Some(r)
            if r.get::<&str, _>("name") == t.name
                && r.get::<&str, _>("description") == t.description
                && r.get::<Option<f64>, _>("desired_retention") == t.desired_retention
                && r.get::<Option<f64>, _>("team_target") == t.team_target =>
        {
            return Ok(Change::Unchanged)
        }
        Some(_) => Change::Updated,
    };
    query(
        "INSERT INTO topics (guild_id, id, name, description, desired_retention, team_target, updated_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, id) DO UPDATE SET name = excluded.name,
           description = excluded.description, desired_retention = excluded.desired_retention,
           team_target = excluded.team_target, updated_ms = excluded.updated_ms",
    )
    .bind(guild.to_db())
    .bind(&t.id)
    .bind(&t.name)
    .bind(&t.description)
    .bind(Fraction(t.desired_retention))
    .bind(Fraction(t.team_target))
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(change)
}

pub(super) async fn upsert_question(
    conn: &mut AnyConnection,
    guild: GuildId,
    q: &Question,
    now_ms: i64,
) -> StoreResult<Change> {
    let current = query(&format!(
        "SELECT {VERSION_COLUMNS}, v.version AS v_version, q.retired_ms AS q_retired_ms
         FROM questions q JOIN question_versions v ON v.id = q.current_version
         JOIN topics t ON t.guild_id = v.guild_id AND t.id = v.topic_id
         WHERE q.guild_id = ? AND q.id = ?"
    ))
    .bind(guild.to_db())
    .bind(&q.id)
    .fetch_optional(&mut *conn)
    .await?;
    let (change, version) = match &current {
        None => (Change::Added, 1),
        Some(row) if version_from_row(row).question == *q => {
            // The same question: unchanged, or brought back if it was retired.
            if row.get::<Option<i64>, _>("q_retired_ms").is_none() {
                return Ok(Change::Unchanged);
            }
            query("UPDATE questions SET retired_ms = NULL, updated_ms = ? WHERE guild_id = ? AND id = ?")
                .bind(now_ms)
                .bind(guild.to_db())
                .bind(&q.id)
                .execute(&mut *conn)
                .await?;
            return Ok(Change::Updated);
        }
        Some(row) => (Change::Updated, row.get::<i64, _>("v_version") + 1),
    };
    if matches!(change, Change::Added) {
        // The version row needs the question row; current_version is set just below.
        query(
            "INSERT INTO questions (guild_id, id, topic_id, current_version, updated_ms) VALUES (?, ?, ?, 0, ?)",
        )
        .bind(guild.to_db())
        .bind(&q.id)
        .bind(&q.topic)
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
    }
    let (choices, correct) = q.answer.columns();
    let version_id: i64 = query_scalar(
        "INSERT INTO question_versions (guild_id, question_id, version, topic_id, prompt, kind,
           choices, correct, answer_key, explanation, difficulty, tracks, source, created_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(guild.to_db())
    .bind(&q.id)
    .bind(version)
    .bind(&q.topic)
    .bind(&q.prompt)
    .bind(q.kind().as_str())
    .bind(serde_json::to_string(&choices).unwrap_or_default())
    .bind(correct)
    .bind(serde_json::to_string(&q.answer).unwrap_or_default())
    .bind(&q.explanation)
    .bind(i64::from(q.difficulty))
    .bind(serde_json::to_string(&q.tracks).unwrap_or_default())
    .bind(&q.source)
    .bind(now_ms)
    .fetch_one(&mut *conn)
    .await?;
    query(
        "UPDATE questions SET current_version = ?, topic_id = ?, updated_ms = ?, retired_ms = NULL
         WHERE guild_id = ? AND id = ?",
    )
    .bind(version_id)
    .bind(&q.topic)
    .bind(now_ms)
    .bind(guild.to_db())
    .bind(&q.id)
    .execute(conn)
    .await?;
    Ok(change)
}

async fn upsert_tip(
    conn: &mut AnyConnection,
    guild: GuildId,
    t: &Tip,
    now_ms: i64,
) -> StoreResult<Change> {
    let existing = query("SELECT topic_id, text, link FROM tips WHERE guild_id = ? AND id = ?")
        .bind(guild.to_db())
        .bind(&t.id)
        .fetch_optional(&mut *conn)
        .await?;
    let change = match existing {
        None => Change::Added,
        Some(r)
            if r.get::<&str, _>("topic_id") == t.topic
                && r.get::<&str, _>("text") == t.text
                && r.get::<Option<&str>, _>("link") == t.link.as_deref() =>
        {
            return Ok(Change::Unchanged)
        }
        Some(_) => Change::Updated,
    };
    query(
        "INSERT INTO tips (guild_id, id, topic_id, text, link, updated_ms) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (guild_id, id) DO UPDATE SET topic_id = excluded.topic_id, text = excluded.text,
           link = excluded.link, updated_ms = excluded.updated_ms",
    )
    .bind(guild.to_db())
    .bind(&t.id)
    .bind(&t.topic)
    .bind(&t.text)
    .bind(&t.link)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(change)
}
