//! Peer experts end to end: `/ask` answers from the knowledge base first, routes to the
//! least-loaded available expert in a thread, escalates on the virtual clock, tells the admins
//! when nobody can help, and "Mark as answer" turns a reply into knowledge the next `/ask`
//! finds. Mentions are checked on every message by the emulator.

use crate::common::{spawn_app, TestApp};
use discord_emulator::PostedMessage;
use peerlearn::store::sql::query_as;
use serde_json::{json, Value};
use std::time::Duration;

/// The Q&A channel and the admin channel, configured by the admin.
struct QaWorld {
    qa: u64,
    admins: u64,
}

async fn qa_world(app: &TestApp) -> QaWorld {
    let qa = app.discord.add_text_channel(app.guild, "questions");
    let admins = app.discord.add_text_channel(app.guild, "admins");
    let set = app
        .command(
            app.admin,
            "config qa-channel",
            &[("channel", json!(qa.to_string()))],
        )
        .await;
    assert!(set.contains(&format!("<#{qa}>")), "{set}");
    let set = app
        .command(
            app.admin,
            "config admin-channel",
            &[("channel", json!(admins.to_string()))],
        )
        .await;
    assert!(set.contains("Admins are now told"), "{set}");
    QaWorld { qa, admins }
}

/// `/ask` as `user`; returns the (deferred, ephemeral) reply once it is filled in.
async fn ask(app: &TestApp, user: u64, question: &str, topic: Option<&str>) -> PostedMessage {
    let mut options = vec![("question", json!(question))];
    if let Some(t) = topic {
        options.push(("topic", json!(t)));
    }
    let id = app
        .discord
        .slash(app.channel, user, "ask", &options)
        .unwrap();
    let reply = app.discord.reply(id).await.expect("the bot answers");
    let message = reply.message.expect("a reply message");
    assert!(
        message.is_ephemeral(),
        "only the asker sees the answer to /ask"
    );
    message
}

/// The thread a routing reply points to (`<#id>`).
fn thread_in(text: &str) -> u64 {
    let start = text
        .find("<#")
        .unwrap_or_else(|| panic!("no thread in {text:?}"))
        + 2;
    let end = start + text[start..].find('>').unwrap();
    text[start..end].parse().unwrap()
}

fn embed_text(m: &PostedMessage) -> String {
    m.embeds
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{} {} {}",
                e["title"], e["description"], e["footer"]["text"]
            )
        })
        .collect()
}

async fn join(app: &TestApp, user: u64, topic: &str) {
    let text = app
        .command(user, "expert join", &[("topic", json!(topic))])
        .await;
    assert!(text.contains("now an expert"), "{text}");
}

async fn ask_state(app: &TestApp, thread: u64) -> (String, Option<i64>, Option<i64>) {
    query_as("SELECT state, expert_id, first_response_ms FROM asks WHERE thread_id = ?")
        .bind(thread as i64)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

async fn events(app: &TestApp, thread: u64) -> Vec<(String, Option<i64>)> {
    query_as(
        "SELECT e.kind, e.actor_id FROM knowledge_events e JOIN asks a ON a.id = e.ask_id
         WHERE a.thread_id = ? ORDER BY e.id",
    )
    .bind(thread as i64)
    .fetch_all(app.store.pool())
    .await
    .unwrap()
}

fn kinds(events: &[(String, Option<i64>)]) -> Vec<&str> {
    events.iter().map(|(k, _)| k.as_str()).collect()
}

// Questions no starter content matches, so they go straight to an expert.
const PRINTER: &str = "Which printer on floor three takes A3 paper?";
const BADGE: &str = "Where do visitors collect their badge on Saturdays?";
const PARKING: &str = "Can contractors book the underground parking spots?";

#[tokio::test]
async fn routing_skips_away_experts_and_the_asker_then_escalates_on_time() {
    let app = spawn_app().await;
    let world = qa_world(&app).await;
    let [e1, e2, e3] = ["ana", "ben", "cho"].map(|n| app.discord.add_member(app.guild, n, &[]));
    let asker2 = app.discord.add_member(app.guild, "dev", &[]);
    for e in [e1, e2, e3] {
        join(&app, e, "security").await;
    }
    let away = app
        .command(e3, "expert away", &[("until", json!("3d"))])
        .await;
    assert!(
        // Thu 26 Nov 2026 07:00 UTC, three days on, as a Discord timestamp.
        away.contains("no new questions until <t:1795676400:F>."),
        "{away}"
    );

    // Everyone is free: the lowest id wins the tie (ana). Then ana has one open: ben. Then
    // ben asks himself: ana (cho is away, ben is the asker).
    let r1 = ask(&app, app.member, PRINTER, Some("security")).await;
    assert!(r1.content.contains(&format!("<@{e1}>")), "{}", r1.content);
    let t1 = thread_in(&r1.content);
    let r2 = ask(&app, asker2, BADGE, Some("security")).await;
    assert!(r2.content.contains(&format!("<@{e2}>")), "{}", r2.content);
    let t2 = thread_in(&r2.content);
    let r3 = ask(&app, e2, PARKING, Some("security")).await;
    assert!(r3.content.contains(&format!("<@{e1}>")), "{}", r3.content);
    let t3 = thread_in(&r3.content);

    // Each question has a thread on a post in the Q&A channel, named after it, and the
    // expert's ping notifies only that expert.
    let thread = app.discord.channel(t1).unwrap();
    assert_eq!(thread.parent_id, Some(world.qa));
    assert_eq!(thread.name, PRINTER);
    let starter = app.discord.message(t1).expect("the thread's starter post");
    assert!(embed_text(&starter).contains(PRINTER));
    let ping = &app.wait_for_posts(t1, 1).await[0];
    assert!(
        ping.content.contains("you are an expert on **security**"),
        "{}",
        ping.content
    );
    assert_eq!(ping.pinged.users, vec![e1]);
    assert!(!ping.pinged.everyone && ping.pinged.roles.is_empty());

    // Ben replies in his thread before the deadline: that question does not escalate.
    app.discord
        .say(t2, e2, "On it: reception keeps them in the blue box.");
    app.eventually("ben's reply to be noticed", || async {
        ask_state(&app, t2).await.2.is_some()
    })
    .await;

    // 3 h 59 min: nothing; 4 h: escalation.
    app.clock.advance(Duration::from_secs(239 * 60));
    app.clock.settled().await;
    assert_eq!(
        app.bot_posts(t1).len(),
        1,
        "no escalation before the deadline"
    );
    app.clock.advance(Duration::from_secs(60));
    let posts = app.wait_for_posts(t1, 2).await;
    assert!(
        posts[1].content.contains("could you take this question"),
        "{}",
        posts[1].content
    );
    assert_eq!(posts[1].pinged.users, vec![e2], "the next available expert");
    assert_eq!(ask_state(&app, t1).await.1, Some(e2 as i64));
    assert_eq!(
        kinds(&events(&app, t1).await),
        ["asked", "routed", "escalated"]
    );
    // Ben's own question: ana was asked, cho is away, ben asked it: the admins are told.
    let admin_posts = app.wait_for_posts(world.admins, 1).await;
    assert!(
        admin_posts[0].content.contains(&format!("<#{t3}>")),
        "{}",
        admin_posts[0].content
    );
    assert_eq!(
        kinds(&events(&app, t3).await),
        ["asked", "routed", "admins_told"]
    );
    // Answered in time: still with ben.
    assert_eq!(ask_state(&app, t2).await.1, Some(e2 as i64));
    assert_eq!(
        kinds(&events(&app, t2).await),
        ["asked", "routed", "first_response"]
    );

    // A day after asking, the asker is reminded once (and only the asker is notified).
    app.clock.advance(Duration::from_secs(20 * 3600));
    let posts = app.wait_for_posts(t2, 2).await;
    let nudge = posts.last().unwrap();
    assert!(
        nudge.content.contains("Mark as answer"),
        "{}",
        nudge.content
    );
    assert_eq!(nudge.pinged.users, vec![asker2]);
    app.eventually("the nudge to be recorded", || async {
        kinds(&events(&app, t2).await).contains(&"nudged")
    })
    .await;
}

#[tokio::test]
async fn nobody_available_is_said_honestly_and_the_admins_are_told() {
    let app = spawn_app().await;
    // No Q&A channel yet: a clear refusal, nothing routed.
    let early = ask(&app, app.member, PRINTER, None).await;
    assert!(
        early.content.contains("/config qa-channel"),
        "{}",
        early.content
    );
    let world = qa_world(&app).await;

    let reply = ask(&app, app.member, PRINTER, None).await;
    assert!(
        reply
            .content
            .contains("No expert on **general** is available right now"),
        "{}",
        reply.content
    );
    assert!(
        reply.content.contains("the admins have been told"),
        "{}",
        reply.content
    );
    let thread = thread_in(&reply.content);
    let admin = app.wait_for_posts(world.admins, 1).await;
    assert!(
        admin[0].content.contains(&format!("<#{thread}>")),
        "{}",
        admin[0].content
    );
    assert!(
        admin[0].content.contains("/expert assign"),
        "{}",
        admin[0].content
    );
    let in_thread = app.wait_for_posts(thread, 1).await;
    assert!(in_thread[0].content.contains("Anyone who knows the answer"));
    assert_eq!(kinds(&events(&app, thread).await), ["asked", "unassigned"]);
}

#[tokio::test]
async fn mark_as_answer_keeps_the_answer_and_the_next_ask_finds_it_first() {
    let app = spawn_app().await;
    let world = qa_world(&app).await;
    let expert = app.discord.add_member(app.guild, "ana", &[]);
    let bystander = app.discord.add_member(app.guild, "eve", &[]);
    join(&app, expert, "security").await;
    let question = "How do I get read access to the staging database?";
    let reply = ask(&app, app.member, question, Some("security")).await;
    let thread = thread_in(&reply.content);
    app.wait_for_posts(thread, 1).await;
    let answer_text =
        "Request the role db-staging-read in the access portal; approval takes a day.";
    let answer = app.discord.say(thread, expert, answer_text);
    app.eventually("the expert's reply to be noticed", || async {
        ask_state(&app, thread).await.2.is_some()
    })
    .await;

    // Only the asker (or an admin) may mark the answer.
    let id = app
        .discord
        .message_command(bystander, "Mark as answer", answer)
        .unwrap();
    let refused = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(refused.content.contains("Only <@"), "{}", refused.content);
    assert!(refused.is_ephemeral());
    // Not one of the bot's own posts either.
    let bot_post = app.bot_posts(thread)[0].id;
    let id = app
        .discord
        .message_command(app.member, "Mark as answer", bot_post)
        .unwrap();
    let refused = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        refused.content.contains("not one of the bot's messages"),
        "{}",
        refused.content
    );

    let id = app
        .discord
        .message_command(app.member, "Mark as answer", answer)
        .unwrap();
    let done = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        !done.is_ephemeral(),
        "the resolution is announced in the thread"
    );
    let text = embed_text(&done);
    assert!(text.contains("saved as knowledge #1"), "{text}");
    assert!(text.contains("earns 15 points for helping"), "{text}");
    let stored: (String, i64, String, i64) = query_as(
        "SELECT k.answer, k.author_id, a.state, COALESCE(p.points, 0) FROM kb_entries k
         JOIN asks a ON a.id = k.ask_id
         LEFT JOIN member_progress p ON p.guild_id = k.guild_id AND p.user_id = k.author_id",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        stored,
        (
            answer_text.to_string(),
            expert as i64,
            "resolved".into(),
            15
        )
    );
    assert_eq!(
        kinds(&events(&app, thread).await),
        ["asked", "routed", "first_response", "resolved"]
    );
    app.eventually("the thread to be archived", || async {
        app.discord.channel(thread).is_some_and(|c| c.archived)
    })
    .await;
    let closed = app.discord.channel(thread).unwrap();
    assert_eq!(closed.name, format!("✅ {question}"));
    // Marking again is refused.
    let id = app
        .discord
        .message_command(app.member, "Mark as answer", answer)
        .unwrap();
    let again = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        again.content.contains("already resolved (knowledge #1)"),
        "{}",
        again.content
    );

    // The next person asking something similar gets the answer first, and it solves it.
    let other = app.discord.add_member(app.guild, "fay", &[]);
    let shown = ask(
        &app,
        other,
        "staging database access: who approves it?",
        None,
    )
    .await;
    let listed = embed_text(&shown);
    assert!(listed.contains("Answer #1"), "{listed}");
    assert!(listed.contains("db-staging-read"), "{listed}");
    let buttons = shown.buttons();
    assert_eq!(
        buttons.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(),
        ["That solved it", "I still need help"]
    );
    let click = app.discord.click(other, shown.id, &buttons[0].0).unwrap();
    let updated = app.discord.reply(click).await.unwrap().message.unwrap();
    assert!(
        updated.content.contains("Glad the team's knowledge helped"),
        "{}",
        updated.content
    );
    assert!(updated.buttons().is_empty());
    let (deflected,): (i64,) =
        query_as("SELECT COUNT(*) FROM knowledge_events WHERE kind = 'deflected' AND actor_id = ?")
            .bind(other as i64)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(deflected, 1);
    // No new thread was opened for it.
    assert_eq!(app.bot_posts(world.qa).len(), 1);
}

#[tokio::test]
async fn still_need_help_routes_from_the_matches() {
    let app = spawn_app().await;
    let world = qa_world(&app).await;
    let expert = app.discord.add_member(app.guild, "ana", &[]);
    join(&app, expert, "security").await;
    // The starter pack covers phishing, so matches come first.
    let shown = ask(&app, app.member, "How do I report a phishing email?", None).await;
    assert!(
        !shown.buttons().is_empty(),
        "matches first: {}",
        embed_text(&shown)
    );
    let route = shown.buttons()[1].0.clone();
    let click = app.discord.click(app.member, shown.id, &route).unwrap();
    let reply = app.discord.reply(click).await.unwrap();
    assert_eq!(reply.callback_type, 6, "the click is acknowledged first");
    let mut routed = String::new();
    app.eventually("the reply to show the thread", || {
        routed = app.discord.message(shown.id).unwrap().content;
        let done = routed.contains("<#");
        async move { done }
    })
    .await;
    assert!(routed.contains(&format!("<@{expert}>")), "{routed}");
    assert!(
        routed.contains("**security**"),
        "the rule or content picks the topic: {routed}"
    );
    assert_eq!(app.bot_posts(world.qa).len(), 1);
    // A second click does not open a second thread.
    let again = app.discord.click(app.member, shown.id, &route);
    assert!(again.is_err(), "the buttons are gone after routing");
}

#[tokio::test]
async fn question_text_pings_nobody_and_search_syntax_cannot_break_queries() {
    let app = spawn_app().await;
    let world = qa_world(&app).await;
    let role = app.discord.add_role(app.guild, "staff", 0);
    let expert = app.discord.add_member(app.guild, "ana", &[]);
    join(&app, expert, "general").await;
    let hostile = format!(
        "@everyone @here <@&{role}> <@{}> \"unterminated * NEAR( col:x ^ -- AND OR)",
        app.admin
    );
    let reply = ask(&app, app.member, &hostile, Some("general")).await;
    let thread = thread_in(&reply.content);
    let ping = &app.wait_for_posts(thread, 1).await[0];
    assert_eq!(
        ping.pinged.users,
        vec![expert],
        "only the expert is notified"
    );
    for m in app
        .bot_posts(world.qa)
        .iter()
        .chain(app.bot_posts(thread).iter())
    {
        assert!(!m.pinged.everyone && m.pinged.roles.is_empty(), "{m:?}");
        assert!(!m.pinged.users.contains(&app.admin), "{m:?}");
    }
    assert!(app.discord.channel(thread).unwrap().name.chars().count() <= 100);

    for query in [
        r#""* NEAR( ^ AND"#,
        "OR",
        "col:x -y",
        "\"\"\"",
        "ünïcödé ✅ 🚀",
    ] {
        let text = app
            .command(app.member, "kb search", &[("query", json!(query))])
            .await;
        assert!(
            text.contains("Nothing in the knowledge base matches"),
            "{query}: {text}"
        );
    }
    let id = app
        .discord
        .slash(
            app.channel,
            app.member,
            "kb search",
            &[("query", json!("phishing email"))],
        )
        .unwrap();
    let found = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        embed_text(&found).contains("phishing"),
        "{}",
        embed_text(&found)
    );
}

#[tokio::test]
async fn expert_commands_explain_mistakes_and_admin_only_parts_are_guarded() {
    let app = spawn_app().await;
    let other = app.discord.add_member(app.guild, "ana", &[]);
    // (command, options, what the refusal says)
    type Case<'a> = (&'a str, Vec<(&'a str, Value)>, &'a str);
    let cases: [Case; 6] = [
        (
            "expert join",
            vec![("topic", json!("astrology"))],
            "There is no topic \"astrology\"",
        ),
        (
            "expert away",
            vec![("until", json!("soon"))],
            "Use a date like 2026-12-01",
        ),
        (
            "expert away",
            vec![("until", json!("2026-01-01"))],
            "is not in the future",
        ),
        ("expert back", vec![], "You were not marked away"),
        (
            "expert leave",
            vec![("topic", json!("security"))],
            "not an expert on \"security\"",
        ),
        (
            "expert assign",
            vec![
                ("member", json!(other.to_string())),
                ("topic", json!("security")),
            ],
            "Manage Server",
        ),
    ];
    for (name, options, expected) in cases {
        let text = app.command(app.member, name, &options).await;
        assert!(text.contains(expected), "/{name}: {text}");
    }
    let text = app
        .command(app.member, "kb remove", &[("id", json!(1))])
        .await;
    assert!(text.contains("Manage Server"), "{text}");
    let text = app
        .command(app.admin, "kb remove", &[("id", json!(99))])
        .await;
    assert!(text.contains("There is no answer #99"), "{text}");
    let (experts,): (i64,) = query_as("SELECT COUNT(*) FROM experts")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(experts, 0, "nothing was stored");

    let text = app
        .command(
            app.admin,
            "expert assign",
            &[
                ("member", json!(other.to_string())),
                ("topic", json!("security")),
            ],
        )
        .await;
    assert!(
        text.contains(&format!("<@{other}> is now an expert on **security**")),
        "{text}"
    );
    let id = app
        .discord
        .slash(app.channel, app.member, "expert list", &[])
        .unwrap();
    let list = app.discord.reply(id).await.unwrap().message.unwrap();
    let text = embed_text(&list);
    assert!(text.contains(&format!("<@{other}>")), "{text}");
    assert!(text.contains("No available expert"), "{text}");
    assert!(
        text.contains("Data privacy"),
        "uncovered topics are listed: {text}"
    );
    let text = app
        .command(app.admin, "config escalation", &[("hours", json!(2))])
        .await;
    assert!(text.contains("**2 h** to reply"), "{text}");
    let (minutes,): (Option<i64>,) =
        query_as("SELECT escalation_after_minutes FROM guilds WHERE id = ?")
            .bind(app.guild as i64)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(minutes, Some(120));
    // Outside a question's thread, /resolve explains itself.
    let text = app.command(app.member, "resolve", &[]).await;
    assert!(text.contains("inside a question's thread"), "{text}");
}
