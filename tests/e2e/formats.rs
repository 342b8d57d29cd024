//! Content from where teams already have it: question banks in the LMS exchange formats,
//! imported with `/content import`, all or nothing, every problem named by its line, and then
//! asked like any other question.

use crate::common::{spawn_app, TestApp};
use peerlearn::store::sql::{query_as, query_scalar};
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
    let card = app.practice(app.member, "onboarding").await;
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

/// A server whose only question is a statement that is false.
const STATEMENT: &str = r#"[[topic]]
id = "facts"
name = "Office facts"

[[question]]
id = "wifi-guest"
topic = "facts"
kind = "true_false"
prompt = "Guests may use the staff Wi-Fi if they ask nicely."
correct = false
explanation = "Guests use the guest network; the staff one reaches internal systems."
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_true_false_question_is_posted_answered_and_practised_with_two_buttons() {
    let app = spawn_app().await;
    let reply = app.import_content("facts.toml", STATEMENT.as_bytes()).await;
    assert_eq!(reply, "Imported: 2 added, 0 updated, 0 unchanged.");
    let post = app.quiz_post(&[]).await;
    assert_eq!(
        post.embeds[0]["description"], "Guests may use the staff Wi-Fi if they ask nicely.",
        "the statement alone, no lettered list"
    );
    let buttons = post.buttons();
    let labels: Vec<&str> = buttons.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["True", "False"]);

    let right = app.click(app.member, post.id, &buttons[1].0).await;
    let right = right.message.unwrap().content;
    assert!(
        right.starts_with("✅ **Right!** False\nGuests use the guest network"),
        "{right}"
    );
    let bob = app.discord.add_member(app.guild, "bob", &[]);
    let wrong = app.click(bob, post.id, &buttons[0].0).await;
    let wrong = wrong.message.unwrap().content;
    assert!(
        wrong.starts_with("❌ **Not quite.** You chose True. The right answer is **False**."),
        "{wrong}"
    );
    let stored: Vec<(i64, i64, i64)> =
        query_as("SELECT user_id, choice, correct FROM answers ORDER BY answered_ms")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(stored, [(app.member as i64, 1, 1), (bob as i64, 0, 0)]);
    let kind: String = peerlearn::store::sql::query_scalar(
        "SELECT kind FROM question_versions WHERE question_id = 'wifi-guest'",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(kind, "true_false");

    // Practice shows the same two buttons.
    let card = app.practice(bob, "facts").await;
    let labels: Vec<String> = card.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["True", "False"]);

    // Exported as a true/false question, which imports back unchanged.
    let id = app
        .discord
        .slash(app.channel, app.admin, "content export", &[])
        .unwrap();
    let exported = app.discord.reply(id).await.unwrap().message.unwrap();
    let toml_text = String::from_utf8(exported.attachments[0].data.clone()).unwrap();
    assert!(
        toml_text.contains("kind = \"true_false\"") && toml_text.contains("correct = false"),
        "{toml_text}"
    );
    assert!(!toml_text.contains("choices"), "{toml_text}");
    let again = app
        .import_content("export.toml", toml_text.as_bytes())
        .await;
    assert_eq!(again, "Imported: 0 added, 0 updated, 2 unchanged.");
}

/// A Moodle GIFT bank: a category, a true/false question in HTML with feedback, a multiple
/// choice with a general feedback, and kinds chat cannot ask.
const GIFT: &str = r#"// From the LMS
$CATEGORY: $course$/top/Security/Phishing

::Padlock::[html]A <b>padlock</b> means the site is safe.{F#No.#Right: it only means the connection is encrypted.}

::Report::What do you do with a phishing email? {
  =Report it
  ~Delete it
  ~Reply and ask ####Reporting protects everyone.
}

Describe the last phishing email you saw.{}

::Pairs::Match them. {=phishing -> email =vishing -> phone}
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gift_bank_imports_what_chat_can_ask_and_lists_the_rest() {
    let app = spawn_app().await;
    // An unclosed brace: named by its line, nothing stored.
    let broken = GIFT.replace("Reply and ask ####Reporting protects everyone.\n}", "Reply");
    let reply = app.import_content("bank.gift", broken.as_bytes()).await;
    assert!(reply.starts_with("Nothing was imported"), "{reply}");
    assert!(
        reply.contains("bank.gift:6: answers: the { on line 6 is never closed"),
        "{reply}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM questions").await, 0);

    let reply = app.import_content("bank.gift", GIFT.as_bytes()).await;
    assert_eq!(
        reply,
        "Imported: 3 added, 0 updated, 0 unchanged.\n\
         2 skipped: essay at line 12, matching at line 14 (left out: chat cannot ask or show these)."
    );
    let questions = stored(&app, "phishing").await;
    let ids: Vec<&str> = questions.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["padlock", "report"], "ids from the Moodle names");
    assert_eq!(questions[0].1, "A **padlock** means the site is safe.");

    // The statement is practised with True and False, and the feedback explains.
    let card = app.practice(app.member, "phishing").await;
    let buttons = card.buttons();
    let description = card.embeds[0]["description"].as_str().unwrap().to_string();
    let (button, right) = if description.starts_with("A **padlock**") {
        (
            &buttons[1],
            "✅ **Right!** False\nRight: it only means the connection is encrypted.",
        )
    } else {
        (
            &buttons[0],
            "✅ **Right!** A — Report it\nReporting protects everyone.",
        )
    };
    let feedback = app
        .click(app.member, card.id, &button.0)
        .await
        .message
        .unwrap()
        .content;
    assert!(feedback.contains(right), "{feedback}");

    // Exported as GIFT for the LMS, and imported back unchanged.
    let id = app
        .discord
        .slash(
            app.channel,
            app.admin,
            "content export",
            &[("format", json!("gift"))],
        )
        .unwrap();
    let exported = app.discord.reply(id).await.unwrap().message.unwrap();
    assert!(
        exported.content.starts_with("2 questions in GIFT"),
        "{}",
        exported.content
    );
    let file = &exported.attachments[0];
    assert_eq!(file.filename, "peerlearn-questions.gift");
    let gift = String::from_utf8(file.data.clone()).unwrap();
    assert!(gift.contains("$CATEGORY: phishing\n"), "{gift}");
    assert!(
        gift.contains("::padlock::[markdown]A **padlock** means the site is safe. {FALSE####Right\\: it only means the connection is encrypted.}"),
        "{gift}"
    );
    let again = app.import_content("again.gift", gift.as_bytes()).await;
    assert_eq!(again, "Imported: 0 added, 0 updated, 2 unchanged.");
}

/// A note for a test package: its id, note type, deck, and fields.
pub(crate) struct Note {
    id: i64,
    cloze: bool,
    deck: i64,
    fields: &'static [&'static str],
}

pub(crate) const NOTES: [Note; 3] = [
    Note {
        id: 1,
        cloze: false,
        deck: 10,
        fields: &[
            "What is <i>phishing</i>?",
            "A fake message that wants something.<img src=\"mail.png\">",
        ],
    },
    Note {
        id: 2,
        cloze: true,
        deck: 10,
        fields: &[
            "Lock the screen with {{c1::Win+L}} or {{c2::Ctrl+Cmd+Q::on a Mac}}.",
            "",
        ],
    },
    Note {
        id: 3,
        cloze: false,
        deck: 20,
        fields: &["A passphrase is…", "four or more random words"],
    },
];

/// A collection file with `notes`, in the older layout (note types and decks as JSON in `col`)
/// or the current one (`notetypes` and `decks` tables).
async fn collection(path: &std::path::Path, modern: bool, notes: &[Note]) {
    use sqlx::Connection as _;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&options)
        .await
        .unwrap();
    let schema = "CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER NOT NULL,
                    mod INTEGER, usn INTEGER, tags TEXT, flds TEXT NOT NULL, sfld TEXT,
                    csum INTEGER, flags INTEGER, data TEXT);
                  CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER NOT NULL,
                    did INTEGER NOT NULL, ord INTEGER NOT NULL);";
    sqlx::raw_sql(schema).execute(&mut conn).await.unwrap();
    if modern {
        sqlx::raw_sql(
            "CREATE TABLE notetypes (id INTEGER PRIMARY KEY, name TEXT, config BLOB);
             CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO notetypes VALUES (100, 'Basic', x'1a00'), (200, 'Cloze', x'0801');
             INSERT INTO decks VALUES (10, 'Work' || char(31) || 'Security'), (20, 'Passwords');",
        )
        .execute(&mut conn)
        .await
        .unwrap();
    } else {
        sqlx::raw_sql(
            r#"CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT, decks TEXT);
               INSERT INTO col VALUES (1,
                 '{"100": {"name": "Basic", "type": 0}, "200": {"name": "Cloze", "type": 1}}',
                 '{"10": {"name": "Work::Security"}, "20": {"name": "Passwords"}}');"#,
        )
        .execute(&mut conn)
        .await
        .unwrap();
    }
    for n in notes {
        sqlx::query(
            "INSERT INTO notes (id, guid, mid, flds, tags) VALUES (?, ?, ?, ?, ' Team::Support leech ')",
        )
            .bind(n.id)
            .bind(format!("g{}", n.id))
            .bind(if n.cloze { 200 } else { 100 })
            .bind(n.fields.join("\u{1f}"))
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query("INSERT INTO cards (id, nid, did, ord) VALUES (?, ?, ?, 0)")
            .bind(n.id * 10)
            .bind(n.id)
            .bind(n.deck)
            .execute(&mut conn)
            .await
            .unwrap();
    }
    conn.close().await.unwrap();
}

/// An `.apkg`: the collection (zstd-compressed in the current layout, beside the placeholder
/// `collection.anki2` Anki writes for old versions) and a media list.
pub(crate) async fn package(modern: bool, notes: &[Note]) -> Vec<u8> {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collection");
    collection(&path, modern, notes).await;
    let bytes = std::fs::read(&path).unwrap();
    let mut entries = vec![];
    if modern {
        let placeholder = dir.path().join("placeholder");
        collection(&placeholder, false, &[]).await;
        entries.push(("collection.anki2", std::fs::read(&placeholder).unwrap()));
        let packed = ruzstd::encoding::compress_to_vec(
            &bytes[..],
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        entries.push(("collection.anki21b", packed));
    } else {
        entries.push(("collection.anki2", bytes));
    }
    entries.push(("media", br#"{"0": "mail.png"}"#.to_vec()));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(name, options).unwrap();
        zip.write_all(&data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anki_decks_in_both_layouts_become_flashcards() {
    let app = spawn_app().await;
    // Not a package at all, and a zip without a collection: named, nothing written.
    let reply = app
        .import_content("deck.apkg", b"front,back\nhi,there\n")
        .await;
    assert_eq!(
        reply,
        "Nothing was imported: `deck.apkg` is not an Anki package: it is not a zip file."
    );
    for modern in [false, true] {
        let bytes = package(modern, &NOTES).await;
        let reply = app.import_content("Work deck.apkg", &bytes).await;
        // The same deck in the current layout reads the same cards, with the same ids (its
        // topics, which the server now has, are left as they are).
        let expected_counts = if modern {
            "Imported: 0 added, 0 updated, 4 unchanged."
        } else {
            "Imported: 6 added, 0 updated, 0 unchanged."
        };
        assert_eq!(
            reply,
            format!(
                "{expected_counts}\n1 skipped: media \"mail.png\" (note 1) (left out: chat cannot ask or show these)."
            ),
            "modern layout: {modern}"
        );
    }
    // Two topics from the decks' last segments, a Basic card and one card per deletion.
    let cards: Vec<(String, String, String)> = query_as(
        "SELECT topic_id, front, back FROM cards WHERE content_id IS NOT NULL ORDER BY front",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        cards,
        [
            (
                "passwords".into(),
                "A passphrase is…".into(),
                "four or more random words".into()
            ),
            (
                "security".into(),
                "Lock the screen with Win+L or [on a Mac].".into(),
                "Lock the screen with Win+L or **Ctrl+Cmd+Q**.".into()
            ),
            (
                "security".into(),
                "Lock the screen with […] or Ctrl+Cmd+Q.".into(),
                "Lock the screen with **Win+L** or Ctrl+Cmd+Q.".into()
            ),
            (
                "security".into(),
                "What is *phishing*?".into(),
                "A fake message that wants something.".into()
            ),
        ]
    );
    // The notes' tags are the cards' role tracks (Anki's own "leech" left out).
    let tracks: Vec<String> =
        query_scalar("SELECT DISTINCT tracks FROM cards WHERE content_id IS NOT NULL")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(tracks, [r#"["support"]"#]);
    // /content stats counts them; accuracy is about questions, which a deck has none of.
    let stats = app.command(app.admin, "content stats", &[]).await;
    assert!(
        stats.contains("`security` Security — 0 questions, 0 tips, 3 flashcards, no answers yet"),
        "{stats}"
    );
    assert!(
        stats.contains("Total: 2 topics, 0 questions, 0 tips, 4 flashcards"),
        "{stats}"
    );
    let topics: Vec<(String, String)> = query_as("SELECT id, name FROM topics ORDER BY id")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        topics,
        [
            ("passwords".into(), "Passwords".into()),
            ("security".into(), "Security".into())
        ]
    );
}
