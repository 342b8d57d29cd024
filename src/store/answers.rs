//! Answers: recording one, with everything it changes, in the writer's group commit.
//!
//! An answer is one savepoint in a group's transaction ([`super::group_commit`]): the answer
//! row (an earlier answer to the same post or shown question makes a second click a no-op), the
//! post's counts, the member's memory, points and streak, the ledger and board totals, and the
//! day they reach competency in the topic. The one place that writes `answers` and
//! `competency`.

use super::boards::credit_statements;
use super::error::{StoreError, StoreResult};
use super::group_commit::GroupWrite;
use super::memory::{memory_from_row, save_memory, save_progress, MEMORY_COLUMNS};
use super::sql::{flag, Engine, Fraction};
use super::statements::Statements;
use super::Store;
use crate::domain::analytics::{gain_step, PairRecord};
use crate::domain::boards::{AwardKind, Credit};
use crate::domain::ids::PostId;
use crate::domain::memory::Memory;
use crate::domain::periods::keys_for;
use crate::domain::quiz::{AnswerResult, NewAnswer, Progress, Scored};
use sqlx::any::AnyRow;
use sqlx::Row;

impl Store {
    /// Records an answer with its scoring, in one transaction: the answer, the post's counts,
    /// the member's memory, points, streak, ledger and board totals, and the day they reach
    /// competency in the topic. `score` turns the member's progress before the answer into the
    /// scored result.
    ///
    /// Answers arriving together share one transaction and one commit ([`super::group_commit`]);
    /// each still succeeds or fails on its own. The result comes once it is on disk.
    pub async fn record_answer(
        &self,
        a: &NewAnswer,
        score: impl FnOnce(Progress) -> Scored + Send + 'static,
        remember: impl FnOnce(Option<Memory>) -> Memory + Send + 'static,
    ) -> StoreResult<AnswerResult> {
        let write = AnswerWrite {
            answer: a.clone(),
            score: Box::new(score),
            remember: Box::new(remember),
        };
        self.group.write(write).await
    }
}

/// An answer waiting for its group, with the domain's rules that turn what is stored into
/// what is written.
struct AnswerWrite {
    answer: NewAnswer,
    score: Box<dyn FnOnce(Progress) -> Scored + Send>,
    remember: Box<dyn FnOnce(Option<Memory>) -> Memory + Send>,
}

impl GroupWrite for AnswerWrite {
    type Done = AnswerResult;

    /// An earlier answer, the member's progress and memory, the next answer id.
    fn pre_read(&self, engine: Engine, read: &mut Statements<'static>) -> bool {
        answer_context_query(&self.answer, engine, read);
        true
    }

    /// After the domain's scoring, every write as one batch of [`Statements`].
    fn write(self, row: Option<&AnyRow>, s: &mut Statements<'static>) -> StoreResult<AnswerResult> {
        let row = row.ok_or_else(|| StoreError::Db("the answer's context read no row".into()))?;
        let before = answer_context(row);
        if let Some((choice, response)) = before.earlier {
            return Ok(AnswerResult::AlreadyAnswered { choice, response });
        }
        let scored = (self.score)(before.progress);
        let memory = (self.remember)(before.memory);
        answer_statements(s, &self.answer, &before, &scored, &memory);
        Ok(AnswerResult::Recorded(scored))
    }
}

/// What recording answer `a` writes, given what was read before and the domain's results.
/// Every value is bound by copy.
fn answer_statements(
    s: &mut Statements<'static>,
    a: &NewAnswer,
    before: &AnswerContext,
    scored: &Scored,
    memory: &Memory,
) {
    // The member's record on the question so far: the memory counts the attempts and has the
    // latest one's day; the answer's knowledge-gain step in each period compares with it.
    let record = before.memory.map(|m| PairRecord {
        attempts: m.reviews,
        first_correct: before.first_correct,
        latest_correct: before.latest_correct,
        latest_day: m.last_day,
    });
    let answer_id = before.next_answer_id;
    let keys = keys_for(a.local_day, a.season_weeks);
    let latest_keys = record.map(|r| keys_for(r.latest_day, a.season_weeks));
    let gain = std::array::from_fn(|i| {
        let latest_in_span = latest_keys.as_ref().is_some_and(|k| k[i] == keys[i]);
        gain_step(record.as_ref(), a.correct, latest_in_span)
    });
    let first_correct = record.map_or(a.correct, |r| r.first_correct);
    save_memory(
        s,
        a.guild,
        a.user,
        &a.question_id,
        memory,
        first_correct,
        a.correct,
    );
    s.push(
        "INSERT INTO answers (id, guild_id, user_id, question_id, version_id, source, quiz_post_id,
           shown_ms, choice, response, correct, latency_ms, answered_ms, local_day, points,
           is_check, check_predicted, check_first)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(answer_id)
    .bind(a.guild.to_db())
    .bind(a.user.to_db())
    .bind(a.question_id.clone())
    .bind(a.version_id.to_db())
    .bind(a.source.as_str())
    .bind(a.quiz_post_id.map(PostId::to_db))
    .bind(a.shown_ms)
    .bind(a.choice)
    .bind(a.response.clone())
    .bind(i64::from(a.correct))
    .bind(a.latency_ms)
    .bind(a.answered_ms)
    .bind(a.local_day.to_string())
    .bind(scored.points_awarded)
    .bind(i64::from(a.check.is_some()))
    .bind(Fraction(a.check.map(|c| c.predicted)))
    .bind(a.check.map(|c| i64::from(c.first)));
    let answer_credit = Credit {
        guild: a.guild,
        user: a.user,
        kind: AwardKind::of_answer_source(a.source),
        points: scored.points_awarded,
        topic: Some(&a.topic_id),
        answer: Some(a.correct),
        answer_id: Some(answer_id),
        ask_id: None,
        at_ms: a.answered_ms,
        day: a.local_day,
        gain,
    };
    credit_statements(s, &answer_credit, &keys);
    if scored.streak_bonus != 0 {
        let bonus = Credit {
            kind: AwardKind::StreakBonus,
            points: scored.streak_bonus,
            topic: None,
            answer: None,
            gain: Default::default(),
            ..answer_credit
        };
        credit_statements(s, &bonus, &keys);
    }
    if a.correct {
        note_competency(s, a);
    }
    if let Some(post) = a.quiz_post_id {
        s.push(
            "UPDATE quiz_posts SET answer_count = answer_count + 1, correct_count = correct_count + ? WHERE id = ?",
        )
        .bind(a.correct as i64)
        .bind(post.to_db());
    }
    save_progress(s, a.guild, a.user, &scored.progress);
}

/// What an answer's write needs to know first.
struct AnswerContext {
    /// The member's earlier response (choice and text as stored), when they already
    /// answered this post or shown question.
    earlier: Option<(i64, Option<String>)>,
    progress: Progress,
    memory: Option<Memory>,
    /// Whether the member's first and latest answers to the question were right (with the
    /// memory: it has their count and the latest one's day).
    first_correct: bool,
    latest_correct: bool,
    /// The id the answer will get (see [`answer_context_query`]).
    next_answer_id: i64,
}

/// The query of an answer's [`AnswerContext`], added to `s`; every value bound by copy.
fn answer_context_query(a: &NewAnswer, engine: Engine, s: &mut Statements<'static>) {
    let earlier = match a.quiz_post_id {
        Some(_) => "FROM answers WHERE quiz_post_id = ? AND user_id = ?",
        None => {
            "FROM answers WHERE guild_id = ? AND user_id = ? AND version_id = ? AND shown_ms = ?"
        }
    };
    // SQLite's single writer holds the lock, so the next id is free; on Postgres, other
    // processes write answers at the same time: the identity's sequence hands out the id.
    let next_id = engine.pick(
        "(SELECT COALESCE(MAX(id), 0) + 1 FROM answers)",
        "nextval(pg_get_serial_sequence('answers', 'id'))",
    );
    let sql = format!(
        "SELECT (SELECT choice {earlier}) AS earlier_choice,
                (SELECT response {earlier}) AS earlier_response,
                {next_id} AS next_answer_id,
                p.points, p.streak_days, p.best_streak, p.last_day, {MEMORY_COLUMNS},
                m.first_correct, m.latest_correct
         FROM (SELECT 1) AS one
         LEFT JOIN member_progress p ON p.guild_id = ? AND p.user_id = ?
         LEFT JOIN memory m ON m.guild_id = ? AND m.user_id = ? AND m.question_id = ?"
    );
    s.push(&sql);
    // The earlier answer's two columns, each read with the same binds.
    for _ in 0..2 {
        match a.quiz_post_id {
            Some(post) => s.bind(post.to_db()).bind(a.user.to_db()),
            None => s
                .bind(a.guild.to_db())
                .bind(a.user.to_db())
                .bind(a.version_id.to_db())
                .bind(a.shown_ms),
        };
    }
    s.bind(a.guild.to_db())
        .bind(a.user.to_db())
        .bind(a.guild.to_db())
        .bind(a.user.to_db())
        .bind(a.question_id.clone());
}

/// Reads the row of [`answer_context_query`] by name.
fn answer_context(r: &AnyRow) -> AnswerContext {
    let points: Option<i64> = r.get("points");
    AnswerContext {
        earlier: r
            .get::<Option<i64>, _>("earlier_choice")
            .map(|c| (c, r.get("earlier_response"))),
        next_answer_id: r.get("next_answer_id"),
        progress: match points {
            None => Progress::default(),
            Some(points) => Progress {
                points,
                streak_days: r.get("streak_days"),
                best_streak: r.get("best_streak"),
                last_day: r
                    .get::<Option<String>, _>("last_day")
                    .and_then(|d| d.parse().ok()),
            },
        },
        memory: memory_from_row(r),
        first_correct: flag(r, "first_correct"),
        latest_correct: flag(r, "latest_correct"),
    }
}

/// Records the day the member reached competency in the answer's topic, the first time their
/// latest answers are right on at least `competency_share` of its questions (after the answer
/// itself and its memory are written: the memory holds whether the latest answer was right).
/// Their first day is that of their first answer in the topic.
fn note_competency(s: &mut Statements<'_>, a: &NewAnswer) {
    s.push(
        "INSERT INTO competency (guild_id, user_id, topic_id, first_day, reached_day)
         SELECT k.guild, k.member, k.topic,
                COALESCE((SELECT MIN(a.local_day)
                          FROM answers a JOIN questions q ON q.guild_id = a.guild_id AND q.id = a.question_id
                          WHERE a.guild_id = k.guild AND a.user_id = k.member AND q.topic_id = k.topic), k.day),
                k.day
         FROM (SELECT ? AS guild, ? AS member, ? AS topic, ? AS day, ? AS share) AS k
         WHERE NOT EXISTS (SELECT 1 FROM competency c
                           WHERE c.guild_id = k.guild AND c.user_id = k.member AND c.topic_id = k.topic)
           AND (SELECT COUNT(*) FROM live_questions q WHERE q.guild_id = k.guild AND q.topic_id = k.topic) > 0
           AND (SELECT COUNT(*) FROM memory m JOIN live_questions q ON q.guild_id = m.guild_id AND q.id = m.question_id
                WHERE m.guild_id = k.guild AND m.user_id = k.member AND q.topic_id = k.topic
                  AND m.latest_correct = 1)
               >= k.share * (SELECT COUNT(*) FROM live_questions q
                             WHERE q.guild_id = k.guild AND q.topic_id = k.topic) - 1e-9",
    )
    .bind(a.guild.to_db())
    .bind(a.user.to_db())
    .bind(a.topic_id.clone())
    .bind(a.local_day.to_string())
    .bind(a.competency_share);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::starter;
    use crate::domain::ids::{GuildId, UserId, VersionId};
    use crate::domain::quiz::AnswerSource;
    use crate::store::sql::{query, query_scalar};
    use crate::store::Recount;
    use chrono::NaiveDate;

    /// Practice answers to a topic's questions, as the bot writes them.
    struct Practice {
        store: Store,
        guild: GuildId,
        user: UserId,
        topic: String,
        /// `(version id, question id)` of the topic's questions.
        questions: Vec<(i64, String)>,
        shown: i64,
    }

    /// Records an answer with plain scoring: 10 points if right, a 1-point bonus always.
    async fn record(store: &Store, a: NewAnswer) -> StoreResult<AnswerResult> {
        let (correct, day) = (a.correct, a.local_day);
        store
            .record_answer(
                &a,
                move |p| Scored {
                    points_awarded: i64::from(correct) * 10,
                    streak_bonus: 1,
                    progress: Progress {
                        points: p.points + i64::from(correct) * 10 + 1,
                        streak_days: p.streak_days + 1,
                        best_streak: p.best_streak + 1,
                        last_day: Some(day),
                    },
                    streak_extended: true,
                },
                move |m| Memory {
                    stability: m.map_or(1.0, |m| m.stability * 2.0),
                    difficulty: 5.0,
                    last_day: day,
                    due_day: day,
                    reviews: m.map_or(1, |m| m.reviews + 1),
                    lapses: 0,
                    pace: Default::default(),
                },
            )
            .await
    }

    impl Practice {
        /// A new practice answer to the topic's `question`-th question.
        fn next(&mut self, question: usize, correct: bool, day: u32) -> NewAnswer {
            self.shown += 1;
            let local_day = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
            let (version_id, question_id) = self.questions[question].clone();
            NewAnswer {
                guild: self.guild,
                user: self.user,
                version_id: VersionId(version_id),
                question_id,
                quiz_post_id: None,
                shown_ms: Some(self.shown),
                source: AnswerSource::Practice,
                choice: i64::from(!correct),
                response: None,
                credit: f64::from(u8::from(correct)),
                correct,
                latency_ms: 900,
                answered_ms: self.shown,
                local_day,
                topic_id: self.topic.clone(),
                season_weeks: 12,
                competency_share: 0.8,
                check: None,
            }
        }

        async fn answer(&mut self, question: usize, correct: bool, day: u32) -> AnswerResult {
            let a = self.next(question, correct, day);
            record(&self.store, a).await.unwrap()
        }

        async fn competency(&self) -> Option<(String, String)> {
            query(
                "SELECT first_day, reached_day FROM competency WHERE user_id = ? AND topic_id = ?",
            )
            .bind(self.user.to_db())
            .bind(&self.topic)
            .fetch_optional(self.store.pool())
            .await
            .unwrap()
            .map(|r| (r.get("first_day"), r.get("reached_day")))
        }
    }

    /// A store with the starter content, and practice in its smallest topic.
    async fn practice(dir: &std::path::Path) -> Practice {
        practice_in(crate::store::test_store(dir).await).await
    }

    /// [`practice`] in `store`.
    async fn practice_in(store: Store) -> Practice {
        let guild = GuildId(1);
        store
            .import_content(guild, starter::bundle(), 0)
            .await
            .unwrap();
        let smallest = query(
            "SELECT topic_id, COUNT(*) AS questions FROM questions GROUP BY topic_id
             ORDER BY questions LIMIT 1",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        let (topic, count): (String, i64) = (smallest.get("topic_id"), smallest.get("questions"));
        let questions: Vec<(i64, String)> = query(
            "SELECT current_version AS version_id, id AS question_id FROM questions
             WHERE topic_id = ? ORDER BY id",
        )
        .bind(&topic)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("version_id"), r.get("question_id")))
        .collect();
        assert_eq!(questions.len() as i64, count);
        Practice {
            store,
            guild,
            user: UserId(7),
            topic,
            questions,
            shown: 0,
        }
    }

    #[tokio::test]
    async fn an_answer_writes_its_row_points_memory_and_progress_and_competency_once_earned() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = practice(dir.path()).await;
        let guild = p.guild;
        let n = p.questions.len();
        let share = |right: usize| right as f64 / n as f64;
        assert!(share(n - 3) < 0.8 && share(n - 2) >= 0.8, "{n} questions");
        // Wrong on three questions at first, right on all the others: not enough.
        for q in 0..3 {
            let r = p.answer(q, false, 2).await;
            assert!(matches!(r, AnswerResult::Recorded(_)));
        }
        for q in 3..n {
            p.answer(q, true, 3).await;
        }
        assert_eq!(p.competency().await, None);
        // Right on the first question now: its latest answer counts.
        p.answer(0, true, 4).await;
        assert_eq!(
            p.competency().await,
            Some(("2026-11-02".into(), "2026-11-04".into())),
            "from the first answer in the topic to the day enough latest answers were right"
        );
        // Reached once: a later answer changes nothing.
        let before = p.competency().await;
        p.answer(1, true, 9).await;
        assert_eq!(p.competency().await, before);
        let counted: Vec<String> = query_scalar(
            "SELECT reached_day || ' in ' || days || ' days: ' || members FROM competency_days",
        )
        .fetch_all(p.store.pool())
        .await
        .unwrap();
        assert_eq!(
            counted,
            ["2026-11-04 in 2 days: 1"],
            "counted once for the report, with the days it took"
        );

        let answers: i64 = query_scalar("SELECT COUNT(*) FROM answers")
            .fetch_one(p.store.pool())
            .await
            .unwrap();
        let ledger: Vec<(String, i64, Option<i64>)> = query(
            "SELECT kind, CAST(SUM(points) AS BIGINT) AS points, COUNT(answer_id) AS answers FROM points_ledger
             GROUP BY kind ORDER BY kind",
        )
        .fetch_all(p.store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("kind"), r.get("points"), r.get("answers")))
        .collect();
        let right: i64 = query_scalar("SELECT CAST(SUM(correct) AS BIGINT) FROM answers")
            .fetch_one(p.store.pool())
            .await
            .unwrap();
        assert_eq!(
            ledger,
            [
                ("practice".into(), right * 10, Some(right)),
                ("streak_bonus".into(), answers, Some(answers))
            ],
            "an award for each right answer and a bonus for each, naming their answer"
        );
        let progress = p.store.member_progress(guild, p.user).await.unwrap();
        let total: i64 = ledger.iter().map(|(_, points, _)| points).sum();
        assert_eq!(progress.points, total, "progress matches the ledger");
        let memory = p
            .store
            .memory_of(guild, p.user, &p.questions[1].1)
            .await
            .unwrap();
        assert_eq!(
            memory.map(|m| m.reviews),
            Some(2),
            "the second answer read the first's memory"
        );
        // The same shown question answered again is not a second answer.
        p.shown -= 1;
        let again = p.answer(1, false, 9).await;
        assert_eq!(
            again,
            AnswerResult::AlreadyAnswered {
                choice: 0,
                response: None
            }
        );
    }

    /// Every total and record kept beside the answers, in a fixed order.
    async fn kept(store: &Store) -> Vec<String> {
        let mut rows: Vec<String> = vec![];
        for sql in [
            "SELECT period || ' ' || period_key || ' ' || topic_id || ' ' || user_id || ': ' || points
                    || ' ' || answers || ' ' || correct || ' ' || pairs || ' ' || pairs_first_right
                    || ' ' || pairs_latest_right FROM board_totals ORDER BY 1",
            "SELECT period || ' ' || period_key || ' ' || topic_id || ': ' || points || ' ' || answers
                    || ' ' || correct || ' ' || members || ' ' || pairs || ' ' || pairs_first_right
                    || ' ' || pairs_latest_right || ' ' || pair_members FROM guild_totals ORDER BY 1",
            "SELECT period || ' ' || period_key || ' ' || topic_id || ' ' || points || ': ' || members
                    FROM board_points WHERE members > 0 ORDER BY 1",
            "SELECT question_id || ': ' || first_correct || ' ' || latest_correct FROM memory ORDER BY 1",
        ] {
            rows.extend(
                query_scalar::<String>(sql)
                    .fetch_all(store.pool())
                    .await
                    .unwrap(),
            );
        }
        rows
    }

    #[tokio::test]
    async fn totals_kept_answer_by_answer_match_a_recount_from_the_answers() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = practice(dir.path()).await;
        // Two members over three weeks and two months: first attempts, answers again in the
        // same week, in a later week, and a third and fourth time.
        let plan = [
            (7, 0, false, 2),
            (7, 1, true, 2),
            (8, 0, true, 3),
            (7, 0, true, 4),
            (7, 0, false, 5),
            (8, 0, false, 10),
            (7, 1, false, 11),
            (7, 0, true, 11),
            (8, 0, true, 12),
            (8, 2, true, 30),
            (7, 0, true, 30),
        ];
        for (user, question, correct, day) in plan {
            p.user = UserId(user);
            p.answer(question, correct, day).await;
        }
        let as_written = kept(&p.store).await;
        assert!(
            as_written
                .iter()
                .any(|r| r.starts_with("week ") && r.ends_with(" 1 1 1")),
            "some pair was compared: {as_written:#?}"
        );
        p.store
            .recount_totals(p.guild, 12, Recount::Everything)
            .await
            .unwrap();
        assert_eq!(kept(&p.store).await, as_written);
    }

    #[tokio::test]
    async fn a_failing_answer_in_a_group_is_undone_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = practice(dir.path()).await;
        let good = p.next(0, true, 2);
        let mut bad = p.next(1, true, 2);
        bad.version_id = VersionId(999_999); // no such version: the answer's insert fails
        bad.question_id = "no-such-question".into();
        let also_good = p.next(2, false, 2);
        // Sent together, so the writer takes them as one group.
        let (good, bad, also_good) = tokio::join!(
            record(&p.store, good),
            record(&p.store, bad),
            record(&p.store, also_good)
        );
        assert!(matches!(good, Ok(AnswerResult::Recorded(_))), "{good:?}");
        assert!(bad.is_err(), "{bad:?}");
        assert!(matches!(also_good, Ok(AnswerResult::Recorded(_))));
        let rows: Vec<(String, i64)> =
            query("SELECT question_id, reviews FROM memory ORDER BY question_id")
                .fetch_all(p.store.pool())
                .await
                .unwrap()
                .iter()
                .map(|r| (r.get("question_id"), r.get("reviews")))
                .collect();
        let mut expected = vec![(p.questions[0].1.clone(), 1), (p.questions[2].1.clone(), 1)];
        expected.sort();
        assert_eq!(
            rows, expected,
            "the failed answer's memory was undone with it"
        );
        let progress = p.store.member_progress(p.guild, p.user).await.unwrap();
        assert_eq!(progress.points, 10 + 1 + 1, "two answers scored, not three");
    }

    #[tokio::test]
    async fn two_processes_writing_answers_at_once_give_each_its_own_id() {
        let dir = tempfile::tempdir().unwrap();
        let (one, other) = crate::store::test_store_twice(dir.path()).await;
        let mut a = practice_in(one).await;
        // The second process's member answers the same questions in the same server.
        let mut b = Practice {
            store: other,
            user: UserId(8),
            shown: 1_000,
            questions: a.questions.clone(),
            topic: a.topic.clone(),
            guild: a.guild,
        };
        let answers = |p: &mut Practice| {
            (0..20)
                .map(|i| p.next(i % p.questions.len(), i % 3 != 0, 2 + (i / 4) as u32))
                .collect::<Vec<_>>()
        };
        let (to_a, to_b) = (answers(&mut a), answers(&mut b));
        // Each process's writer takes its member's answers one after another, while the
        // other's are in flight.
        let run = |store: &Store, answers: Vec<NewAnswer>| {
            let store = store.clone();
            async move {
                let mut results = Vec::new();
                for x in answers {
                    results.push(record(&store, x).await);
                }
                results
            }
        };
        let (done_a, done_b) = tokio::join!(run(&a.store, to_a), run(&b.store, to_b));
        for result in done_a.iter().chain(&done_b) {
            assert!(
                matches!(result, Ok(AnswerResult::Recorded(_))),
                "{result:?}"
            );
        }
        let (rows, ids): (i64, i64) = {
            let r = query("SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids FROM answers")
                .fetch_one(a.store.pool())
                .await
                .unwrap();
            (r.get("n"), r.get("ids"))
        };
        assert_eq!((rows, ids), (40, 40));
        for p in [&a, &b] {
            let progress = p.store.member_progress(p.guild, p.user).await.unwrap();
            assert_eq!(
                progress.points,
                13 * 10 + 20,
                "each member's answers all scored"
            );
        }
    }
}
