//! Setting up the demo server the way an admin would, with slash commands: time zone, starter
//! content, the Q&A and admin channels, role tracks, teams, experts and the schedules; the
//! members who want reviews by DM say so with `/reinforce` and everyone joins the peer
//! pairings (`/pairing on`); last, the admin starts a randomized holdout (`/experiment
//! start`), so the report can say what the reviews caused.

use super::cast::{Reminders, TEAMS, TRACKS};
use super::world::{World, TIMEZONE};
use anyhow::bail;
use serde_json::{json, Value};

/// The schedules: (kind, cron, channel is the admins' channel).
pub const SCHEDULES: [(&str, &str, bool); 6] = [
    ("reinforcement", "0 8 * * MON-FRI", false),
    ("quiz", "0 9 * * MON-FRI", false),
    ("tip", "0 14 * * MON-FRI", false),
    ("leaderboard", "30 17 * * FRI", false),
    ("digest", "30 8 * * MON", true),
    ("pairing", "0 10 * * MON", false),
];

/// The share of members the experiment holds out of reviews, in percent.
pub const HOLDOUT_PERCENT: u32 = 25;

/// Runs every admin command and each member's `/reinforce` choice; fails if the bot turns
/// any of them down. `weeks` is how long the experiment runs.
pub async fn configure(world: &mut World, weeks: u32) -> anyhow::Result<()> {
    world
        .transcript
        .heading("Setting up the server (the admin, grace)");
    let (admin, channel) = (world.admin, world.channels.admins);
    let steps = admin_steps(world);
    for (command, options, expect) in steps {
        let reply = world
            .command(admin, channel, command, &options, false)
            .await?;
        let text = reply.to_text();
        if !text.contains(expect) {
            bail!("setting up the demo, /{command} did not work: the bot said {text:?}");
        }
    }
    world
        .transcript
        .heading("Members choose how they get reviews");
    let choices: Vec<(u64, &str)> = world
        .people
        .iter()
        .filter_map(|p| match p.reminders {
            Reminders::Channel => None,
            Reminders::Dm => Some((p.user, "dm")),
        })
        .collect();
    for (user, mode) in choices {
        let options = [("mode", json!(mode))];
        let channel = world.channels.learning;
        let reply = world
            .command(user, channel, "reinforce", &options, false)
            .await?;
        if reply.buttons().is_empty() && reply.content.is_empty() {
            bail!("setting up the demo, /reinforce {mode} got no answer");
        }
    }
    world.transcript.heading("Members join the peer pairings");
    let everyone: Vec<u64> = world.people.iter().map(|p| p.user).collect();
    for user in everyone {
        let channel = world.channels.learning;
        let options = [("mode", json!("on"))];
        let reply = world
            .command(user, channel, "pairing", &options, true)
            .await?;
        if !reply.content.contains("You are in") {
            bail!("setting up the demo, /pairing on got {:?}", reply.content);
        }
    }
    world
        .transcript
        .heading("The admin starts an experiment: reviews held out for a random quarter");
    let options = [
        ("topic", json!("all")),
        ("holdout", json!(HOLDOUT_PERCENT)),
        ("weeks", json!(weeks.clamp(1, 52))),
    ];
    let reply = world
        .command(admin, channel, "experiment start", &options, false)
        .await?;
    if !reply.to_text().contains("Experiment started") {
        bail!(
            "setting up the demo, /experiment start did not work: the bot said {:?}",
            reply.to_text()
        );
    }
    Ok(())
}

type Step = (&'static str, Vec<(&'static str, Value)>, &'static str);

/// The admin's commands, each with a piece of the reply that says it worked.
fn admin_steps(world: &World) -> Vec<Step> {
    let id = |x: u64| json!(x.to_string());
    let c = world.channels;
    let mut steps: Vec<Step> = vec![
        (
            "config timezone",
            vec![("zone", json!(TIMEZONE))],
            "Time zone set",
        ),
        ("content starter", vec![], "Starter pack"),
        (
            "config qa-channel",
            vec![("channel", id(c.questions))],
            "<#",
        ),
        (
            "config admin-channel",
            vec![("channel", id(c.admins))],
            "Admins are now told",
        ),
    ];
    for track in TRACKS {
        for topic in track.topics {
            steps.push((
                "track set",
                vec![
                    ("role", id(world.roles[track.role])),
                    ("topic", json!(topic)),
                ],
                "now get more practice",
            ));
        }
    }
    for team in TEAMS {
        steps.push((
            "config team-role",
            vec![("role", id(world.roles[team]))],
            "team",
        ));
    }
    for p in &world.people {
        for topic in &p.expert_in {
            steps.push((
                "expert assign",
                vec![("member", id(p.user)), ("topic", json!(topic))],
                "expert",
            ));
        }
    }
    for (kind, cron, to_admins) in SCHEDULES {
        let channel = if to_admins { c.admins } else { c.learning };
        steps.push((
            "schedule add",
            vec![
                ("kind", json!(kind)),
                ("cron", json!(cron)),
                ("channel", id(channel)),
            ],
            "Next runs",
        ));
    }
    steps
}
