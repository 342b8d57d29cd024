//! `/leaderboard`: points per member or team in a week, month, season or all time, the "most
//! improved" board, the scheduled board posts with each period's final standings, and the
//! admin settings behind them (`/config team-role`, `/config season-length`).

use super::message::{colours, Embed, OutMessage};
use super::{refuse, App, AppResult};
use crate::domain::boards::{improvement, rank, team_score, BoardScope, Ranked, Standing};
use crate::domain::format::fit;
use crate::domain::ids::{GuildId, RoleId, UserId};
use crate::domain::limits::{EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX};
use crate::domain::periods::{Period, Span, SEASON_WEEKS};
use crate::domain::schedule::ScheduleRow;
use crate::i18n::Lang;
use crate::t;
use chrono::NaiveDate;

/// Whose points a board ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardBy {
    Member,
    Team,
}

/// Which board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardKind {
    /// Most points.
    Points,
    /// Largest rise in accuracy over the previous period.
    Improved,
}

/// A `/leaderboard` request.
#[derive(Debug, Clone, Copy)]
pub struct BoardRequest<'a> {
    pub guild: GuildId,
    pub caller: UserId,
    pub period: Period,
    pub topic: Option<&'a str>,
    pub by: BoardBy,
    pub kind: BoardKind,
    /// The language of the caller's reply.
    pub lang: Lang,
}

/// A board's heading and lines, ready to show.
struct Board {
    title: String,
    lines: Vec<String>,
    /// Members or teams listed (0: the board is empty).
    entries: usize,
}

const MEDALS: [&str; 3] = ["🥇", "🥈", "🥉"];

fn place(rank: usize) -> String {
    match MEDALS.get(rank.wrapping_sub(1)) {
        Some(m) => m.to_string(),
        None => format!("**{rank}.**"),
    }
}

/// "75%" (rounded as everywhere in the bot), or "–" when there is nothing to count.
pub(super) fn percent(part: i64, whole: i64) -> String {
    match crate::domain::quiz::percent_correct(part, whole) {
        Some(p) => format!("{p}%"),
        None => "–".into(),
    }
}

impl App {
    /// `/leaderboard`: the top of a board plus the caller's own place (ephemeral).
    pub async fn leaderboard(&self, req: BoardRequest<'_>) -> AppResult<OutMessage> {
        let lang = req.lang;
        let topic_name = match req.topic {
            Some(t) => Some(self.known_topic(req.guild, t, lang).await?),
            None => None,
        };
        if req.kind == BoardKind::Improved && req.period == Period::All {
            return refuse(t!(lang, "board-improved-needs-period"));
        }
        if req.kind == BoardKind::Improved && req.by == BoardBy::Team {
            return refuse(t!(lang, "board-improved-members-only"));
        }
        let today = self.local_day(req.guild, self.clock.now()).await?;
        let weeks = self.season_weeks(req.guild).await?;
        let span = Span::containing(req.period, today, weeks);
        let mut board = match (req.by, req.kind) {
            (BoardBy::Team, _) => self.team_board(req.guild, &span, req.topic, lang).await?,
            (BoardBy::Member, BoardKind::Points) => {
                self.points_board(req.guild, &span, req.topic, Some(req.caller), lang)
                    .await?
            }
            (BoardBy::Member, BoardKind::Improved) => {
                let me = Some(req.caller);
                self.improved_board(req.guild, &span, weeks, req.topic, me, lang)
                    .await?
            }
        };
        if let Some(name) = topic_name {
            board.title.push_str(&format!(" · {}", fit(&name, 60)));
        }
        let footer = (req.period != Period::All).then(|| {
            t!(
                lang,
                "board-next-period",
                period = req.period.as_str(),
                day = lang.day_month(span.end)
            )
        });
        Ok(board_message(board, footer))
    }

    /// Members by points in `span`, with `me`'s place added when they are not in the top.
    async fn points_board(
        &self,
        guild: GuildId,
        span: &Span,
        topic: Option<&str>,
        me: Option<UserId>,
        lang: Lang,
    ) -> AppResult<Board> {
        let scope = scope(guild, span, topic);
        let top = self
            .store
            .top_members(scope, self.settings.boards.top)
            .await?;
        let standings = top
            .iter()
            .map(|t| Standing {
                id: t.user,
                score: t.points as f64,
                detail: t!(
                    lang,
                    "board-answers-right",
                    answers = t.tally.answers,
                    right = percent(t.tally.correct, t.tally.answers)
                ),
            })
            .collect();
        let ranked = rank(standings);
        let mut lines: Vec<String> = ranked
            .iter()
            .map(|r| {
                let points = t!(lang, "board-points", points = r.standing.score);
                let who = format!("{} <@{}>", place(r.rank), r.standing.id);
                format!("{who} — {points} · {}", r.standing.detail)
            })
            .collect();
        if lines.is_empty() {
            lines.push(t!(
                lang,
                "board-points-empty",
                period = span.period.as_str()
            ));
        }
        if let Some(me) = me.filter(|m| !ranked.iter().any(|r| r.standing.id == m.0)) {
            lines.push(String::new());
            lines.push(match self.store.member_standing(scope, me).await? {
                Some((rank, t)) => t!(lang, "board-you", rank = rank, points = t.points),
                None => t!(lang, "board-you-none"),
            });
        }
        Ok(Board {
            title: format!("🏆 {}", t!(lang, "board-title", span = span.label(lang))),
            lines,
            entries: ranked.len(),
        })
    }

    /// Members by their rise in accuracy over the previous period.
    async fn improved_board(
        &self,
        guild: GuildId,
        span: &Span,
        season_weeks: u32,
        topic: Option<&str>,
        me: Option<UserId>,
        lang: Lang,
    ) -> AppResult<Board> {
        let Some(before) = span.previous(season_weeks) else {
            return refuse(t!(lang, "board-improved-needs-period"));
        };
        let scope = scope(guild, span, topic);
        let min = i64::from(self.settings.boards.improved_min_answers);
        let pairs = self.store.tally_pairs(scope, &before.key, min).await?;
        let standings = pairs
            .iter()
            .filter_map(|p| {
                let gain = improvement(p.now, p.before, min)?;
                Some(Standing {
                    id: p.user,
                    score: gain.round(),
                    detail: t!(
                        lang,
                        "board-improved-detail",
                        before = percent(p.before.correct, p.before.answers),
                        now = percent(p.now.correct, p.now.answers),
                        answers = p.now.answers
                    ),
                })
            })
            .collect();
        let ranked: Vec<Ranked> = rank(standings);
        let top = self.settings.boards.top as usize;
        let mut lines: Vec<String> = ranked
            .iter()
            .take(top)
            .map(|r| {
                format!(
                    "{} <@{}> — **+{}** · {}",
                    place(r.rank),
                    r.standing.id,
                    r.standing.score,
                    r.standing.detail
                )
            })
            .collect();
        if lines.is_empty() {
            let period = span.period.as_str();
            lines.push(t!(lang, "board-improved-empty", period = period, min = min));
        }
        let listed = ranked.len().min(top);
        let place_of_me = me.map(|m| ranked.iter().position(|r| r.standing.id == m.0));
        match place_of_me {
            Some(Some(i)) if i >= listed => {
                let r = &ranked[i];
                lines.push(String::new());
                lines.push(t!(
                    lang,
                    "board-improved-you",
                    rank = r.rank,
                    gain = r.standing.score
                ));
            }
            Some(None) => {
                lines.push(String::new());
                let period = span.period.as_str();
                lines.push(t!(
                    lang,
                    "board-improved-you-none",
                    period = period,
                    min = min
                ));
            }
            _ => {}
        }
        Ok(Board {
            title: format!(
                "📈 {}",
                t!(lang, "board-improved-title", span = span.label(lang))
            ),
            lines,
            entries: listed,
        })
    }

    /// Teams by points per member.
    async fn team_board(
        &self,
        guild: GuildId,
        span: &Span,
        topic: Option<&str>,
        lang: Lang,
    ) -> AppResult<Board> {
        let scope = scope(guild, span, topic);
        let teams = self.store.team_totals(scope).await?;
        if teams.is_empty() {
            return refuse(t!(lang, "board-no-teams"));
        }
        let standings = teams
            .iter()
            .map(|t| Standing {
                id: t.role.0,
                score: (team_score(t.points, t.members) * 10.0).round() / 10.0,
                detail: t!(
                    lang,
                    "board-team-detail",
                    members = t.members,
                    points = t.points
                ),
            })
            .collect();
        let ranked = rank(standings);
        let lines = ranked
            .iter()
            .take(self.settings.boards.top as usize)
            .map(|r| {
                let score = lang.decimal(r.standing.score, 1);
                let per_member = t!(lang, "board-per-member", score = score);
                let who = format!("{} <@&{}>", place(r.rank), r.standing.id);
                format!("{who} — {per_member} · {}", r.standing.detail)
            })
            .collect();
        Ok(Board {
            title: format!(
                "🏆 {}",
                t!(lang, "board-teams-title", span = span.label(lang))
            ),
            lines,
            entries: ranked.len(),
        })
    }

    /// What a `leaderboard` schedule posts: first the final standings of each period that
    /// ended since its last run (the week, and the season when one ended), then the current
    /// week so far with its most improved. Returns the posts and the finals they settle.
    pub(super) async fn scheduled_boards(
        &self,
        s: &ScheduleRow,
        today: NaiveDate,
    ) -> AppResult<(Vec<OutMessage>, Vec<Span>)> {
        let weeks = self.season_weeks(s.guild).await?;
        let topic = s.topic.as_deref();
        // A channel post: the server's language.
        let lang = self.guild_lang(s.guild).await?;
        let created_day = self.local_day(s.guild, ms_to_utc(s.created_ms)).await?;
        let mut posts = vec![];
        let mut finals = vec![];
        for period in [Period::Week, Period::Season] {
            let Some(ended) = Span::containing(period, today, weeks).previous(weeks) else {
                continue;
            };
            // Only periods the schedule was there for, and only once each.
            if created_day >= ended.end || self.store.board_final_posted(s.id, &ended).await? {
                continue;
            }
            let board = self
                .points_board(s.guild, &ended, topic, None, lang)
                .await?;
            if board.entries > 0 {
                let title = format!(
                    "🏁 {}",
                    t!(lang, "board-final-title", span = ended.label(lang))
                );
                let footer = t!(lang, "board-final-footer");
                posts.push(board_message(Board { title, ..board }, Some(footer)));
            }
            finals.push(ended);
        }
        let week = Span::containing(Period::Week, today, weeks);
        let mut board = self.points_board(s.guild, &week, topic, None, lang).await?;
        let improved = self
            .improved_board(s.guild, &week, weeks, topic, None, lang)
            .await?;
        if improved.entries > 0 {
            board.lines.push(String::new());
            board.lines.push(format!("**{}**", improved.title));
            board.lines.extend(improved.lines.into_iter().take(3));
        }
        board.title = format!(
            "🏆 {}",
            t!(lang, "board-week-title", span = week.label(lang))
        );
        let footer = t!(lang, "board-week-footer", day = lang.day_month(week.end));
        posts.push(board_message(board, Some(footer)));
        Ok((posts, finals))
    }

    /// `/config team-role`: makes a role a team on the boards, or (remove) stops it being one.
    pub async fn set_team_role(
        &self,
        guild: GuildId,
        role: RoleId,
        name: &str,
        remove: bool,
        by: UserId,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let mention = format!("<@&{role}>");
        if remove {
            return Ok(OutMessage::text(
                if self.store.remove_team_role(guild, role).await? {
                    t!(lang, "team-removed", role = mention)
                } else {
                    t!(lang, "team-was-not", role = mention)
                },
            ));
        }
        let changed = self
            .store
            .add_team_role(guild, role, &fit(name, 100), by, self.clock.now_ms())
            .await?;
        let teams = self.store.team_roles(guild).await?;
        let said = match changed {
            true => t!(lang, "team-added", role = mention),
            false => t!(lang, "team-already", role = mention),
        };
        let teams = teams
            .iter()
            .map(|(r, _)| format!("<@&{r}>"))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(OutMessage::text(format!(
            "{said} {}",
            t!(lang, "team-list", teams = teams)
        )))
    }

    /// `/config season-length`: weeks per season. The season that now contains today is
    /// recounted from the ledger, so its board is complete at once.
    pub async fn set_season_length(
        &self,
        guild: GuildId,
        weeks: i64,
        lang: Lang,
    ) -> AppResult<OutMessage> {
        let (lo, hi) = SEASON_WEEKS;
        let Some(weeks) = u32::try_from(weeks).ok().filter(|w| (lo..=hi).contains(w)) else {
            return refuse(t!(lang, "season-range", min = lo, max = hi, weeks = weeks));
        };
        let today = self.local_day(guild, self.clock.now()).await?;
        let season = Span::containing(Period::Season, today, weeks);
        self.store
            .set_season_weeks(guild, weeks, &season, self.clock.now_ms())
            .await?;
        Ok(OutMessage::text(t!(
            lang,
            "season-set",
            weeks = weeks,
            season = season.label(lang),
            since = lang.day_month(season.start)
        )))
    }
}

/// The totals a board of `span` reads (`topic` `None` = all topics).
fn scope<'a>(guild: GuildId, span: &'a Span, topic: Option<&'a str>) -> BoardScope<'a> {
    BoardScope {
        guild,
        period: span.period,
        key: &span.key,
        topic: topic.unwrap_or(""),
    }
}

fn board_message(board: Board, footer: Option<String>) -> OutMessage {
    OutMessage {
        embed: Some(Embed {
            title: fit(&board.title, EMBED_TITLE_MAX),
            description: fit(&board.lines.join("\n"), EMBED_DESCRIPTION_MAX),
            footer,
            colour: colours::BOARD,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn ms_to_utc(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
