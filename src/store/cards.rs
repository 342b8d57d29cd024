//! Flashcards (`cards`), the members who hold answer cards (`card_holders`) and every
//! self-grade (`card_reviews`). A member's memory of a card is its `memory` row under
//! [`memory_key`]; a grade is written in the writer's group commit like an answer, with the
//! member's memory, points, streak and ledger, but never as an answer: self-grades are not
//! counted in accuracy, checks, boards' right answers or competency.

use super::boards::credit_statements;
use super::content::Change;
use super::error::{StoreError, StoreResult};
use super::group_commit::GroupWrite;
use super::memory::{memory_from_row, save_memory, save_progress, MEMORY_COLUMNS};
use super::sql::{maybe_flag, query, query_scalar, Engine};
use super::statements::Statements;
use super::Store;
use crate::dice::{ShuffleKey, SHUFFLE_MODULUS};
use crate::domain::boards::{AwardKind, Credit};
use crate::domain::cards::{
    memory_key, Card, CardCandidate, CardOrigin, CardResult, CardTotals, ContentCard, HoldReason,
    NewCardReview, SelfGrade,
};
use crate::domain::ids::{CardId, GuildId, KbId, UserId};
use crate::domain::memory::Memory;
use crate::domain::periods::keys_for;
use crate::domain::quiz::{Progress, Scored};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

/// The columns [`card_from_row`] reads, from `cards c` left-joined with `topics t`.
const CARD_COLUMNS: &str = "c.id, c.guild_id, c.content_id, c.kb_id, c.topic_id, c.front, c.back,
    c.source, c.author_id, c.version, c.retired_ms, COALESCE(t.name, c.topic_id) AS topic_name,
    t.desired_retention";

fn card_from_row(r: &AnyRow) -> StoreResult<Card> {
    let origin = match (
        r.get::<Option<String>, _>("content_id"),
        r.get::<Option<i64>, _>("kb_id"),
    ) {
        (Some(id), None) => CardOrigin::Content(id),
        (None, Some(kb)) => CardOrigin::Answer {
            kb: KbId(kb),
            author: UserId::from_db(r.get::<Option<i64>, _>("author_id").unwrap_or(0)),
        },
        _ => {
            return Err(StoreError::Unknown {
                what: "card origin",
                value: format!("card {}", r.get::<i64, _>("id")),
            })
        }
    };
    Ok(Card {
        id: CardId(r.get("id")),
        guild: GuildId::from_db(r.get("guild_id")),
        origin,
        topic: r.get("topic_id"),
        topic_name: r.get("topic_name"),
        front: r.get("front"),
        back: r.get("back"),
        source: r.get("source"),
        version: r.get("version"),
        desired_retention: r.get("desired_retention"),
        retired: r.get::<Option<i64>, _>("retired_ms").is_some(),
    })
}

impl Store {
    /// A card of this guild (retired ones too).
    pub async fn card(&self, guild: GuildId, id: CardId) -> StoreResult<Option<Card>> {
        let row = query(&format!(
            "SELECT {CARD_COLUMNS} FROM cards c
             LEFT JOIN topics t ON t.guild_id = c.guild_id AND t.id = c.topic_id
             WHERE c.guild_id = ? AND c.id = ?"
        ))
        .bind(guild.to_db())
        .bind(id.to_db())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(card_from_row).transpose()
    }

    /// The cards a member may get (in `topic` if given): every content card, and the answer
    /// cards they hold and have not dropped; none retired. In the order `shuffle` gives.
    pub async fn card_candidates(
        &self,
        guild: GuildId,
        user: UserId,
        topic: Option<&str>,
        shuffle: ShuffleKey,
    ) -> StoreResult<Vec<CardCandidate>> {
        let rows = query(&format!(
            "SELECT c.id, c.topic_id, c.tracks, h.first_due, {MEMORY_COLUMNS}
             FROM cards c
             LEFT JOIN card_holders h ON h.card_id = c.id AND h.user_id = ?2
             LEFT JOIN memory m ON m.guild_id = c.guild_id AND m.user_id = ?2
               AND m.question_id = 'card:' || c.id
             WHERE c.guild_id = ?1 AND c.retired_ms IS NULL AND (?3 IS NULL OR c.topic_id = ?3)
               AND (c.content_id IS NOT NULL OR (h.user_id IS NOT NULL AND h.dropped_ms IS NULL))
             ORDER BY (c.id * ?4 + ?5) % ?6"
        ))
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(topic)
        .bind(shuffle.multiplier)
        .bind(shuffle.offset)
        .bind(SHUFFLE_MODULUS)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| CardCandidate {
                id: CardId(r.get("id")),
                topic: r.get("topic_id"),
                tracks: serde_json::from_str(r.get("tracks")).unwrap_or_default(),
                memory: memory_from_row(r),
                first_due: r
                    .get::<Option<String>, _>("first_due")
                    .and_then(|d| d.parse().ok()),
            })
            .collect())
    }

    /// Records a self-grade with the member's memory, points and streak, in the writer's
    /// group commit. `score` turns the progress before into the scored result; `remember`
    /// the memory before into the memory after.
    pub async fn record_card_review(
        &self,
        review: &NewCardReview,
        score: impl FnOnce(Progress) -> Scored + Send + 'static,
        remember: impl FnOnce(Option<Memory>) -> Memory + Send + 'static,
    ) -> StoreResult<CardResult> {
        let write = CardReviewWrite {
            review: review.clone(),
            score: Box::new(score),
            remember: Box::new(remember),
        };
        self.group.write(write).await
    }

    /// "Not useful": the member no longer gets this answer card (nor their memory of it).
    /// `false` when they did not hold it.
    pub async fn drop_card(
        &self,
        guild: GuildId,
        user: UserId,
        card: CardId,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        let dropped = query(
            "UPDATE card_holders SET dropped_ms = ? WHERE card_id = ? AND guild_id = ? AND user_id = ?
               AND dropped_ms IS NULL",
        )
        .bind(now_ms)
        .bind(card.to_db())
        .bind(guild.to_db())
        .bind(user.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        query("DELETE FROM memory WHERE guild_id = ? AND user_id = ? AND question_id = ?")
            .bind(guild.to_db())
            .bind(user.to_db())
            .bind(memory_key(card))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(dropped)
    }

    /// The members holding the card made from an answer (not dropped), with why.
    pub async fn answer_card_holders(
        &self,
        guild: GuildId,
        kb: KbId,
    ) -> StoreResult<Vec<(UserId, HoldReason)>> {
        let rows = query(
            "SELECT h.user_id, h.reason FROM card_holders h JOIN cards c ON c.id = h.card_id
             WHERE c.guild_id = ? AND c.kb_id = ? AND h.dropped_ms IS NULL ORDER BY h.added_ms, h.user_id",
        )
        .bind(guild.to_db())
        .bind(kb.to_db())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let reason: &str = r.get("reason");
                let reason = HoldReason::parse(reason).ok_or_else(|| StoreError::Unknown {
                    what: "card holder reason",
                    value: reason.to_string(),
                })?;
                Ok((UserId::from_db(r.get("user_id")), reason))
            })
            .collect()
    }

    /// The guild's answer cards at a glance (for the demo's printout): cards made from
    /// answers, times they were given to a member, self-grades on any card and how many were
    /// "I knew it".
    pub async fn card_totals(&self, guild: GuildId) -> StoreResult<CardTotals> {
        let r = query(
            "SELECT (SELECT COUNT(*) FROM cards WHERE guild_id = ?1 AND kb_id IS NOT NULL) AS made,
                    (SELECT COUNT(*) FROM card_holders WHERE guild_id = ?1) AS given,
                    (SELECT COUNT(*) FROM card_reviews WHERE guild_id = ?1) AS grades,
                    (SELECT COUNT(*) FROM card_reviews WHERE guild_id = ?1 AND knew = 1) AS knew",
        )
        .bind(guild.to_db())
        .fetch_one(&self.pool)
        .await?;
        Ok(CardTotals {
            made: r.get("made"),
            given: r.get("given"),
            grades: r.get("grades"),
            knew: r.get("knew"),
        })
    }
}

/// The guild's content cards, for `/content export`.
pub(super) async fn content_cards(pool: &AnyPool, guild: GuildId) -> StoreResult<Vec<ContentCard>> {
    let rows = query(
        "SELECT content_id, topic_id, front, back, tracks, source FROM cards
         WHERE guild_id = ? AND content_id IS NOT NULL AND retired_ms IS NULL ORDER BY content_id",
    )
    .bind(guild.to_db())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ContentCard {
            id: r.get("content_id"),
            topic: r.get("topic_id"),
            front: r.get("front"),
            back: r.get("back"),
            tracks: serde_json::from_str(r.get("tracks")).unwrap_or_default(),
            source: r.get("source"),
        })
        .collect())
}

/// Adds a content card, or a new version of it when its text changed.
pub(super) async fn upsert_content_card(
    conn: &mut AnyConnection,
    guild: GuildId,
    c: &ContentCard,
    now_ms: i64,
) -> StoreResult<Change> {
    let tracks = serde_json::to_string(&c.tracks).unwrap_or_else(|_| "[]".into());
    let existing = query(
        "SELECT topic_id, front, back, tracks, source FROM cards WHERE guild_id = ? AND content_id = ?",
    )
    .bind(guild.to_db())
    .bind(&c.id)
    .fetch_optional(&mut *conn)
    .await?;
    let change = match existing {
        None => Change::Added,
        Some(r)
            if r.get::<&str, _>("topic_id") == c.topic
                && r.get::<&str, _>("front") == c.front
                && r.get::<&str, _>("back") == c.back
                && r.get::<&str, _>("tracks") == tracks
                && r.get::<Option<&str>, _>("source") == c.source.as_deref() =>
        {
            return Ok(Change::Unchanged)
        }
        Some(_) => Change::Updated,
    };
    query(
        "INSERT INTO cards (guild_id, content_id, topic_id, front, back, source, created_ms, updated_ms, tracks)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)
         ON CONFLICT (guild_id, content_id) WHERE content_id IS NOT NULL DO UPDATE SET
           topic_id = excluded.topic_id, front = excluded.front, back = excluded.back,
           source = excluded.source, tracks = excluded.tracks, version = cards.version + 1,
           updated_ms = excluded.updated_ms",
    )
    .bind(guild.to_db())
    .bind(&c.id)
    .bind(&c.topic)
    .bind(&c.front)
    .bind(&c.back)
    .bind(&c.source)
    .bind(now_ms)
    .bind(tracks.clone())
    .execute(conn)
    .await?;
    Ok(change)
}

/// An answer card about to be made.
pub(super) struct NewAnswerCard<'a> {
    pub guild: GuildId,
    pub kb: KbId,
    pub topic: &'a str,
    pub front: &'a str,
    pub back: &'a str,
    /// The question's thread.
    pub link: Option<&'a str>,
    pub author: UserId,
}

/// Makes the card of an accepted answer; returns its id.
pub(super) async fn make_answer_card(
    conn: &mut AnyConnection,
    c: &NewAnswerCard<'_>,
    now_ms: i64,
) -> StoreResult<CardId> {
    let id: i64 = query_scalar(
        "INSERT INTO cards (guild_id, kb_id, topic_id, front, back, source, author_id, created_ms, updated_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
    )
    .bind(c.guild.to_db())
    .bind(c.kb.to_db())
    .bind(c.topic)
    .bind(c.front)
    .bind(c.back)
    .bind(c.link)
    .bind(c.author.to_db())
    .bind(now_ms)
    .fetch_one(conn)
    .await?;
    Ok(CardId(id))
}

/// Gives the card of answer `kb` to a member, first due on `first_due`; `false` when there is
/// no live card, or they hold it already, or dropped it before.
pub(super) async fn give_answer_card(
    conn: &mut AnyConnection,
    guild: GuildId,
    kb: KbId,
    user: UserId,
    reason: HoldReason,
    first_due: chrono::NaiveDate,
    now_ms: i64,
) -> StoreResult<bool> {
    Ok(query(
        "INSERT INTO card_holders (card_id, guild_id, user_id, reason, added_ms, first_due)
         SELECT id, guild_id, ?, ?, ?, ? FROM cards
         WHERE guild_id = ? AND kb_id = ? AND retired_ms IS NULL
         ON CONFLICT (card_id, user_id) DO NOTHING",
    )
    .bind(user.to_db())
    .bind(reason.as_str())
    .bind(now_ms)
    .bind(first_due.to_string())
    .bind(guild.to_db())
    .bind(kb.to_db())
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Withdraws the card of answer `kb`: retired, and every holder's memory of it dropped.
pub(super) async fn retire_answer_card(
    conn: &mut AnyConnection,
    guild: GuildId,
    kb: KbId,
    now_ms: i64,
) -> StoreResult<()> {
    query(
        "DELETE FROM memory WHERE guild_id = ?1 AND question_id IN
           (SELECT 'card:' || id FROM cards WHERE guild_id = ?1 AND kb_id = ?2)",
    )
    .bind(guild.to_db())
    .bind(kb.to_db())
    .execute(&mut *conn)
    .await?;
    query(
        "UPDATE cards SET retired_ms = ? WHERE guild_id = ? AND kb_id = ? AND retired_ms IS NULL",
    )
    .bind(now_ms)
    .bind(guild.to_db())
    .bind(kb.to_db())
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the back of answer `kb`'s card (its answer was updated): a new version.
pub(super) async fn rewrite_answer_card(
    conn: &mut AnyConnection,
    guild: GuildId,
    kb: KbId,
    back: &str,
    now_ms: i64,
) -> StoreResult<()> {
    query(
        "UPDATE cards SET back = ?, version = version + 1, updated_ms = ?
         WHERE guild_id = ? AND kb_id = ? AND retired_ms IS NULL",
    )
    .bind(back)
    .bind(now_ms)
    .bind(guild.to_db())
    .bind(kb.to_db())
    .execute(conn)
    .await?;
    Ok(())
}

/// A self-grade waiting for its group, with the domain's rules.
struct CardReviewWrite {
    review: NewCardReview,
    score: Box<dyn FnOnce(Progress) -> Scored + Send>,
    remember: Box<dyn FnOnce(Option<Memory>) -> Memory + Send>,
}

impl GroupWrite for CardReviewWrite {
    type Done = CardResult;

    /// An earlier grade of this showing, the member's progress and memory of the card.
    fn pre_read(&self, _: Engine, read: &mut Statements<'static>) -> bool {
        let r = &self.review;
        read.push(&format!(
            "SELECT (SELECT knew FROM card_reviews WHERE guild_id = ? AND user_id = ? AND card_id = ?
                       AND shown_ms = ?) AS earlier_knew,
                    p.points, p.streak_days, p.best_streak, p.last_day, {MEMORY_COLUMNS}
             FROM (SELECT 1) AS one
             LEFT JOIN member_progress p ON p.guild_id = ? AND p.user_id = ?
             LEFT JOIN memory m ON m.guild_id = ? AND m.user_id = ? AND m.question_id = ?"
        ))
        .bind(r.guild.to_db())
        .bind(r.user.to_db())
        .bind(r.card.to_db())
        .bind(r.shown_ms)
        .bind(r.guild.to_db())
        .bind(r.user.to_db())
        .bind(r.guild.to_db())
        .bind(r.user.to_db())
        .bind(memory_key(r.card));
        true
    }

    fn write(self, row: Option<&AnyRow>, s: &mut Statements<'static>) -> StoreResult<CardResult> {
        let row = row.ok_or_else(|| StoreError::Db("the card's context read no row".into()))?;
        if let Some(knew) = maybe_flag(row, "earlier_knew") {
            let grade = if knew {
                SelfGrade::Knew
            } else {
                SelfGrade::NotYet
            };
            return Ok(CardResult::AlreadyGraded(grade));
        }
        let progress = match row.get::<Option<i64>, _>("points") {
            None => Progress::default(),
            Some(points) => Progress {
                points,
                streak_days: row.get("streak_days"),
                best_streak: row.get("best_streak"),
                last_day: row
                    .get::<Option<String>, _>("last_day")
                    .and_then(|d| d.parse().ok()),
            },
        };
        let before = memory_from_row(row);
        let scored = (self.score)(progress);
        let memory = (self.remember)(before);
        let r = &self.review;
        let knew = r.grade.knew();
        s.push(
            "INSERT INTO card_reviews (guild_id, user_id, card_id, version, source, knew, shown_ms,
               answered_ms, local_day, points)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(r.guild.to_db())
        .bind(r.user.to_db())
        .bind(r.card.to_db())
        .bind(r.version)
        .bind(r.source.as_str())
        .bind(i64::from(knew))
        .bind(r.shown_ms)
        .bind(r.answered_ms)
        .bind(r.local_day.to_string())
        .bind(scored.points_awarded);
        // A card's "first and latest right" are its self-grades; nothing reads them as results.
        save_memory(s, r.guild, r.user, &memory_key(r.card), &memory, knew, knew);
        let keys = keys_for(r.local_day, r.season_weeks);
        let credit = Credit {
            guild: r.guild,
            user: r.user,
            kind: AwardKind::of_answer_source(r.source),
            points: scored.points_awarded,
            topic: Some(&r.topic),
            // Not an answer: self-grades stay out of the accuracy figures.
            answer: None,
            answer_id: None,
            ask_id: None,
            at_ms: r.answered_ms,
            day: r.local_day,
            gain: Default::default(),
        };
        credit_statements(s, &credit, &keys);
        if scored.streak_bonus != 0 {
            let bonus = Credit {
                kind: AwardKind::StreakBonus,
                points: scored.streak_bonus,
                topic: None,
                ..credit
            };
            credit_statements(s, &bonus, &keys);
        }
        save_progress(s, r.guild, r.user, &scored.progress);
        Ok(CardResult::Graded(scored))
    }
}
