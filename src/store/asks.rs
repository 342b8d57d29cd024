//! Questions asked with `/ask`: their state, the experts they were assigned to, the
//! knowledge-exchange log, and the posts they queue. Every change of state writes its log
//! event and its posts in the same transaction.

use super::boards::credit;
use super::error::{StoreError, StoreResult};
use super::sql::{query, query_scalar};
use super::Store;
use crate::domain::asks::{
    AskRow, AskState, Event, FollowUp, QueuedPost, Resolution, ResolveOutcome, Routing,
};
use crate::domain::boards::{AwardKind, Credit};
use crate::domain::cards::{answer_card_texts, HoldReason};
use crate::domain::gaps::GapAsk;
use crate::domain::ids::{ChannelId, GuildId, KbId, UserId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

impl AskState {
    /// The state stored as `s`; unknown to this version is an error, never a guess.
    fn parse(s: &str) -> StoreResult<AskState> {
        Ok(match s {
            "searching" => AskState::Searching,
            "deflected" => AskState::Deflected,
            "open" => AskState::Open,
            "resolved" => AskState::Resolved,
            "abandoned" => AskState::Abandoned,
            _ => {
                return Err(StoreError::Unknown {
                    what: "question state",
                    value: s.to_string(),
                })
            }
        })
    }
}

const ASK_COLUMNS: &str = "id, guild_id, asker_id, text, topic_id, state, thread_id, expert_id, assigned_ms, escalations, admins_told_ms, first_response_ms, nudged_ms, kb_id, created_ms";

fn ask_from_row(r: &AnyRow) -> StoreResult<AskRow> {
    Ok(AskRow {
        id: r.get("id"),
        guild: GuildId::from_db(r.get("guild_id")),
        asker: UserId::from_db(r.get("asker_id")),
        text: r.get("text"),
        topic_id: r.get("topic_id"),
        state: AskState::parse(r.get::<&str, _>("state"))?,
        thread_id: r.get::<Option<i64>, _>("thread_id").map(ChannelId::from_db),
        expert: r.get::<Option<i64>, _>("expert_id").map(UserId::from_db),
        assigned_ms: r.get("assigned_ms"),
        escalations: r.get::<i64, _>("escalations") as u32,
        admins_told_ms: r.get("admins_told_ms"),
        first_response_ms: r.get("first_response_ms"),
        nudged_ms: r.get("nudged_ms"),
        kb_id: r.get::<Option<i64>, _>("kb_id").map(KbId),
        created_ms: r.get("created_ms"),
    })
}

impl Store {
    /// Records a new question and its `asked` event; returns its id.
    pub async fn create_ask(
        &self,
        guild: GuildId,
        asker: UserId,
        text: &str,
        topic: Option<&str>,
        now_ms: i64,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        let id: i64 = query_scalar(
            "INSERT INTO asks (guild_id, asker_id, text, topic_id, state, created_ms)
             VALUES (?, ?, ?, ?, 'searching', ?) RETURNING id",
        )
        .bind(guild.to_db())
        .bind(asker.to_db())
        .bind(text)
        .bind(topic)
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        event(&mut tx, guild, id, Event::Asked, Some(asker), now_ms, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn ask(&self, guild: GuildId, id: i64) -> StoreResult<Option<AskRow>> {
        let sql = format!("SELECT {ASK_COLUMNS} FROM asks WHERE guild_id = ? AND id = ?");
        let row = query(&sql)
            .bind(guild.to_db())
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(ask_from_row).transpose()
    }

    /// The question whose thread is `thread`.
    pub async fn ask_by_thread(&self, thread: ChannelId) -> StoreResult<Option<AskRow>> {
        let sql = format!("SELECT {ASK_COLUMNS} FROM asks WHERE thread_id = ?");
        let row = query(&sql)
            .bind(thread.to_db())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(ask_from_row).transpose()
    }

    /// Open questions with a thread, oldest first (for escalations and reminders).
    pub async fn open_asks(&self) -> StoreResult<Vec<AskRow>> {
        let sql = format!(
            "SELECT {ASK_COLUMNS} FROM asks WHERE state = 'open' AND thread_id IS NOT NULL ORDER BY id"
        );
        let rows = query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(ask_from_row).collect()
    }

    /// A guild's open questions with a thread (at most the latest 200), newest first.
    pub async fn open_asks_of(&self, guild: GuildId) -> StoreResult<Vec<AskRow>> {
        let sql = format!(
            "SELECT {ASK_COLUMNS} FROM asks WHERE guild_id = ? AND state = 'open' AND thread_id IS NOT NULL
             ORDER BY id DESC LIMIT 200"
        );
        let rows = query(&sql)
            .bind(guild.to_db())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(ask_from_row).collect()
    }

    /// "Follow that question": `user` follows open question `ask`, and their own question
    /// `from` (still waiting for their verdict) is closed with a `deflected` event naming the
    /// one they follow; `false` when `from` was settled already.
    pub async fn follow_ask(
        &self,
        guild: GuildId,
        ask: i64,
        user: UserId,
        from: i64,
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        if set_state(&mut tx, guild, from, "searching", "deflected", now_ms)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        let detail = format!("followed question #{ask}");
        event(
            &mut tx,
            guild,
            from,
            Event::Deflected,
            Some(user),
            now_ms,
            Some(&detail),
        )
        .await?;
        query(
            "INSERT INTO ask_followers (ask_id, guild_id, user_id, from_ask_id, followed_ms)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(ask)
        .bind(guild.to_db())
        .bind(user.to_db())
        .bind(from)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Questions asked from `from_ms` to `to_ms` (exclusive) that the knowledge base could not
    /// answer (they went to a thread), with their topic and the answer accepted since.
    pub async fn gap_asks(
        &self,
        guild: GuildId,
        from_ms: i64,
        to_ms: i64,
    ) -> StoreResult<Vec<GapAsk>> {
        let rows = query(
            "SELECT id, asker_id, COALESCE(topic_id, ?4) AS topic_id, text, kb_id FROM asks
             WHERE guild_id = ?1 AND created_ms >= ?2 AND created_ms < ?3 AND thread_id IS NOT NULL
             ORDER BY id",
        )
        .bind(guild.to_db())
        .bind(from_ms)
        .bind(to_ms)
        .bind(crate::domain::routing::GENERAL)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| GapAsk {
                id: r.get("id"),
                asker: UserId::from_db(r.get("asker_id")),
                topic: r.get("topic_id"),
                text: r.get("text"),
                answered: r.get::<Option<i64>, _>("kb_id").map(KbId),
            })
            .collect())
    }

    /// Every expert a question was assigned to so far.
    pub async fn assigned_experts(&self, ask: i64) -> StoreResult<Vec<UserId>> {
        let ids: Vec<i64> = query_scalar(
            "SELECT expert_id FROM ask_assignments WHERE ask_id = ? ORDER BY assigned_ms",
        )
        .bind(ask)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(UserId::from_db).collect())
    }

    /// Queues posts on their own (a notice to the admins).
    pub async fn queue_posts(
        &self,
        guild: GuildId,
        posts: &[QueuedPost],
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        queue(&mut tx, guild, posts, now_ms).await?;
        Ok(tx.commit().await?)
    }

    /// "That solved it": the asker gets the card of the best answer `/ask` served (first due
    /// on `first_due`). `None` unless the question was still waiting for that verdict; else
    /// whether a card was given.
    pub async fn deflect_ask(
        &self,
        guild: GuildId,
        id: i64,
        first_due: chrono::NaiveDate,
        now_ms: i64,
    ) -> StoreResult<Option<bool>> {
        let mut tx = self.write_tx().await?;
        let Some(asker) = set_state(&mut tx, guild, id, "searching", "deflected", now_ms).await?
        else {
            return Ok(None);
        };
        event(
            &mut tx,
            guild,
            id,
            Event::Deflected,
            Some(asker),
            now_ms,
            None,
        )
        .await?;
        let best: Option<i64> =
            query_scalar("SELECT kb_id FROM kb_served WHERE ask_id = ? ORDER BY rank LIMIT 1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let card = match best {
            Some(kb) => {
                super::cards::give_answer_card(
                    &mut tx,
                    guild,
                    KbId(kb),
                    asker,
                    HoldReason::Helped,
                    first_due,
                    now_ms,
                )
                .await?
            }
            None => false,
        };
        tx.commit().await?;
        Ok(Some(card))
    }

    /// Takes a question for routing (so a double click opens one thread); `false` if it is
    /// no longer waiting for that.
    pub async fn claim_for_routing(&self, guild: GuildId, id: i64) -> StoreResult<bool> {
        let done = query(
            "UPDATE asks SET state = 'open' WHERE guild_id = ? AND id = ? AND state = 'searching'",
        )
        .bind(guild.to_db())
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives a claimed question back when its thread could not be opened.
    pub async fn release_claim(&self, guild: GuildId, id: i64) -> StoreResult<()> {
        query(
            "UPDATE asks SET state = 'searching'
             WHERE guild_id = ? AND id = ? AND state = 'open' AND thread_id IS NULL",
        )
        .bind(guild.to_db())
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Records where a claimed question went: its thread, topic and expert (or nobody), the
    /// log events and the posts (the expert's ping, or the admins' notice).
    pub async fn record_routing(
        &self,
        guild: GuildId,
        id: i64,
        routing: &Routing,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        query(
            "UPDATE asks SET topic_id = ?1, thread_id = ?2, expert_id = ?3, assigned_ms = ?4,
                 admins_told_ms = CASE WHEN ?3 IS NULL THEN ?4 END
             WHERE guild_id = ?5 AND id = ?6",
        )
        .bind(&routing.topic_id)
        .bind(routing.thread_id.to_db())
        .bind(routing.expert.map(UserId::to_db))
        .bind(now_ms)
        .bind(guild.to_db())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        match routing.expert {
            Some(expert) => {
                assign(&mut tx, guild, id, expert, now_ms).await?;
                let detail = format!("topic {}", routing.topic_id);
                event(
                    &mut tx,
                    guild,
                    id,
                    Event::Routed,
                    Some(expert),
                    now_ms,
                    Some(&detail),
                )
                .await?;
            }
            None => {
                let detail = format!("no available expert for {}", routing.topic_id);
                event(
                    &mut tx,
                    guild,
                    id,
                    Event::Unassigned,
                    None,
                    now_ms,
                    Some(&detail),
                )
                .await?;
            }
        }
        queue(&mut tx, guild, &routing.posts, now_ms).await?;
        Ok(tx.commit().await?)
    }

    /// A reply in a question's thread by `author` (not the bot). Records the question's first
    /// response (by anyone but the asker) and the assigned expert's.
    pub async fn note_reply(
        &self,
        thread: ChannelId,
        author: UserId,
        now_ms: i64,
    ) -> StoreResult<()> {
        // Most messages are not in a question's thread: a read (no write lock) settles those.
        let row =
            query("SELECT id, guild_id, asker_id FROM asks WHERE thread_id = ? AND state = 'open'")
                .bind(thread.to_db())
                .fetch_optional(&self.pool)
                .await?;
        let Some(r) = row else {
            return Ok(());
        };
        let (id, guild, asker): (i64, i64, i64) =
            (r.get("id"), r.get("guild_id"), r.get("asker_id"));
        if asker == author.to_db() {
            return Ok(());
        }
        let guild = GuildId::from_db(guild);
        let mut tx = self.write_tx().await?;
        query(
            "UPDATE ask_assignments SET responded_ms = ?
             WHERE ask_id = ? AND expert_id = ? AND responded_ms IS NULL",
        )
        .bind(now_ms)
        .bind(id)
        .bind(author.to_db())
        .execute(&mut *tx)
        .await?;
        let is_first = query(
            "UPDATE asks SET first_response_ms = ? WHERE id = ? AND first_response_ms IS NULL",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if is_first {
            event(
                &mut tx,
                guild,
                id,
                Event::FirstResponse,
                Some(author),
                now_ms,
                None,
            )
            .await?;
        }
        Ok(tx.commit().await?)
    }

    /// Records a follow-up step for an open question with its posts; `false` (and nothing
    /// written) if the question changed meanwhile (answered, resolved).
    pub async fn record_follow_up(
        &self,
        ask: &AskRow,
        step: &FollowUp,
        posts: &[QueuedPost],
        now_ms: i64,
    ) -> StoreResult<bool> {
        let mut tx = self.write_tx().await?;
        // Unchanged since it was read: still open, same expert, no response yet.
        let unchanged: i64 = query_scalar(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM asks WHERE id = ? AND state = 'open'
                 AND expert_id IS NOT DISTINCT FROM ? AND escalations = ?
                 AND nudged_ms IS NOT DISTINCT FROM ? AND first_response_ms IS NOT DISTINCT FROM ?)
             THEN 1 ELSE 0 END",
        )
        .bind(ask.id)
        .bind(ask.expert.map(UserId::to_db))
        .bind(i64::from(ask.escalations))
        .bind(ask.nudged_ms)
        .bind(ask.first_response_ms)
        .fetch_one(&mut *tx)
        .await?;
        if unchanged == 0 {
            return Ok(false);
        }
        let (guild, id) = (ask.guild, ask.id);
        match step {
            FollowUp::Escalate { to } => {
                end_assignments(&mut tx, id, "escalated", now_ms).await?;
                query(
                    "UPDATE asks SET expert_id = ?, assigned_ms = ?, escalations = escalations + 1 WHERE id = ?",
                )
                .bind(to.to_db())
                .bind(now_ms)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                assign(&mut tx, guild, id, *to, now_ms).await?;
                let detail = ask.expert.map(|from| format!("from {from}"));
                event(
                    &mut tx,
                    guild,
                    id,
                    Event::Escalated,
                    Some(*to),
                    now_ms,
                    detail.as_deref(),
                )
                .await?;
            }
            FollowUp::TellAdmins => {
                query("UPDATE asks SET admins_told_ms = ? WHERE id = ?")
                    .bind(now_ms)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                event(&mut tx, guild, id, Event::AdminsTold, None, now_ms, None).await?;
            }
            FollowUp::Nudge => {
                query("UPDATE asks SET nudged_ms = ? WHERE id = ?")
                    .bind(now_ms)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                event(
                    &mut tx,
                    guild,
                    id,
                    Event::Nudged,
                    Some(ask.asker),
                    now_ms,
                    None,
                )
                .await?;
            }
            FollowUp::Abandon => {
                end_assignments(&mut tx, id, "abandoned", now_ms).await?;
                query("UPDATE asks SET state = 'abandoned', closed_ms = ? WHERE id = ?")
                    .bind(now_ms)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                event(&mut tx, guild, id, Event::Abandoned, None, now_ms, None).await?;
            }
        }
        queue(&mut tx, guild, posts, now_ms).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Closes an open question: the answer into the knowledge base, points to its author, the
    /// assignments ended, the `resolved` event; all or nothing.
    pub async fn resolve_ask(
        &self,
        ask: &AskRow,
        resolution: &Resolution,
        now_ms: i64,
    ) -> StoreResult<ResolveOutcome> {
        let mut tx = self.write_tx().await?;
        let open = set_state(&mut tx, ask.guild, ask.id, "open", "resolved", now_ms).await?;
        if open.is_none() {
            return Ok(ResolveOutcome::NotOpen);
        }
        let followers: Vec<UserId> = query_scalar::<i64>(
            "SELECT user_id FROM ask_followers WHERE ask_id = ? ORDER BY followed_ms, user_id",
        )
        .bind(ask.id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(UserId::from_db)
        .collect();
        let topic = ask
            .topic_id
            .as_deref()
            .unwrap_or(crate::domain::routing::GENERAL);
        let mut kb_id = None;
        if let Some((text, author)) = &resolution.answer {
            let entry = super::knowledge::NewKbEntry {
                guild: ask.guild,
                ask_id: ask.id,
                topic_id: topic,
                question: &ask.text,
                answer: text,
                author: *author,
                accepted_by: resolution.accepted_by,
            };
            let id = super::knowledge::insert_answer(&mut tx, &entry, now_ms).await?;
            query("UPDATE asks SET kb_id = ? WHERE id = ?")
                .bind(id.to_db())
                .bind(ask.id)
                .execute(&mut *tx)
                .await?;
            // The answer becomes a card for the asker and for whoever followed the question,
            // first due the next day.
            let (front, back) = answer_card_texts(&ask.text, text);
            let card = super::cards::NewAnswerCard {
                guild: ask.guild,
                kb: id,
                topic,
                front: &front,
                back: &back,
                link: resolution.thread_link.as_deref(),
                author: *author,
            };
            super::cards::make_answer_card(&mut tx, &card, now_ms).await?;
            let first_due = resolution.day.succ_opt().unwrap_or(resolution.day);
            let holders = std::iter::once((ask.asker, HoldReason::Asked))
                .chain(followers.iter().map(|f| (*f, HoldReason::Followed)));
            for (user, reason) in holders {
                super::cards::give_answer_card(
                    &mut tx, ask.guild, id, user, reason, first_due, now_ms,
                )
                .await?;
            }
            let awards = [
                (*author, AwardKind::Helping, resolution.points),
                (ask.asker, AwardKind::Asking, resolution.asker_points),
            ];
            for (user, kind, points) in awards.into_iter().filter(|a| a.2 > 0) {
                query(
                    "INSERT INTO member_progress (guild_id, user_id, points) VALUES (?, ?, ?)
                     ON CONFLICT (guild_id, user_id) DO UPDATE SET points = member_progress.points + excluded.points",
                )
                .bind(ask.guild.to_db())
                .bind(user.to_db())
                .bind(points)
                .execute(&mut *tx)
                .await?;
                let award = Credit {
                    guild: ask.guild,
                    user,
                    kind,
                    points,
                    topic: Some(topic),
                    answer: None,
                    answer_id: None,
                    ask_id: Some(ask.id),
                    at_ms: now_ms,
                    day: resolution.day,
                    gain: Default::default(),
                };
                credit(&mut tx, &award, &resolution.board_keys).await?;
            }
            kb_id = Some(id);
        }
        end_assignments(&mut tx, ask.id, "resolved", now_ms).await?;
        let helper = resolution.answer.as_ref().map(|(_, a)| *a);
        let detail = kb_id.map(|k: KbId| format!("knowledge #{k}"));
        event(
            &mut tx,
            ask.guild,
            ask.id,
            Event::Resolved,
            helper,
            now_ms,
            detail.as_deref(),
        )
        .await?;
        tx.commit().await?;
        Ok(ResolveOutcome::Resolved { kb_id, followers })
    }
}

/// Moves a question from one state to another; returns its asker if it was in `from`.
async fn set_state(
    conn: &mut AnyConnection,
    guild: GuildId,
    id: i64,
    from: &str,
    to: &str,
    now_ms: i64,
) -> StoreResult<Option<UserId>> {
    let closes = matches!(to, "deflected" | "resolved" | "abandoned");
    let asker: Option<i64> = query_scalar(
        "UPDATE asks SET state = ?, closed_ms = CASE WHEN ? THEN ? ELSE closed_ms END
         WHERE guild_id = ? AND id = ? AND state = ? RETURNING asker_id",
    )
    .bind(to)
    .bind(closes)
    .bind(now_ms)
    .bind(guild.to_db())
    .bind(id)
    .bind(from)
    .fetch_optional(conn)
    .await?;
    Ok(asker.map(UserId::from_db))
}

async fn assign(
    conn: &mut AnyConnection,
    guild: GuildId,
    ask: i64,
    expert: UserId,
    now_ms: i64,
) -> StoreResult<()> {
    query(
        "INSERT INTO ask_assignments (ask_id, guild_id, expert_id, assigned_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING",
    )
    .bind(ask)
    .bind(guild.to_db())
    .bind(expert.to_db())
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

async fn end_assignments(
    conn: &mut AnyConnection,
    ask: i64,
    outcome: &str,
    now_ms: i64,
) -> StoreResult<()> {
    query(
        "UPDATE ask_assignments SET ended_ms = ?, outcome = ? WHERE ask_id = ? AND ended_ms IS NULL",
    )
    .bind(now_ms)
    .bind(outcome)
    .bind(ask)
    .execute(conn)
    .await?;
    Ok(())
}

async fn event(
    conn: &mut AnyConnection,
    guild: GuildId,
    ask: i64,
    kind: Event,
    actor: Option<UserId>,
    now_ms: i64,
    detail: Option<&str>,
) -> StoreResult<()> {
    query(
        "INSERT INTO knowledge_events (guild_id, ask_id, kind, actor_id, at_ms, detail) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(guild.to_db())
    .bind(ask)
    .bind(kind.as_str())
    .bind(actor.map(UserId::to_db))
    .bind(now_ms)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

async fn queue(
    conn: &mut AnyConnection,
    guild: GuildId,
    posts: &[QueuedPost],
    now_ms: i64,
) -> StoreResult<()> {
    for (channel, payload) in posts {
        super::outbox::queue_post(&mut *conn, guild, *channel, None, payload, now_ms).await?;
    }
    Ok(())
}
