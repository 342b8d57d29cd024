//! Content from where teams already have it: question banks in the LMS exchange formats,
//! imported with `/content import`, all or nothing, every problem named by its line, and then
//! asked like any other question.

use crate::common::{spawn_app, TestApp};
use peerlearn::store::sql::query_as;
use serde_json::json;

/// Two questions as Moodle exports them in Aiken: both choice marks, a space or none, a
/// question over two lines.
const AIKEN: &str = "What does a phishing email usually want?
A. Your password
B) Your lunch order
C.Nothing at all
ANSWER: A

Which key, with the Windows key,
locks the screen?
A) L
B) K
ANSWER: A
";

/// The questions stored in `topic`: `(id, prompt, correct)`.
async fn stored(app: &TestApp, topic: &str) -> Vec<(String, String, i64)> {
    query_as(
        "SELECT q.id, v.prompt, v.correct FROM questions q
         JOIN question_versions v ON v.id = q.current_version
         WHERE q.topic_id = ? ORDER BY v.prompt",
    )
    .bind(topic)
    .fetch_all(app.store.pool())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_aiken_bank_is_imported_whole_or_not_at_all_and_practised() {
    let app = spawn_app().await;
    // A broken bank: every problem by line, and nothing imported.
    let broken = "What does a phishing email usually want?
A. Your password
B) Your lunch order
C.Nothing at all

Which key, with the Windows key,
locks the screen?
A) L
B) K
ANSWER: C
";
    let reply = app
        .import_content("Onboarding.txt", broken.as_bytes())
        .await;
    assert!(
        reply.starts_with("Nothing was imported: `Onboarding.txt` has 2 problems."),
        "{reply}"
    );
    assert!(reply.contains("Onboarding.txt:1: question"), "{reply}");
    assert!(reply.contains("no ANSWER line"), "{reply}");
    assert!(
        reply.contains("Onboarding.txt:10:"),
        "the answer naming no choice: {reply}"
    );
    assert!(stored(&app, "onboarding").await.is_empty());

    // The bank: a topic named after the file, and its two questions.
    let reply = app.import_content("Onboarding.txt", AIKEN.as_bytes()).await;
    assert_eq!(reply, "Imported: 3 added, 0 updated, 0 unchanged.");
    let questions = stored(&app, "onboarding").await;
    assert_eq!(questions.len(), 2, "{questions:?}");
    assert_eq!(
        questions[1].1,
        "Which key, with the Windows key,\nlocks the screen?"
    );
    assert!(questions
        .iter()
        .all(|(id, _, correct)| id.starts_with("onboarding-") && *correct == 0));
    // The same file again changes nothing: the ids come from the questions' text, and the
    // topic, which the server now has, is left as it is (an admin may have renamed it).
    let reply = app.import_content("Onboarding.txt", AIKEN.as_bytes()).await;
    assert_eq!(reply, "Imported: 0 added, 0 updated, 2 unchanged.");

    // Practised like any question: the right choice is right, and it is remembered.
    let id = app
        .discord
        .slash(
            app.channel,
            app.member,
            "quiz",
            &[("topic", json!("onboarding"))],
        )
        .unwrap();
    let card = app.discord.reply(id).await.unwrap().message.unwrap();
    let (right, label) = card.buttons()[0].clone();
    assert!(label.starts_with("A · "), "{label}");
    let clicked = app.click(app.member, card.id, &right).await;
    let feedback = clicked.message.unwrap().content;
    let lines: Vec<&str> = feedback.lines().collect();
    let verdict = lines
        .iter()
        .position(|l| l.starts_with("✅ **Right!** A — "));
    assert!(
        verdict.is_some_and(|i| lines[i + 1].starts_with("-# +")),
        "the points follow the verdict, with no empty explanation between: {feedback}"
    );
    let remembered = app
        .count("SELECT COUNT(*) FROM memory WHERE question_id LIKE 'onboarding-%'")
        .await;
    assert_eq!(remembered, 1);
}
