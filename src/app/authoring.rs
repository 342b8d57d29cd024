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
use crate::domain::format::fit;
use crate::domain::ids::{DraftId, GuildId, UserId};
use crate::domain::limits::MESSAGE_MAX;
use crate::i18n::Lang;
use crate::store::Published;
use crate::t;

/// Drafts `/content drafts` lists, and reviews with a button each (one row of buttons).
const DRAFTS_SHOWN: usize = 5;

/// The name a kind goes by in titles.
fn kind_name(kind: QuestionKind, lang: Lang) -> String {
    match kind {
        QuestionKind::Single => t!(lang, "kind-single"),
        QuestionKind::TrueFalse => t!(lang, "kind-true-false"),
        QuestionKind::Multiple => t!(lang, "kind-multiple"),
        QuestionKind::ShortAnswer => t!(lang, "kind-short-answer"),
        QuestionKind::Numeric => t!(lang, "kind-numeric"),
    }
}

/// The form of a draft, filled in as its author left it.
fn form_of(guild: GuildId, draft: DraftId, form: &QuestionForm, lang: Lang) -> Form {
    let title = match form.question_id {
        Some(_) => t!(lang, "draft-form-edit", kind = kind_name(form.kind, lang)),
        None => t!(lang, "draft-form-new", kind = kind_name(form.kind, lang)),
    };
    Form {
        custom_id: ComponentId::DraftForm { guild, draft }.encode(),
        title: fit(&title, 45),
        inputs: FormField::of(form.kind)
            .iter()
            .map(|&f| FormInput {
                id: f.id().to_string(),
                label: fit(&f.label(form.kind, lang), 45),
                paragraph: f.paragraph(),
                required: f.required(),
                max_chars: f.max_chars(),
                value: fit(form.get(f), f.max_chars()),
                placeholder: fit(&f.placeholder(form.kind, lang), 100),
            })
            .collect(),
    }
}

/// A problem of a submitted form, by the input it is in.
fn form_problem(kind: QuestionKind, p: &Problem, lang: Lang) -> String {
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
        Some(f) => format!("• **{}**: {}", f.label(kind, lang), p.reason),
        None => format!("• {}", p.reason),
    }
}

fn button(id: ComponentId, label: String, style: Style) -> Button {
    Button {
        custom_id: id.encode(),
        label,
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
        lang: Lang,
    ) -> AppResult<Form> {
        if self.author(guild, user, admin).await?.is_none() {
            return refuse(t!(lang, "draft-not-author"));
        }
        let topics = self.store.topics(guild).await?;
        let typed = topic.trim();
        let Some((topic, _)) = topics
            .iter()
            .find(|(id, name)| id == typed || name.eq_ignore_ascii_case(typed))
        else {
            return refuse(t!(lang, "draft-unknown-topic", topic = fit(typed, 40)));
        };
        let form = QuestionForm::new(kind, topic);
        let draft = self
            .store
            .create_draft(guild, user, &form, self.clock.now_ms())
            .await?;
        Ok(form_of(guild, draft, &form, lang))
    }

    /// `/content edit`: the form of question `id` as it reads now.
    pub async fn draft_of_question(
        &self,
        guild: GuildId,
        user: UserId,
        id: &str,
        lang: Lang,
    ) -> AppResult<Form> {
        let Some(v) = self.store.live_question(guild, id.trim()).await? else {
            return refuse(t!(lang, "question-not-in-use", id = fit(id.trim(), 40)));
        };
        let form = QuestionForm::of_question(&v.question, lang).or_else(refuse)?;
        let draft = self
            .store
            .create_draft(guild, user, &form, self.clock.now_ms())
            .await?;
        Ok(form_of(guild, draft, &form, lang))
    }

    /// An open draft `user` may touch, or a refusal.
    async fn touchable(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
        lang: Lang,
    ) -> AppResult<(Draft, Author)> {
        let Some(author) = self.author(guild, user, admin).await? else {
            return refuse(t!(lang, "draft-not-author"));
        };
        match self.store.draft(guild, id).await? {
            Some(d) if may_touch(&d, user, Some(author)) => Ok((d, author)),
            Some(d) if !d.state.open() => refuse(t!(lang, "draft-gone")),
            _ => refuse(t!(lang, "draft-not-yours")),
        }
    }

    /// "Edit" on a draft: its form again.
    pub async fn draft_form(
        &self,
        guild: GuildId,
        user: UserId,
        admin: bool,
        id: DraftId,
        lang: Lang,
    ) -> AppResult<Form> {
        let (d, _) = self.touchable(guild, user, admin, id, lang).await?;
        Ok(form_of(guild, d.id, &d.form, lang))
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
        let (mut d, author) = self.touchable(guild, user, admin, id, lang).await?;
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
            return refuse(t!(lang, "draft-gone"));
        }
        self.draft_view(&d, author, lang).await
    }

    /// The question a draft describes, checked; its problems otherwise. `topics` are the
    /// guild's `(id, name)`.
    fn checked(
        d: &Draft,
        topics: &[(String, String)],
        lang: Lang,
    ) -> Result<crate::domain::content::Question, Vec<Problem>> {
        let known: Vec<String> = topics.iter().map(|(id, _)| id.clone()).collect();
        let id = match &d.form.question_id {
            Some(id) => id.clone(),
            None => made_up_question_id(&d.form.topic, &d.form.prompt),
        };
        question_of_form(&d.form, &id, &known, lang)
    }

    /// A draft as `viewer` sees it: the preview with what they may do, or its problems.
    async fn draft_view(&self, d: &Draft, viewer: Author, lang: Lang) -> AppResult<OutMessage> {
        let (guild, draft) = (d.guild, d.id);
        let edit = button(
            ComponentId::DraftForm { guild, draft },
            t!(lang, "draft-edit"),
            Style::Secondary,
        );
        let discard = button(
            ComponentId::Draft {
                guild,
                draft,
                step: DraftStep::Discard,
            },
            t!(lang, "draft-discard"),
            Style::Danger,
        );
        let topics = self.store.topics(guild).await?;
        let q = match Self::checked(d, &topics, lang) {
            Ok(q) => q,
            Err(problems) => {
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| form_problem(d.form.kind, p, lang))
                    .collect();
                let kept = t!(lang, "draft-problems", count = problems.len());
                let fix = t!(lang, "draft-press-edit");
                let text = format!("{kept}\n{}\n{fix}", lines.join("\n"));
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
            (Some(id), _) => t!(lang, "draft-what-version", id = id.as_str()),
            (None, true) => t!(lang, "draft-what-same-text", id = q.id.as_str()),
            (None, false) => t!(lang, "draft-what-new", id = q.id.as_str()),
        };
        let (step, label, next) = match viewer {
            Author::Admin => (
                DraftStep::Publish,
                t!(lang, "draft-publish"),
                t!(lang, "draft-publish-next"),
            ),
            Author::Expert => (
                DraftStep::Propose,
                t!(lang, "draft-propose"),
                t!(lang, "draft-propose-next"),
            ),
        };
        let preview = t!(
            lang,
            "draft-preview",
            what = what,
            topic = topic_name.as_str()
        );
        m.content = fit(&format!("{preview} {next}"), MESSAGE_MAX);
        let act = button(
            ComponentId::Draft { guild, draft, step },
            label,
            Style::Success,
        );
        m.buttons.push(vec![act, edit, discard]);
        if let Some(e) = m.embed.as_mut() {
            let footer = t!(
                lang,
                "draft-footer",
                id = draft.to_string(),
                kind = kind_name(q.kind(), lang)
            );
            e.footer = Some(footer);
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
        let (d, author) = self.touchable(guild, user, admin, id, lang).await?;
        let now = self.clock.now_ms();
        match step {
            DraftStep::View => self.draft_view(&d, author, lang).await,
            DraftStep::Discard | DraftStep::Propose => {
                let (state, said) = if step == DraftStep::Discard {
                    (
                        DraftState::Discarded,
                        format!("🗑️ {}", t!(lang, "draft-discarded")),
                    )
                } else {
                    (
                        DraftState::Proposed,
                        format!("📨 {}", t!(lang, "draft-proposed")),
                    )
                };
                if !self.store.set_draft_state(guild, id, state, now).await? {
                    return refuse(t!(lang, "draft-gone"));
                }
                Ok(OutMessage::text(said))
            }
            DraftStep::Publish => {
                if author != Author::Admin {
                    return refuse(t!(lang, "draft-admins-publish"));
                }
                let topics = self.store.topics(guild).await?;
                let q = match Self::checked(&d, &topics, lang) {
                    Ok(q) => q,
                    Err(_) => return self.draft_view(&d, author, lang).await,
                };
                let id = q.id.as_str();
                let said = match self.store.publish_draft(guild, d.id, &q, now).await? {
                    Published::Added => format!("✅ {}", t!(lang, "draft-published", id = id)),
                    Published::Updated => {
                        format!("✅ {}", t!(lang, "draft-published-version", id = id))
                    }
                    Published::Unchanged => t!(lang, "draft-unchanged", id = id),
                    Published::Closed => return refuse(t!(lang, "draft-gone")),
                };
                if d.author != user {
                    let by = t!(
                        lang,
                        "draft-proposed-by",
                        author = format!("<@{}>", d.author)
                    );
                    return Ok(OutMessage::text(format!("{said} {by}")));
                }
                Ok(OutMessage::text(said))
            }
        }
    }

    /// `/content drafts`: what experts proposed, oldest first, with a button to review each.
    pub async fn drafts_waiting(&self, guild: GuildId, lang: Lang) -> AppResult<OutMessage> {
        let drafts = self
            .store
            .drafts_in(guild, DraftState::Proposed, 25)
            .await?;
        if drafts.is_empty() {
            return Ok(OutMessage::text(t!(lang, "drafts-none")));
        }
        let lines: Vec<String> = drafts
            .iter()
            .map(|d| {
                let line = t!(
                    lang,
                    "drafts-line",
                    id = d.id.to_string(),
                    author = format!("<@{}>", d.author),
                    topic = d.form.topic.as_str(),
                    prompt = fit(&d.form.prompt, 80)
                );
                format!("• {line}")
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
                button(
                    id,
                    t!(lang, "drafts-review", id = d.id.to_string()),
                    Style::Primary,
                )
            })
            .collect();
        let mut m = OutMessage {
            embed: Some(Embed {
                title: t!(lang, "drafts-title", count = drafts.len()),
                description: fit(&lines.join("\n"), 4000),
                url: None,
                footer: Some(t!(lang, "drafts-footer")),
                colour: colours::QUESTION,
            }),
            ..Default::default()
        };
        m.buttons = vec![buttons];
        Ok(m)
    }

    /// `/content retire`: question `id` out of use.
    pub async fn retire_question(
        &self,
        guild: GuildId,
        id: &str,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let id = id.trim();
        if !self
            .store
            .retire_question(guild, id, self.clock.now_ms())
            .await?
        {
            return refuse(t!(lang, "question-not-in-use", id = fit(id, 40)));
        }
        Ok(OutMessage::text(t!(lang, "question-retired", id = id)))
    }

    /// `/config expert-drafts`.
    pub async fn set_expert_drafts(
        &self,
        guild: GuildId,
        on: bool,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        self.store
            .set_expert_drafts(guild, on, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(match on {
            true => t!(lang, "expert-drafts-on"),
            false => t!(lang, "expert-drafts-off"),
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
