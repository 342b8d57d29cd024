//! Writing questions in chat: `/content add` opens a form, a broken form is kept and shown
//! with its problems, "Edit" reopens it filled in, the preview looks as members will see it,
//! "Publish" adds the question; `/content edit` makes a new version, `/content retire` takes
//! it out of use and an import brings it back; experts propose where the server lets them,
//! and admins publish from `/content drafts`.

use crate::common::{spawn_app, TestApp};
use discord_emulator::Reply;
use serde_json::{json, Value};

const TOPIC: &str = r#"
[[topic]]
id = "office"
name = "Office"

[[question]]
id = "badge"
topic = "office"
prompt = "Where do you get a new badge?"
choices = ["Reception", "Security desk"]
correct = "B"
"#;

/// Runs a command as `user` and returns the bot's answer.
async fn slash(app: &TestApp, user: u64, name: &str, options: &[(&str, Value)]) -> (u64, Reply) {
    let id = app
        .discord
        .slash(app.channel, user, name, options)
        .unwrap_or_else(|e| panic!("/{name}: {e}"));
    (id, app.discord.reply(id).await.expect("the bot answers"))
}

/// Submits the form the bot opened in answer to `interaction`.
async fn submit(app: &TestApp, user: u64, interaction: u64, fields: &[(&str, &str)]) -> Reply {
    let id = app
        .discord
        .submit_modal(user, interaction, fields)
        .expect("the form takes these values");
    app.discord
        .reply(id)
        .await
        .expect("the bot answers the form")
}

/// The inputs of the form in a reply: `(id, value)`.
fn inputs(form: &Reply) -> Vec<(String, String)> {
    assert_eq!(form.callback_type, 9, "a form");
    form.data["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let input = &row["components"][0];
            let text = |k: &str| input[k].as_str().unwrap_or_default().to_string();
            (text("custom_id"), text("value"))
        })
        .collect()
}

/// The questions `/content edit` offers for `typed`.
async fn offered(app: &TestApp, typed: &str) -> Value {
    let id = app
        .discord
        .autocomplete(app.channel, app.admin, "content edit", ("id", typed))
        .unwrap();
    app.discord.reply(id).await.unwrap().data["choices"].clone()
}

/// The custom id of the button labelled `label` on a message.
fn button(message: &discord_emulator::PostedMessage, label: &str) -> String {
    message
        .buttons()
        .into_iter()
        .find(|(_, l)| l == label)
        .unwrap_or_else(|| panic!("no {label:?} button: {:?}", message.buttons()))
        .0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_writes_previews_publishes_edits_and_retires_a_question_in_chat() {
    let app = spawn_app().await;
    app.import_content("office.toml", TOPIC.as_bytes()).await;

    let (opened, form) = slash(
        &app,
        app.admin,
        "content add",
        &[
            ("kind", json!("multiple response")),
            ("topic", json!("Office")),
        ],
    )
    .await;
    let ids: Vec<String> = inputs(&form).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["prompt", "choices", "right", "explanation"]);
    assert_eq!(form.data["title"], "New · Multiple response");

    // A broken form is kept, and each problem named by its input.
    let broken = submit(
        &app,
        app.admin,
        opened,
        &[
            ("prompt", "Which doors need a badge?"),
            ("choices", "Front door"),
            ("right", "A, F"),
            ("explanation", ""),
        ],
    )
    .await;
    assert_eq!(
        broken.callback_type, 4,
        "a form opened by a command answers anew"
    );
    let broken = broken.message.unwrap();
    assert!(broken.is_ephemeral());
    assert!(
        broken.content.contains("cannot be published yet")
            && broken.content.contains(
                "• **The choices, one per line (2 to 5)**: needs 2 to 5 choices, found 1"
            ),
        "{}",
        broken.content
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM question_drafts WHERE submitted_ms IS NOT NULL")
            .await,
        1
    );

    // Edit reopens the form as it was typed.
    let edit = app
        .discord
        .click(app.admin, broken.id, &button(&broken, "Edit"))
        .unwrap();
    let reopened = app.discord.reply(edit).await.unwrap();
    assert_eq!(
        inputs(&reopened)[1],
        ("choices".to_string(), "Front door".to_string())
    );
    let preview = submit(
        &app,
        app.admin,
        edit,
        &[
            ("prompt", "Which doors need a badge?"),
            ("choices", "Front door\nKitchen\nServer room"),
            ("right", "A, C"),
            ("explanation", "Both lead to people or machines."),
        ],
    )
    .await;
    assert_eq!(
        preview.callback_type, 7,
        "the message turns into the preview"
    );
    let preview = preview.message.unwrap();
    assert!(
        preview
            .content
            .starts_with("**Preview** of question `office-"),
        "{}",
        preview.content
    );
    assert_eq!(preview.embeds[0]["title"], "🧠 Practice · Office");
    let (_, options) = preview.menus().remove(0);
    assert_eq!(options.len(), 3, "the menu members will get");
    assert!(
        app.discord
            .select(app.admin, preview.id, &preview.menus()[0].0, &["0"])
            .is_err(),
        "the preview's menu is disabled"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM questions").await,
        1,
        "not yet"
    );

    let published = app
        .click(app.admin, preview.id, &button(&preview, "Publish"))
        .await;
    assert_eq!(published.callback_type, 7);
    let said = published.message.unwrap().content;
    assert!(said.starts_with("✅ Published `office-"), "{said}");
    let id = said.split('`').nth(1).unwrap().to_string();
    let card = app.practice(app.member, "office").await;
    let practised = card.menus().len() + card.buttons().len();
    assert!(practised > 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM questions").await, 2);

    // /content edit opens the question as it reads now; publishing makes a new version.
    let (opened, form) = slash(&app, app.admin, "content edit", &[("id", json!(id))]).await;
    let filled = inputs(&form);
    assert_eq!(filled[1].1, "Front door\nKitchen\nServer room");
    assert_eq!(filled[2].1, "A, C");
    let preview = submit(
        &app,
        app.admin,
        opened,
        &[
            ("prompt", "Which doors need your badge?"),
            ("choices", "Front door\nKitchen\nServer room"),
            ("right", "A, C"),
            ("explanation", "Both lead to people or machines."),
        ],
    )
    .await
    .message
    .unwrap();
    assert!(
        preview
            .content
            .contains(&format!("a new version of `{id}`")),
        "{}",
        preview.content
    );
    app.click(app.admin, preview.id, &button(&preview, "Publish"))
        .await;
    let versions = app
        .count(&format!(
            "SELECT COUNT(*) FROM question_versions WHERE question_id = '{id}'"
        ))
        .await;
    assert_eq!(versions, 2);

    // Retired: out of practice, autocomplete and exports; importing it again brings it back.
    assert_eq!(offered(&app, "new badge").await[0]["value"], "badge");
    let (_, retired) = slash(&app, app.admin, "content retire", &[("id", json!("badge"))]).await;
    assert!(
        retired
            .message
            .unwrap()
            .content
            .starts_with("Retired `badge`"),
        "retired"
    );
    let (_, again) = slash(&app, app.admin, "content retire", &[("id", json!("badge"))]).await;
    assert!(again
        .message
        .unwrap()
        .content
        .contains("no question `badge` in use"));
    for _ in 0..4 {
        let card = app.practice(app.member, "office").await;
        let text = card.embeds[0]["description"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(
            !text.contains("a new badge"),
            "a retired question is not practised"
        );
    }
    assert_eq!(
        offered(&app, "new badge").await,
        json!([]),
        "nor offered to edit"
    );
    let (_, export) = slash(&app, app.admin, "content export", &[]).await;
    let export = String::from_utf8(export.message.unwrap().attachments[0].data.clone()).unwrap();
    assert!(!export.contains("id = \"badge\""), "{export}");
    let back = app.import_content("office.toml", TOPIC.as_bytes()).await;
    assert_eq!(back, "Imported: 0 added, 1 updated, 1 unchanged.");
    app.assert_no_violations();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn experts_propose_where_the_server_allows_it_and_admins_publish() {
    let app = spawn_app().await;
    app.import_content("office.toml", TOPIC.as_bytes()).await;
    let propose = [("kind", json!("true or false")), ("topic", json!("office"))];

    // Off by default, and only for experts.
    let (_, refused) = slash(&app, app.member, "propose", &propose).await;
    assert!(
        refused
            .message
            .unwrap()
            .content
            .contains("Only admins write questions here"),
        "off by default"
    );
    let (_, on) = slash(
        &app,
        app.admin,
        "config expert-drafts",
        &[("mode", json!("on"))],
    )
    .await;
    assert!(on
        .message
        .unwrap()
        .content
        .contains("Experts can now propose"));
    let (_, refused) = slash(&app, app.member, "propose", &propose).await;
    assert!(
        refused.message.is_some(),
        "a member who is no expert still cannot"
    );
    app.command(
        app.admin,
        "expert assign",
        &[
            ("member", json!(app.member.to_string())),
            ("topic", json!("office")),
        ],
    )
    .await;

    let (opened, form) = slash(&app, app.member, "propose", &propose).await;
    let ids: Vec<String> = inputs(&form).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["prompt", "right", "explanation"]);
    let preview = submit(
        &app,
        app.member,
        opened,
        &[
            ("prompt", "Visitors may borrow a badge for the day."),
            ("right", "false"),
            ("explanation", "They are escorted instead."),
        ],
    )
    .await
    .message
    .unwrap();
    let labels: Vec<String> = preview.buttons().into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels, ["True", "False", "Propose", "Edit", "Discard"]);
    let proposed = app
        .click(app.member, preview.id, &button(&preview, "Propose"))
        .await;
    assert!(proposed
        .message
        .unwrap()
        .content
        .starts_with("📨 Proposed."));

    let (_, list) = slash(&app, app.admin, "content drafts", &[]).await;
    let list = list.message.unwrap();
    assert!(
        list.embeds[0]["description"]
            .as_str()
            .unwrap()
            .contains("Visitors may borrow a badge"),
        "{:?}",
        list.embeds
    );
    let review = list.buttons().remove(0).0;
    let shown = app
        .click(app.admin, list.id, &review)
        .await
        .message
        .unwrap();
    let published = app
        .click(app.admin, shown.id, &button(&shown, "Publish"))
        .await
        .message
        .unwrap()
        .content;
    assert!(
        published.contains(&format!("It was proposed by <@{}>.", app.member)),
        "{published}"
    );
    let kinds = app
        .count("SELECT COUNT(*) FROM question_versions WHERE kind = 'true_false'")
        .await;
    assert_eq!(kinds, 1);
    let (_, empty) = slash(&app, app.admin, "content drafts", &[]).await;
    assert!(empty
        .message
        .unwrap()
        .content
        .starts_with("No proposed questions"));

    // Their drafts are theirs: exported to them, and gone when they are forgotten.
    let export = app
        .reply_to(app.member, "privacy export", &[])
        .await
        .attachments
        .remove(0);
    let export = String::from_utf8(export.data).unwrap();
    assert!(export.contains("Visitors may borrow a badge"), "{export}");
    app.assert_no_violations();
}
