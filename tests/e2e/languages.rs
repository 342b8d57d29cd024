//! Languages end to end: in an English server, a German and a French member get their replies
//! in their own Discord language while the channel post stays in the server's; `/config
//! language` changes the posts' language and the search index's; a DM reminder speaks its
//! reader's language, stored from their last interaction; commands carry their descriptions in
//! every shipped language.

use crate::common::{spawn_app, PostQuestion, TestApp};
use peerlearn::store::sql::query_scalar;
use serde_json::json;

/// A text column of the test server's row.
async fn guild_setting(app: &TestApp, column: &str) -> Option<String> {
    query_scalar(&format!("SELECT {column} FROM guilds WHERE id = ?"))
        .bind(app.guild as i64)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_read_their_language_and_the_channel_the_servers() {
    let app = spawn_app().await;
    let hanna = app.discord.add_member(app.guild, "hanna", &[]);
    let julie = app.discord.add_member(app.guild, "julie", &[]);
    app.discord.set_locale(hanna, "de");
    app.discord.set_locale(julie, "fr");

    // Commands carry Discord's localisations for every shipped language; names stay English.
    let commands = app.discord.commands(Some(app.guild));
    let quiz = commands.iter().find(|c| c["name"] == "quiz").unwrap();
    assert_eq!(quiz["description"], "Practice with a question just for you");
    assert_eq!(
        quiz["description_localizations"]["de"],
        "Übe mit einer Frage nur für dich"
    );
    assert_eq!(
        quiz["description_localizations"]["fr"],
        "Entraîne-toi avec une question rien que pour toi"
    );
    assert_eq!(
        quiz["description_localizations"]["es-ES"],
        "Practica con una pregunta solo para ti"
    );
    assert!(quiz["name_localizations"].is_null() || quiz["name_localizations"] == json!({}));

    // The channel post is in the server's language (English: Discord's default here).
    let post = app.quiz_post(&[]).await;
    let footer = post.embeds[0]["footer"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        footer.starts_with("No answers yet · open until"),
        "{footer}"
    );
    let PostQuestion { correct, .. } = app.question_of_post(post.id).await;
    let buttons = post.buttons();
    let wrong = (correct + 1) % buttons.len();

    // Hanna's feedback is German, Julie's French, each only for them.
    let r = app.click(hanna, post.id, &buttons[correct].0).await;
    let m = r.message.expect("feedback");
    assert!(m.is_ephemeral());
    assert!(m.content.starts_with("✅ **Richtig!**"), "{}", m.content);
    assert!(
        m.content
            .contains("+10 Punkte (10 insgesamt) · Serie 1 Tag"),
        "{}",
        m.content
    );
    let r = app.click(julie, post.id, &buttons[wrong].0).await;
    let m = r.message.expect("feedback");
    assert!(
        m.content
            .starts_with("❌ **Pas tout à fait.** Tu as choisi"),
        "{}",
        m.content
    );
    assert!(
        m.content.contains("La bonne réponse est **"),
        "{}",
        m.content
    );
    // What is stored does not depend on the language.
    let answers = app
        .count(&format!(
            "SELECT COUNT(*) FROM answers WHERE user_id IN ({hanna}, {julie}) AND quiz_post_id IS NOT NULL"
        ))
        .await;
    assert_eq!(answers, 2);

    // Their own commands answer in their language.
    let text = app
        .command(julie, "reinforce", &[("mode", json!("dm"))])
        .await;
    assert_eq!(
        text,
        "Les révisions sont activées, et les rappels arrivent par message privé."
    );
    let card = app.practice(hanna, "security").await;
    let footer = card.embeds[0]["footer"]["text"].as_str().unwrap();
    assert!(footer.starts_with("Nur du siehst das."), "{footer}");
    assert!(
        card.embeds[0]["title"]
            .as_str()
            .unwrap()
            .starts_with("🧠 Übung · "),
        "{:?}",
        card.embeds[0]
    );
    // A refusal too; an unknown language (Japanese) falls back to English.
    let text = app
        .command(hanna, "pause", &[("until", json!("bald"))])
        .await;
    assert_eq!(
        text,
        "`bald` ist kein Datum. Nutze die Form JJJJ-MM-TT, z. B. 2026-12-31."
    );
    app.discord.set_locale(app.member, "ja");
    let text = app
        .command(app.member, "pause", &[("until", json!("soon"))])
        .await;
    assert!(text.starts_with("`soon` is not a date."), "{text}");

    // Each member's language is kept for their direct messages (not shipped: none).
    let locale = |user: u64| {
        query_scalar::<Option<String>>("SELECT locale FROM members WHERE user_id = ?")
            .bind(user as i64)
            .fetch_one(app.store.pool())
    };
    assert_eq!(locale(hanna).await.unwrap().as_deref(), Some("de"));
    assert_eq!(locale(julie).await.unwrap().as_deref(), Some("fr"));
    assert_eq!(locale(app.member).await.unwrap(), None);

    // An admin sets the server's language: the admin's reply in their own (English), the
    // next channel post in German; the buttons' answers still in each member's language.
    let text = app
        .command(
            app.admin,
            "config language",
            &[("language", json!("Deutsch"))],
        )
        .await;
    assert!(
        text.starts_with("Channel posts are now in **Deutsch**."),
        "{text}"
    );
    assert_eq!(guild_setting(&app, "language").await.as_deref(), Some("de"));
    // The next day's quiz, and review reminders at 09:00.
    let added = app.add_schedule("reinforcement", "0 9 * * *", &[]).await;
    assert!(added.contains("added"), "{added}");
    app.clock.advance(std::time::Duration::from_secs(24 * 3600));
    let posts = app.wait_for_posts(app.channel, 2).await;
    let footer = posts[1].embeds[0]["footer"]["text"].as_str().unwrap();
    assert!(
        footer.starts_with("Noch keine Antworten · offen bis"),
        "{footer}"
    );

    // Search follows the server's language: the index is rebuilt in German, and German
    // inflections meet ("Passwort zurücksetzen" finds "Passwörter … zurückgesetzt").
    let tip = "[[topic]]\nid = \"konten\"\nname = \"Konten\"\n\n[[tip]]\nid = \"konten-1\"\ntopic = \"konten\"\ntext = \"Passwörter werden im Self-Service-Portal zurückgesetzt; zurücksetzen dauert zwei Minuten.\"\n";
    let imported = app.import_content("konten.toml", tip.as_bytes()).await;
    assert!(imported.contains("2 added"), "{imported}");
    let id = app
        .discord
        .slash(
            app.channel,
            hanna,
            "kb search",
            &[("query", json!("Wie kann ich mein Passwort zurücksetzen?"))],
        )
        .unwrap();
    let found = app.discord.reply(id).await.unwrap().message.unwrap();
    let shown = found.embeds.to_string();
    assert!(shown.contains("Self-Service-Portal"), "{shown}");
    assert!(
        shown.contains("Wissensbasis: Wie kann ich"),
        "Hanna reads German: {shown}"
    );
    // Julie's question cannot go to an expert yet (no Q&A channel): she is told in French.
    let text = app
        .command(
            julie,
            "ask",
            &[("question", json!("Qui gère les badges d'accès ?"))],
        )
        .await;
    assert!(
        text.starts_with("Les questions ne peuvent pas encore aller aux experts"),
        "{text}"
    );
    let built = guild_setting(&app, "search_language").await;
    assert_eq!(built.as_deref(), Some("de"), "the index is in German");

    // Julie missed her question yesterday: her reminder comes by DM, in French, though the
    // server now posts in German.
    app.clock.advance(std::time::Duration::from_secs(3600));
    let dm = app.dms_to(julie, 1).await.remove(0);
    assert!(
        dm.content.starts_with("🔁 Tu as 1 question à réviser"),
        "{}",
        dm.content
    );
    assert_eq!(dm.buttons()[0].1, "Commencer ma révision");

    // Back to Discord's community language (English here).
    let text = app
        .command(app.admin, "config language", &[("language", json!("auto"))])
        .await;
    assert!(text.contains("(now **English**)"), "{text}");

    // An admin whose Discord speaks Spanish reads an import's problems in Spanish, each still
    // naming its line and the file format's own field.
    app.discord.set_locale(app.admin, "es-ES");
    let broken = "[[question]]\nid = \"q1\"\ntopic = \"konten\"\nprompt = \"¿Dónde?\"\nchoices = [\"Aquí\"]\ncorrect = \"A\"\n";
    let text = app.import_content("roto.toml", broken.as_bytes()).await;
    assert!(
        text.starts_with("No se importó nada: `roto.toml` tiene 1 problema."),
        "{text}"
    );
    assert!(
        text.contains(
            "roto.toml:5: question \"q1\", field \"choices\": necesita de 2 a 5 opciones, hay 1"
        ),
        "{text}"
    );
    app.assert_no_violations();
}
