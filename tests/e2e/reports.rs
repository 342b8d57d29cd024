//! Reports end to end on a hand-computed data set: the summary's figures, the CSV rows, the
//! trend chart, small groups hidden, members who may need support named to admins only (and
//! counted, not named, in the digest and the CSV), `/stats` privacy, and `/kpi import`.

use crate::common::{embed_lines, spawn_app, TestApp};
use discord_emulator::PostedMessage;
use peerlearn::domain::ids::GuildId;
use peerlearn::store::sql::{query_as, query_scalar};
use peerlearn::store::Recount;
use serde_json::json;
use std::time::Duration;

/// Learners 1001–1009; experts 2001 and 2002.
const LEARNERS: std::ops::RangeInclusive<i64> = 1001..=1009;

fn ms(day: u32, hour: u32, minute: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

async fn exec(app: &TestApp, sql: &str) {
    sqlx::raw_sql(sql)
        .execute(app.store.pool())
        .await
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
}

/// The data set (guild time zone UTC; today is Wed 25 Nov 2026):
///
/// | week of 16 Nov | 1001–1004 get security q1 wrong; 1005, 1006 get it right |
/// | week of 23 Nov | q1 again: 1001–1003, 1005, 1006 right, 1004 wrong; q2: 1001–1004 right, 1005, 1006 wrong; 1007, 1008 get privacy p1 wrong then right |
///
/// 1001–1005 hold the Support role, whose track is security. 1009 had a 5-day streak and has
/// not answered since 15 Nov. Competency in security: 1001 in 7 days, 1002 in 8, 1003 and 1004
/// in 9, 1006 in 6 (this week), 1005 in 4 (last week). Questions: one deflected, one resolved
/// (first reply after 10 min, resolved after 60), one answered after 30 min and still open,
/// one waiting for expert 2002; one more last week.
async fn seed(app: &TestApp, support: u64) {
    let guild = app.guild as i64;
    let versions: Vec<(String, i64)> = query_as(
        "SELECT id, current_version FROM questions WHERE guild_id = ? AND id IN
           ((SELECT MIN(id) FROM questions WHERE topic_id = 'security'),
            (SELECT MAX(id) FROM questions WHERE topic_id = 'security'),
            (SELECT MIN(id) FROM questions WHERE topic_id = 'privacy'))
         ORDER BY topic_id DESC, id",
    )
    .bind(guild)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    let [q1, q2, p1] = [&versions[0], &versions[1], &versions[2]];
    let mut sql = String::new();
    for u in LEARNERS {
        sql.push_str(&format!(
            "INSERT INTO members (guild_id, user_id, display_name, first_seen_ms, last_seen_ms) VALUES ({guild}, {u}, 'learner {u}', 0, 0);\n"
        ));
        let (best, last) = if u == 1009 {
            (5, "2026-11-15")
        } else {
            (1, "2026-11-25")
        };
        sql.push_str(&format!(
            "INSERT INTO member_progress (guild_id, user_id, streak_days, best_streak, last_day) VALUES ({guild}, {u}, 1, {best}, '{last}');\n"
        ));
    }
    for u in 1001..=1005 {
        sql.push_str(&format!(
            "INSERT INTO member_roles VALUES ({guild}, {u}, {support});\n\
             INSERT INTO memory (guild_id, user_id, question_id, stability, difficulty, last_day, due_day, reviews, lapses)\n               VALUES ({guild}, {u}, '{}', 10.0, 5.0, '2026-11-25', '2026-12-05', 2, 0);\n",
            q1.0
        ));
    }
    let mut shown = 0;
    let mut answer = |user: i64, q: &(String, i64), day: u32, correct: bool| {
        shown += 1;
        format!(
            "INSERT INTO answers (guild_id, user_id, question_id, version_id, source, shown_ms, choice, correct, latency_ms, answered_ms, local_day, points)
             VALUES ({guild}, {user}, '{}', {}, 'practice', {shown}, 0, {}, 1000, {}, '2026-11-{day:02}', 0);\n",
            q.0,
            q.1,
            i64::from(correct),
            ms(day, 12, 0)
        )
    };
    for u in 1001..=1004 {
        sql.push_str(&answer(u, q1, 16, false));
    }
    for u in [1005, 1006] {
        sql.push_str(&answer(u, q1, 17, true));
    }
    for (u, right) in [(1001, true), (1002, true), (1003, true)] {
        sql.push_str(&answer(u, q1, 23, right));
    }
    for (u, right) in [(1004, false), (1005, true), (1006, true)] {
        sql.push_str(&answer(u, q1, 24, right));
    }
    for u in 1001..=1006 {
        sql.push_str(&answer(u, q2, 25, u <= 1004));
    }
    for u in [1007, 1008] {
        sql.push_str(&answer(u, p1, 23, false));
        sql.push_str(&answer(u, p1, 24, true));
    }
    for (u, first, reached) in [
        (1001, 16, 23),
        (1002, 16, 24),
        (1003, 16, 25),
        (1004, 16, 25),
        (1006, 17, 23),
        (1005, 16, 20),
    ] {
        sql.push_str(&format!(
            "INSERT INTO competency VALUES ({guild}, {u}, 'security', '2026-11-{first}', '2026-11-{reached}');\n"
        ));
    }
    let asks = [
        (1, "deflected", ms(23, 8, 0), None, None),
        (
            2,
            "resolved",
            ms(23, 9, 0),
            Some(ms(23, 9, 10)),
            Some(ms(23, 10, 0)),
        ),
        (3, "open", ms(24, 9, 0), Some(ms(24, 9, 30)), None),
        (4, "open", ms(24, 10, 0), None, None),
        (
            5,
            "resolved",
            ms(18, 9, 0),
            Some(ms(18, 9, 5)),
            Some(ms(18, 9, 6)),
        ),
    ];
    let null = |v: Option<i64>| v.map_or("NULL".to_string(), |v| v.to_string());
    for (id, state, created, first, closed) in asks {
        sql.push_str(&format!(
            "INSERT INTO asks (id, guild_id, asker_id, text, state, first_response_ms, closed_ms, created_ms)
             VALUES ({id}, {guild}, 1007, 'question {id}', '{state}', {}, {}, {created});\n",
            null(first),
            null(closed)
        ));
    }
    for (ask, expert, assigned, responded, ended) in [
        (
            2,
            2001,
            ms(23, 9, 0),
            Some(ms(23, 9, 10)),
            Some(ms(23, 10, 0)),
        ),
        (3, 2001, ms(24, 9, 0), Some(ms(24, 9, 30)), None),
        (4, 2002, ms(24, 10, 0), None, None),
    ] {
        sql.push_str(&format!(
            "INSERT INTO ask_assignments (ask_id, guild_id, expert_id, assigned_ms, responded_ms, ended_ms)
             VALUES ({ask}, {guild}, {expert}, {assigned}, {}, {});\n",
            null(responded),
            null(ended)
        ));
    }
    // Knowledge checks: everyone's first try at q2 met it for the first time; 1001–1003's
    // right answers to q1 on the 23rd were checks on a question seen before, which the model
    // predicted at 0.8.
    sql.push_str(&format!(
        "UPDATE answers SET is_check = 1, check_first = 1, check_predicted = 0.0
           WHERE question_id = '{}' AND local_day = '2026-11-25';
         UPDATE answers SET is_check = 1, check_first = 0, check_predicted = 0.8
           WHERE question_id = '{}' AND local_day = '2026-11-23' AND user_id IN (1001, 1002, 1003);\n",
        q2.0, q1.0
    ));
    exec(app, &sql).await;
    // Written beside the bot: its totals are counted from the rows, as after a migration.
    app.store
        .recount_totals(GuildId(app.guild), 12, Recount::Everything)
        .await
        .unwrap();
}

/// The number of choices of q2 of the data set.
async fn choices_of_q2(app: &TestApp) -> f64 {
    let n: i64 = query_scalar(
        "SELECT json_array_length(v.choices) FROM questions q JOIN question_versions v ON v.id = q.current_version
         WHERE q.guild_id = ?1 AND q.id = (SELECT MAX(id) FROM questions WHERE guild_id = ?1 AND topic_id = 'security')",
    )
    .bind(app.guild as i64)
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    n as f64
}

/// The starter pack's first security question (q1 of the data set).
async fn first_security_question(app: &TestApp) -> String {
    query_scalar("SELECT MIN(id) FROM questions WHERE guild_id = ? AND topic_id = 'security'")
        .bind(app.guild as i64)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

/// Security knowledge at the start and now, by hand from the data set: first meetings with
/// q2 on the 25th (1001–1004 right, 1005 and 1006 wrong: each −1/(k − 1) for k choices) give
/// what an unseen question is worth today (all on the same day, so they weigh alike). For the
/// start each weighs 2^(−d/14), d days after the member's first answer (1001–1004 on the 16th,
/// 1005 and 1006 on the 17th). Three checks on q1, right where the model said 0.8, shift the
/// model by +0.2. Nine members
/// answered; 1001–1005 remember q1 at 1.0 today (reviewed today, stability 10); every other
/// (member, security question) pair is unseen.
async fn security_knowledge(app: &TestApp) -> (f64, f64) {
    let (questions, choices): (i64, i64) = query_as(
        "SELECT (SELECT COUNT(*) FROM questions WHERE guild_id = ?1 AND topic_id = 'security'),
                (SELECT json_array_length(v.choices) FROM questions q JOIN question_versions v ON v.id = q.current_version
                 WHERE q.guild_id = ?1 AND q.id = (SELECT MAX(id) FROM questions WHERE guild_id = ?1 AND topic_id = 'security'))",
    )
    .bind(app.guild as i64)
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    let wrong = -1.0 / (choices as f64 - 1.0);
    let (w9, w8) = (0.5f64.powf(9.0 / 14.0), 0.5f64.powf(8.0 / 14.0));
    let start = (4.0 * w9 + 2.0 * w8 * wrong) / (4.0 * w9 + 2.0 * w8);
    let pi = (4.0 + 2.0 * wrong) / 6.0;
    let pairs = 9.0 * questions as f64;
    let seen = 5.0;
    let now = (seen * (1.0 + 0.2) + pi * (pairs - seen)) / pairs;
    (start, now.clamp(0.0, 1.0))
}

fn assert_png(m: &PostedMessage, name: &str) {
    let file = m
        .attachments
        .iter()
        .find(|a| a.filename == name)
        .unwrap_or_else(|| panic!("no {name} attached"));
    let decoder = png::Decoder::new(file.data.as_slice());
    let reader = decoder.read_info().expect("a valid PNG");
    assert_eq!((reader.info().width, reader.info().height), (800, 400));
    assert!(
        (5_000..500_000).contains(&file.data.len()),
        "{} bytes",
        file.data.len()
    );
}

async fn world() -> (TestApp, u64) {
    let app = spawn_app().await;
    let support = app.discord.add_role(app.guild, "Support", 0);
    // Loads the starter pack and makes Support a team whose track is security.
    let team = app
        .command(
            app.admin,
            "config team-role",
            &[("role", json!(support.to_string()))],
        )
        .await;
    assert!(team.contains("is now a team"), "{team}");
    let track = app
        .command(
            app.admin,
            "track set",
            &[
                ("role", json!(support.to_string())),
                ("topic", json!("security")),
            ],
        )
        .await;
    assert!(track.contains("Information security"), "{track}");
    seed(&app, support).await;
    // Wednesday 25 Nov, 12:00 UTC.
    app.clock.advance(Duration::from_secs((2 * 24 + 5) * 3600));
    (app, support)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_figures_match_a_hand_computed_data_set() {
    let (mut app, support) = world().await;
    let summary = app
        .reply_to(app.admin, "report", &[("period", json!("week"))])
        .await;
    let text = embed_lines(&summary);
    let expected = [
        "📊 Report — week of 23 Nov 2026 (so far)",
        "**Participation:** 8 of 10 members answered (80%) · before: 60%",
        "**Accuracy:** 69% of 16 answers right · before: 33%",
        "**Re-answered questions** (first try → latest try; mostly reviews timed for about 90% recall, so this shows the schedule at work, not what people know)",
        "• Data privacy: hidden (fewer than 5 people)",
        "• Information security: 33% → 83% (+50 points) on 6 questions answered again, 6 people",
        "**Time to competency** (first answer → competent)",
        &format!("• Information security: median 8.0 days (5 people) · tracks: <@&{support}> hidden (fewer than 5 people)"),
        "**Forgetting forecast** (the memory model's predicted recall of the questions members have answered, now → in 7 days)",
        "• Information security: 100% → 92% (5 people)",
        "**Questions:** 4 asked · 25% answered by what the team already knew · first expert reply in 20 min (median of 2) · resolved in 1h 0m (median of 1)",
        "**Expert load:** <@2001> 2 assigned, 2 replied (median 20 min), 1 still open; <@2002> 1 assigned, 0 replied, 1 still open",
        "**May need support** (only you see this)",
        "• <@1009>: no answer for 10 days after a 5-day streak",
        "-# Knowledge, item flags, recall forecast and support list as of <t:1795608000:t> today (computed once a day).",
    ];
    let lines: Vec<&str> = text.lines().collect();
    let mut at = 0;
    for want in expected {
        let found = lines[at..].iter().position(|l| *l == want);
        assert!(found.is_some(), "missing (in order) {want:?} in:\n{text}");
        at += found.unwrap() + 1;
    }
    assert_png(&summary, "trend.png");
    assert_png(&summary, "knowledge.png");
    assert!(summary.pinged.users.is_empty() && summary.pinged.roles.is_empty());
    // The report leads with knowledge, hand-computed below from the checks.
    assert!(
        lines[0].starts_with("📊")
            && lines[1].starts_with("**Knowledge:** share of the question bank members know"),
        "{text}"
    );
    let (start, now) = security_knowledge(&app).await;
    let security = lines
        .iter()
        .find(|l| l.starts_with("• Information security: "))
        .unwrap_or_else(|| panic!("no security knowledge in:\n{text}"));
    let want = format!("• Information security: {:.0}% ± ", start * 100.0);
    assert!(security.starts_with(&want), "{security} against {want}");
    let want = format!("before peerlearn asked → **{:.0}% ± ", now * 100.0);
    assert!(security.contains(&want), "{security} against {want}");
    assert!(
        security.ends_with(" now (6 people, 9 checks)"),
        "{security}"
    );
    assert!(
        lines.contains(&"• Data privacy: hidden (fewer than 5 people)"),
        "{text}"
    );

    let csv_reply = app
        .reply_to(
            app.admin,
            "report",
            &[("period", json!("week")), ("format", json!("csv"))],
        )
        .await;
    assert!(
        csv_reply
            .content
            .contains("Figures about fewer than 5 people are left empty"),
        "{}",
        csv_reply.content
    );
    let csv = csv_reply
        .attachments
        .iter()
        .find(|a| a.filename == "peerlearn-report-week-2026-11-23.csv")
        .map(|a| String::from_utf8(a.data.clone()).unwrap())
        .expect("the CSV is attached");
    assert_png(&csv_reply, "trend.png");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "period,start,end,metric,topic,group,value,people,n,note,ci_low,ci_high"
    );
    // Knowledge with its interval.
    for (metric, value, n) in [
        ("knowledge_start_pct", start, 6),
        ("knowledge_now_pct", now, 9),
    ] {
        let prefix = format!(
            "week,2026-11-23,2026-11-29,{metric},security,all,{:.1},6,{n},,",
            value * 100.0
        );
        let row = rows
            .iter()
            .find(|r| r.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no row {prefix} in:\n{csv}"));
        let bounds: Vec<f64> = row[prefix.len()..]
            .split(',')
            .map(|x| x.parse().unwrap())
            .collect();
        assert!(
            bounds[0] <= value * 100.0 + 0.05 && value * 100.0 - 0.05 <= bounds[1],
            "{row}"
        );
    }
    // The week's checks without the model: seven right, two wrong at −1/(k − 1).
    let wrong = -1.0 / (choices_of_q2(&app).await - 1.0);
    let week = format!(
        "week,2026-11-23,2026-11-29,knowledge_checks_pct,,all,{:.1},6,9,,",
        (7.0 + 2.0 * wrong) / 9.0 * 100.0
    );
    assert!(
        rows.iter().any(|r| r.starts_with(&week)),
        "no row {week} in:\n{csv}"
    );
    let q1 = first_security_question(&app).await;
    let item = format!(
        "week,2026-11-23,2026-11-29,item_first_try_accuracy_pct,security,question:{q1},33.3,6,6,,,"
    );
    assert!(rows.contains(&item.as_str()), "missing {item} in:\n{csv}");
    let hidden = "hidden: fewer people than the minimum group size";
    for want in [
        "week,2026-11-23,2026-11-29,participation_pct,,all,80.0,10,8,".to_string(),
        "week,2026-11-16,2026-11-22,participation_pct,,all,60.0,10,6,".into(),
        "week,2026-10-05,2026-10-11,participation_pct,,all,0.0,10,0,".into(),
        "week,2026-11-23,2026-11-29,accuracy_pct,,all,68.8,8,16,".into(),
        "week,2026-11-16,2026-11-22,accuracy_pct,,all,33.3,6,6,".into(),
        "week,2026-11-23,2026-11-29,accuracy_pct,security,all,75.0,6,12,".into(),
        format!("week,2026-11-23,2026-11-29,accuracy_pct,privacy,all,,2,4,{hidden}"),
        "week,2026-11-23,2026-11-29,first_try_accuracy_pct,security,all,33.3,6,6,".into(),
        "week,2026-11-23,2026-11-29,latest_try_accuracy_pct,security,all,83.3,6,6,".into(),
        format!("week,2026-11-23,2026-11-29,latest_try_accuracy_pct,privacy,all,,2,2,{hidden}"),
        "week,2026-11-23,2026-11-29,time_to_competency_days,security,all,8.0,5,5,".into(),
        format!("week,2026-11-23,2026-11-29,time_to_competency_days,security,role:{support},,4,4,{hidden}"),
        format!("week,2026-11-16,2026-11-22,time_to_competency_days,security,all,,1,1,{hidden}"),
        "week,2026-11-23,2026-11-29,questions_asked,,all,4,,4,".into(),
        "week,2026-11-16,2026-11-22,questions_asked,,all,1,,1,".into(),
        "week,2026-11-23,2026-11-29,deflection_pct,,all,25.0,,4,".into(),
        "week,2026-11-23,2026-11-29,first_response_minutes_median,,all,20.0,,2,".into(),
        "week,2026-11-23,2026-11-29,resolution_minutes_median,,all,60.0,,1,".into(),
        "week,2026-11-23,2026-11-29,expert_assigned,,expert:2001,2,,2,".into(),
        "week,2026-11-23,2026-11-29,expert_response_minutes_median,,expert:2001,20.0,,2,".into(),
        "week,2026-11-23,2026-11-29,predicted_recall_now_pct,security,all,100.0,5,5,".into(),
        "week,2026-11-23,2026-11-29,members_needing_support,,all,1,,1,".into(),
    ] {
        let want = format!("{want},,");
        assert!(rows.contains(&want.as_str()), "missing CSV row {want:?} in:\n{csv}");
    }
    assert!(
        !csv.contains("1009"),
        "the CSV names nobody who may need support"
    );
    let weeks: std::collections::BTreeSet<&str> = rows[1..]
        .iter()
        .map(|r| r.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(weeks.len(), 8, "eight weeks: {weeks:?}");

    // The digest goes to a channel: last week's figures, nobody named.
    let added = app.add_schedule("digest", "0 9 * * MON", &[]).await;
    assert!(added.contains("a digest in"), "{added}");
    app.command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    let digest = embed_lines(&app.wait_for_posts(app.channel, 1).await[0]);
    assert!(
        digest.starts_with("🗞️ Weekly digest — week of 16 Nov 2026"),
        "{digest}"
    );
    assert!(
        digest.contains("**Participation:** 6 of 10 members answered (60%)"),
        "{digest}"
    );
    assert!(
        digest.contains("• Information security: ") && digest.contains("**Knowledge:**"),
        "the digest leads with knowledge too: {digest}"
    );
    assert!(
        digest.contains("**1 member may need support.** An admin sees who and why with `/report`."),
        "{digest}"
    );
    for user in LEARNERS.chain([2001, 2002]) {
        assert!(
            !digest.contains(&format!("<@{user}>")),
            "the digest names nobody: {digest}"
        );
    }
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_are_private_and_come_with_a_chart() {
    let (mut app, _) = world().await;
    for right in [true, false, true] {
        app.practise(app.member, "security", right).await;
    }
    let own = app.reply_to(app.member, "stats", &[]).await;
    let text = embed_lines(&own);
    for want in [
        "Your learning so far",
        "**Answers:** 3 (67% right)",
        "**Accuracy by week:** 2 Nov – · 9 Nov – · 16 Nov – · 23 Nov 67%",
        "**Streak:** 1 day (best 1)",
        "**Points:** 4 in all (#1) · 4 this week (#1)",
        "**Helping:** 0 accepted answers (0 points) · 0 questions asked",
        "Only you can see this.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(text.contains("Information security"), "{text}");
    assert_png(&own, "stats.png");
    // Another member's stats: admins only.
    let other = json!(app.admin.to_string());
    let refused = app
        .reply_to(app.member, "stats", &[("member", other)])
        .await;
    assert!(
        refused
            .content
            .contains("only admins can see another member's"),
        "{}",
        refused.content
    );
    assert!(refused.attachments.is_empty());
    let by_admin = app
        .reply_to(
            app.admin,
            "stats",
            &[("member", json!(app.member.to_string()))],
        )
        .await;
    assert!(embed_lines(&by_admin).contains(&format!("<@{}>'s learning so far", app.member)));
    // Someone Discord cannot resolve gets a clear answer, not a failed interaction.
    let gone = app
        .reply_to(app.admin, "stats", &[("member", json!("1009"))])
        .await;
    assert!(
        gone.content
            .contains("I could not read the options of `/stats`"),
        "{}",
        gone.content
    );
    // A learner from the seeded set, seen by an admin.
    app.discord
        .add_member_with_id(app.guild, 1009, "learner 1009", &[]);
    let seeded = app
        .reply_to(app.admin, "stats", &[("member", json!("1009"))])
        .await;
    assert!(
        seeded.content.contains("stats start with a first answer"),
        "{}",
        seeded.content
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kpis_are_imported_whole_and_related_to_learning() {
    let (mut app, _) = world().await;
    let count = |app: &TestApp| {
        let pool = app.store.pool().clone();
        async move {
            query_scalar::<i64>("SELECT COUNT(*) FROM kpi_values")
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let import = |name: &str, body: &str| {
        let file = app.discord.upload(name, body.as_bytes());
        vec![("file", json!(file.to_string()))]
    };
    for (name, body, problem) in [
        ("kpi.txt", "date,team,metric,value\n", "is not a CSV file"),
        ("kpi.csv", "day,team,metric,value\n2026-11-16,Support,x,1\n", "`date` is missing"),
        (
            "kpi.csv",
            "date,team,metric,value\n2026-11-16,Support,tickets,4\n2026-11-17,Support,tickets,many\n",
            "Line 3: `many` is not a number.",
        ),
        ("kpi.csv", "date,team,metric,value\n16/11/2026,Support,tickets,4\n", "Line 2: `16/11/2026` is not a date"),
        ("kpi.csv", "date,team,metric,value\n", "no rows under its header"),
    ] {
        let options = import(name, body);
        let text = app.reply_to(app.admin, "kpi import", &options).await.content;
        assert!(text.contains(problem), "{name}: {text}");
        assert_eq!(count(&app).await, 0, "nothing stored from a bad file");
    }
    let good = "date,team,metric,value\n\
                2026-11-16,Support,tickets_reopened,9\n\
                2026-11-17,Support,tickets_reopened,7\n\
                2026-11-23,Support,tickets_reopened,4\n\
                2026-11-23,Marketing,leads,12\n";
    let options = import("kpi.csv", good);
    let text = app
        .reply_to(app.admin, "kpi import", &options)
        .await
        .content;
    assert!(
        text.starts_with("Imported 4 values for 2 metrics and 2 teams, 2026-11-16 to 2026-11-23."),
        "{text}"
    );
    assert_eq!(count(&app).await, 4);
    let report = embed_lines(&app.reply_to(app.admin, "report", &[]).await);
    assert!(
        report.contains("**KPI** `leads` (Marketing): no team role is named \"Marketing\"; use a team's role name or `all`."),
        "{report}"
    );
    assert!(
        report.contains("**KPI** `tickets_reopened` (Support) vs the team's learning: answers per week: too few weeks to tell; accuracy: too few weeks to tell"),
        "{report}"
    );
    assert!(report.contains("Correlation, not causation"), "{report}");
    app.stop().await.unwrap();
}
