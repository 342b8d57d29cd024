//! One tracing span per gateway event the bot acts on, so that the log lines of concurrent
//! clicks and commands can be told apart: every line logged while an interaction is handled
//! carries its guild, user and interaction id, and the command or button.
//!
//! poise's framework is wrapped rather than each command, so that no handler can forget it.

use poise::serenity_prelude as serenity;
use tracing::Instrument as _;

/// poise's framework, each event dispatched inside its span.
pub struct Traced<F>(pub F);

#[serenity::async_trait]
impl<F: serenity::Framework> serenity::Framework for Traced<F> {
    async fn init(&mut self, client: &serenity::Client) {
        self.0.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let span = span_of(&event);
        self.0.dispatch(ctx, event).instrument(span).await;
    }
}

/// The span of an event: interactions name their guild, user, id and what was used; messages
/// their guild, channel and author; other events are not traced on their own.
fn span_of(event: &serenity::FullEvent) -> tracing::Span {
    use serenity::{FullEvent, Interaction};
    let FullEvent::InteractionCreate { interaction } = event else {
        if let FullEvent::Message { new_message: m } = event {
            return tracing::info_span!(
                "message",
                guild = m.guild_id.map(|g| g.get()),
                channel = m.channel_id.get(),
                user = m.author.id.get(),
            );
        }
        return tracing::Span::none();
    };
    let (kind, what) = match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => ("command", c.data.name.clone()),
        Interaction::Component(c) => ("component", c.data.custom_id.clone()),
        Interaction::Modal(m) => ("modal", m.data.custom_id.clone()),
        _ => ("interaction", String::new()),
    };
    let (guild, user) = match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => (c.guild_id, c.user.id),
        Interaction::Component(c) => (c.guild_id, c.user.id),
        Interaction::Modal(m) => (m.guild_id, m.user.id),
        _ => (None, serenity::UserId::new(1)),
    };
    tracing::info_span!(
        "interaction",
        id = interaction.id().get(),
        kind,
        what,
        guild = guild.map(|g| g.get()),
        user = user.get(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::{Arc, Mutex};

    /// A writer that keeps what the log subscriber wrote.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_command_is_logged_inside_a_span_naming_its_guild_user_and_id() {
        let interaction: serenity::Interaction = serde_json::from_value(json!({
            "id": "111",
            "application_id": "2",
            "type": 2,
            "data": {"id": "3", "name": "quiz", "type": 1},
            "guild_id": "444",
            "channel_id": "5",
            "member": {
                "user": {"id": "666", "username": "ada", "discriminator": "0", "global_name": null, "avatar": null},
                "roles": [], "joined_at": "2026-11-23T07:00:00.000Z", "deaf": false, "mute": false,
                "flags": 0, "permissions": "0"
            },
            "token": "t",
            "version": 1,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": "0",
            "entitlements": [],
            "authorizing_integration_owners": {"0": "444"},
            "context": 0,
            "attachment_size_limit": 10485760
        }))
        .expect("a command interaction as Discord sends it");
        let event = serenity::FullEvent::InteractionCreate { interaction };
        let out = Captured::default();
        let writer = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            let _inside = span_of(&event).entered();
            tracing::info!("answered");
        });
        let log = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert!(
            log.contains(r#"interaction{id=111 kind="command" what="quiz" guild=444 user=666}"#),
            "{log}"
        );
    }
}
