//! One simulated day, in local time:
//!
//! | time  | what happens |
//! | ----- | ------------ |
//! | 08:00 | review reminders (weekdays): a channel post, DMs for those who chose them |
//! | 08:30 | the weekly digest in the admins' channel (Mondays) |
//! | 09:00 | the daily quiz (weekdays) |
//! | 09:15 | members, in a new order each day, answer the quiz, do their reviews, practise |
//! | 11:00 | some members `/ask` (weekdays) |
//! | 13:00 | pinged experts reply in the threads (most of them) |
//! | 14:00 | a tip (weekdays) |
//! | 15:30 | the rest reply, or the expert the question was escalated to at 15:00 |
//! | 17:00 | askers mark the reply that helped |
//! | 17:30 | the week's board (Fridays) |
//!
//! Every answer is chosen by the person's hidden memory ([`super::learner`]); then they read
//! the feedback and learn from it.

use super::cast::Reminders;
use super::qa::{Asked, Desk};
use super::script::NEEDS;
use super::world::World;
use crate::dice::SplitMix64;
use crate::domain::custom_id::ComponentId;
use anyhow::Context as _;
use chrono::{Datelike, Weekday};
use discord_emulator::PostedMessage;

/// What a day's activity added up to, as the simulation saw it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    pub quiz: u32,
    pub review: u32,
    pub practice: u32,
    pub asked: u32,
    pub deflected: u32,
    pub resolved: u32,
    /// Self-grades on flashcards (not answers: they are not stored as such).
    pub card_grades: u32,
    /// Questions followed instead of asked again.
    pub followed: u32,
    /// Pairing DMs the learners answered ("We talked" or "Skip").
    pub pairings_answered: u32,
}

impl std::ops::AddAssign for Activity {
    fn add_assign(&mut self, o: Activity) {
        self.quiz += o.quiz;
        self.review += o.review;
        self.practice += o.practice;
        self.asked += o.asked;
        self.deflected += o.deflected;
        self.resolved += o.resolved;
        self.card_grades += o.card_grades;
        self.followed += o.followed;
        self.pairings_answered += o.pairings_answered;
    }
}

/// The chance that a member asks something on a working day.
const ASK_CHANCE: f64 = 0.02;

/// Lives day `n`.
pub async fn live(
    world: &mut World,
    n: u32,
    rng: &mut SplitMix64,
    desk: &mut Desk,
) -> anyhow::Result<Activity> {
    let mut done = Activity::default();
    let weekday = !matches!(world.date(n).weekday(), Weekday::Sat | Weekday::Sun);
    let heading = format!("Day {}: {}", n + 1, world.date(n).format("%A %-d %B %Y"));
    world.transcript.heading(&heading);
    let morning = world.mark();
    world.at(n, 8, 0).await?;
    world.at(n, 8, 30).await?;
    world.at(n, 9, 0).await?;
    let posts = world.bot_posts_after(world.channels.learning, morning);
    let quiz = posts.iter().rev().find(|m| is_quiz(m)).cloned();
    let reminder = posts.iter().rev().find(|m| is_reminder(m)).cloned();
    for post in &posts {
        let (when, text) = (world.now_label(), world.readable(&post.to_text()));
        world.transcript.post(&when, "daily-learning", &text);
    }

    world.at(n, 9, 15).await?;
    let mut order: Vec<usize> = (0..world.people.len()).collect();
    rng.shuffle(&mut order);
    for &i in &order {
        let (user, diligence, reminders) = {
            let p = &world.people[i];
            if p.drifts_away_on.is_some_and(|d| n >= d) {
                continue;
            }
            (p.user, p.learner.profile.diligence, p.reminders)
        };
        if !weekday {
            if rng.chance(0.1 * diligence) {
                let (answered, graded) = practise(world, rng, i).await?;
                done.practice += answered;
                done.card_grades += graded;
            }
            continue;
        }
        if let Some(quiz) = &quiz {
            if rng.chance(diligence) {
                let feedback = answer(world, rng, i, quiz).await?;
                done.quiz += 1;
                // "One more?": a knowledge check, taken as diligently as the rest.
                if let Some((_, feedback)) = feedback {
                    if let Some(more) = feedback
                        .buttons()
                        .iter()
                        .position(|(_, l)| l.starts_with("One more?"))
                    {
                        if rng.chance(diligence) {
                            let card = world.click(user, &feedback, more, true).await?;
                            if answer(world, rng, i, &card).await?.is_some() {
                                done.practice += 1;
                            }
                        }
                    }
                }
            }
        }
        let my_reminder = match reminders {
            Reminders::Channel => reminder.clone(),
            Reminders::Dm => world.discord.dm_channel_of(user).and_then(|dm| {
                world
                    .bot_posts_after(dm, morning)
                    .into_iter()
                    .rev()
                    .find(is_reminder)
            }),
        };
        if let Some(r) = my_reminder {
            if rng.chance(diligence) {
                let (answered, graded) = review(world, rng, i, &r).await?;
                done.review += answered;
                done.card_grades += graded;
            }
        }
        if rng.chance(0.3 * diligence) {
            let (answered, graded) = practise(world, rng, i).await?;
            done.practice += answered;
            done.card_grades += graded;
        }
    }

    // 10:00 (the pairing schedule runs on Mondays): a learner who got a pairing DM usually
    // has the chat.
    let before_pairing = world.mark();
    world.at(n, 10, 0).await?;
    for &i in &order {
        let user = world.people[i].user;
        let Some(dm) = world.discord.dm_channel_of(user) else {
            continue;
        };
        for post in world.bot_posts_after(dm, before_pairing) {
            let buttons = post.buttons();
            let Some(talked) = buttons.iter().position(|(_, l)| l == "We talked") else {
                continue;
            };
            if !post.content.contains("You are brushing up") {
                continue;
            }
            let button = if rng.chance(0.7) { talked } else { talked + 1 };
            world.click(user, &post, button, true).await?;
            done.pairings_answered += 1;
        }
    }
    if weekday {
        world.at(n, 11, 0).await?;
        for &i in &order {
            let showcase = n == 0 && i == 0;
            if !(showcase || rng.chance(ASK_CHANCE)) {
                continue;
            }
            let need = if showcase {
                first_need_for(world, i)
            } else {
                rng.below(NEEDS.len() as u64) as usize
            };
            let user = world.people[i].user;
            done.asked += 1;
            match desk.ask(world, rng, user, need, showcase).await? {
                Asked::Deflected => done.deflected += 1,
                Asked::Followed => done.followed += 1,
                Asked::Routed | Asked::Unrouted => {}
            }
        }
    }
    world.at(n, 13, 0).await?;
    desk.experts_reply(world, rng, 0.65, false).await?;
    world.at(n, 14, 0).await?;
    world.at(n, 15, 0).await?;
    world.at(n, 15, 30).await?;
    desk.experts_reply(world, rng, 0.85, true).await?;
    world.at(n, 17, 0).await?;
    done.resolved += desk.askers_mark(world, rng, 0.85).await? as u32;
    world.at(n, 17, 30).await?;
    world.at(n, 23, 0).await?;
    Ok(done)
}

/// A channel quiz: buttons that answer it.
fn is_quiz(m: &PostedMessage) -> bool {
    m.buttons()
        .iter()
        .any(|(id, _)| matches!(ComponentId::parse(id), Some(ComponentId::QuizAnswer { .. })))
}

fn is_reminder(m: &PostedMessage) -> bool {
    m.buttons().iter().any(|(_, l)| l == "Start my review")
}

/// The first scripted need on a topic the person is not an expert in (they would not ask).
fn first_need_for(world: &World, i: usize) -> usize {
    let p = &world.people[i];
    NEEDS
        .iter()
        .position(|n| !p.expert_in.contains(&n.topic))
        .unwrap_or(0)
}

/// Member `i` answers a question card the way their memory lets them, then learns from the
/// feedback. Returns whether they were right (None if the card is not a question they know).
async fn answer(
    world: &mut World,
    rng: &mut SplitMix64,
    i: usize,
    card: &PostedMessage,
) -> anyhow::Result<Option<(bool, PostedMessage)>> {
    let Some(q) = world.key.identify(card).cloned() else {
        return Ok(None);
    };
    let day = world.day_number();
    let p = world.people[i].learner.chance_right(&q.id, day, q.choices);
    let right = rng.chance(p);
    let button = if right {
        q.correct
    } else {
        let wrong = rng.below(q.choices as u64 - 1) as usize;
        if wrong >= q.correct {
            wrong + 1
        } else {
            wrong
        }
    };
    let user = world.people[i].user;
    let feedback = world.click(user, card, button, true).await?;
    world.people[i].learner.study(&q.id, day, right);
    Ok(Some((right, feedback)))
}

/// Member `i` shows a flashcard's answer and grades it: "I knew it" with the chance their
/// hidden memory of it gives (no guessing on a self-grade), then learns from the back. `None`
/// when `card` is not a flashcard.
async fn grade_flashcard(
    world: &mut World,
    rng: &mut SplitMix64,
    i: usize,
    card: &PostedMessage,
) -> anyhow::Result<Option<(bool, PostedMessage)>> {
    let buttons = card.buttons();
    let Some((show, id)) =
        buttons
            .iter()
            .enumerate()
            .find_map(|(n, (id, _))| match ComponentId::parse(id) {
                Some(ComponentId::CardShow { card, .. }) => Some((n, card)),
                _ => None,
            })
    else {
        return Ok(None);
    };
    let key = crate::domain::cards::memory_key(id);
    let user = world.people[i].user;
    let back = world.click(user, card, show, true).await?;
    let day = world.day_number();
    let knew = rng.chance(world.people[i].learner.recall(&key, day));
    let label = if knew { "I knew it" } else { "Not yet" };
    let grade = back
        .buttons()
        .iter()
        .position(|(_, l)| l == label)
        .context("a flashcard's back offers both grades")?;
    let feedback = world.click(user, &back, grade, true).await?;
    world.people[i].learner.study(&key, day, knew);
    Ok(Some((knew, feedback)))
}

/// What a member did with a personal item: answered a question or graded a flashcard.
enum Done {
    Answered(PostedMessage),
    Graded(PostedMessage),
}

impl Done {
    fn feedback(&self) -> &PostedMessage {
        match self {
            Done::Answered(m) | Done::Graded(m) => m,
        }
    }
}

/// A question or a flashcard, as the member meets it.
async fn take(
    world: &mut World,
    rng: &mut SplitMix64,
    i: usize,
    card: &PostedMessage,
) -> anyhow::Result<Option<Done>> {
    if let Some((_, back)) = grade_flashcard(world, rng, i, card).await? {
        return Ok(Some(Done::Graded(back)));
    }
    Ok(answer(world, rng, i, card)
        .await?
        .map(|(_, feedback)| Done::Answered(feedback)))
}

/// Counts what was done: `(questions answered, flashcards graded)`.
fn tally(counts: &mut (u32, u32), done: &Done) {
    match done {
        Done::Answered(_) => counts.0 += 1,
        Done::Graded(_) => counts.1 += 1,
    }
}

/// A review session from a reminder: every question and flashcard it brings, until it says
/// it is done. Returns how many questions were answered and flashcards graded.
async fn review(
    world: &mut World,
    rng: &mut SplitMix64,
    i: usize,
    reminder: &PostedMessage,
) -> anyhow::Result<(u32, u32)> {
    let user = world.people[i].user;
    let mut card = world.click(user, reminder, 0, true).await?;
    let mut counts = (0, 0);
    while let Some(done) = take(world, rng, i, &card).await? {
        tally(&mut counts, &done);
        let feedback = done.feedback().clone();
        let Some(next) = feedback
            .buttons()
            .iter()
            .position(|(_, l)| l == "Next question")
        else {
            break;
        };
        card = world.click(user, &feedback, next, true).await?;
    }
    Ok(counts)
}

/// One or two `/quiz` practice questions (or flashcards).
async fn practise(world: &mut World, rng: &mut SplitMix64, i: usize) -> anyhow::Result<(u32, u32)> {
    let user = world.people[i].user;
    let mut counts = (0, 0);
    for _ in 0..1 + rng.below(2) {
        let channel = world.channels.learning;
        let card = world.command(user, channel, "quiz", &[], true).await?;
        if let Some(done) = take(world, rng, i, &card).await? {
            tally(&mut counts, &done);
        }
    }
    Ok(counts)
}
