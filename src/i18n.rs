//! The bot's languages: every text a member or admin reads is a Fluent message in
//! `locales/<language>/*.ftl`, looked up here by id with its arguments. The files are compiled
//! into the binary, so a fresh machine needs nothing beside it. A message missing in a language
//! falls back to English. The tests below check that every shipped language has every English
//! message with the same placeholders, that every id the code uses exists, that command texts
//! fit Discord, and that `src/app` and `src/discord` write no sentences of their own;
//! `tests/e2e/languages.rs` drives it all through Discord.
//!
//! Who reads decides the language: ephemeral replies and DMs use the member's Discord `locale`,
//! channel posts the server's language (`/config language`, by default Discord's community
//! language). Pure: no async, SQL or Discord types, so `domain/` may use it too.

use crate::t;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentArgs;
use fluent_bundle::FluentResource;
use std::sync::LazyLock;

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

impl Lang {
    /// Every shipped language, English (the fallback) first.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The language's code, as stored and as its folder under `locales/` is named.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language of a code (`de`) or a Discord locale (`en-US`, `es-419`); `None` for a
    /// language not shipped.
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(base))
    }

    /// The language of a Discord locale, English for one not shipped.
    pub fn of_locale(locale: &str) -> Lang {
        Lang::parse(locale).unwrap_or_default()
    }

    /// Discord's locales for this language (command descriptions are registered under each).
    pub fn discord_locales(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en-US", "en-GB"],
            Lang::De => &["de"],
            Lang::Fr => &["fr"],
            Lang::Es => &["es-ES", "es-419"],
        }
    }

    /// The language's own name for itself.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// A number with `digits` decimals as the language writes it (`0.5` / `0,5`).
    pub fn decimal(self, x: f64, digits: usize) -> String {
        let s = format!("{x:.digits$}");
        match self {
            Lang::En => s,
            _ => s.replace('.', ","),
        }
    }

    /// A number as written in the language, with as many decimals as it has (`3.5` / `3,5`).
    pub fn number(self, x: f64) -> String {
        let s = x.to_string();
        match self {
            Lang::En => s,
            _ => s.replace('.', ","),
        }
    }

    /// A day as the language writes it: "23 Nov 2026", "23. Nov. 2026".
    pub fn date(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        t!(
            self,
            "date",
            day = day.day(),
            month = self.month(day.month()),
            year = day.year()
        )
    }

    /// A day without its year: "23 Nov", "23. Nov.".
    pub fn day_month(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        t!(
            self,
            "date-day-month",
            day = day.day(),
            month = self.month(day.month())
        )
    }

    /// A month with its year: "November 2026".
    pub fn month_year(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        t!(
            self,
            "date-month-year",
            month = day.month(),
            year = day.year()
        )
    }

    /// A month's short name (1 = January).
    fn month(self, month: u32) -> String {
        t!(self, "date-month", month = month)
    }

    /// A share (0 to 1) as a whole percentage as the language writes it (`42%` / `42 %`).
    pub fn percent(self, share: f64) -> String {
        let p = (share * 100.0).round();
        match self {
            Lang::En => format!("{p:.0}%"),
            // A narrow no-break space, as French and German typography put it.
            Lang::De | Lang::Fr | Lang::Es => format!("{p:.0}\u{202f}%"),
        }
    }
}

/// The message files of each language, compiled in; a language's area files in this order.
macro_rules! ftl_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../locales/", $lang, "/commands.ftl")),
            include_str!(concat!("../locales/", $lang, "/learning.ftl")),
            include_str!(concat!("../locales/", $lang, "/knowledge.ftl")),
            include_str!(concat!("../locales/", $lang, "/admin.ftl")),
        ]
    };
}

/// The Fluent source of a language, file by file (for the checks).
pub fn sources(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ftl_files!("en"),
        Lang::De => ftl_files!("de"),
        Lang::Fr => ftl_files!("fr"),
        Lang::Es => ftl_files!("es"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// One bundle per language, built on first use.
static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| Lang::ALL.map(bundle).into());

fn bundle(lang: Lang) -> Bundle {
    let id = lang
        .code()
        .parse()
        .expect("a shipped language code is a language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would break Discord's mentions,
    // timestamps and markdown.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        // A file with a syntax error keeps its good messages (the checks refuse such a file).
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, errors)| {
            tracing::error!(language = lang.code(), ?errors, "a message file has errors");
            r
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(
                language = lang.code(),
                ?errors,
                "a message id is defined twice"
            );
        }
    }
    bundle
}

/// The text of message `id` (or of its attribute, `id.attribute`) in `lang` with `args`;
/// English where the language lacks it, and the id itself where English does too (which the
/// checks refuse).
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| format(&BUNDLES[l as usize], id, args))
        .unwrap_or_else(|| {
            tracing::error!(id, "a message id has no text");
            id.to_string()
        })
}

/// Whether `lang` itself (not the English fallback) has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    format(&BUNDLES[lang as usize], id, None).is_some()
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let (message, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "a message was formatted with errors");
    }
    Some(text.into_owned())
}

/// A message in a language: `t!(lang, "quiz-right")` or `t!(lang, "quiz-points", points = 3)`.
/// Arguments are anything Fluent takes (text, numbers).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::text($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::text($lang, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn locales_map_to_languages_and_unknown_ones_to_english() {
        assert_eq!(Lang::parse("de"), Some(Lang::De));
        assert_eq!(Lang::parse("es-419"), Some(Lang::Es));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("ja"), None);
        assert_eq!(Lang::of_locale("pt-BR"), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            for locale in l.discord_locales() {
                assert_eq!(Lang::of_locale(locale), l);
            }
        }
    }

    #[test]
    fn dates_are_written_the_languages_way() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Lang::En.date(d), "5 Mar 2026");
        assert_eq!(Lang::De.date(d), "5. März 2026");
        assert_eq!(Lang::Fr.day_month(d), "5 mars");
        assert_eq!(Lang::Es.month_year(d), "marzo de 2026");
    }

    #[test]
    fn numbers_are_written_the_languages_way() {
        assert_eq!(Lang::En.decimal(0.25, 2), "0.25");
        assert_eq!(Lang::De.decimal(0.25, 2), "0,25");
        assert_eq!(Lang::En.percent(0.421), "42%");
        assert_eq!(Lang::Fr.percent(0.421), "42\u{202f}%");
    }

    #[test]
    fn messages_take_arguments_and_fall_back_to_english() {
        let en = t!(Lang::En, "error-bot-side");
        assert!(en.starts_with("Sorry"), "{en}");
        assert_ne!(t!(Lang::De, "error-bot-side"), en);
        let guild_only = t!(Lang::Fr, "error-guild-only", command = "quiz");
        assert!(guild_only.contains("`/quiz`"), "{guild_only}");
        assert!(!guild_only.contains('\u{2068}'), "no isolation marks");
        assert_eq!(text(Lang::De, "no-such-message", None), "no-such-message");
    }

    /// Each message of a language's files (and each attribute, as `id.attribute`) with the
    /// placeholders it uses, sorted; syntax errors and repeated ids fail.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let variable = Regex::new(r"\$([a-zA-Z][a-zA-Z0-9_-]*)").unwrap();
        let entry = Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
        let mut all = BTreeMap::new();
        for source in sources(lang) {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{}: syntax errors {errors:?}", lang.code());
            }
            let mut current: Option<String> = None;
            for line in source.lines() {
                let trimmed = line.trim_start();
                if line.starts_with('#') || trimmed.is_empty() {
                    continue;
                }
                if let Some(id) = entry.captures(line) {
                    current = Some(id[1].to_string());
                } else if let Some(attribute) = trimmed.strip_prefix('.') {
                    let (name, _) = attribute.split_once('=').expect("`.attribute = text`");
                    let message = current.as_deref().unwrap_or_default();
                    let message = message.split('.').next().unwrap_or_default();
                    current = Some(format!("{message}.{}", name.trim()));
                }
                let id = current.clone().expect("text after an id");
                let vars: &mut BTreeSet<String> = all.entry(id).or_default();
                vars.extend(variable.captures_iter(line).map(|c| c[1].to_string()));
            }
        }
        all
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let english = messages(Lang::En);
        assert!(english.len() > 100, "{} messages", english.len());
        for lang in &Lang::ALL[1..] {
            let theirs = messages(*lang);
            let missing: Vec<_> = english
                .keys()
                .filter(|id| !theirs.contains_key(*id))
                .collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            let extra: Vec<_> = theirs
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(
                extra.is_empty(),
                "{} has ids English lacks: {extra:?}",
                lang.code()
            );
            for (id, vars) in &english {
                assert_eq!(&theirs[id], vars, "{}: {id}'s placeholders", lang.code());
            }
        }
    }

    /// Every `t!(lang, "id", …)` in the code names a message English has.
    #[test]
    fn every_message_the_code_uses_exists() {
        let used = Regex::new(r#"\bt!\(\s*[^,]+,\s*"([a-z0-9.-]+)""#).unwrap();
        let english = messages(Lang::En);
        let mut files = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        let mut count = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            // Comments may show examples.
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for c in used.captures_iter(&code) {
                count += 1;
                let id = &c[1];
                assert!(
                    english.contains_key(id),
                    "{}: no message {id}",
                    path.display()
                );
            }
        }
        assert!(count > 20, "{count} uses found");
    }

    /// The files of `src/app` and `src/discord` that may write sentences of their own, and why:
    /// the review of what members and admins never read. Every other file's texts go through
    /// the messages, and the test below fails on a sentence written in one of them.
    const EXEMPT: &[(&str, &str)] = &[
        (
            "src/app/fitting.rs",
            "`peerlearn fit` prints to the operator's terminal",
        ),
        (
            "src/app/reports/export.rs",
            "the CSV's notes are data, like its column names",
        ),
        (
            "src/discord/connect.rs",
            "start-up errors and request names for the operator",
        ),
        (
            "src/discord/port.rs",
            "delivery errors kept in the outbox and the log",
        ),
    ];

    /// Sentences written in code (two words or more in a string literal), outside tests,
    /// comments, logs, panics and SQL.
    fn written_sentences(code: &str) -> Vec<String> {
        let literal = Regex::new(r#""((?:[^"\\]|\\.)*)""#).unwrap();
        let sentence = Regex::new(r"[A-Za-z]{2,} [^\n]*[A-Za-z]{2,}").unwrap();
        let sql = Regex::new(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE)\b").unwrap();
        let not_shown = [
            "tracing::",
            "panic!(",
            "expect(",
            "anyhow!(",
            "unreachable!(",
            "#[error(",
            "#[name",
            "#[poise::command",
            "error = %",
            "warn!(",
            "error!(",
        ];
        let code = code.split("#[cfg(test)]").next().unwrap_or_default();
        let code = without_logs(code);
        code.lines()
            .filter(|l| !l.trim_start().starts_with("//") && !l.ends_with("// (data)"))
            .filter(|l| !not_shown.iter().any(|n| l.contains(n)))
            .flat_map(|l| {
                literal
                    .captures_iter(l)
                    .map(|c| c[1].to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|s| sentence.is_match(s) && !sql.is_match(s))
            .collect()
    }

    /// `code` without its `tracing::…!(…)` calls (log lines are for operators, in English).
    fn without_logs(code: &str) -> String {
        let mut out = String::with_capacity(code.len());
        let mut rest = code;
        while let Some(start) = rest.find("tracing::") {
            out.push_str(&rest[..start]);
            let call = &rest[start..];
            let Some(open) = call.find('(') else { break };
            let mut depth = 0;
            let mut end = call.len();
            for (i, c) in call.char_indices().skip(open) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            rest = &call[end..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn app_and_discord_write_no_sentences_of_their_own() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("src/app"), root.join("src/discord")];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let name = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !name.ends_with(".rs") || EXEMPT.iter().any(|(f, _)| *f == name) {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            let found = written_sentences(&code);
            assert!(
                found.is_empty(),
                "{name} writes {found:?}: move them to locales/"
            );
            checked += 1;
        }
        assert!(checked > 50, "{checked} files checked");
        for (file, _) in EXEMPT {
            assert!(root.join(file).exists(), "{file} is exempt but gone");
        }
        // The check finds what it looks for.
        let sample = "let m = OutMessage::text(\"Nothing is due for you\");\n\
                      tracing::info!(\n    n = 1,\n    \"a log line\"\n);";
        assert_eq!(written_sentences(sample), vec!["Nothing is due for you"]);
    }

    /// Every command, option and choice has its texts, within Discord's 100 characters.
    #[test]
    fn every_command_text_exists_and_fits() {
        for id in crate::discord::commands::message_ids() {
            for lang in Lang::ALL {
                assert!(has(lang, &id), "{}: no {id}", lang.code());
                let text = text(lang, &id, None);
                let n = text.chars().count();
                assert!(
                    (1..=100).contains(&n),
                    "{}: {id} has {n} characters",
                    lang.code()
                );
            }
        }
    }
}
