//! A member's own data: everything the bot stores about them in one server (for
//! `/privacy export`), forgetting them (for `/privacy delete`), and the retention purge of old
//! raw events.
//!
//! Forgetting deletes the member's personal rows and keeps anonymous aggregates: their answers,
//! the questions they asked that became knowledge and their accepted answers stay, under a
//! fresh negative id that no table links to them, so question statistics, deflection and
//! response-time figures still add up (what they typed in answers is removed). Everything
//! happens in one transaction.

use super::error::StoreResult;
use super::sql::{flag, query, query_scalar};
use super::Store;
use crate::domain::answer_key::AnswerKey;
use crate::domain::ids::{GuildId, UserId};
use crate::domain::privacy::{
    AnswerRow, AskedRow, AssignedRow, AwayRow, CardGradeRow, CardHeldRow, CompetencyRow,
    DraftExportRow, ExperimentRow, ExpertTopic, FollowedRow, Forgotten, KnowledgeRow, MemberExport,
    MemoryRow, PairingExportRow, PointRow, Preferences, Profile, ProgressRow, Purged,
};
use crate::i18n::Lang;
use chrono::DateTime;
use sqlx::Row;

/// Unix milliseconds as an RFC 3339 time (UTC).
fn iso(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

fn iso_opt(ms: Option<i64>) -> Option<String> {
    ms.map(iso)
}

/// Rows deleted per statement in a purge, so other writers wait at most one batch.
const PURGE_BATCH: i64 = 5_000;

impl Store {
    /// Everything stored about `user` in `guild`.
    pub async fn member_export(&self, guild: GuildId, user: UserId) -> StoreResult<MemberExport> {
        let (g, u) = (guild.to_db(), user.to_db());
        let pool = self.pool();
        let profile = query(
            "SELECT display_name, first_seen_ms, last_seen_ms FROM members WHERE guild_id = ? AND user_id = ?",
        )
        .bind(g)
        .bind(u)
        .fetch_optional(pool)
        .await?
        .map(|r| Profile {
            display_name: r.get("display_name"),
            first_seen: iso(r.get("first_seen_ms")),
            last_seen: iso(r.get("last_seen_ms")),
        });
        let roles_seen = query_scalar::<i64>(
            "SELECT role_id FROM member_roles WHERE guild_id = ? AND user_id = ? ORDER BY role_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| (r as u64).to_string())
        .collect();
        let review_preferences = query(
            "SELECT reviews_on, delivery, paused_until FROM member_prefs WHERE guild_id = ? AND user_id = ?",
        )
        .bind(g)
        .bind(u)
        .fetch_optional(pool)
        .await?
        .map(|r| Preferences {
            reviews_on: r.get::<i64, _>("reviews_on") != 0,
            delivery: r.get("delivery"),
            paused_until: r.get("paused_until"),
        });
        let progress = query(
            "SELECT points, streak_days, best_streak, last_day FROM member_progress WHERE guild_id = ? AND user_id = ?",
        )
        .bind(g)
        .bind(u)
        .fetch_optional(pool)
        .await?
        .map(|r| ProgressRow {
            points: r.get("points"),
            streak_days: r.get("streak_days"),
            best_streak: r.get("best_streak"),
            last_day: r.get("last_day"),
        });
        let answers = query(
            "SELECT a.answered_ms, a.local_day, a.source, a.question_id, v.prompt, v.kind, v.choices,
                    v.correct AS right_choice, v.answer_key, a.choice, a.response,
                    a.correct, a.latency_ms, a.points, a.is_check
             FROM answers a JOIN question_versions v ON v.id = a.version_id
             WHERE a.guild_id = ? AND a.user_id = ? ORDER BY a.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| {
            let choices: Vec<String> =
                serde_json::from_str(r.get("choices")).unwrap_or_default();
            let key = AnswerKey::from_stored(
                r.get("kind"),
                choices,
                r.get("right_choice"),
                r.get::<Option<String>, _>("answer_key").as_deref(),
            );
            let given = key.stored_response(r.get("choice"), r.get("response"));
            AnswerRow {
                answered_at: iso(r.get("answered_ms")),
                day: r.get("local_day"),
                source: r.get("source"),
                question_id: r.get("question_id"),
                question: r.get("prompt"),
                // The export is data: one language, as its field names.
                choice: key.describe(&given, Lang::En),
                correct: r.get::<i64, _>("correct") != 0,
                seconds_to_answer: r.get::<i64, _>("latency_ms") as f64 / 1000.0,
                points: r.get("points"),
                knowledge_check: flag(r, "is_check"),
            }
        })
        .collect();
        let review_schedule = query(
            "SELECT question_id, stability, difficulty, last_day, due_day, reviews, lapses
             FROM memory WHERE guild_id = ? AND user_id = ? ORDER BY due_day, question_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| MemoryRow {
            question_id: r.get("question_id"),
            stability_days: r.get("stability"),
            difficulty: r.get("difficulty"),
            last_review_day: r.get("last_day"),
            due_day: r.get("due_day"),
            reviews: r.get("reviews"),
            lapses: r.get("lapses"),
        })
        .collect();
        let points = query(
            "SELECT at_ms, kind, points, topic_id FROM points_ledger WHERE guild_id = ? AND user_id = ? ORDER BY id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| PointRow {
            at: iso(r.get("at_ms")),
            kind: r.get("kind"),
            points: r.get("points"),
            topic_id: r.get("topic_id"),
        })
        .collect();
        let competency = query(
            "SELECT topic_id, first_day, reached_day FROM competency WHERE guild_id = ? AND user_id = ? ORDER BY topic_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| CompetencyRow {
            topic_id: r.get("topic_id"),
            first_day: r.get("first_day"),
            reached_day: r.get("reached_day"),
        })
        .collect();
        let expert_topics = query(
            "SELECT topic_id, added_ms FROM experts WHERE guild_id = ? AND user_id = ? ORDER BY topic_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| ExpertTopic {
            topic_id: r.get("topic_id"),
            since: iso(r.get("added_ms")),
        })
        .collect();
        let away =
            query("SELECT since_ms, until_ms FROM expert_away WHERE guild_id = ? AND user_id = ?")
                .bind(g)
                .bind(u)
                .fetch_optional(pool)
                .await?
                .map(|r| AwayRow {
                    since: iso(r.get("since_ms")),
                    until: iso_opt(r.get("until_ms")),
                });
        let questions_asked = query(
            "SELECT id, created_ms, text, topic_id, state, closed_ms FROM asks
             WHERE guild_id = ? AND asker_id = ? ORDER BY id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| AskedRow {
            id: r.get("id"),
            asked_at: iso(r.get("created_ms")),
            text: r.get("text"),
            topic_id: r.get("topic_id"),
            state: r.get("state"),
            closed_at: iso_opt(r.get("closed_ms")),
        })
        .collect();
        let questions_assigned = query(
            "SELECT ask_id, assigned_ms, responded_ms, outcome FROM ask_assignments
             WHERE guild_id = ? AND expert_id = ? ORDER BY ask_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| AssignedRow {
            question_id: r.get("ask_id"),
            assigned_at: iso(r.get("assigned_ms")),
            responded_at: iso_opt(r.get("responded_ms")),
            outcome: r.get("outcome"),
        })
        .collect();
        let knowledge_written = query(
            "SELECT id, created_ms, question, answer, author_id, accepted_by FROM kb_entries
             WHERE guild_id = ?1 AND (author_id = ?2 OR accepted_by = ?2) ORDER BY id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| KnowledgeRow {
            id: r.get("id"),
            created_at: iso(r.get("created_ms")),
            question: r.get("question"),
            answer: r.get("answer"),
            wrote_the_answer: r.get::<i64, _>("author_id") == u,
            accepted_it: r.get::<i64, _>("accepted_by") == u,
        })
        .collect();
        let experiments = query(
            "SELECT e.started_ms, e.ends_day, e.topic_id, a.holdout, a.assigned_ms
             FROM experiment_arms a JOIN experiments e ON e.id = a.experiment_id
             WHERE e.guild_id = ? AND a.user_id = ? ORDER BY e.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| ExperimentRow {
            started: iso(r.get("started_ms")),
            ends_day: r.get("ends_day"),
            topic_id: r.get("topic_id"),
            holdout: flag(r, "holdout"),
            assigned_at: iso(r.get("assigned_ms")),
        })
        .collect();
        let cards_held = query(
            "SELECT h.card_id, c.front, h.reason, h.added_ms, h.first_due, h.dropped_ms
             FROM card_holders h JOIN cards c ON c.id = h.card_id
             WHERE h.guild_id = ? AND h.user_id = ? ORDER BY h.added_ms, h.card_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| CardHeldRow {
            card_id: r.get("card_id"),
            front: r.get("front"),
            reason: r.get("reason"),
            given_at: iso(r.get("added_ms")),
            first_due_day: r.get("first_due"),
            dropped_at: iso_opt(r.get("dropped_ms")),
        })
        .collect();
        let card_grades = query(
            "SELECT r.answered_ms, r.local_day, r.source, r.card_id, c.front, r.knew, r.points
             FROM card_reviews r JOIN cards c ON c.id = r.card_id
             WHERE r.guild_id = ? AND r.user_id = ? ORDER BY r.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| CardGradeRow {
            graded_at: iso(r.get("answered_ms")),
            day: r.get("local_day"),
            source: r.get("source"),
            card_id: r.get("card_id"),
            front: r.get("front"),
            knew_it: flag(r, "knew"),
            points: r.get("points"),
        })
        .collect();
        let questions_followed = query(
            "SELECT ask_id, followed_ms FROM ask_followers WHERE guild_id = ? AND user_id = ? ORDER BY ask_id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| FollowedRow {
            question_id: r.get("ask_id"),
            followed_at: iso(r.get("followed_ms")),
        })
        .collect();
        let pairings = query(
            "SELECT topic_id, learner_id, created_ms, talked_ms, skipped_ms FROM pairings
             WHERE guild_id = ?1 AND (learner_id = ?2 OR mentor_id = ?2) ORDER BY id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| PairingExportRow {
            topic_id: r.get("topic_id"),
            as_learner: r.get::<i64, _>("learner_id") == u,
            paired_at: iso(r.get("created_ms")),
            talked_at: iso_opt(r.get("talked_ms")),
            skipped_at: iso_opt(r.get("skipped_ms")),
        })
        .collect();
        let question_drafts = query(
            "SELECT state, form, created_ms FROM question_drafts
             WHERE guild_id = ? AND author_id = ? ORDER BY id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| DraftExportRow {
            state: r.get("state"),
            form: r.get("form"),
            written_at: iso(r.get("created_ms")),
        })
        .collect();
        Ok(MemberExport {
            server_id: guild.0.to_string(),
            user_id: user.0.to_string(),
            profile,
            roles_seen,
            review_preferences,
            progress,
            answers,
            review_schedule,
            points,
            competency,
            expert_topics,
            away,
            questions_asked,
            questions_assigned,
            knowledge_written,
            experiments,
            cards_held,
            card_grades,
            questions_followed,
            pairings,
            question_drafts,
        })
    }

    /// Forgets `user` in `guild` (see the module doc), in one transaction.
    pub async fn forget_member(
        &self,
        guild: GuildId,
        user: UserId,
        now_ms: i64,
    ) -> StoreResult<Forgotten> {
        let (g, u) = (guild.to_db(), user.to_db());
        let mut tx = self.write_tx().await?;
        // A fresh anonymous id: below every id (real or anonymous) used so far in this server.
        let anonymous: i64 = query_scalar(
            "SELECT CASE WHEN MIN(id) < 0 THEN MIN(id) - 1 ELSE -1 END FROM (
               SELECT MIN(user_id) AS id FROM answers WHERE guild_id = ?1
               UNION ALL SELECT MIN(asker_id) FROM asks WHERE guild_id = ?1
               UNION ALL SELECT MIN(expert_id) FROM asks WHERE guild_id = ?1
               UNION ALL SELECT MIN(expert_id) FROM ask_assignments WHERE guild_id = ?1
               UNION ALL SELECT MIN(author_id) FROM kb_entries WHERE guild_id = ?1
               UNION ALL SELECT MIN(accepted_by) FROM kb_entries WHERE guild_id = ?1
               UNION ALL SELECT MIN(removed_by) FROM kb_entries WHERE guild_id = ?1
               UNION ALL SELECT MIN(verified_by) FROM kb_entries WHERE guild_id = ?1
               UNION ALL SELECT MIN(author_id) FROM cards WHERE guild_id = ?1
               UNION ALL SELECT MIN(learner_id) FROM pairings WHERE guild_id = ?1
               UNION ALL SELECT MIN(mentor_id) FROM pairings WHERE guild_id = ?1
               UNION ALL SELECT MIN(actor_id) FROM knowledge_events WHERE guild_id = ?1) AS used",
        )
        .bind(g)
        .fetch_one(&mut *tx)
        .await?;
        let mut out = Forgotten::default();
        for table in [
            "members",
            "member_prefs",
            "member_progress",
            "member_roles",
            "memory",
            "points_ledger",
            "board_totals",
            "competency",
            "experts",
            "expert_away",
            "card_holders",
            "card_reviews",
            "ask_followers",
            "expert_optouts",
            "pairing_optins",
        ] {
            out.deleted += query(&format!(
                "DELETE FROM {table} WHERE guild_id = ? AND user_id = ?"
            ))
            .bind(g)
            .bind(u)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        // Their arm in experiments (their anonymous answers are no longer anyone's to assign).
        out.deleted += query(
            "DELETE FROM experiment_arms WHERE user_id = ?2
             AND experiment_id IN (SELECT id FROM experiments WHERE guild_id = ?1)",
        )
        .bind(g)
        .bind(u)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // The day's report figures may name them (the support list): computed again when asked.
        query("DELETE FROM daily_figures WHERE guild_id = ?")
            .bind(g)
            .execute(&mut *tx)
            .await?;
        // Questions still in progress are closed; only the ones that became knowledge keep
        // their text (it is in the knowledge base anyway).
        query(
            "UPDATE asks SET state = 'abandoned', closed_ms = COALESCE(closed_ms, ?3)
             WHERE guild_id = ?1 AND asker_id = ?2 AND state IN ('searching', 'open')",
        )
        .bind(g)
        .bind(u)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        query(
            "UPDATE asks SET text = '(removed at the member''s request)'
             WHERE guild_id = ?1 AND asker_id = ?2 AND kb_id IS NULL",
        )
        .bind(g)
        .bind(u)
        .execute(&mut *tx)
        .await?;
        // Their drafts are their own text (a published one lives on as the question).
        query("DELETE FROM question_drafts WHERE guild_id = ? AND author_id = ?")
            .bind(g)
            .bind(u)
            .execute(&mut *tx)
            .await?;
        // What they typed in answers is their own text: it goes; which accepted answer it
        // matched stays with the anonymous answer.
        query("UPDATE answers SET response = NULL WHERE guild_id = ? AND user_id = ?")
            .bind(g)
            .bind(u)
            .execute(&mut *tx)
            .await?;
        // An open question assigned to them waits for the next expert.
        query(
            "UPDATE asks SET expert_id = NULL WHERE guild_id = ? AND expert_id = ? AND state = 'open'",
        )
        .bind(g)
        .bind(u)
        .execute(&mut *tx)
        .await?;
        for (table, column) in [
            ("answers", "user_id"),
            ("asks", "asker_id"),
            ("asks", "expert_id"),
            ("ask_assignments", "expert_id"),
            ("kb_entries", "author_id"),
            ("kb_entries", "accepted_by"),
            ("kb_entries", "removed_by"),
            ("kb_entries", "verified_by"),
            ("cards", "author_id"),
            ("pairings", "learner_id"),
            ("pairings", "mentor_id"),
            ("pairings", "talked_by"),
            ("pairings", "skipped_by"),
            ("knowledge_events", "actor_id"),
        ] {
            out.anonymised += query(&format!(
                "UPDATE {table} SET {column} = ?3 WHERE guild_id = ?1 AND {column} = ?2"
            ))
            .bind(g)
            .bind(u)
            .bind(anonymous)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        out.anonymised += query(
            "UPDATE kb_revisions SET replaced_by = ?3 WHERE replaced_by = ?2
             AND kb_id IN (SELECT id FROM kb_entries WHERE guild_id = ?1)",
        )
        .bind(g)
        .bind(u)
        .bind(anonymous)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        // The next interaction writes the member afresh.
        self.forget_seen(guild, user);
        Ok(out)
    }

    /// The server's own retention in days, if it set one.
    pub async fn retention_days(&self, guild: GuildId) -> StoreResult<Option<u32>> {
        let days: Option<Option<i64>> =
            query_scalar("SELECT retention_days FROM guilds WHERE id = ?")
                .bind(guild.to_db())
                .fetch_optional(self.pool())
                .await?;
        Ok(days.flatten().and_then(|d| u32::try_from(d).ok()))
    }

    pub async fn set_retention_days(
        &self,
        guild: GuildId,
        days: u32,
        now_ms: i64,
    ) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        super::guilds::ensure_guild(&mut tx, guild, now_ms).await?;
        query("UPDATE guilds SET retention_days = ?, updated_ms = ? WHERE id = ?")
            .bind(i64::from(days))
            .bind(now_ms)
            .bind(guild.to_db())
            .execute(&mut *tx)
            .await?;
        Ok(tx.commit().await?)
    }

    /// Every guild with its retention: its own, else `default`.
    pub async fn retentions(&self, default: u32) -> StoreResult<Vec<(GuildId, u32)>> {
        let rows = query("SELECT id, retention_days FROM guilds ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let days: Option<i64> = r.get("retention_days");
                let days = days.and_then(|d| u32::try_from(d).ok()).unwrap_or(default);
                (GuildId::from_db(r.get("id")), days)
            })
            .collect())
    }

    /// Deletes the guild's raw events from before `cutoff_ms`, in batches.
    pub async fn purge_before(&self, guild: GuildId, cutoff_ms: i64) -> StoreResult<Purged> {
        let mut out = Purged::default();
        let targets: [(&str, &str, &str, &mut u64); 6] = [
            ("answers", "answered_ms", "1 = 1", &mut out.answers),
            ("card_reviews", "answered_ms", "1 = 1", &mut out.card_grades),
            ("points_ledger", "at_ms", "1 = 1", &mut out.points),
            (
                "knowledge_events",
                "at_ms",
                "1 = 1",
                &mut out.question_events,
            ),
            (
                "asks",
                "created_ms",
                "x.state IN ('deflected', 'resolved', 'abandoned')",
                &mut out.closed_questions,
            ),
            // Quiz and tip posts keep theirs (the content, nobody's data).
            (
                "outbox",
                "created_ms",
                "x.state != 'pending'
                 AND NOT EXISTS (SELECT 1 FROM quiz_posts p WHERE p.outbox_id = x.id)
                 AND NOT EXISTS (SELECT 1 FROM tip_posts t WHERE t.outbox_id = x.id)",
                &mut out.sent_posts,
            ),
        ];
        for (table, time, condition, count) in targets {
            loop {
                // One short write per batch.
                let deleted = query(&format!(
                    "DELETE FROM {table} WHERE id IN (
                       SELECT x.id FROM {table} x
                       WHERE x.guild_id = ?1 AND x.{time} < ?2 AND {condition} LIMIT ?3)"
                ))
                .bind(guild.to_db())
                .bind(cutoff_ms)
                .bind(PURGE_BATCH)
                .execute(&self.writer)
                .await?
                .rows_affected();
                *count += deleted;
                if deleted < PURGE_BATCH as u64 {
                    break;
                }
            }
        }
        Ok(out)
    }
}
