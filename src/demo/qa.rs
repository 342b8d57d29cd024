//! The simulated team's questions: asking with `/ask`, reading the knowledge base's matches
//! (a match that contains what they needed solves it), experts replying in the thread the bot
//! pinged them in, and askers marking the reply that helped.

use super::cast::TRACKS;
use super::script::NEEDS;
use super::world::World;
use crate::dice::SplitMix64;
use crate::domain::ids::ChannelId;
use anyhow::Context as _;
use discord_emulator::PostedMessage;
use serde_json::json;
use std::time::Duration;

/// A question waiting in a thread.
#[derive(Debug, Clone)]
struct Waiting {
    asker: u64,
    need: usize,
    thread: u64,
    /// The expert's reply, once written.
    reply: Option<u64>,
    /// The run's first question: it goes through the whole loop the same day.
    showcase: bool,
}

/// What the team has asked so far.
#[derive(Debug, Default)]
pub struct Desk {
    asked: Vec<bool>,
    waiting: Vec<Waiting>,
}

/// How a question went at first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The knowledge base had the answer.
    Deflected,
    /// A thread was opened (for an expert, or for anyone when none is available).
    Routed,
    /// The same question was open in a thread: they followed it.
    Followed,
    /// No thread could be opened.
    Unrouted,
}

impl Desk {
    pub fn new() -> Desk {
        Desk {
            asked: vec![false; NEEDS.len()],
            waiting: vec![],
        }
    }

    /// `asker` asks about `need` (the second phrasing if someone asked before); reads the
    /// matches the bot shows, follows the same question when it is already open, and asks
    /// for an expert when neither has what they need.
    pub async fn ask(
        &mut self,
        world: &mut World,
        rng: &mut SplitMix64,
        asker: u64,
        need: usize,
        showcase: bool,
    ) -> anyhow::Result<Asked> {
        let n = NEEDS[need];
        let text = if self.asked[need] { n.again } else { n.first };
        self.asked[need] = true;
        let mut options = vec![("question", json!(text))];
        if rng.chance(0.7) {
            options.push(("topic", json!(n.topic)));
        }
        let channel = world.channels.learning;
        let mut reply = world
            .command(asker, channel, "ask", &options, false)
            .await?;
        let buttons = reply.buttons();
        if let Some(helped) = buttons.iter().position(|(_, l)| l == "That solved it") {
            if reply.to_text().contains(n.key) {
                world.click(asker, &reply, helped, false).await?;
                return Ok(Asked::Deflected);
            }
        }
        if let Some(follow) = buttons
            .iter()
            .position(|(_, l)| l == "Follow that question")
        {
            let before = world.click(asker, &reply, follow, false).await?;
            edited(world, &before).await?;
            return Ok(Asked::Followed);
        }
        if buttons.iter().any(|(_, l)| l == "I still need help") {
            let more = buttons
                .iter()
                .position(|(_, l)| l == "I still need help")
                .context("the matches offer no way to an expert")?;
            let before = world.click(asker, &reply, more, false).await?;
            // The click is acknowledged first; the message is edited once the thread is open.
            reply = edited(world, &before).await?;
        }
        match thread_in(&reply) {
            Some(thread) => {
                self.waiting.push(Waiting {
                    asker,
                    need,
                    thread,
                    reply: None,
                    showcase,
                });
                Ok(Asked::Routed)
            }
            None => Ok(Asked::Unrouted),
        }
    }

    /// Experts pinged in a waiting thread reply, each with probability `p` (always for the
    /// showcase question). With `volunteers` (the afternoon round), a colleague who works on
    /// the real topic (else an expert on it) who saw the thread replies instead, also where the
    /// bot could ping nobody.
    pub async fn experts_reply(
        &mut self,
        world: &mut World,
        rng: &mut SplitMix64,
        p: f64,
        volunteers: bool,
    ) -> anyhow::Result<()> {
        for i in 0..self.waiting.len() {
            let w = self.waiting[i].clone();
            if w.reply.is_some() {
                continue;
            }
            let pinged = pinged_expert(world, w.thread, w.asker);
            // A colleague who works on the topic (it is on their role's track) answers, else
            // an expert on it.
            let topic = NEEDS[w.need].topic;
            let volunteer = || {
                let others = || world.people.iter().filter(|p| p.user != w.asker);
                others()
                    .find(|p| {
                        TRACKS[p.track].topics.contains(&topic) && !p.expert_in.contains(&topic)
                    })
                    .or_else(|| others().find(|p| p.expert_in.contains(&topic)))
                    .map(|p| p.user)
            };
            // In the afternoon round a colleague who saw the thread may answer before the
            // pinged expert does.
            let answerer = match volunteers {
                true => volunteer().or(pinged),
                false => pinged,
            };
            let Some(expert) = answerer else {
                continue;
            };
            if !(w.showcase || rng.chance(p)) {
                continue;
            }
            let message = world.say(expert, w.thread, NEEDS[w.need].answer);
            self.waiting[i].reply = Some(message);
            wait_until_noticed(world, w.thread).await?;
        }
        Ok(())
    }

    /// Askers mark the reply that helped, each with probability `p`. Returns how many did.
    pub async fn askers_mark(
        &mut self,
        world: &mut World,
        rng: &mut SplitMix64,
        p: f64,
    ) -> anyhow::Result<usize> {
        let mut marked = 0;
        let mut still = Vec::new();
        for w in std::mem::take(&mut self.waiting) {
            let open = world
                .store
                .ask_by_thread(ChannelId(w.thread))
                .await?
                .is_some_and(|a| a.state == crate::domain::asks::AskState::Open);
            match w.reply {
                _ if !open => {} // closed meanwhile (abandoned after too long)
                Some(reply) if w.showcase || rng.chance(p) => {
                    world.mark_as_answer(w.asker, reply).await?;
                    marked += 1;
                }
                _ => still.push(w),
            }
        }
        self.waiting = still;
        Ok(marked)
    }
}

/// `message` once the bot has edited it.
async fn edited(world: &World, message: &PostedMessage) -> anyhow::Result<PostedMessage> {
    for _ in 0..2_000 {
        if let Some(now) = world.discord.message(message.id) {
            if now.content != message.content || now.embeds != message.embeds {
                return Ok(now);
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    anyhow::bail!(
        "the bot did not update message {} after the click",
        message.id
    )
}

/// The thread a routing answer points to (`<#id>`).
pub(super) fn thread_in(reply: &PostedMessage) -> Option<u64> {
    let text = &reply.content;
    let start = text.find("<#")? + 2;
    let end = start + text[start..].find('>')?;
    text[start..end].parse().ok()
}

/// The member the bot most recently pinged in a thread (the assigned expert), not the asker.
fn pinged_expert(world: &World, thread: u64, asker: u64) -> Option<u64> {
    let bot = world.discord.bot_user_id();
    world
        .discord
        .messages_in(thread)
        .iter()
        .rev()
        .filter(|m| m.author_id == bot)
        .flat_map(|m| m.pinged.users.clone())
        .find(|u| *u != asker && world.people.iter().any(|p| p.user == *u))
}

/// Waits until the bot has stored the expert's reply (it arrives as a gateway event), so the
/// clock never moves past an escalation the reply should have prevented.
async fn wait_until_noticed(world: &World, thread: u64) -> anyhow::Result<()> {
    for _ in 0..2_000 {
        let noticed = world
            .store
            .ask_by_thread(ChannelId(thread))
            .await?
            .is_some_and(|a| a.first_response_ms.is_some());
        if noticed {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    anyhow::bail!("the bot did not notice the expert's reply in thread {thread}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_is_read_from_the_routing_answer() {
        let m = PostedMessage {
            content: "I asked <@5> in <#123456>; you will be told.".into(),
            ..Default::default()
        };
        assert_eq!(thread_in(&m), Some(123456));
        let none = PostedMessage {
            content: "Nobody is available".into(),
            ..Default::default()
        };
        assert_eq!(thread_in(&none), None);
    }
}
