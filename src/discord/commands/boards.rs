//! `/leaderboard` and `/stats`: boards for everyone, a member's own stats (admins: anyone's).

use super::schedule::autocomplete_topic;
use super::{guild_of, lang_of, respond, user_of};
use crate::app::boards::{BoardBy, BoardKind, BoardRequest};
use crate::discord::{Context, Error};
use crate::domain::ids::UserId;
use crate::domain::periods::Period;
use poise::serenity_prelude as serenity;

/// A board period.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum PeriodChoice {
    #[name = "week"]
    Week,
    #[name = "month"]
    Month,
    #[name = "season"]
    Season,
    #[name = "all"]
    All,
}

impl From<PeriodChoice> for Period {
    fn from(p: PeriodChoice) -> Period {
        match p {
            PeriodChoice::Week => Period::Week,
            PeriodChoice::Month => Period::Month,
            PeriodChoice::Season => Period::Season,
            PeriodChoice::All => Period::All,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ByChoice {
    #[name = "member"]
    Member,
    #[name = "team"]
    Team,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum BoardChoice {
    #[name = "points"]
    Points,
    #[name = "most improved"]
    Improved,
}

/// Shows the top 10 and your own place, by points or most improved (only you see it)
#[poise::command(slash_command, guild_only)]
pub async fn leaderboard(
    ctx: Context<'_>,
    period: Option<PeriodChoice>,
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 40]
    topic: Option<String>,
    by: Option<ByChoice>,
    board: Option<BoardChoice>,
) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let request = BoardRequest {
        guild,
        caller: user_of(ctx),
        period: period.map_or(Period::Week, Period::from),
        topic: topic.as_deref(),
        by: match by {
            Some(ByChoice::Team) => BoardBy::Team,
            _ => BoardBy::Member,
        },
        kind: match board {
            Some(BoardChoice::Improved) => BoardKind::Improved,
            _ => BoardKind::Points,
        },
        lang: lang_of(ctx),
    };
    respond(ctx, ctx.data().app.leaderboard(request).await).await
}

/// Shows your answers, accuracy trend, streak, mastery, points and help, with a chart
#[poise::command(slash_command, guild_only)]
pub async fn stats(ctx: Context<'_>, member: Option<serenity::User>) -> Result<(), Error> {
    let guild = guild_of(ctx)?;
    let viewer = user_of(ctx);
    let member = member.map_or(viewer, |m| UserId(m.id.get()));
    // Drawing the chart takes a moment: answer within Discord's 3 seconds.
    ctx.defer_ephemeral().await?;
    let is_admin = super::admin::invoker_is_admin(ctx);
    respond(
        ctx,
        ctx.data()
            .app
            .stats(guild, viewer, member, is_admin, lang_of(ctx))
            .await,
    )
    .await
}
