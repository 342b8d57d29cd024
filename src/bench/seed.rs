//! A big server's history written straight into a database with multi-row inserts: members,
//! answers spread over the last 90 days (a few members answer much more than most), and what
//! the bot keeps beside every answer (the points ledger, progress, memory, competency), derived
//! from the answers in SQL as the bot would have written them, and the board and guild totals
//! counted by the store ([`Store::recount_totals`]); plus questions asked, expert assignments
//! and accepted answers in the knowledge base.

use crate::app::starter;
use crate::dice::SplitMix64;
use crate::domain::ids::GuildId;
use crate::i18n::Lang;
use crate::store::sql::{query, query_scalar};
use crate::store::{Recount, Store};
use chrono::{Days, NaiveDate, Utc};
use sqlx::Row;
use std::path::Path;
use std::time::{Duration, Instant};

/// What to write.
#[derive(Debug, Clone, Copy)]
pub struct SeedSizes {
    pub members: usize,
    pub answers: usize,
    pub accepted_answers: usize,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Seeded {
    /// Member ids are `first_member..first_member + members`; the lowest answer most.
    pub first_member: u64,
    pub answers: i64,
    pub board_rows: i64,
    pub memory_rows: i64,
    pub elapsed: Duration,
    pub bytes: u64,
}

/// Seeded members' ids start here (far below the emulator's snowflakes).
pub const FIRST_MEMBER: u64 = 10_000_000_000;

/// Rows per multi-row INSERT.
const CHUNK: usize = 1000;

const WORDS: &[&str] = &[
    "vpn",
    "password",
    "reset",
    "laptop",
    "badge",
    "expense",
    "invoice",
    "holiday",
    "printer",
    "wifi",
    "phishing",
    "customer",
    "refund",
    "escalation",
    "contract",
    "onboarding",
    "payroll",
    "backup",
    "encryption",
    "meeting",
    "calendar",
    "access",
    "account",
    "report",
    "deadline",
    "travel",
    "policy",
    "gdpr",
    "consent",
    "ticket",
    "release",
    "deploy",
    "server",
    "database",
];

pub async fn seed(db: &Path, guild: u64, sizes: SeedSizes) -> anyhow::Result<Seeded> {
    let start = Instant::now();
    let store = Store::open(db, Duration::from_secs(30)).await?;
    let g = GuildId(guild);
    store.import_content(g, starter::bundle(), 0).await?;
    let pool = store.writer();
    // Its search index is built in English (see the knowledge seed).
    query("UPDATE guilds SET starter_loaded_ms = 0, name = 'Acme Benchmarks', member_count = ?, search_language = 'en' WHERE id = ?")
        .bind(sizes.members as i64)
        .bind(g.to_db())
        .execute(pool)
        .await?;
    let versions: Vec<(i64, String, i64, i64)> = query(
        "SELECT v.id, v.question_id, v.correct, json_array_length(v.choices) AS choices
         FROM questions q JOIN question_versions v ON v.id = q.current_version WHERE q.guild_id = ?",
    )
    .bind(g.to_db())
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        (
            r.get("id"),
            r.get("question_id"),
            r.get("correct"),
            r.get("choices"),
        )
    })
    .collect();
    anyhow::ensure!(!versions.is_empty(), "the starter content has no questions");
    let today = Utc::now().date_naive();
    let mut rng = SplitMix64::new(2026);
    let mut tx = pool.begin().await?;

    let ids: Vec<u64> = (0..sizes.members as u64)
        .map(|i| FIRST_MEMBER + i)
        .collect();
    for chunk in ids.chunks(CHUNK) {
        let sql = insert(
            "members (guild_id, user_id, display_name, first_seen_ms, last_seen_ms)",
            "(?, ?, ?, 0, 0)",
            chunk.len(),
        );
        let mut q = query(&sql);
        for id in chunk {
            q = q
                .bind(g.to_db())
                .bind(*id as i64)
                .bind(format!("member{}", id - FIRST_MEMBER));
        }
        q.execute(&mut *tx).await?;
    }

    // Answers, day by day from 90 days ago, in time order (ids follow time, as in the bot).
    let per_day = sizes.answers.div_ceil(90);
    let mut written = 0;
    for back in (1..=90u64).rev() {
        let day = today - Days::new(back);
        let midnight = day
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis();
        let n = per_day.min(sizes.answers - written);
        let mut rows: Vec<AnswerRow> = (0..n)
            .map(|_| AnswerRow::random(&mut rng, &versions, sizes.members, midnight))
            .collect();
        rows.sort_by_key(|r| r.answered_ms);
        for chunk in rows.chunks(CHUNK) {
            let sql = insert(
                "answers (guild_id, user_id, question_id, version_id, source, shown_ms, choice,
                          correct, latency_ms, answered_ms, local_day, points)",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chunk.len(),
            );
            let mut q = query(&sql);
            for r in chunk {
                let (version, question, _, _) = &versions[r.version];
                q = q
                    .bind(g.to_db())
                    .bind((FIRST_MEMBER + r.member as u64) as i64)
                    .bind(question)
                    .bind(version)
                    .bind(r.source)
                    .bind(r.answered_ms - r.latency_ms)
                    .bind(r.choice)
                    .bind(r.correct)
                    .bind(r.latency_ms)
                    .bind(r.answered_ms)
                    .bind(day.to_string())
                    .bind(r.points);
            }
            q.execute(&mut *tx).await?;
        }
        written += n;
    }

    derive_from_answers(&mut tx).await?;
    seed_questions_asked(&mut tx, g, &mut rng, sizes, today).await?;
    let parameters = serde_json::to_string(&fsrs::DEFAULT_PARAMETERS.to_vec())?;
    query("INSERT INTO guild_parameters (guild_id, parameters, answers_used, fitted_ms) VALUES (?, ?, ?, 0)")
        .bind(g.to_db())
        .bind(parameters)
        .bind(written as i64)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    store.recount_totals(g, 12, Recount::Everything).await?;
    query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await?;

    let count = |sql: &'static str| async move { query_scalar::<i64>(sql).fetch_one(pool).await };
    let seeded = Seeded {
        first_member: FIRST_MEMBER,
        answers: count("SELECT COUNT(*) FROM answers").await?,
        board_rows: count("SELECT COUNT(*) FROM board_totals").await?,
        memory_rows: count("SELECT COUNT(*) FROM memory").await?,
        elapsed: start.elapsed(),
        bytes: store.size_bytes().await,
    };
    store.close().await;
    Ok(seeded)
}

/// `INSERT INTO {target} VALUES {row}, {row}, …` with `n` rows.
fn insert(target: &str, row: &str, n: usize) -> String {
    format!("INSERT INTO {target} VALUES {}", vec![row; n].join(", "))
}

struct AnswerRow {
    member: usize,
    version: usize,
    source: &'static str,
    choice: i64,
    correct: bool,
    latency_ms: i64,
    answered_ms: i64,
    points: i64,
}

impl AnswerRow {
    fn random(
        rng: &mut SplitMix64,
        versions: &[(i64, String, i64, i64)],
        members: usize,
        midnight: i64,
    ) -> AnswerRow {
        // Squaring a uniform draw favours low ids: a few members answer much more than most.
        let member = ((rng.unit().powi(2) * members as f64) as usize).min(members - 1);
        let version = rng.below(versions.len() as u64) as usize;
        let (_, _, right, choices) = versions[version];
        let correct = rng.chance(0.72);
        let choice = if correct {
            right
        } else {
            (right + 1 + rng.below(choices.max(2) as u64 - 1) as i64) % choices.max(2)
        };
        let review = rng.chance(0.5);
        let points = match (correct, review) {
            (false, _) => 0,
            (true, true) => 10,
            (true, false) => 2,
        };
        AnswerRow {
            member,
            version,
            source: if review { "review" } else { "practice" },
            choice,
            correct,
            latency_ms: 2_000 + rng.below(18_000) as i64,
            answered_ms: midnight + 7 * 3_600_000 + rng.below(12 * 3_600_000) as i64,
            points,
        }
    }
}

/// The ledger, progress, memory and competency, from the answers (the board totals are
/// counted afterwards by the store, as after a migration).
async fn derive_from_answers(tx: &mut sqlx::AnyConnection) -> anyhow::Result<()> {
    let statements = [
        "INSERT INTO points_ledger (guild_id, user_id, kind, points, topic_id, answer_id, at_ms, local_day)
         SELECT a.guild_id, a.user_id, a.source, a.points, v.topic_id, a.id, a.answered_ms, a.local_day
         FROM answers a JOIN question_versions v ON v.id = a.version_id WHERE a.points <> 0",
        "INSERT INTO member_progress (guild_id, user_id, points, streak_days, best_streak, last_day)
         SELECT guild_id, user_id, SUM(points), 0, MIN(COUNT(DISTINCT local_day), 30), MAX(local_day)
         FROM answers GROUP BY guild_id, user_id",
        "INSERT INTO memory (guild_id, user_id, question_id, stability, difficulty, last_day, due_day, reviews, lapses)
         SELECT guild_id, user_id, question_id, 1.0 + 3.0 * SUM(correct),
                5.0 + 4.0 * (COUNT(*) - SUM(correct)) / COUNT(*), MAX(local_day),
                date(MAX(local_day), '+' || (1 + 3 * SUM(correct)) || ' days'),
                COUNT(*), COUNT(*) - SUM(correct)
         FROM answers GROUP BY guild_id, user_id, question_id",
        "INSERT INTO competency (guild_id, user_id, topic_id, first_day, reached_day)
         SELECT a.guild_id, a.user_id, v.topic_id, MIN(a.local_day), MAX(a.local_day)
         FROM answers a JOIN question_versions v ON v.id = a.version_id
         GROUP BY a.guild_id, a.user_id, v.topic_id
         HAVING COUNT(*) >= 3 AND SUM(a.correct) >= 0.8 * COUNT(*)",
    ];
    for sql in statements {
        query(sql).execute(&mut *tx).await?;
    }
    Ok(())
}

/// Questions asked over the 90 days: most found an answer in the knowledge base or were
/// answered by an expert (and became knowledge), a few are still open.
async fn seed_questions_asked(
    tx: &mut sqlx::AnyConnection,
    g: GuildId,
    rng: &mut SplitMix64,
    sizes: SeedSizes,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let topics: Vec<String> = query_scalar("SELECT id FROM topics WHERE guild_id = ?")
        .bind(g.to_db())
        .fetch_all(&mut *tx)
        .await?;
    let start_ms = (today - Days::new(90))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp_millis();
    let span_ms = 89 * 86_400_000u64;
    let member = |rng: &mut SplitMix64| (FIRST_MEMBER + rng.below(sizes.members as u64)) as i64;
    let sentence = |rng: &mut SplitMix64, n: usize| -> String {
        (0..n)
            .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    };
    for i in 0..sizes.accepted_answers {
        let created = start_ms + rng.below(span_ms) as i64;
        let topic = &topics[i % topics.len()];
        let (asker, expert) = (member(rng), member(rng));
        let question = format!("How do I {}?", sentence(rng, 6));
        let answer = format!("{}.", sentence(rng, 30));
        let responded = created + 600_000 + rng.below(4 * 3_600_000) as i64;
        let resolved = responded + rng.below(3_600_000) as i64;
        let ask_id: i64 = query_scalar(
            "INSERT INTO asks (guild_id, asker_id, text, topic_id, state, expert_id, assigned_ms,
               first_response_ms, closed_ms, created_ms)
             VALUES (?, ?, ?, ?, 'resolved', ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(g.to_db())
        .bind(asker)
        .bind(&question)
        .bind(topic)
        .bind(expert)
        .bind(created)
        .bind(responded)
        .bind(resolved)
        .bind(created)
        .fetch_one(&mut *tx)
        .await?;
        query(
            "INSERT INTO ask_assignments (ask_id, guild_id, expert_id, assigned_ms, responded_ms, ended_ms, outcome)
             VALUES (?, ?, ?, ?, ?, ?, 'resolved')",
        )
        .bind(ask_id)
        .bind(g.to_db())
        .bind(expert)
        .bind(created)
        .bind(responded)
        .bind(resolved)
        .execute(&mut *tx)
        .await?;
        let kb: i64 = query_scalar(
            "INSERT INTO kb_entries (guild_id, ask_id, topic_id, question, answer, author_id, accepted_by, created_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(g.to_db())
        .bind(ask_id)
        .bind(topic)
        .bind(&question)
        .bind(&answer)
        .bind(expert)
        .bind(asker)
        .bind(resolved)
        .fetch_one(&mut *tx)
        .await?;
        query("UPDATE asks SET kb_id = ? WHERE id = ?")
            .bind(kb)
            .bind(ask_id)
            .execute(&mut *tx)
            .await?;
        // Indexed as the bot does, in the server's language (English: Discord's default).
        let terms = |text: &str| crate::domain::knowledge::index_terms(text, Lang::En);
        query(
            "INSERT INTO kb_index (title, body, guild_id, kind, ref, topic_id, title_terms, body_terms)
             VALUES (?, ?, ?, 'answer', ?, ?, ?, ?)",
        )
        .bind(&question)
        .bind(&answer)
        .bind(g.to_db())
        .bind(kb.to_string())
        .bind(topic)
        .bind(terms(&question))
        .bind(terms(&answer))
        .execute(&mut *tx)
        .await?;
        // For every question that became knowledge, two were answered by what was there.
        for _ in 0..2 {
            let at = start_ms + rng.below(span_ms) as i64;
            query(
                "INSERT INTO asks (guild_id, asker_id, text, topic_id, state, closed_ms, created_ms)
                 VALUES (?, ?, ?, ?, 'deflected', ?, ?)",
            )
            .bind(g.to_db())
            .bind(member(rng))
            .bind(format!("How do I {}?", sentence(rng, 6)))
            .bind(topic)
            .bind(at + 60_000)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}
