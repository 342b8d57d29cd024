//! Answers that teach, end to end: an accepted answer becomes a card in the asker's reviews
//! the next day (and in the reviews of whoever it later helps), self-graded into their memory;
//! "Not useful" drops it and `/kb remove` withdraws it; owners verify answers when they fall
//! due (DM with three verdicts, a form to update the text, which updates the card); unverified
//! answers are marked and, after the grace period, no longer offered; an open duplicate is
//! followed rather than asked again; flashcards come from content files too.

use crate::common::{embed_lines, spawn_app, spawn_app_with, TestApp};
use discord_emulator::PostedMessage;
use peerlearn::store::sql::query_as;
use serde_json::json;
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);
const QUESTION: &str = "Which printer on floor three takes A3 paper?";
const ANSWER: &str = "The big Ricoh by the kitchen on floor three takes A3; choose tray 2.";

/// A Q&A channel and an expert on security, ready for `/ask`.
async fn qa_world(app: &TestApp) -> (u64, u64) {
    let qa = app.discord.add_text_channel(app.guild, "questions");
    let set = app
        .command(
            app.admin,
            "config qa-channel",
            &[("channel", json!(qa.to_string()))],
        )
        .await;
    assert!(set.contains(&format!("<#{qa}>")), "{set}");
    let expert = app.discord.add_member(app.guild, "ana", &[]);
    let joined = app
        .command(expert, "expert join", &[("topic", json!("security"))])
        .await;
    assert!(joined.contains("now an expert"), "{joined}");
    (qa, expert)
}

/// `/ask` as `user`; the (ephemeral) reply once filled in.
async fn ask(app: &TestApp, user: u64, question: &str) -> PostedMessage {
    app.reply_to(
        user,
        "ask",
        &[("question", json!(question)), ("topic", json!("security"))],
    )
    .await
}

fn thread_in(text: &str) -> u64 {
    let start = text
        .find("<#")
        .unwrap_or_else(|| panic!("no thread in {text:?}"))
        + 2;
    let end = start + text[start..].find('>').unwrap();
    text[start..end].parse().unwrap()
}

/// The asker's question answered by `expert` in its thread and marked as the answer; returns
/// the thread and the announcement.
async fn answered(app: &TestApp, asker: u64, expert: u64, answer: &str) -> (u64, PostedMessage) {
    let reply = ask(app, asker, QUESTION).await;
    let thread = thread_in(&reply.content);
    app.wait_for_posts(thread, 1).await;
    let said = app.discord.say(thread, expert, answer);
    let id = app
        .discord
        .message_command(asker, "Mark as answer", said)
        .unwrap();
    let done = app.discord.reply(id).await.unwrap().message.unwrap();
    (thread, done)
}

fn button(m: &PostedMessage, label: &str) -> String {
    let buttons = m.buttons();
    let found = buttons.iter().find(|(_, l)| l == label);
    found
        .unwrap_or_else(|| panic!("no {label:?} button in {buttons:?}"))
        .0
        .clone()
}

async fn press(app: &TestApp, user: u64, m: &PostedMessage, label: &str) -> PostedMessage {
    app.click(user, m.id, &button(m, label))
        .await
        .message
        .expect("a message")
}

/// The review reminder of the day, after moving the clock past the next 08:00 run (the tests
/// start at 07:00, so the first move takes two more hours).
async fn next_reminder(app: &TestApp, seen: usize) -> PostedMessage {
    let extra = if seen == 0 { 2 * 3600 } else { 0 };
    app.clock.advance(DAY + Duration::from_secs(extra));
    app.clock.settled().await;
    app.wait_for_posts(app.channel, seen + 1).await[seen].clone()
}

/// (reviews, lapses, due_day) of `user`'s memory of card `card`.
async fn card_memory(app: &TestApp, user: u64, card: i64) -> Option<(i64, i64, String)> {
    query_as("SELECT reviews, lapses, due_day FROM memory WHERE user_id = ? AND question_id = ?")
        .bind(user as i64)
        .bind(format!("card:{card}"))
        .fetch_optional(app.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_answer_comes_back_as_a_card_the_asker_grades_and_others_it_helps_get() {
    let mut app = spawn_app().await;
    let (_, expert) = qa_world(&app).await;
    let text = app.add_schedule("reinforcement", "0 8 * * *", &[]).await;
    assert!(text.contains("reinforcement"), "{text}");
    let (thread, done) = answered(&app, app.member, expert, ANSWER).await;
    let announced = embed_lines(&done);
    assert!(
        announced.contains("gets it as a card in their reviews tomorrow"),
        "{announced}"
    );
    let card: (i64, String, String, Option<String>, i64) =
        query_as("SELECT id, front, back, source, author_id FROM cards WHERE kb_id = 1")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(card.1, QUESTION);
    assert_eq!(card.2, ANSWER);
    assert!(
        card.3.as_deref().unwrap().ends_with(&format!("/{thread}")),
        "a link to the thread: {:?}",
        card.3
    );
    assert_eq!(card.4, expert as i64);
    let holder: (String, String) =
        query_as("SELECT reason, first_due FROM card_holders WHERE user_id = ?")
            .bind(app.member as i64)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(holder, ("asked".into(), "2026-11-24".into()));

    // Someone else asks the same thing: the knowledge base solves it, and they hold the card too.
    let eve = app.discord.add_member(app.guild, "eve", &[]);
    let reply = ask(&app, eve, "Which printer on the third floor takes A3?").await;
    assert!(
        embed_lines(&reply).contains("Answer #1"),
        "{}",
        embed_lines(&reply)
    );
    let solved = press(&app, eve, &reply, "That solved it").await;
    assert!(
        solved.content.contains("card in your reviews tomorrow"),
        "{}",
        solved.content
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM card_holders WHERE reason = 'helped'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM kb_served WHERE kb_id = 1 AND verified = 1")
            .await,
        1,
        "the answer was served, verified"
    );

    // Nothing is due today; tomorrow the review brings the card: front, then back.
    let reminder = next_reminder(&app, 0).await;
    assert!(
        reminder.content.contains("2 people have reviews due"),
        "{}",
        reminder.content
    );
    let start = press(&app, app.member, &reminder, "Start my review").await;
    let front = embed_lines(&start);
    assert!(
        front.contains("Flashcard") && front.contains(QUESTION),
        "{front}"
    );
    assert!(!front.contains("Ricoh"), "the back is hidden: {front}");
    let back = press(&app, app.member, &start, "Show answer").await;
    let shown = embed_lines(&back);
    assert!(shown.contains(ANSWER), "{shown}");
    assert!(shown.contains(&format!("Answer by <@{expert}>")), "{shown}");
    let labels: Vec<String> = back.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["I knew it", "Not yet", "Not useful"]);
    let graded = press(&app, app.member, &back, "Not yet").await;
    assert!(graded.content.contains("Not yet"), "{}", graded.content);
    assert!(graded.content.contains("Review done"), "{}", graded.content);
    let after_not_yet = card_memory(&app, app.member, card.0).await.unwrap();
    assert_eq!((after_not_yet.0, after_not_yet.1), (1, 0), "first grade");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM card_reviews WHERE user_id = {} AND knew = 0 AND source = 'review'",
            app.member
        ))
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM answers").await,
        0,
        "a self-grade is not an answer"
    );

    // Eve finds it not useful: it is dropped, and does not come back.
    let start = press(&app, eve, &reminder, "Start my review").await;
    let back = press(&app, eve, &start, "Show answer").await;
    let dropped = press(&app, eve, &back, "Not useful").await;
    assert!(dropped.content.contains("Dropped"), "{}", dropped.content);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM card_holders WHERE dropped_ms IS NOT NULL")
            .await,
        1
    );

    // The next day it is due again for the asker ("Not yet" brings it back soon); "I knew it"
    // moves it further out.
    let reminder = next_reminder(&app, 1).await;
    assert!(
        reminder.content.contains("1 person has reviews due"),
        "{}",
        reminder.content
    );
    let start = press(&app, app.member, &reminder, "Start my review").await;
    let back = press(&app, app.member, &start, "Show answer").await;
    let graded = press(&app, app.member, &back, "I knew it").await;
    assert!(graded.content.contains("Known"), "{}", graded.content);
    let after_knew = card_memory(&app, app.member, card.0).await.unwrap();
    assert_eq!(after_knew.0, 2);
    assert!(
        after_knew.2 > after_not_yet.2,
        "{after_knew:?} {after_not_yet:?}"
    );
    assert!(
        graded.buttons().is_empty(),
        "graded once: the buttons are gone"
    );

    // A member's data export lists their cards and grades; deleting their data leaves no row
    // that names them (the answer's author is anonymised on the card).
    let id = app
        .discord
        .slash(app.channel, app.member, "privacy export", &[])
        .unwrap();
    let export = app.discord.reply(id).await.unwrap().message.unwrap();
    let data: serde_json::Value = serde_json::from_slice(&export.attachments[0].data).unwrap();
    assert_eq!(data["cards_held"][0]["reason"], "asked");
    assert_eq!(data["card_grades"].as_array().unwrap().len(), 2);
    for user in [eve, expert] {
        assert!(!app.columns_naming(user).await.is_empty());
        let id = app
            .discord
            .slash(app.channel, user, "privacy delete", &[])
            .unwrap();
        let prompt = app.discord.reply(id).await.unwrap().message.unwrap();
        let gone = press(&app, user, &prompt, "Delete my data").await;
        assert!(gone.content.contains("deleted"), "{}", gone.content);
        assert_eq!(app.columns_naming(user).await, Vec::<String>::new());
    }

    // Removing the answer withdraws its card and everyone's memory of it.
    let removed = app
        .command(app.admin, "kb remove", &[("id", json!(1))])
        .await;
    assert!(removed.contains("withdrew its review card"), "{removed}");
    assert!(card_memory(&app, app.member, card.0).await.is_none());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM cards WHERE retired_ms IS NOT NULL")
            .await,
        1
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_verify_answers_and_unverified_ones_are_marked_then_no_longer_offered() {
    let mut app = spawn_app_with(&[("PEERLEARN_KNOWLEDGE__VERIFICATION_GRACE_DAYS", "2")]).await;
    let (_, expert) = qa_world(&app).await;
    let set = app
        .command(
            app.admin,
            "config verification",
            &[("days", json!(3)), ("topic", json!("security"))],
        )
        .await;
    assert!(set.contains("every 3 days"), "{set}");
    answered(&app, app.member, expert, ANSWER).await;

    // Due after three days: the owner (its author) gets a DM with the three verdicts.
    app.clock.advance(3 * DAY + Duration::from_secs(3600));
    app.clock.settled().await;
    let dm = app.dms_to(expert, 1).await[0].clone();
    let labels: Vec<String> = dm.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["Still correct", "Needs an update", "Retire"]);
    assert!(embed_lines(&dm).contains(ANSWER), "{}", embed_lines(&dm));
    // Until verified, search marks it.
    let found = app
        .reply_to(app.member, "kb search", &[("query", json!("printer A3"))])
        .await;
    assert!(
        embed_lines(&found).contains("not verified since"),
        "{}",
        embed_lines(&found)
    );
    // Only an owner or an admin may give a verdict.
    let refused = app
        .command(app.member, "kb verify", &[("id", json!(1))])
        .await;
    assert!(refused.contains("Only the owner"), "{refused}");

    // "Needs an update": a form with the current text; the new text replaces the answer
    // and its card, and counts as a verification.
    let click = app
        .discord
        .click(expert, dm.id, &button(&dm, "Needs an update"))
        .unwrap();
    let form = app.discord.reply(click).await.unwrap();
    assert!(form.message.is_none(), "a form, not a message");
    let new_text = "Since December: the Canon in room 3.12 takes A3 (tray 3).";
    let submit = app
        .discord
        .submit_modal(expert, click, &[("answer", new_text)])
        .unwrap();
    let updated = app.discord.reply(submit).await.unwrap().message.unwrap();
    assert!(
        updated.content.contains("updated and verified"),
        "{}",
        updated.content
    );
    let stored: (String, String, i64) = query_as(
        "SELECT k.answer, c.back, c.version FROM kb_entries k JOIN cards c ON c.kb_id = k.id",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(stored, (new_text.into(), new_text.into(), 2));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM kb_revisions").await,
        1,
        "the old text is kept"
    );
    let found = app
        .reply_to(app.member, "kb search", &[("query", json!("printer A3"))])
        .await;
    assert!(
        !embed_lines(&found).contains("not verified"),
        "{}",
        embed_lines(&found)
    );

    // An admin may replace the text too; another member may not.
    let text = "Room 3.12: the Canon takes A3 from tray 3.";
    let refused = app
        .command(
            app.member,
            "kb update",
            &[("id", json!(1)), ("text", json!(text))],
        )
        .await;
    assert!(refused.contains("Only the owner"), "{refused}");
    let done = app
        .command(
            app.admin,
            "kb update",
            &[("id", json!(1)), ("text", json!(text))],
        )
        .await;
    assert!(done.contains("updated and verified"), "{done}");
    assert_eq!(app.count("SELECT COUNT(*) FROM kb_revisions").await, 2);

    // Unverified past the grace period: search still marks it, /ask no longer offers it.
    app.clock.advance(6 * DAY);
    app.clock.settled().await;
    let second = app.dms_to(expert, 2).await[1].clone();
    let eve = app.discord.add_member(app.guild, "eve", &[]);
    let reply = ask(&app, eve, "Which printer on the third floor takes A3?").await;
    assert!(
        !embed_lines(&reply).contains("Answer #1"),
        "a stale answer is not offered: {}",
        embed_lines(&reply)
    );
    let found = app
        .reply_to(app.member, "kb search", &[("query", json!("printer A3"))])
        .await;
    assert!(embed_lines(&found).contains("not verified since"));

    // "Still correct" brings it back; "Retire" withdraws it.
    let verified = press(&app, expert, &second, "Still correct").await;
    assert!(
        verified.content.contains("is verified"),
        "{}",
        verified.content
    );
    let reply = ask(
        &app,
        app.discord.add_member(app.guild, "sam", &[]),
        "printer floor three A3 paper?",
    )
    .await;
    assert!(
        embed_lines(&reply).contains("Answer #1"),
        "{}",
        embed_lines(&reply)
    );
    // The first reminder's buttons still work (its form did not change it).
    let retired = press(&app, expert, &dm, "Retire").await;
    assert!(retired.content.contains("retired"), "{}", retired.content);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM kb_entries WHERE removed_ms IS NOT NULL")
            .await,
        1
    );
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_of_an_open_question_is_followed_not_asked_again() {
    let mut app = spawn_app().await;
    let (_, expert) = qa_world(&app).await;
    let first = ask(&app, app.member, QUESTION).await;
    let thread = thread_in(&first.content);
    app.wait_for_posts(thread, 1).await;
    let eve = app.discord.add_member(app.guild, "eve", &[]);
    let reply = ask(
        &app,
        eve,
        "Which printer on floor three takes A3 paper, please?",
    )
    .await;
    assert!(
        reply
            .content
            .contains("very similar question that is still open"),
        "{}",
        reply.content
    );
    let id = app
        .discord
        .click(eve, reply.id, &button(&reply, "Follow that question"))
        .unwrap();
    let followed = app
        .eventually("the follow to be confirmed", || async {
            let m = app.discord.reply(id).await.ok()?.message?;
            (m.flags & 128 == 0 && m.content.contains("You follow")).then_some(m)
        })
        .await;
    assert!(followed.content.contains(&format!("<#{thread}>")));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM asks WHERE thread_id IS NOT NULL")
            .await,
        1,
        "no second thread"
    );
    assert!(app.discord.channel(thread).unwrap().members.contains(&eve));

    let said = app.discord.say(thread, expert, ANSWER);
    let id = app
        .discord
        .message_command(app.member, "Mark as answer", said)
        .unwrap();
    let done = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        done.content.contains(&format!("<@{eve}>")) && done.content.contains("you followed"),
        "{}",
        done.content
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM card_holders WHERE user_id = {eve} AND reason = 'followed'"
        ))
        .await,
        1
    );
    app.stop().await.unwrap();
}

const CARDS: &str = r#"
[[topic]]
id = "printing"
name = "Printing"

[[card]]
id = "print-1"
topic = "printing"
front = "Which tray takes A3 on the floor-three printer?"
back = "Tray 2."
source = "https://intranet.example.com/printing"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_cards_import_with_line_precise_problems_export_and_are_practised() {
    let mut app = spawn_app().await;
    let broken = "[[card]]\nid = \"c-1\"\ntopic = \"security\"\nfront = \"Front\"\n\n[[card]]\nid = \"c-2\"\ntopic = \"security\"\nfront = \"\"\nback = \"Back\"\nsize = 3\n";
    let text = app.import_content("cards.toml", broken.as_bytes()).await;
    assert!(
        text.contains("cards.toml:1: card \"c-1\", field \"back\""),
        "{text}"
    );
    assert!(
        text.contains("cards.toml:9: card \"c-2\", field \"front\""),
        "{text}"
    );
    assert!(text.contains("size"), "{text}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM cards").await,
        0,
        "nothing half-read"
    );

    let text = app.import_content("cards.toml", CARDS.as_bytes()).await;
    assert!(text.starts_with("Imported: 2 added"), "{text}");

    // /quiz in the topic gives the card; "I knew it" goes into the member's memory.
    let front = app.practice(app.member, "printing").await;
    assert!(
        embed_lines(&front).contains("Which tray takes A3"),
        "{}",
        embed_lines(&front)
    );
    let back = press(&app, app.member, &front, "Show answer").await;
    let labels: Vec<String> = back.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        labels,
        ["I knew it", "Not yet"],
        "content cards cannot be dropped"
    );
    let graded = press(&app, app.member, &back, "I knew it").await;
    assert!(graded.content.contains("+2 points"), "{}", graded.content);
    let memory = card_memory(&app, app.member, 1).await.unwrap();
    assert_eq!(memory.0, 1);
    // Search finds it; export writes it back, and it imports unchanged.
    let found = app
        .reply_to(app.member, "kb search", &[("query", json!("tray A3"))])
        .await;
    assert!(
        embed_lines(&found).contains("Flashcard"),
        "{}",
        embed_lines(&found)
    );
    let id = app
        .discord
        .slash(app.channel, app.admin, "content export", &[])
        .unwrap();
    let exported = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        exported.content.contains("1 flashcards"),
        "{}",
        exported.content
    );
    let toml_text = String::from_utf8(exported.attachments[0].data.clone()).unwrap();
    assert!(toml_text.contains("[[card]]"), "{toml_text}");
    let text = app.import_content("again.toml", toml_text.as_bytes()).await;
    assert!(text.starts_with("Imported: 0 added, 0 updated"), "{text}");
    app.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_questions_become_content_requests_in_the_command_digest_and_report() {
    let mut app = spawn_app().await;
    let (_, expert) = qa_world(&app).await;
    let text = app.add_schedule("digest", "30 8 * * 1", &[]).await;
    assert!(text.contains("digest"), "{text}");
    let (bob, cy) = (
        app.discord.add_member(app.guild, "bob", &[]),
        app.discord.add_member(app.guild, "cy", &[]),
    );
    let first = ask(&app, app.member, "VPN drops on hotel wifi").await;
    let thread = thread_in(&first.content);
    let second = ask(&app, bob, "Hotel wifi keeps disconnecting my VPN").await;
    assert!(second.content.contains("<#"), "{}", second.content);
    // Worded like the first: offered to follow it, but asks the team anyway.
    let third = ask(&app, cy, "My VPN drops on the hotel wifi").await;
    assert!(third.content.contains("still open"), "{}", third.content);
    let id = app
        .discord
        .click(cy, third.id, &button(&third, "I still need help"))
        .unwrap();
    app.eventually("the third question to be routed", || async {
        let m = app.discord.reply(id).await.ok()?.message?;
        m.content.contains("<#").then_some(())
    })
    .await;
    ask(&app, bob, "Where is the first aid kit on floor two?").await;

    let requests = app.reply_to(app.admin, "content requests", &[]).await;
    let shown = embed_lines(&requests);
    assert!(
        shown.contains("**VPN drops on hotel wifi** · security · 3 asks, 3 people"),
        "{shown}"
    );
    assert!(shown.contains("4 questions"), "{shown}");
    assert!(shown.contains("in 2 requests"), "{shown}");
    let refused = app.command(app.member, "content requests", &[]).await;
    assert!(!refused.contains("VPN"), "admins only: {refused}");

    // The expert answers the first; the request points to the answer, which becomes a draft.
    app.wait_for_posts(thread, 1).await;
    let said = app.discord.say(thread, expert, ANSWER);
    let id = app
        .discord
        .message_command(app.member, "Mark as answer", said)
        .unwrap();
    app.discord.reply(id).await.unwrap();
    let requests = app.reply_to(app.admin, "content requests", &[]).await;
    assert!(
        embed_lines(&requests).contains("answered as #1: `/kb draft id:1`"),
        "{}",
        embed_lines(&requests)
    );
    let refused = app.command(bob, "kb draft", &[("id", json!(1))]).await;
    assert!(refused.contains("for experts"), "{refused}");
    let id = app
        .discord
        .slash(app.channel, expert, "kb draft", &[("id", json!(1))])
        .unwrap();
    let draft = app.discord.reply(id).await.unwrap().message.unwrap();
    let toml_text = String::from_utf8(draft.attachments[0].data.clone()).unwrap();
    assert!(toml_text.contains("[[card]]") && toml_text.contains("# [[question]]"));
    let imported = app.import_content("draft.toml", toml_text.as_bytes()).await;
    assert!(imported.starts_with("Imported: 1 added"), "{imported}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM cards WHERE content_id = 'kb-1'")
            .await,
        1
    );

    // The report shows this week's requests; Monday's digest shows last week's.
    let report = app
        .reply_to(app.admin, "report", &[("period", json!("week"))])
        .await;
    assert!(
        embed_lines(&report).contains("VPN drops on hotel wifi"),
        "{}",
        embed_lines(&report)
    );
    app.clock.advance(7 * DAY + Duration::from_secs(2 * 3600));
    app.clock.settled().await;
    let digest = app.wait_for_posts(app.channel, 1).await[0].clone();
    let text = embed_lines(&digest);
    assert!(text.contains("Unanswered last week"), "{text}");
    assert!(text.contains("3 asks, 3 people"), "{text}");
    app.stop().await.unwrap();
}
