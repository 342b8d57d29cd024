//! Writing questions in chat (see [`crate::domain::authoring`]): `/content add` and
//! `/content edit` (admins) and `/propose` (experts, where the server allows it) open a form;
//! a submitted form is checked by the content rules and shown as members will see it, with
//! Publish (admins) or Propose (experts), Edit and Discard; `/content drafts` lists what
//! experts proposed; `/content retire` takes a question out of use.

use super::message::{colours, Button, Embed, Form, FormInput, OutMessage, Style};
use super::quiz::preview_card;
use super::{refuse, App, AppResult};
use crate::domain::answer_key::QuestionKind;
use crate::domain::authoring::{may_touch, Author, Draft, DraftState, FormField, QuestionForm};
use crate::domain::content::Problem;
use crate::domain::content_files::{made_up_question_id, question_of_form};
use crate::domain::custom_id::{ComponentId, DraftStep};
use crate::domain::format::{fit, plural};
use crate::domain::ids::{DraftId, GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::i18n::Lang;
use crate::store::Published;

/// Drafts `/content drafts` lists, and reviews with a button each (one row of buttons).
const DRAFTS_SHOWN: usize = 5;

const NOT_AUTHOR: &str = "Only admins write questions here. An admin can let experts propose questions with `/config expert-drafts on`.";
const GONE: &str = "This draft is no longer open: it was published or discarded.";

/// The name a kind goes by in titles.
fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "Single choice",
        QuestionKind::TrueFalse => "True or false",
        QuestionKind::Multiple => "Multiple response",
        QuestionKind::ShortAnswer => "Short answer",
        QuestionKind::Numeric => "Number",
    }
}

/// The form of a draft, filled in as its author left it.
fn form_of(guild: GuildId, draft: DraftId, form: &QuestionForm) -> Form {
    let verb = if form.question_id.is_some() {
        "Edit"
    } else {
        "New"
    };
    Form {
        custom_id: ComponentId::DraftForm { guild, draft }.encode(),
        title: fit(&format!("{verb} · {}", kind_name(form.kind)), 45),
        inputs: FormField::of(form.kind)
            .iter()
            .map(|&f| FormInput {
                id: f.id().to_string(),
                label: f.label(form.kind).to_string(),
                paragraph: f.paragraph(),
                required: f.required(),
                max_chars: f.max_chars(),
                value: fit(form.get(f), f.max_chars()),
                placeholder: f.placeholder(form.kind).to_string(),
            })
            .collect(),
    }
}

/// A problem of a submitted form, by the input it is in.
fn form_problem(kind: QuestionKind, p: &Problem) -> String {
    let field = p
        .field
        .split("field \"")
        .nth(1)
        .and_then(|f| f.split('"').next())
        .unwrap_or_default();
    let input = match field {
        "prompt" => Some(FormField::Prompt),
        "choices" => Some(FormField::Choices),
        "correct" if kind.typed() => Some(FormField::Choices),
        "correct" => Some(FormField::Right),
        "explanation" => Some(FormField::Explanation),
        _ => None,
    };
    match input {
        Some(f) => format!("• **{}**: {}", f.label(kind), p.reason),
        None => format!("• {}", p.reason),
    }
}

fn button(id: ComponentId, label: &str, style: Style) -> Button {
    Button {
        custom_id: id.encode(),
        label: label.into(),
        style,
        disabled: false,
    }
}

impl App {
    /// What `user` may do as an author here: an admin, an expert where the server lets
    /// experts propose, or nothing.
    async fn author(&self, guild: GuildId, user: UserId, admin: bool) -> AppResult<Option<Author>> {
        if admin {
            return Ok(Some(Author::Admin));
        }
        let expert = self.store.expert_drafts(guild).await?
            && !self.store.expert_topics(guild, user).await?.is_empty();
        Ok(expert.then_some(Author::Expert))
    }

    /// `/content add` or `/propose`: an empty form of `kind` for `topic`.
    pub async fn draft_new(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        kind: QuestionKind,
        topic: &str,
    ) -> AppResult<Form> {
        if self.author(guild, user, admin).await?.is_none() {
            return refuse(NOT_AUTHOR);
        }
        let topics = self.store.topics(guild).await?;
        let typed = topic.trim();
        let Some((topic, _)) = topics
            .iter()
            .find(|(id, name)| id == typed || name.eq_ignore_ascii_case(typed))
        else {
            return refuse(format!(
                "There is no topic `{}`. Pick one from the list as you type, or add topics with `/content import`.",
                fit(typed, 40)
            ));
        };
        let form = QuestionForm::new(kind, topic);
        let draft = self
            .store
            .create_draft(guild, user, &form, self.clock.now_ms())
            .await?;
        Ok(form_of(guild, draft, &form))
    }

    /// `/content edit`: the form of question `id` as it reads now.
    pub async fn draft_of_question(
        &self,
        guild: GuildId,
        user: UserId,
        id: &str,
    ) -> AppResult<Form> {
        let Some(v) = self.store.live_question(guild, id.trim()).await? else {
            return refuse(format!(
                "There is no question `{}` in use. Pick one from the list as you type.",
                fit(id.trim(), 40)
            ));
        };
        let form = QuestionForm::of_question(&v.question).or_else(refuse)?;
        let draft = self
            .store
            .create_draft(guild, user, &form, self.clock.now_ms())
            .await?;
        Ok(form_of(guild, draft, &form))
    }

    /// An open draft `user` may touch, or a refusal.
    async fn touchable(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
    ) -> AppResult<(Draft, Author)> {
        let Some(author) = self.author(guild, user, admin).await? else {
            return refuse(NOT_AUTHOR);
        };
        match self.store.draft(guild, id).await? {
            Some(d) if may_touch(&d, user, Some(author)) => Ok((d, author)),
            Some(d) if !d.state.open() => refuse(GONE),
            _ => refuse("This draft is someone else's."),
        }
    }

    /// "Edit" on a draft: its form again.
    pub async fn draft_form(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
    ) -> AppResult<Form> {
        let (d, _) = self.touchable(guild, user, admin, id).await?;
        Ok(form_of(guild, d.id, &d.form))
    }

    /// A submitted form: kept as typed, then checked and shown as members will see it, or
    /// its problems, each by its input.
    pub async fn draft_submit(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
        values: &[(String, String)],
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let (mut d, author) = self.touchable(guild, user, admin, id).await?;
        for (input, value) in values {
            if let Some(f) =
                FormField::from_id(input).filter(|f| FormField::of(d.form.kind).contains(f))
            {
                d.form.set(f, fit(value, f.max_chars()));
            }
        }
        if !self
            .store
            .save_draft_form(guild, id, &d.form, self.clock.now_ms())
            .await?
        {
            return refuse(GONE);
        }
        self.draft_view(&d, author, lang).await
    }

    /// The question a draft describes, checked; its problems otherwise. `topics` are the
    /// guild's `(id, name)`.
    fn checked(
        d: &Draft,
        topics: &[(String, String)],
    ) -> Result<crate::domain::content::Question, Vec<Problem>> {
        let known: Vec<String> = topics.iter().map(|(id, _)| id.clone()).collect();
        let id = match &d.form.question_id {
            Some(id) => id.clone(),
            None => made_up_question_id(&d.form.topic, &d.form.prompt),
        };
        question_of_form(&d.form, &id, &known)
    }

    /// A draft as `viewer` sees it: the preview with what they may do, or its problems.
    async fn draft_view(&self, d: &Draft, viewer: Author, lang: Lang) -> AppResult<OutMessage> {
        let (guild, draft) = (d.guild, d.id);
        let edit = button(
            ComponentId::DraftForm { guild, draft },
            "Edit",
            Style::Secondary,
        );
        let discard = button(
            ComponentId::Draft {
                guild,
                draft,
                step: DraftStep::Discard,
            },
            "Discard",
            Style::Danger,
        );
        let topics = self.store.topics(guild).await?;
        let q = match Self::checked(d, &topics) {
            Ok(q) => q,
            Err(problems) => {
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| form_problem(d.form.kind, p))
                    .collect();
                let text = format!(
                    "Your draft is kept, but it cannot be published yet: {}.\n{}\nPress **Edit** to fix it.",
                    plural(problems.len() as i64, "problem", "problems"),
                    lines.join("\n")
                );
                let mut m = OutMessage::text(fit(&text, MESSAGE_MAX));
                m.buttons = vec![vec![edit, discard]];
                return Ok(m);
            }
        };
        let topic_name = topics
            .into_iter()
            .find(|(id, _)| *id == q.topic)
            .map_or(q.topic.clone(), |(_, name)| name);
        let mut m = preview_card(&q, &topic_name, lang);
        let same_text = match d.form.question_id {
            Some(_) => false,
            None => self.store.live_question(guild, &q.id).await?.is_some(),
        };
        let what = match (&d.form.question_id, same_text) {
            (Some(id), _) => {
                format!("a new version of `{id}` (answers keep the version they answered)")
            }
            (None, true) => format!(
                "a new version of `{}`, which has the same text in this topic",
                q.id
            ),
            (None, false) => format!("question `{}`", q.id),
        };
        let (step, label, next) = match viewer {
            Author::Admin => (
                DraftStep::Publish,
                "Publish",
                "Publish it and members get it in quiz posts, `/quiz` and reviews.",
            ),
            Author::Expert => (
                DraftStep::Propose,
                "Propose",
                "Propose it and an admin can publish it (`/content drafts`).",
            ),
        };
        m.content = fit(
            &format!("**Preview** of {what} in **{topic_name}**, as members will see it. {next}"),
            MESSAGE_MAX,
        );
        let act = button(
            ComponentId::Draft { guild, draft, step },
            label,
            Style::Success,
        );
        m.buttons.push(vec![act, edit, discard]);
        if let Some(e) = m.embed.as_mut() {
            e.footer = Some(format!("Draft {draft} · {}", kind_name(q.kind())));
        }
        Ok(m)
    }

    /// Publish, Propose, Discard or View on a draft.
    pub async fn draft_step(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
        step: DraftStep,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let (d, author) = self.touchable(guild, user, admin, id).await?;
        let now = self.clock.now_ms();
        match step {
            DraftStep::View => self.draft_view(&d, author, lang).await,
            DraftStep::Discard => {
                if !self
                    .store
                    .set_draft_state(guild, id, DraftState::Discarded, now)
                    .await?
                {
                    return refuse(GONE);
                }
                Ok(OutMessage::text(
                    "🗑️ Draft discarded. Nothing was published.",
                ))
            }
            DraftStep::Propose => {
                if !self
                    .store
                    .set_draft_state(guild, id, DraftState::Proposed, now)
                    .await?
                {
                    return refuse(GONE);
                }
                Ok(OutMessage::text(
                    "📨 Proposed. Admins see it with `/content drafts` and can publish it; you can still edit or discard it until then.",
                ))
            }
            DraftStep::Publish => {
                if author != Author::Admin {
                    return refuse("Only admins publish questions. Propose it instead.");
                }
                let topics = self.store.topics(guild).await?;
                let q = match Self::checked(&d, &topics) {
                    Ok(q) => q,
                    Err(_) => return self.draft_view(&d, author, lang).await,
                };
                let said = match self.store.publish_draft(guild, id, &q, now).await? {
                    Published::Added => format!("✅ Published `{}`: members get it from now on.", q.id),
                    Published::Updated => format!(
                        "✅ Published a new version of `{}`: members get it from now on, and earlier answers keep their version.",
                        q.id
                    ),
                    Published::Unchanged => {
                        format!("`{}` already reads exactly so: nothing changed.", q.id)
                    }
                    Published::Closed => return refuse(GONE),
                };
                if d.author != user {
                    return Ok(OutMessage::text(format!(
                        "{said} It was proposed by <@{}>.",
                        d.author
                    )));
                }
                Ok(OutMessage::text(said))
            }
        }
    }

    /// `/content drafts`: what experts proposed, oldest first, with a button to review each.
    pub async fn drafts_waiting(&self, guild: GuildId) -> AppResult<OutMessage> {
        let drafts = self
            .store
            .drafts_in(guild, DraftState::Proposed, 25)
            .await?;
        if drafts.is_empty() {
            return Ok(OutMessage::text(
                "No proposed questions are waiting. Experts propose them with `/propose` when `/config expert-drafts` is on.",
            ));
        }
        let lines: Vec<String> = drafts
            .iter()
            .map(|d| {
                format!(
                    "• Draft {} by <@{}> in `{}`: {}",
                    d.id,
                    d.author,
                    d.form.topic,
                    fit(&d.form.prompt, 80)
                )
            })
            .collect();
        let buttons = drafts
            .iter()
            .take(DRAFTS_SHOWN)
            .map(|d| {
                let id = ComponentId::Draft {
                    guild,
                    draft: d.id,
                    step: DraftStep::View,
                };
                button(id, &format!("Review draft {}", d.id), Style::Primary)
            })
            .collect();
        let mut m = OutMessage {
            embed: Some(Embed {
                title: format!("Proposed questions · {}", drafts.len()),
                description: fit(&lines.join("\n"), 4000),
                url: None,
                footer: Some("Review one to publish, edit or discard it.".into()),
                colour: colours::QUESTION,
            }),
            ..Default::default()
        };
        m.buttons = vec![buttons];
        Ok(m)
    }

    /// `/content retire`: question `id` out of use.
    pub async fn retire_question(&self, guild: GuildId, id: &str) -> AppResult<OutMessage> {
        let id = id.trim();
        if !self
            .store
            .retire_question(guild, id, self.clock.now_ms())
            .await?
        {
            return refuse(format!(
                "There is no question `{}` in use. Pick one from the list as you type.",
                fit(id, 40)
            ));
        }
        Ok(OutMessage::text(format!(
            "Retired `{id}`: it is no longer posted, practised, reviewed, searched or exported. Its answers stay in the figures. Importing or publishing it again brings it back."
        )))
    }

    /// `/config expert-drafts`.
    pub async fn set_expert_drafts(&self, guild: GuildId, on: bool) -> AppResult<OutMessage> {
        self.store
            .set_expert_drafts(guild, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match on {
            true => "Experts can now propose questions with `/propose`; admins publish them from `/content drafts`.",
            false => "Experts can no longer propose questions. Drafts already proposed stay in `/content drafts`.",
        }))
    }

    /// `(id, label)` of questions in use matching `typed`, for autocomplete.
    pub async fn question_choices(
        &self,
        guild: GuildId,
        typed: &str,
    ) -> AppResult<Vec<(String, String)>> {
        let found = self
            .store
            .live_questions_matching(
                guild,
                typed.trim(),
                crate::domain::limits::AUTOCOMPLETE_CHOICES_MAX,
            )
            .await?;
        Ok(found
            .into_iter()
            .map(|(id, prompt)| {
                let label = fit(
                    &format!("{id} · {prompt}"),
                    crate::domain::limits::CHOICE_NAME_MAX,
                );
                (id, label)
            })
            .collect())
    }
}
