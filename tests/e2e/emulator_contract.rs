//! The emulator holds a client to Discord's contract: spec violations, the 3-second deadline,
//! wrong tokens on the gateway, shard settings, injected 429s and server errors.

use crate::common::start_emulator;
use discord_emulator::Failure;
use futures_util::{SinkExt, StreamExt};
use poise::serenity_prelude as serenity;
use serde_json::json;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

fn http_for(discord: &discord_emulator::Emulator) -> serenity::Http {
    serenity::HttpBuilder::new(discord.bot_token())
        .proxy(discord.api_base())
        .ratelimiter_disabled(true)
        .build()
}

/// A command invoked by a member, answered by hand through serenity's HTTP client (no bot).
struct Invoked {
    http: serenity::Http,
    id: u64,
    token: String,
    channel: u64,
    member: u64,
}

/// A guild with a channel and a member, where the client registered one command and the member
/// invoked it.
async fn invoked_command(discord: &discord_emulator::Emulator, name: &str) -> Invoked {
    let guild = discord.add_guild("G");
    let channel = discord.add_text_channel(guild, "c");
    let member = discord.add_member(guild, "ada", &[]);
    let http = http_for(discord);
    http.set_application_id(serenity::ApplicationId::new(discord.bot_user_id()));
    serenity::GuildId::new(guild)
        .set_commands(
            &http,
            vec![serenity::CreateCommand::new(name).description("d")],
        )
        .await
        .unwrap();
    let id = discord.slash(channel, member, name, &[]).unwrap();
    let token = discord
        .wait_for("the token", |s| {
            s.interactions.get(&id).map(|r| r.token.clone())
        })
        .await
        .unwrap();
    Invoked {
        http,
        id,
        token,
        channel,
        member,
    }
}

fn status_of(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            Some(r.status_code.as_u16())
        }
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_over_long_message_is_refused_and_recorded() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("G");
    let channel = discord.add_text_channel(guild, "c");
    let http = http_for(&discord);
    // serenity's builders check the length themselves, so send the raw body.
    let long = json!({"content": "x".repeat(2001)});
    let err = http
        .send_message(serenity::ChannelId::new(channel), vec![], &long)
        .await
        .expect_err("Discord refuses 2,001 characters");
    assert_eq!(status_of(&err), Some(400));
    let v = discord.violations();
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].context, "POST /channels/{channel_id}/messages");
    assert!(
        v[0].problem
            .starts_with("/content: 2001 characters, at most 2000"),
        "{}",
        v[0]
    );
    assert!(
        discord.messages_in(channel).is_empty(),
        "nothing was posted"
    );

    let ok = serenity::ChannelId::new(channel)
        .say(&http, "x".repeat(2000))
        .await
        .expect("2,000 characters are fine");
    assert_eq!(discord.message(ok.id.get()).unwrap().content.len(), 2000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_components_and_command_shapes_are_refused() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("G");
    let channel = discord.add_text_channel(guild, "c");
    let http = http_for(&discord);
    let buttons: Vec<serenity::CreateButton> = (0..6)
        .map(|i| serenity::CreateButton::new(format!("b{i}")).label("x"))
        .collect();
    let message = serenity::CreateMessage::new()
        .content("pick")
        .components(vec![serenity::CreateActionRow::Buttons(buttons)]);
    let err = serenity::ChannelId::new(channel)
        .send_message(&http, message)
        .await
        .unwrap_err();
    assert_eq!(status_of(&err), Some(400));
    let long_id = serenity::CreateButton::new("y".repeat(101)).label("x");
    let message = serenity::CreateMessage::new()
        .content("pick")
        .components(vec![serenity::CreateActionRow::Buttons(vec![long_id])]);
    serenity::ChannelId::new(channel)
        .send_message(&http, message)
        .await
        .unwrap_err();
    let bad_command =
        serenity::CreateCommand::new("Has Spaces And Is Far Too Long For Discord").description("d");
    http.set_application_id(serenity::ApplicationId::new(discord.bot_user_id()));
    serenity::GuildId::new(guild)
        .set_commands(&http, vec![bad_command])
        .await
        .unwrap_err();
    let problems: Vec<String> = discord
        .violations()
        .iter()
        .map(|v| v.problem.clone())
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("/components/0/components: 6 items, at most 5")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("/components/0/components/0/custom_id: 101 characters")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("/0/name")),
        "{problems:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unanswered_interaction_is_a_violation_after_three_seconds() {
    let discord = start_emulator().await;
    let Invoked {
        http, id, token, ..
    } = invoked_command(&discord, "help").await;
    discord
        .wait_for_within("the deadline violation", Duration::from_secs(6), |s| {
            s.violations
                .iter()
                .any(|v| v.problem.contains("3 seconds"))
                .then_some(())
        })
        .await
        .unwrap();
    // A late answer is refused like Discord does (10062 Unknown interaction).
    let late = json!({"type": 4, "data": {"content": "late"}});
    let err = http
        .create_interaction_response(serenity::InteractionId::new(id), &token, &late, vec![])
        .await
        .unwrap_err();
    assert_eq!(status_of(&err), Some(404));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn injected_rate_limits_and_server_errors_reach_the_client() {
    let discord = start_emulator().await;
    let guild = discord.add_guild("G");
    let channel = discord.add_text_channel(guild, "c");
    let http = http_for(&discord);
    discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::RateLimited {
            retry_after: 1.5,
            global: false,
        },
        1,
    );
    discord.fail_next(
        "POST",
        "/channels/{channel_id}/messages",
        Failure::Status(502),
        1,
    );
    let c = serenity::ChannelId::new(channel);
    let first = c.say(&http, "one").await.unwrap_err();
    assert_eq!(status_of(&first), Some(429));
    if let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) = &first {
        assert!(r.error.message.contains("rate limited"), "{:?}", r.error);
    }
    let second = c.say(&http, "two").await.unwrap_err();
    assert_eq!(status_of(&second), Some(502));
    c.say(&http, "three").await.expect("then it works");
    assert_eq!(discord.rate_limited_count(), 1);
    let contents: Vec<String> = discord
        .messages_in(channel)
        .into_iter()
        .map(|m| m.content)
        .collect();
    assert_eq!(contents, ["three"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_global_rate_limit_answers_429_with_retry_after() {
    let discord = start_emulator().await;
    discord.set_global_rate_limit(3);
    let http = http_for(&discord);
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(match http.get_current_user().await {
            Ok(_) => 200,
            Err(e) => status_of(&e).unwrap_or(0),
        });
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_and_gateway_refuse_a_wrong_token() {
    let discord = start_emulator().await;
    let http = serenity::HttpBuilder::new("wrong-token")
        .proxy(discord.api_base())
        .ratelimiter_disabled(true)
        .build();
    let err = http.get_current_user().await.unwrap_err();
    assert_eq!(status_of(&err), Some(401));

    let (mut ws, _) = tokio_tungstenite::connect_async(format!("{}/?v=10", discord.gateway_url()))
        .await
        .unwrap();
    let hello = ws.next().await.unwrap().unwrap();
    let hello: serde_json::Value = serde_json::from_str(hello.to_text().unwrap()).unwrap();
    assert_eq!(hello["op"], 10);
    assert!(hello["d"]["heartbeat_interval"].as_u64().unwrap() > 0);
    let identify = json!({"op": 2, "d": {"token": "Bot wrong-token", "intents": 1,
        "properties": {"os": "linux", "browser": "t", "device": "t"}}});
    ws.send(Message::Text(identify.to_string())).await.unwrap();
    let closed = ws.next().await.unwrap().unwrap();
    match closed {
        Message::Close(Some(frame)) => assert_eq!(u16::from(frame.code), 4004),
        other => panic!("expected close 4004, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn privileged_intents_need_permission() {
    let discord = start_emulator().await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("{}/?v=10", discord.gateway_url()))
        .await
        .unwrap();
    let _hello = ws.next().await.unwrap().unwrap();
    let message_content = 1 << 15;
    let identify = json!({"op": 2, "d": {"token": format!("Bot {}", discord.bot_token()),
        "intents": message_content, "properties": {"os": "linux", "browser": "t", "device": "t"}}});
    ws.send(Message::Text(identify.to_string())).await.unwrap();
    match ws.next().await.unwrap().unwrap() {
        Message::Close(Some(frame)) => assert_eq!(u16::from(frame.code), 4014),
        other => panic!("expected close 4014, got {other:?}"),
    }
}

/// Identifies on a new gateway connection with `shard` (JSON); the first frame after it.
async fn identify_shard(discord: &discord_emulator::Emulator, shard: serde_json::Value) -> Message {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("{}/?v=10", discord.gateway_url()))
        .await
        .unwrap();
    let _hello = ws.next().await.unwrap().unwrap();
    let identify = json!({"op": 2, "d": {"token": format!("Bot {}", discord.bot_token()),
        "intents": 1, "shard": shard, "properties": {"os": "linux", "browser": "t", "device": "t"}}});
    ws.send(Message::Text(identify.to_string())).await.unwrap();
    ws.next().await.unwrap().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_get_their_guilds_and_invalid_shard_settings_are_closed() {
    let discord = start_emulator().await;
    discord.set_recommended_shards(2);
    let guild = discord.add_guild("Acme");
    let http = http_for(&discord);
    let gateway = http.get_bot_gateway().await.unwrap();
    assert_eq!(gateway.shards, 2);
    for bad in [json!([2, 2]), json!([0, 0]), json!([1]), json!("0/2")] {
        match identify_shard(&discord, bad.clone()).await {
            Message::Close(Some(frame)) => assert_eq!(u16::from(frame.code), 4010, "{bad}"),
            other => panic!("{bad}: expected close 4010, got {other:?}"),
        }
    }
    // READY names the shard and lists only the guilds Discord routes to it.
    let mine = discord_emulator::state::State::shard_of(guild, 2);
    for id in 0..2u32 {
        let Message::Text(ready) = identify_shard(&discord, json!([id, 2])).await else {
            panic!("shard {id}: no READY");
        };
        let ready: serde_json::Value = serde_json::from_str(&ready).unwrap();
        assert_eq!(ready["t"], "READY");
        assert_eq!(ready["d"]["shard"], json!([id, 2]));
        let listed = ready["d"]["guilds"].as_array().unwrap().len();
        assert_eq!(listed, usize::from(id == mine), "shard {id}");
    }
    // A shard that would hold more guilds than Discord allows must be split further.
    discord.set_max_guilds_per_shard(0);
    match identify_shard(&discord, json!([mine, 2])).await {
        Message::Close(Some(frame)) => assert_eq!(u16::from(frame.code), 4011),
        other => panic!("expected close 4011, got {other:?}"),
    }
    // A test can ask for a guild on a given shard.
    for k in 0..6u32 {
        let g = discord.add_guild_on_shard(&format!("Team {k}"), k % 3, 3);
        assert_eq!(discord_emulator::state::State::shard_of(g, 3), k % 3);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_answers_followups_uploads_threads_and_dms() {
    let discord = start_emulator().await;
    let Invoked {
        http,
        id,
        token,
        channel,
        member,
    } = invoked_command(&discord, "report").await;
    // Defer ephemerally, then fill in @original and add a followup with a file (multipart).
    http.create_interaction_response(
        serenity::InteractionId::new(id),
        &token,
        &json!({"type": 5, "data": {"flags": 64}}),
        vec![],
    )
    .await
    .unwrap();
    http.edit_original_interaction_response(&token, &json!({"content": "Your report"}), vec![])
        .await
        .unwrap();
    let file =
        serenity::CreateAttachment::bytes(b"metric,value\nanswers,3\n".to_vec(), "report.csv");
    http.create_followup_message(&token, &json!({"content": "CSV attached"}), vec![file])
        .await
        .unwrap();
    let reply = discord.reply(id).await.unwrap();
    assert_eq!(reply.callback_type, 5);
    let original = reply.message.unwrap();
    assert_eq!(original.content, "Your report");
    assert!(original.is_ephemeral());
    let followups = discord.followups(id);
    assert_eq!(followups.len(), 1);
    assert_eq!(followups[0].attachments[0].filename, "report.csv");
    assert_eq!(
        followups[0].attachments[0].data,
        b"metric,value\nanswers,3\n"
    );
    // A second callback is refused like Discord does.
    let again = http
        .create_interaction_response(
            serenity::InteractionId::new(id),
            &token,
            &json!({"type": 4, "data": {"content": "again"}}),
            vec![],
        )
        .await
        .unwrap_err();
    assert_eq!(status_of(&again), Some(400));
    discord.clear_violations();

    // A thread from a message, and a DM channel.
    let c = serenity::ChannelId::new(channel);
    let question = c.say(&http, "How do I rotate a password?").await.unwrap();
    let thread = c
        .create_thread_from_message(
            &http,
            question.id,
            serenity::CreateThread::new("Q: passwords"),
        )
        .await
        .unwrap();
    assert_eq!(thread.parent_id, Some(c));
    thread
        .id
        .say(&http, "An expert will answer here")
        .await
        .unwrap();
    assert_eq!(discord.messages_in(thread.id.get()).len(), 1);
    let dm = serenity::UserId::new(member)
        .create_dm_channel(&http)
        .await
        .unwrap();
    dm.id.say(&http, "3 reviews are due").await.unwrap();
    assert_eq!(
        discord.messages_in(dm.id.get())[0].content,
        "3 reviews are due"
    );
    crate::common::assert_no_violations(&discord);
}
