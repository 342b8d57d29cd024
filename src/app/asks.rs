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
use crate::i18n::Lang;
use crate::t;
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

    /// How the ping addresses them (in the server's language `lang`).
    fn why(&self, topic: &str, lang: Lang) -> String {
        match &self.inferred {
            None => t!(lang, "ask-why-expert", topic = topic),
            Some(why) => t!(lang, "ask-why-inferred", topic = topic, why = why.as_str()),
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let text = text.trim();
        if text.chars().count() < 3 {
            return refuse(t!(lang, "ask-too-short"));
        }
        if text.chars().count() > ASK_MAX_CHARS {
            let length = text.chars().count();
            return refuse(t!(
                lang,
                "ask-too-long",
                length = length,
                max = ASK_MAX_CHARS
            ));
        }
        self.ensure_content(guild).await?;
        if let Some(topic) = topic {
            self.check_expert_topic(guild, topic, lang).await?;
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
            let ask = self.ask_row(guild, id, lang).await?;
            // The topic evidence is the same search, so it is empty too.
            let why = t!(lang, "ask-nothing-matched");
            return self.route(port, &ask, &why, &[], lang).await;
        }
        let mut buttons = Vec::new();
        if let Some(open) = &duplicate {
            buttons.push(Button {
                custom_id: ComponentId::AskFollow {
                    ask: open.id,
                    from: id,
                }
                .encode(),
                label: t!(lang, "ask-follow"),
                style: Style::Success,
                disabled: false,
            });
        }
        if !shown.is_empty() {
            buttons.push(Button {
                custom_id: ComponentId::AskSolved { ask: id }.encode(),
                label: t!(lang, "ask-solved"),
                style: Style::Success,
                disabled: false,
            });
        }
        buttons.push(Button {
            custom_id: ComponentId::AskRoute { ask: id }.encode(),
            label: t!(lang, "ask-still-need-help"),
            style: Style::Primary,
            disabled: false,
        });
        let mut description = describe_hits(&shown, lang);
        let content = match &duplicate {
            Some(open) => {
                let question = fit(&one_line(&open.text), 300);
                let asked = match open.thread_id {
                    Some(t) => t!(
                        lang,
                        "ask-already-asked-in",
                        thread = format!("<#{t}>"),
                        question = question
                    ),
                    None => t!(lang, "ask-already-asked", question = question),
                };
                let follow = t!(lang, "ask-already-asked-follow");
                description = format!("{asked}\n-# {follow}\n\n{description}");
                t!(lang, "ask-similar-open")
            }
            None => t!(lang, "ask-answered-before"),
        };
        Ok(OutMessage {
            content,
            embed: Some(Embed {
                title: fit(&t!(lang, "ask-your-question", text = text), EMBED_TITLE_MAX),
                description: fit(description.trim_end(), EMBED_DESCRIPTION_MAX),
                footer: Some(t!(lang, "ask-footer")),
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.own_ask(guild, user, from, lang).await?;
        let open = self.ask_row(guild, open_id, lang).await?;
        let (AskState::Open, Some(thread)) = (open.state, open.thread_id) else {
            return refuse(t!(lang, "ask-no-longer-open"));
        };
        if !self
            .store
            .follow_ask(guild, open_id, user, from, self.clock.now_ms())
            .await?
        {
            return refuse(t!(lang, "ask-yours-settled"));
        }
        if let Err(e) = port.add_thread_member(thread, user).await {
            tracing::warn!(error = ?e, thread = %thread, "could not add a follower to a thread");
        }
        let thread = format!("<#{thread}>");
        Ok(OutMessage::text(t!(lang, "ask-following", thread = thread)))
    }

    async fn ask_row(&self, guild: GuildId, id: i64, lang: Lang) -> AppResult<AskRow> {
        match self.store.ask(guild, id).await? {
            Some(a) => Ok(a),
            None => refuse(t!(lang, "ask-unknown")),
        }
    }

    /// The asker's question, refusing anyone else's clicks.
    async fn own_ask(
        &self,
        guild: GuildId,
        user: UserId,
        id: i64,
        lang: Lang,
    ) -> AppResult<AskRow> {
        let ask = self.ask_row(guild, id, lang).await?;
        if ask.asker != user {
            return refuse(t!(lang, "ask-only-asker"));
        }
        Ok(ask)
    }

    /// "That solved it": the question counts as answered by the knowledge base, and the best
    /// answer shown becomes a card in the asker's reviews from the next day.
    pub async fn ask_solved(
        &self,
        guild: GuildId,
        user: UserId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.own_ask(guild, user, id, lang).await?;
        let today = self.local_day(guild, self.clock.now()).await?;
        let tomorrow = today.succ_opt().unwrap_or(today);
        let Some(card) = self
            .store
            .deflect_ask(guild, id, tomorrow, self.clock.now_ms())
            .await?
        else {
            return refuse(t!(lang, "ask-settled"));
        };
        Ok(OutMessage::text(match card {
            true => t!(lang, "ask-glad-card"),
            false => t!(lang, "ask-glad"),
        }))
    }

    /// "I still need help": route the question to an expert.
    pub async fn ask_route<P: ChatPort>(
        &self,
        port: &P,
        guild: GuildId,
        user: UserId,
        id: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let ask = self.own_ask(guild, user, id, lang).await?;
        if ask.state != AskState::Searching {
            return refuse(match ask.thread_id {
                Some(thread) => t!(lang, "ask-with-team", thread = format!("<#{thread}>")),
                None => t!(lang, "ask-settled"),
            });
        }
        let evidence = self.topic_evidence(&ask).await?;
        let why = t!(lang, "ask-kb-did-not-solve");
        self.route(port, &ask, &why, &evidence, lang).await
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
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let guild = ask.guild;
        let now = self.clock.now_ms();
        let qa = self.store.qa_settings(guild).await?;
        // Threads and the admin channel are read by many: the server's language.
        let server = self.guild_lang(guild).await?;
        let asker = format!("<@{}>", ask.asker);
        let Some(qa_channel) = qa.qa_channel else {
            let text = t!(server, "ask-admins-no-qa-channel", asker = asker.as_str());
            self.tell_admins_now(guild, qa.admin_channel, text).await?;
            return refuse(t!(lang, "ask-no-qa-channel"));
        };
        let (topic, reason) = classify(
            &ask.text,
            ask.topic_id.as_deref(),
            &self.topic_rules,
            evidence,
        );
        let expert = self
            .next_expert(guild, &topic, &[ask.asker], now, server)
            .await?;
        if !self.store.claim_for_routing(guild, ask.id).await? {
            return refuse(t!(lang, "ask-settled"));
        }
        let footer = t!(
            server,
            "ask-thread-footer",
            topic = topic.as_str(),
            reason = reason.describe(server),
            id = ask.id
        );
        let starter = OutMessage {
            embed: Some(Embed {
                title: t!(server, "ask-thread-title"),
                description: fit(&ask.text, EMBED_DESCRIPTION_MAX),
                footer: Some(footer),
                colour: colours::QUESTION,
                ..Default::default()
            }),
            content: t!(server, "ask-asked-by", asker = asker.as_str()),
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
                let channel = format!("<#{qa_channel}>");
                return refuse(t!(lang, "ask-thread-failed", channel = channel));
            }
        };
        let hours = self.escalation_minutes(&qa) as f64 / 60.0;
        let mut posts: Vec<QueuedPost> = Vec::new();
        let reply = match &expert {
            Some(asked) => {
                let e = asked.user;
                let ping = t!(
                    server,
                    "ask-expert-ping",
                    expert = format!("<@{e}>"),
                    why = asked.why(&topic, server),
                    asker = asker.as_str(),
                    hours = hours.round() as i64
                );
                posts.push((
                    thread,
                    payload(&OutMessage {
                        content: ping,
                        ping_users: vec![e.0],
                        ..Default::default()
                    }),
                ));
                let who = match asked.inferred {
                    None => t!(lang, "ask-who-expert", topic = topic.as_str()),
                    Some(_) => t!(lang, "ask-who-inferred", topic = topic.as_str()),
                };
                let routed = t!(
                    lang,
                    "ask-routed",
                    thread = format!("<#{thread}>"),
                    expert = format!("<@{e}>"),
                    who = who
                );
                format!("{why} {routed}")
            }
            None => {
                let text = t!(server, "ask-thread-no-expert", topic = topic.as_str());
                posts.push((thread, payload(&OutMessage::text(text))));
                if let Some(admin) = qa.admin_channel {
                    let text = t!(
                        server,
                        "ask-admins-nobody",
                        topic = topic.as_str(),
                        thread = format!("<#{thread}>"),
                        asker = asker.as_str()
                    );
                    posts.push((admin, payload(&OutMessage::text(text))));
                }
                let routed = t!(
                    lang,
                    "ask-routed-no-expert",
                    topic = topic.as_str(),
                    thread = format!("<#{thread}>")
                );
                format!("{why} {routed}")
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
        lang: Lang,
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
                .map(|e| e.reason(lang));
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
        // Posts in the thread and the admin channel: the server's language.
        let lang = self.guild_lang(ask.guild).await?;
        let asker = format!("<@{}>", ask.asker);
        if now >= ask.created_ms + i64::from(e.abandon_after_days) * 24 * hour {
            let text = t!(
                lang,
                "ask-abandoned",
                days = e.abandon_after_days,
                asker = asker.as_str()
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
                    self.next_expert(ask.guild, &topic, &excluded, now, lang)
                        .await?
                } else {
                    None
                };
                if let Some(asked) = next {
                    let next = asked.user;
                    let mut content = t!(
                        lang,
                        "ask-escalated",
                        next = format!("<@{next}>"),
                        topic = topic.as_str(),
                        expert = format!("<@{expert}>")
                    );
                    if let Some(why) = &asked.inferred {
                        let line = t!(lang, "ask-escalated-inferred", why = why.as_str());
                        content.push_str(&format!(" {line}"));
                    }
                    let ping = OutMessage {
                        content,
                        ping_users: vec![next.0],
                        ..Default::default()
                    };
                    return Ok(Some((
                        FollowUp::Escalate { to: next },
                        vec![(thread, payload(&ping))],
                    )));
                }
                let text = t!(lang, "ask-no-other-expert");
                let mut posts = vec![(thread, payload(&OutMessage::text(text)))];
                if let Some(admin) = qa.admin_channel {
                    let text = t!(
                        lang,
                        "ask-admins-no-reply",
                        topic = topic.as_str(),
                        experts = tried.len(),
                        thread = format!("<#{thread}>"),
                        asker = asker.as_str()
                    );
                    posts.push((admin, payload(&OutMessage::text(text))));
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
                content: t!(lang, "ask-nudge", asker = asker.as_str()),
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
        lang: Lang,
    ) -> AppResult<Resolved> {
        let ask = self
            .ask_in_thread(guild, reply.channel, by, by_admin, lang)
            .await?;
        if reply.author_is_bot {
            return refuse(t!(lang, "resolve-bot-message"));
        }
        let text = reply.text.trim();
        if text.is_empty() {
            return refuse(t!(lang, "resolve-no-text"));
        }
        let answer = fit(text, ANSWER_MAX_CHARS);
        self.resolve(&ask, by, Some((answer, reply.author)), lang)
            .await
    }

    /// `/resolve [answer] [helper]` in a question's thread: closes it, keeping `answer` (by
    /// `helper`, else the one who closes it) if given.
    pub async fn resolve_in_thread(
        &self,
        guild: GuildId,
        channel: ChannelId,
        (by, by_admin): (UserId, bool),
        (answer, helper): (Option<&str>, Option<UserId>),
        lang: Lang,
    ) -> AppResult<Resolved> {
        let ask = self
            .ask_in_thread(guild, channel, by, by_admin, lang)
            .await?;
        let answer = answer.map(str::trim).filter(|a| !a.is_empty());
        if answer.is_none() && helper.is_some() {
            return refuse(t!(lang, "resolve-helper-needs-answer"));
        }
        let kept = answer.map(|a| (fit(a, ANSWER_MAX_CHARS), helper.unwrap_or(by)));
        self.resolve(&ask, by, kept, lang).await
    }

    async fn ask_in_thread(
        &self,
        guild: GuildId,
        channel: ChannelId,
        by: UserId,
        by_admin: bool,
        lang: Lang,
    ) -> AppResult<AskRow> {
        let ask = match self.store.ask_by_thread(channel).await? {
            Some(a) if a.guild == guild => a,
            _ => return refuse(t!(lang, "resolve-not-a-thread")),
        };
        if ask.asker != by && !by_admin {
            let asker = format!("<@{}>", ask.asker);
            return refuse(t!(lang, "resolve-only-asker", asker = asker));
        }
        match ask.state {
            AskState::Open => Ok(ask),
            AskState::Resolved => refuse(match ask.kb_id {
                Some(k) => t!(lang, "resolve-already-kb", id = k.to_string()),
                None => t!(lang, "resolve-already"),
            }),
            _ => refuse(t!(lang, "resolve-closed")),
        }
    }

    async fn resolve(
        &self,
        ask: &AskRow,
        by: UserId,
        answer: Option<(String, UserId)>,
        lang: Lang,
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
            return refuse(t!(lang, "resolve-just-now"));
        };
        // The announcement goes to the thread: the server's language.
        let server = self.guild_lang(ask.guild).await?;
        let by = format!("<@{by}>");
        let mut description = match (kb_id, helper) {
            (Some(k), Some(h)) if points > 0 => t!(
                server,
                "resolve-marked",
                by = by.as_str(),
                helper = format!("<@{h}>"),
                id = k.to_string(),
                points = points
            ),
            (Some(k), _) => t!(
                server,
                "resolve-closed-kept",
                by = by.as_str(),
                id = k.to_string()
            ),
            _ => t!(server, "resolve-closed-nothing", by = by.as_str()),
        };
        if kb_id.is_some() {
            let card = t!(server, "resolve-card", asker = format!("<@{}>", ask.asker));
            description.push_str(&format!("\n\n🃏 {card}"));
        }
        // Followers are told here (they were added to the thread), and get the card too.
        let content = match followers.is_empty() {
            true => String::new(),
            false => {
                let names: Vec<String> = followers.iter().map(|f| format!("<@{f}>")).collect();
                let id = match kb_id.is_some() {
                    true => "resolve-followers-card",
                    false => "resolve-followers",
                };
                t!(server, id, followers = names.join(" "))
            }
        };
        Ok(Resolved {
            announcement: OutMessage {
                content,
                embed: Some(Embed {
                    title: format!("✅ {}", t!(server, "resolve-title")),
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
