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
