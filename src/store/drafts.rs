//! Questions written in chat before they are published (`question_drafts`), and the server's
//! setting that lets experts propose them (`guilds.expert_drafts`).
//!
//! A draft keeps the form as its author typed it (JSON), valid or not, so that "Edit" shows it
//! again. Publishing writes the question as an import of one would, in the same transaction
//! that marks the draft published, so a draft is published once.

use super::content::{upsert_question, Change};
use super::error::StoreResult;
use super::guilds::ensure_guild;
use super::sql::{flag, query, query_scalar};
use super::Store;
use crate::domain::authoring::{Draft, DraftState, QuestionForm};
use crate::domain::content::Question;
use crate::domain::ids::{DraftId, GuildId, UserId};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The states in which a draft can still change, as SQL (see `DraftState::open`).
const OPEN: &str = "state IN ('draft', 'proposed')";

/// What publishing a draft did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A new question.
    Added,
    /// A new version of the question (or the same one brought back).
    Updated,
    /// The question already reads exactly so.
    Unchanged,
    /// The draft was no longer open (published or discarded meanwhile).
    Closed,
}

fn draft_from_row(r: &AnyRow) -> Option<Draft> {
    Some(Draft {
        id: DraftId::from_db(r.get("id")),
        guild: GuildId::from_db(r.get("guild_id")),
        author: UserId::from_db(r.get("author_id")),
        form: serde_json::from_str(r.get("form")).ok()?,
        state: DraftState::parse(r.get("state"))?,
        updated_ms: r.get("updated_ms"),
    })
}

impl Store {
    /// A new draft by `author`. Their earlier drafts that were never submitted (a form opened
    /// and closed) go.
    pub async fn create_draft(
        &self,
        guild: GuildId,
        author: UserId,
        form: &QuestionForm,
        now_ms: i64,
    ) -> StoreResult<DraftId> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query(
            "DELETE FROM question_drafts WHERE guild_id = ? AND author_id = ? AND state = 'draft'
               AND submitted_ms IS NULL",
        )
        .bind(guild.to_db())
        .bind(author.to_db())
        .execute(&mut *tx)
        .await?;
        let id: i64 = query_scalar(
            "INSERT INTO question_drafts (guild_id, author_id, form, state, created_ms, updated_ms)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(guild.to_db())
        .bind(author.to_db())
        .bind(serde_json::to_string(form).unwrap_or_default())
        .bind(DraftState::Draft.as_str())
        .bind(now_ms)
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(DraftId::from_db(id))
    }

    pub async fn draft(&self, guild: GuildId, id: DraftId) -> StoreResult<Option<Draft>> {
        let row = query("SELECT * FROM question_drafts WHERE guild_id = ? AND id = ?")
            .bind(guild.to_db())
            .bind(id.to_db())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().and_then(draft_from_row))
    }

    /// Replaces an open draft's form (as submitted); `false` if it is no longer open.
    pub async fn save_draft_form(
        &self,
        guild: GuildId,
        id: DraftId,
        form: &QuestionForm,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let changed = query(&format!(
            "UPDATE question_drafts SET form = ?, updated_ms = ?, submitted_ms = COALESCE(submitted_ms, ?)
             WHERE guild_id = ? AND id = ? AND {OPEN}"
        ))
        .bind(serde_json::to_string(form).unwrap_or_default())
        .bind(now_ms)
        .bind(now_ms)
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Moves an open draft to `state` (proposed or discarded); `false` if it is no longer open.
    pub async fn set_draft_state(
        &self,
        guild: GuildId,
        id: DraftId,
        state: DraftState,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let changed = query(&format!(
            "UPDATE question_drafts SET state = ?, updated_ms = ?
             WHERE guild_id = ? AND id = ? AND {OPEN}"
        ))
        .bind(state.as_str())
        .bind(now_ms)
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Writes `question` (checked) and marks the draft published, in one transaction.
    pub async fn publish_draft(
        &self,
        guild: GuildId,
        id: DraftId,
        question: &Question,
        now_ms: i64,
    ) -> StoreResult<Published> {
        let mut tx = self.write_tx().await?;
        let closed = query(&format!(
            "UPDATE question_drafts SET state = 'published', updated_ms = ?
             WHERE guild_id = ? AND id = ? AND {OPEN}"
        ))
        .bind(now_ms)
        .bind(guild.to_db())
        .bind(id.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 0;
        if closed {
            return Ok(Published::Closed);
        }
        let change = upsert_question(&mut tx, guild, question, now_ms).await?;
        super::knowledge::reindex_content(&mut tx, guild).await?;
        tx.commit().await?;
        Ok(match change {
            Change::Added => Published::Added,
            Change::Updated => Published::Updated,
            Change::Unchanged => Published::Unchanged,
        })
    }

    /// The guild's drafts in `state`, oldest first, at most `limit`.
    pub async fn drafts_in(
        &self,
        guild: GuildId,
        state: DraftState,
        limit: usize,
    ) -> StoreResult<Vec<Draft>> {
        let rows = query(
            "SELECT * FROM question_drafts WHERE guild_id = ? AND state = ?
             ORDER BY updated_ms, id LIMIT ?",
        )
        .bind(guild.to_db())
        .bind(state.as_str())
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().filter_map(draft_from_row).collect())
    }

    /// Whether the guild lets experts propose questions.
    pub async fn expert_drafts(&self, guild: GuildId) -> StoreResult<bool> {
        let row = query("SELECT expert_drafts FROM guilds WHERE id = ?")
            .bind(guild.to_db())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some_and(|r| flag(&r, "expert_drafts")))
    }

    pub async fn set_expert_drafts(
        &self,
        guild: GuildId,
        on: bool,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET expert_drafts = ?, updated_ms = ? WHERE id = ?")
            .bind(i64::from(on))
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }
}
