//! `/ask`: the knowledge base first, then a peer expert in a thread, escalation when nobody
//! answers, and the accepted answer turned into knowledge.
//!
//! 1. [`App::ask`] records the question and shows the best knowledge-base matches with "That
//!    solved it" / "I still need help" (answers past their verification's grace period are not
//!    offered); a very similar question still open gets "Follow that question"
//!    ([`App::ask_follow`]) instead of a second thread. Nothing of either: straight to step 2.
//! 2. [`App::ask_route`] picks the topic and the expert (`domain::routing`), opens a thread in
//!    the Q&A channel and pings only that expert; nobody available → the admins are told.
//! 3. [`App::run_ask_follow_ups`] (from the scheduler) escalates to the next expert when the
//!    assigned one has not replied in time, tells the admins after the last escalation,
//!    reminds the asker once, and closes questions nobody resolved.
//! 4. [`App::accept_answer`] ("Mark as answer", `/resolve`) saves the answer to the knowledge
//!    base, gives its author points, and makes it a card for the asker and the followers (see
//!    `domain::cards`); "That solved it" gives the best answer's card to that asker too.

use super::knowledge::{describe_hits, Shown};
use super::message::{colours, Button, Embed, OutMessage, Style};
use super::{refuse, App, AppResult};
use crate::app::port::ChatPort;
use crate::domain::asks::{
    AskRow, AskState, FollowUp, QueuedPost, Resolution, ResolveOutcome, Routing,
};
use crate::domain::custom_id::ComponentId;
use crate::domain::expertise::Evidence;
use crate::domain::format::{fit, one_line};
use crate::domain::guilds::QaSettings;
use crate::domain::ids::KbId;
use crate::domain::ids::{ChannelId, GuildId, UserId};
use crate::domain::knowledge::{similarity, terms, KbKind, DUPLICATE_SIMILARITY};
use crate::domain::limits::{EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, MESSAGE_MAX, THREAD_NAME_MAX};
use crate::domain::routing::{classify, rank, Candidate, GENERAL};
use crate::domain::verification::Standing;
use tracing::Instrument as _;

/// The longest question `/ask` takes (the option's limit on Discord is the same).
pub const ASK_MAX_CHARS: usize = 1000;
/// The longest answer saved from a reply (Discord messages hold 2,000 characters).
const ANSWER_MAX_CHARS: usize = MESSAGE_MAX;
/// Content matches considered when guessing a question's topic.
const TOPIC_EVIDENCE: usize = 10;

/// A reply a member picked as the answer, as the Discord adapter read it.
#[derive(Debug, Clone)]
pub struct PickedReply {
    pub channel: ChannelId,
    pub author: UserId,
    pub author_is_bot: bool,
    pub text: String,
}

/// What to do after a question was resolved: show `announcement` in the thread, then rename
/// the thread to `closed_name` and archive it.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub announcement: OutMessage,
    /// The question's thread (always known for a question resolved in its thread).
    pub thread: Option<ChannelId>,
    pub closed_name: String,
}

/// A thread's name for a question: its first line, fitted to Discord's limit.
pub fn thread_name(question: &str) -> String {
    let line = one_line(question);
    fit(&line, THREAD_NAME_MAX)
}

/// The name of a resolved question's thread.
pub fn closed_thread_name(question: &str) -> String {
    format!("✅ {}", fit(&thread_name(question), THREAD_NAME_MAX - 2))
}

/// Who routing asked, and why when they are not enrolled.
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    user: UserId,
    /// For an inferred expert: their expertise, in words.
    inferred: Option<String>,
}

impl Asked {
    fn enrolled(user: u64) -> Asked {
        Asked {
            user: UserId(user),
            inferred: None,
        }
    }

    /// How the ping addresses them.
    fn why(&self, topic: &str) -> String {
        match &self.inferred {
            None => format!("you are an expert on **{topic}**"),
            Some(why) => format!(
                "you know **{topic}** well ({why}), and no enrolled expert is free (`/expert suggest off` stops these)"
            ),
        }
    }
}

fn payload(m: &OutMessage) -> String {
    super::quiz::Post::message_payload(m.clone())
}

impl App {
    /// `/ask question [topic]`: records the question and answers from the knowledge base, or
    /// routes it to an expert when nothing matches.
    pub async fn ask<P: ChatPort>(
        &self,
        port: &P,
        guild: GuildId,
        asker: UserId,
        text: &str,
        topic: Option<&str>,
    ) -> AppResult<OutMessage> {
        let text = text.trim();
        if text.chars().count() < 3 {
            return refuse("Write your question in a few words, e.g. `/ask question: How do I reset my VPN password?`");
        }
        if text.chars().count() > ASK_MAX_CHARS {
            return refuse(format!(
                "Your question is {} characters long; keep it under {ASK_MAX_CHARS} (details can follow in the thread).",
                text.chars().count()
            ));
        }
        self.ensure_content(guild).await?;
        if let Some(t) = topic {
            self.check_expert_topic(guild, t).await?;
        }
        let now = self.clock.now_ms();
        let id = self
            .store
            .create_ask(guild, asker, text, topic, now)
            .await?;
        let limit = self.settings.experts.kb_matches as usize;
        // Answers past their verification's grace period are no longer offered.
        let shown: Vec<Shown> = self
            .with_standing(self.kb_matches(guild, text, limit).await?)
            .into_iter()
            .filter(|s| !matches!(s.standing, Some((Standing::Stale, _))))
            .collect();
        let served: Vec<(KbId, bool)> = shown
            .iter()
            .filter_map(|s| match (&s.hit.kind, s.standing) {
                (KbKind::Answer { id, .. }, Some((standing, _))) => {
                    Some((*id, standing == Standing::Verified))
                }
                _ => None,
            })
            .collect();
        self.store.record_served(guild, id, &served, now).await?;
        let duplicate = self.similar_open_ask(guild, asker, text).await?;
        if shown.is_empty() && duplicate.is_none() {
            let ask = self.ask_row(guild, id).await?;
            // The topic evidence is the same search, so it is empty too.
            return self
                .route(port, &ask, "Nothing in the knowledge base matched.", &[])
                .await;
        }
        let mut buttons = Vec::new();
        if let Some(open) = &duplicate {
            buttons.push(Button {
                custom_id: ComponentId::AskFollow {
                    ask: open.id,
                    from: id,
                }
                .encode(),
                label: "Follow that question".into(),
                style: Style::Success,
                disabled: false,
            });
        }
        if !shown.is_empty() {
            buttons.push(Button {
                custom_id: ComponentId::AskSolved { ask: id }.encode(),
                label: "That solved it".into(),
                style: Style::Success,
                disabled: false,
            });
        }
        buttons.push(Button {
            custom_id: ComponentId::AskRoute { ask: id }.encode(),
            label: "I still need help".into(),
            style: Style::Primary,
            disabled: false,
        });
        let mut description = describe_hits(&shown);
        let content = match &duplicate {
            Some(open) => {
                let thread = open
                    .thread_id
                    .map(|t| format!(" in <#{t}>"))
                    .unwrap_or_default();
                description = format!(
                    "**Already asked{thread}:** {}\n-# Follow it to be told when it is answered, and get the answer in your reviews.\n\n{description}",
                    fit(&one_line(&open.text), 300)
                );
                "A colleague asked a very similar question that is still open:".to_string()
            }
            None => "The team may have answered this before:".to_string(),
        };
        Ok(OutMessage {
            content,
            embed: Some(Embed {
                title: fit(&format!("Your question: {text}"), EMBED_TITLE_MAX),
                description: fit(description.trim_end(), EMBED_DESCRIPTION_MAX),
                footer: Some("If none of this helps, an expert will be asked in a thread.".into()),
                colour: colours::TIP,
                ..Default::default()
            }),
            buttons: vec![buttons],
            ..Default::default()
        })
    }

    /// A question still open in a thread (open ones close after `experts.abandon_after_days`),
    /// asked by someone else and worded very much like `text`.
    async fn similar_open_ask(
        &self,
        guild: GuildId,
        asker: UserId,
        text: &str,
    ) -> AppResult<Option<AskRow>> {
        let lang = self.guild_lang(guild).await?;
        let words = terms(text, lang);
        let best = self
            .store
            .open_asks_of(guild)
            .await?
            .into_iter()
            .filter(|a| a.asker != asker && a.thread_id.is_some())
            .map(|a| (similarity(&words, &terms(&a.text, lang)), a))
            .filter(|(s, _)| *s >= DUPLICATE_SIMILARITY)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.id.cmp(&a.1.id)));
        Ok(best.map(|(_, a)| a))
    }

    /// "Follow that question": the member is added to the open question's thread, told when it
    /// is answered, and gets its card; their own question is closed.
    pub async fn ask_follow<P: ChatPort>(
        &self,
        port: &P,
        guild: GuildId,
        user: UserId,
        open_id: i64,
        from: i64,
    ) -> AppResult<OutMessage> {
        self.own_ask(guild, user, from).await?;
        let open = self.ask_row(guild, open_id).await?;
        let (AskState::Open, Some(thread)) = (open.state, open.thread_id) else {
            return refuse("That question is no longer open. Use \"I still need help\" to ask the team yourself.");
        };
        if !self
            .store
            .follow_ask(guild, open_id, user, from, self.clock.now_ms())
            .await?
        {
            return refuse("Your question was already settled.");
        }
        if let Err(e) = port.add_thread_member(thread, user).await {
            tracing::warn!(error = ?e, thread = %thread, "could not add a follower to a thread");
        }
        Ok(OutMessage::text(format!(
            "You follow <#{thread}>. You will be told there when it is answered, and the answer comes back in your reviews the next day."
        )))
    }

    async fn ask_row(&self, guild: GuildId, id: i64) -> AppResult<AskRow> {
        match self.store.ask(guild, id).await? {
            Some(a) => Ok(a),
            None => refuse("This question is no longer known here. Ask again with `/ask`."),
        }
    }

    /// The asker's question, refusing anyone else's clicks.
    async fn own_ask(&self, guild: GuildId, user: UserId, id: i64) -> AppResult<AskRow> {
        let ask = self.ask_row(guild, id).await?;
        if ask.asker != user {
            return refuse("Only the member who asked can answer this.");
        }
        Ok(ask)
    }

    /// "That solved it": the question counts as answered by the knowledge base, and the best
    /// answer shown becomes a card in the asker's reviews from the next day.
    pub async fn ask_solved(&self, guild: GuildId, user: UserId, id: i64) -> AppResult<OutMessage> {
        self.own_ask(guild, user, id).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let tomorrow = today.succ_opt().unwrap_or(today);
        let Some(card) = self
            .store
            .deflect_ask(guild, id, tomorrow, self.clock.now_ms())
            .await?
        else {
            return refuse("This question was already settled.");
        };
        Ok(OutMessage::text(if card {
            "Glad the team's knowledge helped. The answer comes back as a card in your reviews tomorrow, so it sticks. If it comes up again, `/kb search` finds it too."
        } else {
            "Glad the team's knowledge helped. If it comes up again, `/kb search` finds it too."
        }))
    }

    /// "I still need help": route the question to an expert.
    pub async fn ask_route<P: ChatPort>(
        &self,
        port: &P,
        guild: GuildId,
        user: UserId,
        id: i64,
    ) -> AppResult<OutMessage> {
        let ask = self.own_ask(guild, user, id).await?;
        if ask.state != AskState::Searching {
            return refuse(match ask.thread_id {
                Some(t) => format!("This question is already with the team in <#{t}>."),
                None => "This question was already settled.".into(),
            });
        }
        let evidence = self.topic_evidence(&ask).await?;
        self.route(
            port,
            &ask,
            "The knowledge base did not solve it.",
            &evidence,
        )
        .await
    }

    /// Picks the topic (from the asker's choice, the rules, and `evidence`: (topic, score) of
    /// content matching the question) and the expert, opens the thread, and records it all
    /// (with the ping).
    async fn route<P: ChatPort>(
        &self,
        port: &P,
        ask: &AskRow,
        why: &str,
        evidence: &[(String, f64)],
    ) -> AppResult<OutMessage> {
        let guild = ask.guild;
        let now = self.clock.now_ms();
        let qa = self.store.qa_settings(guild).await?;
        let Some(qa_channel) = qa.qa_channel else {
            self.tell_admins_now(
                guild,
                qa.admin_channel,
                format!(
                    "<@{}> asked a question, but no Q&A channel is set, so it could not be routed. Choose one with `/config qa-channel`.",
                    ask.asker
                ),
            )
            .await?;
            return refuse("Questions cannot be routed to experts yet: an admin needs to choose a Q&A channel with `/config qa-channel`. The admins have been told where one is set up.");
        };
        let (topic, reason) = classify(
            &ask.text,
            ask.topic_id.as_deref(),
            &self.topic_rules,
            evidence,
        );
        let expert = self.next_expert(guild, &topic, &[ask.asker], now).await?;
        if !self.store.claim_for_routing(guild, ask.id).await? {
            return refuse("This question was already settled.");
        }
        let starter = OutMessage {
            embed: Some(Embed {
                title: "Question".into(),
                description: fit(&ask.text, EMBED_DESCRIPTION_MAX),
                footer: Some(format!(
                    "Topic: {topic} ({}) · question #{} · The asker marks the reply that helped with \"Mark as answer\" (message menu → Apps).",
                    reason.describe(),
                    ask.id
                )),
                colour: colours::QUESTION,
                ..Default::default()
            }),
            content: format!("Asked by <@{}>", ask.asker),
            ..Default::default()
        };
        let thread = match port
            .open_thread(qa_channel, &starter, &thread_name(&ask.text))
            .await
        {
            Ok(t) => t,
            Err(e) => {
                self.store.release_claim(guild, ask.id).await?;
                tracing::warn!(error = ?e, channel = %qa_channel, "could not open a question thread");
                return refuse(format!(
                    "I could not open a thread for your question in <#{qa_channel}>. An admin should check that I may post and create threads there. Your question is kept: try \"I still need help\" again later."
                ));
            }
        };
        let hours = self.escalation_minutes(&qa) as f64 / 60.0;
        let mut posts: Vec<QueuedPost> = Vec::new();
        let reply = match &expert {
            Some(asked) => {
                let e = asked.user;
                posts.push((
                    thread,
                    payload(&OutMessage {
                        content: format!(
                            "<@{e}> {}: could you answer this question from <@{}>? Reply here in the thread. If nobody has replied within {hours:.0} h, the next expert is asked.",
                            asked.why(&topic),
                            ask.asker
                        ),
                        ping_users: vec![e.0],
                        ..Default::default()
                    }),
                ));
                let who = match asked.inferred {
                    None => format!("expert on **{topic}**"),
                    Some(_) => format!("who knows **{topic}** well"),
                };
                format!(
                    "{why} Your question is in <#{thread}>, and <@{e}> ({who}) has been asked to answer. When a reply solves it, use **Mark as answer** on it (message menu → Apps)."
                )
            }
            None => {
                posts.push((
                    thread,
                    payload(&OutMessage::text(format!(
                        "No expert on **{topic}** is available right now, so the admins have been told. Anyone who knows the answer is welcome to reply here."
                    ))),
                ));
                if let Some(admin) = qa.admin_channel {
                    posts.push((admin, payload(&OutMessage::text(format!(
                        "Nobody can take a question on **{topic}**: <#{thread}> from <@{}>. Add an expert with `/expert assign`, or answer it in the thread.",
                        ask.asker
                    )))));
                }
                format!(
                    "{why} No expert on **{topic}** is available right now. Your question is in <#{thread}> where anyone can answer, and the admins have been told."
                )
            }
        };
        let routing = Routing {
            topic_id: topic,
            thread_id: thread,
            expert: expert.map(|a| a.user),
            posts,
        };
        self.store
            .record_routing(guild, ask.id, &routing, now)
            .await?;
        self.posts_queued();
        Ok(OutMessage::text(reply))
    }

    /// (topic, score) of the content that best matches the question, for its topic.
    async fn topic_evidence(&self, ask: &AskRow) -> AppResult<Vec<(String, f64)>> {
        Ok(self
            .kb_matches(ask.guild, &ask.text, TOPIC_EVIDENCE)
            .await?
            .into_iter()
            .map(|h| (h.topic_id, h.score))
            .collect())
    }

    /// The expert to ask next, skipping `excluded`: an enrolled expert on `topic` (among
    /// equally loaded ones the more expert), else an inferred expert on it (see
    /// `domain::expertise`; with why), else an enrolled general expert. Away members are never
    /// asked.
    async fn next_expert(
        &self,
        guild: GuildId,
        topic: &str,
        excluded: &[UserId],
        now_ms: i64,
    ) -> AppResult<Option<Asked>> {
        let excluded: Vec<u64> = excluded.iter().map(|u| u.0).collect();
        let expertise = self.expertise(guild, topic).await?;
        let scored = |mut candidates: Vec<Candidate>| {
            for c in &mut candidates {
                c.score = expertise.score_of(UserId(c.user)).unwrap_or(0.0);
            }
            candidates
        };
        let enrolled = scored(self.store.expert_candidates(guild, topic, now_ms).await?);
        if let Some(first) = rank(enrolled, &excluded).first() {
            return Ok(Some(Asked::enrolled(*first)));
        }
        let inferred: Vec<&Evidence> = expertise.inferred().collect();
        let users: Vec<UserId> = inferred.iter().map(|e| e.user).collect();
        let candidates = scored(self.store.routing_candidates(guild, &users, now_ms).await?);
        if let Some(first) = rank(candidates, &excluded).first() {
            let why = inferred
                .iter()
                .find(|e| e.user.0 == *first)
                .map(|e| e.reason());
            return Ok(Some(Asked {
                user: UserId(*first),
                inferred: why,
            }));
        }
        let general = self.store.expert_candidates(guild, GENERAL, now_ms).await?;
        Ok(rank(general, &excluded)
            .first()
            .map(|u| Asked::enrolled(*u)))
    }

    /// Minutes an expert has to reply: the guild's own setting, else the configured one.
    fn escalation_minutes(&self, qa: &QaSettings) -> i64 {
        qa.escalation_after_minutes
            .unwrap_or(i64::from(self.settings.experts.escalation_after_minutes))
    }

    async fn tell_admins_now(
        &self,
        guild: GuildId,
        admin_channel: Option<ChannelId>,
        text: String,
    ) -> AppResult<()> {
        match admin_channel {
            Some(channel) => {
                let post = (channel, payload(&OutMessage::text(text)));
                self.store
                    .queue_posts(guild, &[post], self.clock.now_ms())
                    .await?;
                self.posts_queued();
            }
            None => {
                tracing::warn!(guild = %guild, "admins cannot be told (no admin channel): {text}")
            }
        }
        Ok(())
    }

    /// A member (not the bot) wrote in a thread: if it is a question's thread, their reply
    /// counts as a response (it stops the escalation).
    pub async fn note_thread_reply(&self, thread: ChannelId, author: UserId) -> AppResult<()> {
        self.store
            .note_reply(thread, author, self.clock.now_ms())
            .await?;
        Ok(())
    }

    /// Escalations, reminders and closing of open questions that are due; returns how many
    /// steps were taken (their posts are queued).
    pub async fn run_ask_follow_ups(&self) -> AppResult<usize> {
        let mut steps = 0;
        for ask in self.store.open_asks().await? {
            // Several steps may be due at once (the bot was down): take them one by one.
            let mut current = ask;
            for _ in 0..4 {
                let span =
                    tracing::info_span!("follow_up", ask = current.id, guild = %current.guild);
                let due = self.follow_up_for(&current).instrument(span);
                let Some((step, posts)) = due.await? else {
                    break;
                };
                let now = self.clock.now_ms();
                if !self
                    .store
                    .record_follow_up(&current, &step, &posts, now)
                    .await?
                {
                    break;
                }
                self.posts_queued();
                steps += 1;
                match self.store.ask(current.guild, current.id).await? {
                    Some(a) if a.state == AskState::Open => current = a,
                    _ => break,
                }
            }
        }
        Ok(steps)
    }

    /// The step due for an open question now, with its posts.
    async fn follow_up_for(&self, ask: &AskRow) -> AppResult<Option<(FollowUp, Vec<QueuedPost>)>> {
        let Some(thread) = ask.thread_id else {
            return Ok(None);
        };
        let now = self.clock.now_ms();
        let e = &self.settings.experts;
        let hour = 3_600_000;
        let topic = ask.topic_id.clone().unwrap_or_else(|| GENERAL.into());
        let qa = self.store.qa_settings(ask.guild).await?;
        if now >= ask.created_ms + i64::from(e.abandon_after_days) * 24 * hour {
            let text = format!(
                "Closing this question: no answer was marked within {} days. <@{}>, if you still need help, ask again with `/ask`.",
                e.abandon_after_days, ask.asker
            );
            return Ok(Some((
                FollowUp::Abandon,
                vec![(thread, payload(&OutMessage::text(text)))],
            )));
        }
        let waiting_for_expert = ask.first_response_ms.is_none() && ask.admins_told_ms.is_none();
        if let (true, Some(expert), Some(assigned)) =
            (waiting_for_expert, ask.expert, ask.assigned_ms)
        {
            let deadline = assigned + self.escalation_minutes(&qa) * 60_000;
            if now >= deadline {
                let tried = self.store.assigned_experts(ask.id).await?;
                let mut excluded = tried.clone();
                excluded.push(ask.asker);
                let next = if ask.escalations < e.max_escalations {
                    self.next_expert(ask.guild, &topic, &excluded, now).await?
                } else {
                    None
                };
                if let Some(asked) = next {
                    let next = asked.user;
                    let ping = OutMessage {
                        content: format!(
                            "<@{next}> could you take this question on **{topic}**? <@{expert}> has not had a chance to reply yet.{}",
                            asked.inferred.as_ref().map_or(String::new(), |why| format!(
                                " You are asked because you know it well ({why}); `/expert suggest off` stops this."
                            ))
                        ),
                        ping_users: vec![next.0],
                        ..Default::default()
                    };
                    return Ok(Some((
                        FollowUp::Escalate { to: next },
                        vec![(thread, payload(&ping))],
                    )));
                }
                let mut posts = vec![(
                    thread,
                    payload(&OutMessage::text(
                        "No other expert is free to take this, so the admins have been told.",
                    )),
                )];
                if let Some(admin) = qa.admin_channel {
                    posts.push((admin, payload(&OutMessage::text(format!(
                        "A question on **{topic}** has had no reply after {} expert(s): <#{thread}> from <@{}>. Please find someone to answer it (`/expert assign`).",
                        tried.len(), ask.asker
                    )))));
                } else {
                    tracing::warn!(guild = %ask.guild, ask = ask.id, "an unanswered question needs admins, but no admin channel is set");
                }
                return Ok(Some((FollowUp::TellAdmins, posts)));
            }
        }
        if ask.nudged_ms.is_none()
            && now >= ask.created_ms + i64::from(e.nudge_asker_after_hours) * hour
        {
            let nudge = OutMessage {
                content: format!(
                    "<@{}> did a reply here answer your question? Use **Mark as answer** on it (message menu → Apps) so the team keeps it, or `/resolve` to close the question.",
                    ask.asker
                ),
                ping_users: vec![ask.asker.0],
                ..Default::default()
            };
            return Ok(Some((FollowUp::Nudge, vec![(thread, payload(&nudge))])));
        }
        Ok(None)
    }

    /// "Mark as answer" on a reply in a question's thread (by the asker or an admin): the
    /// reply becomes knowledge and its author earns points.
    pub async fn accept_answer(
        &self,
        guild: GuildId,
        by: UserId,
        by_admin: bool,
        reply: &PickedReply,
    ) -> AppResult<Resolved> {
        let ask = self
            .ask_in_thread(guild, reply.channel, by, by_admin)
            .await?;
        if reply.author_is_bot {
            return refuse("Pick a member's reply, not one of the bot's messages.");
        }
        let text = reply.text.trim();
        if text.is_empty() {
            return refuse("That message has no text to keep (only attachments or embeds). Pick a reply with text, or close the question with `/resolve answer:` and a summary.");
        }
        let answer = fit(text, ANSWER_MAX_CHARS);
        self.resolve(&ask, by, Some((answer, reply.author))).await
    }

    /// `/resolve [answer] [helper]` in a question's thread: closes it, keeping `answer` (by
    /// `helper`, else the one who closes it) if given.
    pub async fn resolve_in_thread(
        &self,
        guild: GuildId,
        channel: ChannelId,
        by: UserId,
        by_admin: bool,
        answer: Option<&str>,
        helper: Option<UserId>,
    ) -> AppResult<Resolved> {
        let ask = self.ask_in_thread(guild, channel, by, by_admin).await?;
        let answer = answer.map(str::trim).filter(|a| !a.is_empty());
        if answer.is_none() && helper.is_some() {
            return refuse(
                "Add the `answer` too: the helper is credited for an answer that is kept.",
            );
        }
        let kept = answer.map(|a| (fit(a, ANSWER_MAX_CHARS), helper.unwrap_or(by)));
        self.resolve(&ask, by, kept).await
    }

    async fn ask_in_thread(
        &self,
        guild: GuildId,
        channel: ChannelId,
        by: UserId,
        by_admin: bool,
    ) -> AppResult<AskRow> {
        let ask = match self.store.ask_by_thread(channel).await? {
            Some(a) if a.guild == guild => a,
            _ => return refuse("This works inside a question's thread (opened by `/ask`)."),
        };
        if ask.asker != by && !by_admin {
            return refuse(format!(
                "Only <@{}>, who asked, or an admin can mark the answer.",
                ask.asker
            ));
        }
        match ask.state {
            AskState::Open => Ok(ask),
            AskState::Resolved => refuse(match ask.kb_id {
                Some(k) => format!("This question is already resolved (knowledge #{k})."),
                None => "This question is already resolved.".into(),
            }),
            _ => refuse("This question is closed. Ask again with `/ask` if you still need help."),
        }
    }

    async fn resolve(
        &self,
        ask: &AskRow,
        by: UserId,
        answer: Option<(String, UserId)>,
    ) -> AppResult<Resolved> {
        let helper = answer.as_ref().map(|(_, a)| *a);
        let (points, asker_points) = match helper {
            Some(h) if h != ask.asker => (
                i64::from(self.settings.points.accepted_answer),
                i64::from(self.settings.points.asking),
            ),
            _ => (0, 0),
        };
        let day = self.local_day(ask.guild, self.clock.now()).await?;
        let resolution = Resolution {
            answer,
            accepted_by: by,
            points,
            asker_points,
            day,
            board_keys: self.board_keys(ask.guild, day).await?,
            thread_link: ask
                .thread_id
                .map(|t| format!("https://discord.com/channels/{}/{t}", ask.guild)),
        };
        let outcome = self
            .store
            .resolve_ask(ask, &resolution, self.clock.now_ms())
            .await?;
        self.posts_queued();
        let ResolveOutcome::Resolved { kb_id, followers } = outcome else {
            return refuse("This question was resolved a moment ago.");
        };
        let description = match (kb_id, helper) {
            (Some(k), Some(h)) if points > 0 => format!(
                "<@{by}> marked <@{h}>'s reply as the answer. It is saved as knowledge #{k}, so the next `/ask` on this finds it. <@{h}> earns {points} points for helping."
            ),
            (Some(k), _) => format!(
                "<@{by}> closed the question. The answer is saved as knowledge #{k}, so the next `/ask` on this finds it."
            ),
            _ => format!("<@{by}> closed the question without an answer to keep."),
        };
        let mut description = description;
        if kb_id.is_some() {
            description.push_str(&format!(
                "\n\n🃏 <@{}> gets it as a card in their reviews tomorrow, so it sticks.",
                ask.asker
            ));
        }
        // Followers are told here (they were added to the thread), and get the card too.
        let content = match followers.is_empty() {
            true => String::new(),
            false => {
                let names: Vec<String> = followers.iter().map(|f| format!("<@{f}>")).collect();
                format!(
                    "{} the question you followed is answered{}.",
                    names.join(" "),
                    if kb_id.is_some() {
                        "; it comes back as a card in your reviews tomorrow"
                    } else {
                        ""
                    }
                )
            }
        };
        Ok(Resolved {
            announcement: OutMessage {
                content,
                embed: Some(Embed {
                    title: "✅ Answered".into(),
                    description,
                    colour: colours::ANSWERED,
                    ..Default::default()
                }),
                ping_users: followers.iter().map(|f| f.0).collect(),
                ..Default::default()
            },
            thread: ask.thread_id,
            closed_name: closed_thread_name(&ask.text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_names_fit_discord() {
        let long = "word ".repeat(60);
        assert!(thread_name(&long).chars().count() <= THREAD_NAME_MAX);
        assert!(closed_thread_name(&long).chars().count() <= THREAD_NAME_MAX);
        assert_eq!(thread_name("How do I\nreset   it?"), "How do I reset it?");
        assert_eq!(closed_thread_name("Why?"), "✅ Why?");
    }
}
