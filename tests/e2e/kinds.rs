//! Question kinds beyond one choice, answered through their own components: multiple response
//! in a select menu (partial credit for points, all or nothing for memory), short answer and
//! numeric in a form opened by a button, in a channel post and in practice.

use crate::common::{spawn_app, TestApp};
use peerlearn::store::sql::{query_as, query_scalar};
use serde_json::json;

/// One topic per kind, so that `/quiz topic:` and a schedule's topic pick the kind.
const KINDS: &str = r#"
[[topic]]
id = "habits"
name = "Habits"

[[topic]]
id = "office"
name = "Office"

[[topic]]
id = "pins"
name = "PINs"

[[question]]
id = "good-habits"
topic = "habits"
kind = "multiple"
prompt = "Which habits keep an account safe?"
choices = ["A long passphrase", "Reusing a password", "Two-factor sign-in", "Sharing a code"]
correct = ["A", "C"]
explanation = "Length and a second factor."

[[question]]
id = "head-office"
topic = "office"
kind = "short_answer"
prompt = "Which city is the head office in?"
accepted = [
  { text = "Saint-Étienne", feedback = "Yes, since 1998." },
  { text = "Lyon", credit = 0, feedback = "Close: that is the region's capital." },
]

[[question]]
id = "pin-digits"
topic = "pins"
kind = "numeric"
prompt = "How many digits should a PIN have at least?"
accepted = [
  { value = 8 },
  { min = 6, max = 7, credit = 0.5, feedback = "Close: 8 is the rule." },
]
"#;

/// The stored answers to `question`: `(user, choice, response, correct, points)`.
async fn answers(app: &TestApp, question: &str) -> Vec<(i64, i64, Option<String>, i64, i64)> {
    query_as(
        "SELECT user_id, choice, response, correct, points FROM answers
         WHERE question_id = ? ORDER BY id",
    )
    .bind(question)
    .fetch_all(app.store.pool())
    .await
    .unwrap()
}

/// Whether `user`'s memory of `question` counts its latest answer as right.
async fn remembered_right(app: &TestApp, user: u64, question: &str) -> bool {
    let latest: i64 =
        query_scalar("SELECT latest_correct FROM memory WHERE user_id = ? AND question_id = ?")
            .bind(user as i64)
            .bind(question)
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    latest == 1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn multiple_response_is_answered_in_a_menu_with_partial_credit_for_points_only() {
    let app = spawn_app().await;
    let reply = app.import_content("kinds.toml", KINDS.as_bytes()).await;
    assert_eq!(reply, "Imported: 6 added, 0 updated, 0 unchanged.");

    let card = app.practice(app.member, "habits").await;
    let description = card.embeds[0]["description"].as_str().unwrap();
    assert!(
        description.contains("**A** A long passphrase\n**B** Reusing a password"),
        "the choices listed with letters: {description}"
    );
    assert!(
        description.contains("pick every right one"),
        "{description}"
    );
    assert!(card.buttons().is_empty(), "a menu, no buttons");
    let menus = card.menus();
    assert_eq!(menus.len(), 1);
    let (menu, options) = &menus[0];
    let labels: Vec<&str> = options.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "A · A long passphrase",
            "B · Reusing a password",
            "C · Two-factor sign-in",
            "D · Sharing a code"
        ]
    );
    // Discord lets a member pick only the menu's options, at least one.
    assert!(app.discord.select(app.member, card.id, menu, &[]).is_err());
    assert!(app
        .discord
        .select(app.member, card.id, menu, &["7"])
        .is_err());

    // Half the right set: half the points, and not right for memory.
    let picked = app
        .discord
        .select(app.member, card.id, menu, &["0"])
        .unwrap();
    let reply = app.discord.reply(picked).await.unwrap();
    assert_eq!(reply.callback_type, 7, "the card turns into the feedback");
    let feedback = reply.message.unwrap().content;
    assert!(
        feedback.contains(
            "🟡 **Partly right** (50% of the points). You chose A — A long passphrase. \
             The full answer is **A — A long passphrase; C — Two-factor sign-in**.\n\
             Length and a second factor."
        ),
        "{feedback}"
    );
    assert!(!remembered_right(&app, app.member, "good-habits").await);

    // The whole set: right, and full points.
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let card = app.practice(bob, "habits").await;
    let (menu, _) = card.menus().remove(0);
    let picked = app
        .discord
        .select(bob, card.id, &menu, &["2", "0"])
        .unwrap();
    let feedback = app.discord.reply(picked).await.unwrap().message.unwrap();
    assert!(
        feedback
            .content
            .contains("✅ **Right!** A — A long passphrase; C — Two-factor sign-in"),
        "{}",
        feedback.content
    );
    assert!(remembered_right(&app, bob, "good-habits").await);

    // Everything picked earns nothing: each wrong pick takes a right one back.
    let carol = app.discord.add_member(app.guild, "carol", &[]);
    let card = app.practice(carol, "habits").await;
    let (menu, _) = card.menus().remove(0);
    let picked = app
        .discord
        .select(carol, card.id, &menu, &["0", "1", "2", "3"])
        .unwrap();
    let feedback = app.discord.reply(picked).await.unwrap().message.unwrap();
    assert!(
        feedback.content.starts_with("**Which habits")
            && feedback.content.contains("❌ **Not quite.**"),
        "{}",
        feedback.content
    );

    let stored = answers(&app, "good-habits").await;
    let full = stored[1].4;
    assert!(full > 0);
    assert_eq!(
        stored,
        [
            (app.member as i64, 0b0001, None, 0, (full + 1) / 2),
            (bob as i64, 0b0101, None, 1, full),
            (carol as i64, 0b1111, None, 0, 0),
        ],
        "the picks as bits, right only for the whole set, points by credit"
    );
    app.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_answer_post_opens_a_form_and_compares_what_was_typed() {
    let app = spawn_app().await;
    app.import_content("kinds.toml", KINDS.as_bytes()).await;
    let post = app.quiz_post(&[("topic", json!("office"))]).await;
    assert_eq!(
        post.embeds[0]["description"],
        "Which city is the head office in?"
    );
    let buttons = post.buttons();
    assert_eq!(buttons.len(), 1);
    assert_eq!(buttons[0].1, "✍️ Type your answer");

    // The button opens a form; what is typed is compared without case, accents or
    // punctuation, and the accepted answer's feedback is shown.
    let typed = |user: u64, text: &'static str| {
        let app = &app;
        let button = buttons[0].0.clone();
        async move {
            let click = app.discord.click(user, post.id, &button).unwrap();
            let form = app.discord.reply(click).await.unwrap();
            assert_eq!(form.callback_type, 9, "a form");
            let input = &form.data["components"][0]["components"][0];
            assert_eq!(input["max_length"], 200);
            let submitted = app
                .discord
                .submit_modal(user, click, &[("response", text)])
                .unwrap();
            let reply = app.discord.reply(submitted).await.unwrap();
            assert_eq!(reply.callback_type, 4, "a reply only the member sees");
            let message = reply.message.unwrap();
            assert!(message.is_ephemeral());
            message.content
        }
    };
    let right = typed(app.member, "  saint etienne! ").await;
    assert!(
        right.starts_with("✅ **Right!** “saint etienne!”\nYes, since 1998."),
        "{right}"
    );
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let close = typed(bob, "LYON").await;
    assert!(
        close.starts_with(
            "❌ **Not quite.** You answered “LYON”. The right answer is **Saint-Étienne**.\n\
             Close: that is the region's capital."
        ),
        "{close}"
    );
    let again = typed(app.member, "Paris").await;
    assert_eq!(
        again,
        "You already answered this one: you answered **“saint etienne!”**. Your first answer counts."
    );
    // Discord keeps the form within its limit.
    let click = app.discord.click(bob, post.id, &buttons[0].0).unwrap();
    app.discord.reply(click).await.unwrap();
    let long = "x".repeat(201);
    assert!(app
        .discord
        .submit_modal(bob, click, &[("response", long.as_str())])
        .is_err());

    let stored = answers(&app, "head-office").await;
    let stored: Vec<(i64, i64, Option<String>, i64)> = stored
        .into_iter()
        .map(|(u, c, r, ok, _)| (u, c, r, ok))
        .collect();
    assert_eq!(
        stored,
        [
            (app.member as i64, 0, Some("saint etienne!".into()), 1),
            (bob as i64, 1, Some("LYON".into()), 0),
        ],
        "the accepted answer matched, and the text as typed"
    );

    // What was typed is the member's own: exported to them, and removed when forgotten.
    let export = app
        .reply_to(bob, "privacy export", &[])
        .await
        .attachments
        .remove(0);
    let export = String::from_utf8(export.data).unwrap();
    assert!(export.contains("“LYON”"), "{export}");
    let delete = app.reply_to(bob, "privacy delete", &[]).await;
    let (button, _) = delete.buttons().remove(0);
    app.click(bob, delete.id, &button).await;
    let kept: Vec<(i64, Option<String>)> = query_as(
        "SELECT choice, response FROM answers WHERE question_id = 'head-office' ORDER BY id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        kept,
        [(0, Some("saint etienne!".into())), (1, None)],
        "the anonymous answer keeps what it matched, not the text"
    );
    app.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_numeric_answer_is_read_leniently_and_exports_round_trip() {
    let app = spawn_app().await;
    app.import_content("kinds.toml", KINDS.as_bytes()).await;
    let card = app.practice(app.member, "pins").await;
    let description = card.embeds[0]["description"].as_str().unwrap();
    assert!(
        description.ends_with("-# Answer with a number."),
        "{description}"
    );
    let (button, label) = card.buttons().remove(0);
    assert_eq!(label, "✍️ Type your answer");
    let submit = |text: &'static str| {
        let (app, button) = (&app, button.clone());
        async move {
            let click = app.discord.click(app.member, card.id, &button).unwrap();
            app.discord.reply(click).await.unwrap();
            let submitted = app
                .discord
                .submit_modal(app.member, click, &[("response", text)])
                .unwrap();
            app.discord.reply(submitted).await.unwrap()
        }
    };
    // Not a number: said so, nothing stored, and the card still takes an answer.
    let refused = submit("eight").await;
    let refused = refused.message.unwrap();
    assert!(refused.is_ephemeral());
    assert!(
        refused.content.contains("“eight” is not a number"),
        "{}",
        refused.content
    );
    assert_eq!(answers(&app, "pin-digits").await.len(), 0);
    // A decimal comma is a decimal point; 6.5 is in the range worth half.
    let partly = submit("6,5").await;
    assert_eq!(partly.callback_type, 7, "the card turns into the feedback");
    let partly = partly.message.unwrap().content;
    assert!(
        partly.contains(
            "🟡 **Partly right** (50% of the points). You answered “6,5”. The full answer is **8**.\n\
             Close: 8 is the rule."
        ),
        "{partly}"
    );
    let stored = answers(&app, "pin-digits").await;
    assert_eq!(
        (stored[0].1, stored[0].2.as_deref(), stored[0].3),
        (1, Some("6,5"), 0)
    );
    assert!(!remembered_right(&app, app.member, "pin-digits").await);

    // Both exports carry every kind and import back unchanged.
    for format in ["toml", "gift"] {
        let id = app
            .discord
            .slash(
                app.channel,
                app.admin,
                "content export",
                &[("format", json!(format))],
            )
            .unwrap();
        let exported = app.discord.reply(id).await.unwrap().message.unwrap();
        let file = &exported.attachments[0];
        let text = String::from_utf8(file.data.clone()).unwrap();
        let again = app.import_content(&file.filename, text.as_bytes()).await;
        let unchanged = match format {
            "toml" => "Imported: 0 added, 0 updated, 6 unchanged.",
            _ => "Imported: 0 added, 0 updated, 3 unchanged.",
        };
        assert_eq!(again, unchanged, "{format}:\n{text}");
    }
    app.assert_no_violations();
}
