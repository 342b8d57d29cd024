//! Quiz posts: a question posted in a channel, its live counts and its reveal. The one place
//! for the `quiz_posts` table (answers to a post are written with the answer, in
//! [`super::answers`]).

use super::content::{version_from_row, VERSION_COLUMNS};
use super::error::StoreResult;
use super::sql::query;
use super::Store;
use crate::domain::ids::{ChannelId, GuildId, MessageId, PostId};
use crate::domain::quiz::QuizPost;
use sqlx::any::AnyRow;
use sqlx::Row;

const POST_COLUMNS: &str = "p.id, p.guild_id, p.channel_id, p.message_id, p.closes_ms, p.answer_count, p.correct_count, p.shown_count, p.revealed_ms, p.posted_ms";

/// Reads [`POST_COLUMNS`] and the version's [`VERSION_COLUMNS`] by name.
fn post_from_row(r: &AnyRow) -> QuizPost {
    QuizPost {
        id: PostId::from_db(r.get("id")),
        guild: GuildId::from_db(r.get("guild_id")),
        channel_id: ChannelId::from_db(r.get("channel_id")),
        message_id: r
            .get::<Option<i64>, _>("message_id")
            .map(MessageId::from_db),
        closes_ms: r.get("closes_ms"),
        answer_count: r.get("answer_count"),
        correct_count: r.get("correct_count"),
        shown_count: r.get("shown_count"),
        revealed: r.get::<Option<i64>, _>("revealed_ms").is_some(),
        posted_ms: r.get("posted_ms"),
        version: version_from_row(r),
    }
}

fn post_query(filter: &str) -> String {
    format!(
        "SELECT {POST_COLUMNS}, {VERSION_COLUMNS} FROM quiz_posts p
         JOIN question_versions v ON v.id = p.version_id
         JOIN topics t ON t.guild_id = v.guild_id AND t.id = v.topic_id
         WHERE {filter}"
    )
}

impl Store {
    /// The quiz post an outbox row delivers.
    pub async fn quiz_post_for_outbox(&self, outbox_id: i64) -> StoreResult<Option<QuizPost>> {
        let row = query(&post_query("p.outbox_id = ?"))
            .bind(outbox_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(post_from_row))
    }

    pub async fn quiz_post(&self, id: PostId) -> StoreResult<Option<QuizPost>> {
        let row = query(&post_query("p.id = ?"))
            .bind(id.to_db())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(post_from_row))
    }

    /// Delivered posts whose message shows an old count or that should now be revealed.
    pub async fn posts_needing_edit(&self, now_ms: i64) -> StoreResult<Vec<QuizPost>> {
        let rows = query(&post_query(
            "p.message_id IS NOT NULL AND p.revealed_ms IS NULL AND (p.shown_count <> p.answer_count OR p.closes_ms <= ?)
             ORDER BY p.id",
        ))
        .bind(now_ms)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(post_from_row).collect())
    }

    /// Notes what the message now shows: a count, or the reveal.
    pub async fn mark_post_edited(
        &self,
        id: PostId,
        shown_count: i64,
        revealed_ms: Option<i64>,
    ) -> StoreResult<()> {
        query("UPDATE quiz_posts SET shown_count = ?, revealed_ms = COALESCE(?, revealed_ms) WHERE id = ?")
            .bind(shown_count)
            .bind(revealed_ms)
            .bind(id.to_db())
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}
