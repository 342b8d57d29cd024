//! Boards end to end: points from real clicks land in the guild's local week, ties share a
//! rank, teams rank per member, the most improved board, and the scheduled final standings.

use crate::common::{embed_lines, spawn_app_with, TestApp};
use peerlearn::store::sql::{query_as, query_scalar};
use serde_json::{json, Value};
use std::time::Duration;

async fn board(app: &TestApp, user: u64, options: &[(&str, Value)]) -> String {
    embed_lines(&app.reply_to(user, "leaderboard", options).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boards_rank_ties_and_turn_over_at_the_guilds_local_week() {
    let app = spawn_app_with(&[("PEERLEARN_BOARDS__IMPROVED_MIN_ANSWERS", "2")]).await;
    let support = app.discord.add_role(app.guild, "Support", 0);
    let ana = app.discord.add_member(app.guild, "ana", &[support]);
    let ben = app.discord.add_member(app.guild, "ben", &[support]);
    let cy = app.discord.add_member(app.guild, "cy", &[]);
    let dee = app.discord.add_member(app.guild, "dee", &[]);
    // Auckland is UTC+13 in November: Monday 30 Nov starts at 11:00 UTC on Sunday the 29th.
    let tz = app
        .command(
            app.admin,
            "config timezone",
            &[("zone", json!("Pacific/Auckland"))],
        )
        .await;
    assert!(tz.contains("Pacific/Auckland"), "{tz}");
    let team = app
        .command(
            app.admin,
            "config team-role",
            &[("role", json!(support.to_string()))],
        )
        .await;
    assert!(
        team.contains(&format!("<@&{support}> is now a team")),
        "{team}"
    );
    let added = app.add_schedule("leaderboard", "0 9 * * MON", &[]).await;
    // Mon 30 Nov 2026 09:00 in Auckland is 20:00 UTC on Sunday the 29th.
    assert!(
        added.contains("<t:1795982400:F> (09:00 Pacific/Auckland)"),
        "{added}"
    );

    // Mon 23 Nov, 20:00 in Auckland. Practice earns 2 points a right answer.
    for (user, right) in [
        (ana, true),
        (ana, true),
        (ben, true),
        (ben, true),
        (cy, true),
        (cy, false),
    ] {
        app.practise(user, "security", right).await;
    }
    // Sunday 23:59 in Auckland: still the week of 23 Nov.
    app.clock
        .advance(Duration::from_secs(((6 * 24 + 3) * 60 + 59) * 60));
    for right in [true, true] {
        app.practise(cy, "security", right).await;
    }
    let week = board(&app, dee, &[]).await;
    let expected = format!(
        "🏆 Leaderboard — week of 23 Nov 2026\n\
         🥇 <@{cy}> — **6** points · 4 answers, 75% right\n\
         🥈 <@{ana}> — **4** points · 2 answers, 100% right\n\
         🥈 <@{ben}> — **4** points · 2 answers, 100% right\n\
         \n\
         You have no points here yet: every right answer counts.\n\
         A new week starts 30 Nov."
    );
    assert_eq!(week, expected);

    // Monday 00:00 in Auckland (Sunday 11:00 UTC): a new week.
    app.clock.advance(Duration::from_secs(60));
    for (user, right) in [
        (ben, true),
        (cy, true),
        (cy, true),
        (ana, true),
        (ana, false),
    ] {
        app.practise(user, "security", right).await;
    }
    let week = board(&app, ana, &[]).await;
    assert_eq!(
        week,
        format!(
            "🏆 Leaderboard — week of 30 Nov 2026\n\
             🥇 <@{cy}> — **4** points · 2 answers, 100% right\n\
             🥈 <@{ana}> — **2** points · 2 answers, 50% right\n\
             🥈 <@{ben}> — **2** points · 1 answer, 100% right\n\
             A new week starts 7 Dec."
        )
    );
    let all = board(&app, dee, &[("period", json!("all"))]).await;
    assert!(
        all.starts_with(&format!(
            "🏆 Leaderboard — all time\n\
             🥇 <@{cy}> — **10** points · 6 answers, 83% right\n\
             🥈 <@{ana}> — **6** points · 4 answers, 75% right\n\
             🥈 <@{ben}> — **6** points · 3 answers, 100% right\n"
        )),
        "{all}"
    );
    let teams = board(&app, dee, &[("by", json!("team"))]).await;
    assert!(
        teams.contains(&format!(
            "🥇 <@&{support}> — **2.0** points per member · 2 members, 4 points"
        )),
        "{teams}"
    );
    let improved = board(&app, ana, &[("board", json!("most improved"))]).await;
    assert!(
        improved.starts_with(&format!(
            "📈 Most improved — week of 30 Nov 2026 vs the one before\n\
             🥇 <@{cy}> — **+25** · 75% → 100% right (2 answers)\n\n\
             You are not on this board"
        )),
        "{improved}"
    );
    let refused = app
        .reply_to(
            ana,
            "leaderboard",
            &[("period", json!("all")), ("board", json!("most improved"))],
        )
        .await;
    assert!(
        refused.content.contains("pick `week`, `month` or `season`"),
        "{}",
        refused.content
    );

    // What was stored: the ledger and the per-week totals in Auckland's weeks.
    let weeks: Vec<(String, i64, i64, i64)> = query_as(
        "SELECT period_key, points, answers, correct FROM board_totals
         WHERE period = 'week' AND topic_id = '' AND user_id = ? ORDER BY period_key",
    )
    .bind(cy as i64)
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        weeks,
        vec![
            ("2026-11-23".into(), 6, 4, 3),
            ("2026-11-30".into(), 4, 2, 2)
        ]
    );
    let ledger: (i64, i64) = query_as(
        "SELECT COUNT(*), CAST(SUM(points) AS BIGINT) FROM points_ledger WHERE kind = 'practice'",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(ledger, (11, 22), "one ledger row per right answer");

    // Mon 30 Nov 09:00 in Auckland: the schedule posts last week's final, then this week.
    app.clock.advance(Duration::from_secs(9 * 3600));
    let posts = app.wait_for_posts(app.channel, 2).await;
    let last = embed_lines(&posts[0]);
    assert!(
        last.starts_with(&format!(
            "🏁 Final standings — week of 23 Nov 2026\n🥇 <@{cy}> — **6** points"
        )),
        "{last}"
    );
    let now = embed_lines(&posts[1]);
    assert!(
        now.starts_with("🏆 This week so far — week of 30 Nov 2026"),
        "{now}"
    );
    assert!(now.contains("**📈 Most improved"), "{now}");
    assert!(now.contains(&format!("<@{cy}> — **+25**")), "{now}");
    for p in &posts {
        assert!(
            p.pinged.users.is_empty() && p.pinged.roles.is_empty(),
            "boards notify nobody"
        );
    }
    // A manual run the same week posts no second final.
    app.clock.advance(Duration::from_secs(60));
    let again = app
        .command(app.admin, "schedule run", &[("id", json!(1))])
        .await;
    assert!(!again.contains("rror"), "{again}");
    let posts = app.wait_for_posts(app.channel, 3).await;
    assert!(embed_lines(&posts[2]).starts_with("🏆 This week so far"));
    app.clock.settled().await;
    assert_eq!(app.bot_posts(app.channel).len(), 3);
    let finals: i64 = query_scalar("SELECT COUNT(*) FROM board_finals")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(finals, 1);

    // Four-week seasons: the one that starts today is counted from the ledger at once.
    let season = app
        .command(app.admin, "config season-length", &[("weeks", json!(4))])
        .await;
    assert!(
        season.starts_with("Seasons now last 4 weeks. This one: season 30 Nov – 27 Dec 2026"),
        "{season}"
    );
    let board = board(&app, dee, &[("period", json!("season"))]).await;
    assert!(
        board.starts_with(&format!(
            "🏆 Leaderboard — season 30 Nov – 27 Dec 2026\n🥇 <@{cy}> — **4** points"
        )),
        "{board}"
    );
    let mut app = app;
    app.stop().await.unwrap();
}
