# What admins read: settings, schedules, content, reports.

config-language-set = Channel posts are now in **{ $language }**. Replies and direct messages follow each member's own Discord language.
config-language-auto = Channel posts now follow the server's community language on Discord (now **{ $language }**). Replies and direct messages follow each member's own Discord language.
config-timezone-set = Time zone set to **{ $zone }**. Schedules without their own zone and daily streaks now follow it.
config-quiz-window-range = The quiz window must be between { $min } and { $max } minutes.
config-quiz-window-set = Channel quizzes now stay open for **{ $minutes } minutes**, then reveal the answer.
timezone-unknown = `{ $name }` is not a time zone name. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC` (start typing and pick from the list).
team-removed = { $role } is no longer a team on the boards. Its members keep their points.
team-was-not = { $role } was not a team.
team-added = { $role } is now a team on the boards.
team-already = { $role } was already a team.
team-list = Teams: { $teams }. Members count for their team from their next command or click; `/leaderboard by: team` ranks teams by points per member, so size does not decide.
season-range = A season lasts { $min } to { $max } weeks; { $weeks } is outside that.
season-set = Seasons now last { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
}. This one: { $season } (its board counts every point since { $since }).
report-refreshers = Refreshers in { $span }: { $days } topic-days, on { $topics } topic(s).
report-requests-title = Content requests, { $span }
report-correlation = Correlation, not causation: other things change too.
report-computed-at = Knowledge, item flags, recall forecast and support list as of { $time } today (computed once a day).
report-title = Report — { $span } (so far)
report-csv = Report for { $before ->
    [0] { $span }
    [one] { $span } and the 1 before it
   *[other] { $span } and the { $before } before it
}: one row per metric, topic, group and period. Figures about fewer than { $min } people are left empty (see the `note` column); members who may need support are counted, not named.
digest-unanswered = Unanswered last week
digest-support = **{ $count ->
    [one] 1 member may
   *[other] { $count } members may
} need support.** An admin sees who and why with `/report`.
digest-footer = `/report` has the details, the CSV and the trend chart.
digest-title = Weekly digest — { $span }
kpi-not-csv = `{ $name }` is not a CSV file. Attach a `.csv` with the columns date, team, metric, value, e.g. `2026-11-23,Support,tickets_reopened,12`.
kpi-imported = Imported { $values ->
    [one] 1 value
   *[other] { $values } values
} for { $metrics ->
    [one] 1 metric
   *[other] { $metrics } metrics
} and { $teams ->
    [one] 1 team
   *[other] { $teams } teams
}, { $from } to { $to }. `/report` now relates them to the teams' learning (as correlation, with n).
requests-counts = { $asks ->
    [one] 1 ask
   *[other] { $asks } asks
}, { $people ->
    [one] 1 person
   *[other] { $people } people
}
requests-answered = answered as #{ $id }: `/kb draft id:{ $id }` makes it content
requests-heading = **{ $heading }** (questions the knowledge base could not answer, grouped by topic and wording: content to write)
requests-more = and { $count } more: `/content requests`
requests-days-range = Look back 1 to { $max } days (default { $default }).
requests-none = Nothing went unanswered by the knowledge base in the last { $days ->
    [one] day
   *[other] { $days } days
}.
requests-summary = { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} the knowledge base could not answer in the last { $days ->
    [one] day
   *[other] { $days } days
}, in { $requests ->
    [one] 1 request
   *[other] { $requests } requests
} (grouped by topic and wording):
requests-more-rare = and { $count } more asked once each or less often
requests-flagged = **Quiz questions with poor results** (from members' first tries): rewrite or explain better
requests-title = Content requests
requests-footer = Write a tip, a question or a flashcard for these, and /content import it; /kb draft turns an accepted answer into a draft.
kb-draft-experts-only = Drafting content from answers is for experts (`/expert join`) and admins.
kb-draft-question =
    # A quiz question from the same answer: write two or more wrong choices, then
    # remove the '#' signs and import it.
    #
    # [[question]]
    # id = "kb-{ $id }-q"
    # topic = { $topic }
    # prompt = { $prompt }
    # choices = [{ $right }, "a plausible wrong answer", "another wrong answer"]
    # correct = "A"
    # explanation = { $explanation }
kb-draft-made = A draft from answer #{ $id }: a flashcard ready for `/content import`, and a quiz question to finish (commented out). Edit it, then import it.
retention-range = Keep data for 0 days (forever) or between { $min } and { $max } days, not { $days }.
retention-forever = kept until a member deletes theirs
retention-days = deleted after { $days } days
retention-set = Raw events (answers, points, question history, sent posts) are now { $kept }.{ $days ->
    [0] {""}
   *[other] {" "}Older ones are deleted within the hour.
} Boards, progress and review schedules are kept.
cron-help = Use 5 fields: minute hour day-of-month month day-of-week, e.g. `0 9 * * MON-FRI` (09:00 on weekdays) or `30 8 * * *` (08:30 daily). A 6th field in front gives seconds.
cron-empty = The cron expression is empty.
cron-fields = `{ $source }` has { $n } fields; a cron expression has 5 (or 6 with seconds).
cron-invalid = `{ $source }` is not a valid cron expression ({ $error }).
cron-never = `{ $source }` never matches a real date.
cron-day-number = bad day number
cron-day-range = day of week { $n } is out of range (0–7, 0 and 7 are Sunday, or MON–SUN).
topic-unknown-known = There is no topic `{ $topic }`. Pick one from the list: { $known }.
schedule-unknown-kind = Unknown kind `{ $kind }`; use one of: { $kinds }.
schedule-digest-topic = A digest covers every topic: add it without `topic`.
schedule-added = Schedule **#{ $id }** added: a { $kind } in { $channel } at `{ $cron }` ({ $zone }).
schedule-added-topic = Schedule **#{ $id }** added: a { $kind } on `{ $topic }` in { $channel } at `{ $cron }` ({ $zone }).
schedule-next-runs = Next runs:
schedules-none = No schedules yet. Add one with `/schedule add`, e.g. kind `quiz`, cron `0 9 * * MON-FRI`.
schedules-title = Schedules
schedule-paused-state = paused
schedule-next = next { $when }
schedule-no-runs = no further runs
schedule-in = in { $channel }
schedule-unknown = There is no schedule #{ $id } in this server. `/schedule list` shows the ids.
schedule-already-paused = Schedule #{ $id } is already paused.
schedule-paused = Schedule #{ $id } is paused. `/schedule resume id:{ $id }` starts it again.
schedule-resumed = Schedule #{ $id } resumed. Next run: { $when }.
schedule-resumed-no-runs = Schedule #{ $id } resumed, but it has no further runs.
schedule-removed = Schedule #{ $id } removed.
schedule-just-ran = Schedule #{ $id } has just run. Try again in a moment.
schedule-nothing-due = Nobody has reviews due right now, so there is nothing to remind.
schedule-nobody-to-pair = Nobody can be paired right now: pairings need members who opted in with `/pairing on`, one forgetting a topic and one who knows it, neither paired in the last week.
schedule-nothing-to-post = Schedule #{ $id } has nothing to post. Import content with `/content import` or load `/content starter`.
schedule-nothing-to-post-topic = Schedule #{ $id } has nothing to post in topic `{ $topic }`. Import content with `/content import` or load `/content starter`.
schedule-running = Schedule #{ $id } is running now: the { $kind } will appear in { $channel } in a moment.
experiment-holdout-range = The holdout must be { $min } to { $max } percent of members (25 is a good start).
experiment-weeks-range = An experiment runs { $min } to { $max } weeks.
experiment-every-topic = every topic
experiment-unknown-topic = There is no topic `{ $topic }`. Pick one from the list, or `all`.
experiment-already-running = An experiment is already running (until { $until }). `/experiment status` shows it; `/experiment stop` ends it.
experiment-started = **Experiment started** on { $topic }, until { $until }.
    { $percent }% of members, drawn at random, get no review reminders for it while it runs ({ $held } of the { $known } members known now; newcomers are drawn as they arrive). Daily quizzes, knowledge checks and `/quiz` stay the same for everyone, and members see in `/progress` that they are in the holdout.
    The report then shows what the reviews caused: knowledge of the reviewed members minus the holdout, with its 95% interval. `/experiment status` shows it at any time.
experiment-none-running = No experiment is running. `/experiment start` starts one.
experiment-stopped = **Experiment stopped.** Everyone gets review reminders again. The report keeps showing its result.
experiment-none-yet = No experiment yet. `/experiment start topic:all holdout:25 weeks:8` measures what reviews cause.
experiment-running-until = running until { $until }
experiment-ended = ended
experiment-status = **Experiment** on { $topic }, { $percent }% holdout, since { $since } ({ $state }).
experiment-no-data = Not enough data yet.
experiment-all-choice = all (every topic)
import-not-content = `{ $name }` is not a content file. Attach a `.toml` file (topics, questions, tips, flashcards), a `.csv` file (questions), a question bank from an LMS in GIFT (`.gift`, `.txt`) or Aiken (`.txt`), or an Anki deck (`.apkg`); see `/content export` for an example.
import-too-big = `{ $name }` is { $size }; the limit is { $max }. Split it into smaller files.
import-unreadable = Nothing was imported: `{ $name }` { $reason }.
import-not-utf8 = `{ $name }` is not UTF-8 text. Save it as UTF-8 and try again.
import-problems = Nothing was imported: `{ $name }` has { $count ->
    [one] 1 problem. Fix it
   *[other] { $count } problems. Fix them all
} and import the file again.
import-counts = Imported: { $added } added, { $updated } updated, { $unchanged } unchanged.
import-left-out = left out: chat cannot ask or show these
starter-loaded = Starter pack: { $counts }
export-toml = { $topics } topics, { $questions } questions, { $tips } tips and { $cards } flashcards. Edit the file and bring it back with `/content import`.
export-gift = { $questions } questions in GIFT, for Moodle or `/content import`. GIFT holds questions only: difficulty, tracks, sources, tips and flashcards are in the TOML export.
content-none = No content yet. Load the starter pack with `/content starter` or import a file with `/content import`.
content-title = Content
content-answers = { $answers } answers, { $percent }% right
content-no-answers = no answers yet
content-counts = { $questions } questions, { $tips } tips{ $cards ->
    [0] {""}
   *[other] , { $cards } flashcards
}
content-total = Total: { $topics } topics, { $counts }
content-quality-fine = **Question quality:** nothing looks wrong so far (a question is judged once { $min } members have answered it).
content-quality-look = **Questions to look at** (from members' first tries)
content-stats-attached = Every question's first-try statistics are attached.
form-statement = The statement
form-question = The question
form-accepted = Accepted answers, one per line
form-numbers = Accepted numbers, one per line
form-choices = The choices, one per line (2 to 5)
form-is-true = Is it true? (true or false)
form-right-letters = The right letters (such as A, C)
form-right-letter = The right choice's letter (A to E)
form-explanation = Explanation, shown after answering
form-accepted-hint = Case, accents and punctuation do not count
form-choices-hint = Report it as phishing
    Delete it
    Reply and ask
form-optional = Optional
kind-single = Single choice
kind-true-false = True or false
kind-multiple = Multiple response
kind-short-answer = Short answer
kind-numeric = Number
draft-form-edit = Edit · { $kind }
draft-form-new = New · { $kind }
draft-not-author = Only admins write questions here. An admin can let experts propose questions with `/config expert-drafts on`.
draft-gone = This draft is no longer open: it was published or discarded.
draft-not-yours = This draft is someone else's.
draft-unknown-topic = There is no topic `{ $topic }`. Pick one from the list as you type, or add topics with `/content import`.
question-not-in-use = There is no question `{ $id }` in use. Pick one from the list as you type.
draft-edit = Edit
draft-discard = Discard
draft-problems = Your draft is kept, but it cannot be published yet: { $count ->
    [one] 1 problem
   *[other] { $count } problems
}.
draft-press-edit = Press **Edit** to fix it.
draft-what-version = a new version of `{ $id }` (answers keep the version they answered)
draft-what-same-text = a new version of `{ $id }`, which has the same text in this topic
draft-what-new = question `{ $id }`
draft-publish = Publish
draft-publish-next = Publish it and members get it in quiz posts, `/quiz` and reviews.
draft-propose = Propose
draft-propose-next = Propose it and an admin can publish it (`/content drafts`).
draft-preview = **Preview** of { $what } in **{ $topic }**, as members will see it.
draft-footer = Draft { $id } · { $kind }
draft-discarded = Draft discarded. Nothing was published.
draft-proposed = Proposed. Admins see it with `/content drafts` and can publish it; you can still edit or discard it until then.
draft-admins-publish = Only admins publish questions. Propose it instead.
draft-published = Published `{ $id }`: members get it from now on.
draft-published-version = Published a new version of `{ $id }`: members get it from now on, and earlier answers keep their version.
draft-unchanged = `{ $id }` already reads exactly so: nothing changed.
draft-proposed-by = It was proposed by { $author }.
drafts-none = No proposed questions are waiting. Experts propose them with `/propose` when `/config expert-drafts` is on.
drafts-line = Draft { $id } by { $author } in `{ $topic }`: { $prompt }
drafts-review = Review draft { $id }
drafts-title = Proposed questions · { $count }
drafts-footer = Review one to publish, edit or discard it.
question-retired = Retired `{ $id }`: it is no longer posted, practised, reviewed, searched or exported. Its answers stay in the figures. Importing or publishing it again brings it back.
expert-drafts-on = Experts can now propose questions with `/propose`; admins publish them from `/content drafts`.
expert-drafts-off = Experts can no longer propose questions. Drafts already proposed stay in `/content drafts`.
report-cut = Cut to fit Discord: `/report format:csv` has every figure.
report-hidden = hidden (fewer than { $min } people)
knowledge-before = { $figure } before peerlearn asked
knowledge-now = **{ $figure }** now ({ $people } people, { $checks } checks)
knowledge-heading = **Knowledge:** share of the question bank members know, lucky guesses taken out, from knowledge checks (random questions from the whole bank); ± is the 95% interval
knowledge-all-topics = All topics
knowledge-not-yet = **Knowledge:** not measured yet. Knowledge checks (random questions from the whole bank) are mixed into `/quiz`, reviews and the daily quiz's "One more?"; figures appear once members have answered some.
report-experiment-until = until { $day }
report-experiment = **Experiment** (reviews held out for { $percent }% of members at random, { $topic }, since { $since }, { $state }): { $result }
chart-knowledge-line = Knowledge checks right, lucky guesses taken out (95% interval)
chart-knowledge-title = What members know, week by week
report-before = before: { $value }
report-participation = { $answered } of { $members } members answered ({ $share })
report-nobody-answered = nobody answered yet
report-participation-line = **Participation:** { $text }
report-accuracy = { $share } of { $answers } answers right
report-no-answers = no answers yet
report-accuracy-line = **Accuracy:** { $text }
report-gain = { $first } → { $latest } ({ $points } points) on { $questions } questions answered again, { $people } people
report-gains-heading = **Re-answered questions** (first try → latest try; mostly reviews timed for about 90% recall, so this shows the schedule at work, not what people know)
report-competency-median = median { $days } days ({ $people } people)
report-days = { $days } days
report-tracks = tracks: { $tracks }
report-competency-heading = **Time to competency** (first answer → competent)
report-forecast-heading = **Forgetting forecast** (the memory model's predicted recall of the questions members have answered, now → in 7 days)
report-forecast = { $now } → { $later } ({ $people } people)
report-questions = **Questions:** { $asked } asked · { $share } answered by what the team already knew
report-first-reply = first expert reply in { $time } (median of { $n })
report-resolved = resolved in { $time } (median of { $n })
report-verified = { $share } of the { $n } accepted answers shown were verified
report-questions-none = **Questions:** none asked with `/ask` yet.
report-refreshers-heading = **Refreshers** (the team is forecast to fall below its target: these topics' most forgotten questions come first in channel quizzes and reviews)
report-expert-load = { $expert } { $assigned } assigned, { $replied } replied
report-median = median { $time }
report-still-open = { $count } still open
report-expert-load-line = **Expert load:** { $experts }
report-support-none = **May need support:** nobody right now.
report-support-heading = **May need support** (only you see this)
support-falling = accuracy { $before } → { $now } over the last 4 weeks
support-lapsed = no answer for { $days } days after a { $best }-day streak
support-low-recall = predicted recall { $recall } in their tracks' topics
report-support-more = and { $count } more (see the CSV count)
chart-from = from { $day }
chart-participation = Participation
chart-accuracy = Accuracy
chart-deflection = Answered by the knowledge base
chart-trend-title = Team trend
uplift-arms = { $reviewed ->
    [one] 1 member
   *[other] { $reviewed } members
} reviewed and { $holdout } in the holdout
uplift-caused = What reviews caused: **{ $uplift } points** of knowledge (95% interval { $low } to { $high }): reviewed { $reviewed } vs holdout { $holdout } ({ $arms }; { $checks } knowledge checks).
uplift-not-enough = Not enough data yet: each arm needs knowledge checks from at least { $min } people and { $checks } checks ({ $arms } so far).
item-first-tries = { $share } right of { $n } first tries
item-more = and { $count } more (see the CSV)
item-negative-discrimination = strong members miss it more often than others (ambiguous or wrong key?)
item-everyone-right = everyone was right at the first try (too easy?)
item-nobody-right = nobody was right at the first try (wrong key?)
item-wrong-statement = “{ $choice }” is picked more often than the right answer (wrong key?)
item-wrong-choice = wrong choice { $letter } is picked more often than the right one (wrong key?)
refresher-line = { $topic } refresher: team recall { $now } now, { $later } in { $days } days → target { $target }
kpi-no-team = **KPI** { $label }: no team role is named "{ $team }"; use a team's role name or `all`.
kpi-hidden = **KPI** { $label }: hidden (fewer than { $min } people in the team).
kpi-learning = { $which ->
    [activity] answers per week
   *[accuracy] accuracy
}
kpi-lag = { $weeks ->
    [0] in the same week
    [one] 1 week later
   *[other] { $weeks } weeks later
}
kpi-too-few-weeks = { $learning }: too few weeks to tell
kpi-finding = **KPI** { $label } vs the team's learning: { $findings }
kpi-not-utf8 = The file is not UTF-8 text. Save it as CSV (UTF-8).
kpi-header-unreadable = Cannot read the header line: { $error }
kpi-header-missing = The header must name the columns date, team, metric and value; `{ $column }` is missing.
kpi-line = Line { $line }: { $problem }
kpi-not-a-date = `{ $typed }` is not a date like 2026-11-23.
kpi-not-a-number = `{ $typed }` is not a number.
kpi-empty-names = team and metric must not be empty.
kpi-long-names = team and metric names are limited to 100 characters.
kpi-too-many-rows = The file has more than { $max } rows; split it.
kpi-no-rows = The file has no rows under its header.
skipped-at-line = { $what } at line { $line }
skipped = { $count } skipped: { $each }
check-id = { $id } is not a valid id: use 1 to { $max } lowercase letters, digits, '-' or '_', starting with a letter or digit
check-empty = must not be empty
check-too-long = is { $length } characters long; the limit is { $max }
check-link = { $link } is not a web link (http:// or https://, no spaces, at most 512 characters)
check-correct = { $value } does not name one of the { $choices } choices: use one letter, A to { $last }
check-duplicate-id = this id appears more than once
check-topic-missing = topic { $topic } is not defined: add a [[topic]] with this id or import it first
key-right-not-a-choice = the right choice is not one of the choices
key-choice-count = has { $choices } choices; a question needs { $min } to { $max }
key-right-choices = name one or more different choices as right
key-bad-regex = { $text } is not a valid regular expression: { $error }
key-bad-range = { $min } to { $max } is not a range of numbers (the first must not be above the second)
key-accepted-count = has { $n } accepted answers; list 1 to { $max }
key-credit-range = a credit must be between 0 and 1 (0% to 100%)
key-no-full-credit = no accepted answer earns full credit: give one 100%
import-no-cards = holds no card peerlearn can show ({ $skipped })
import-no-notes = holds no notes
import-txt-neither = is not in a format peerlearn reads: a .txt file is read as GIFT (questions with their answers in { "{" } { "}" }) or Aiken (a question, its choices "A. …", "B. …", then "ANSWER: B"), and this one is neither
import-apkg-alone = is an Anki package, which is not text: import it on its own
import-extensions = content files must end in .toml, .csv, .gift, .txt (GIFT or Aiken) or .apkg (Anki)
import-no-questions = holds no question peerlearn can ask in chat ({ $skipped })
import-no-entries = holds no [[topic]], [[question]], [[tip]] or [[card]] entries
import-unknown-section = unknown section; use [[topic]], [[question]], [[tip]] or [[card]]
import-unknown-column = unknown column; the columns are { $columns }
import-column-required = this column is required
import-unknown-field = unknown field; the fields are { $fields }
import-text-in-quotes = must be text in quotes
import-missing = is missing
import-text-not = must be text in quotes, not { $kind }
import-retention = { $shown } is not a decimal between { $min } and { $max } (e.g. 0.9)
import-not-decimal = is { $kind }, not a decimal such as 0.8
import-target-range = must be between { $min } and { $max }, got { $value }
import-difficulty = { $shown } is not 1 (easy), 2 or 3 (hard)
import-unknown-kind = { $kind } is not a question kind; the kinds are { $kinds }
import-kind-not-text = must be text such as "true_false", not { $kind }
import-correct-missing = is missing: give the letter of the right choice
import-true-false-choices = a true/false question has no choices: its buttons are True and False
import-true-false-correct = of a true/false question is true or false (or T, F)
import-texts-not = must be a list of texts, not { $kind }
import-choice-count = needs { $min } to { $max } choices, found { $found }
import-choice-repeats = choice { $n } repeats { $choice }
import-choice = choice { $n }: { $reason }
import-tracks-not = must be a list of track names, not { $kind }
import-value = { $which ->
    [text] text
    [int] a whole number
    [float] a decimal number
    [list] a list
    [bool] true/false
    [tables] a list of tables
    [mixed-list] a list with non-text items
    [date] a date
   *[table] a table
}
import-letters-missing = is missing: give the letters of the right choices, such as ["A", "C"]
import-letters-not = must be letters such as ["A", "C"], not { $kind }
import-named-twice = { $letter } is named twice
import-typed-choices = a typed answer has no choices: list what is accepted in `correct` or `accepted`
import-correct-or-accepted = give either `correct` (the shorthand) or `accepted`, not both
import-accepted-missing = is missing: give the accepted answer (or a list of them)
import-tables-not = must be a list of tables such as [{ "{" } text = "Paris" { "}" }], not { $kind }
import-text-or-texts-not = must be text or a list of texts, not { $kind }
import-not-numeric = { $typed } is not a number, a number with a tolerance (42:2) or a range (40..44)
import-answer-n = answer { $n }: { $reason }
import-unknown-answer-field = unknown field { $key }; the fields are { $fields }
import-credit = credit must be a number from 0 to 1, such as 0.5
import-feedback-text = feedback must be text in quotes
import-range-fields = give a number as `value` (with an optional `tolerance`), or `min` and `max`
import-answer-text = needs the answer as `text` in quotes
import-regex-bool = regex must be true or false
gift-no-questions = holds no GIFT questions (a question, then its answers in { "{" } { "}" })
gift-name-open = opens with :: but the name is not closed with ::
gift-description = description (no answers)
gift-brace-open = the { "{" } on line { $line } is never closed with { "}" }: close it, or write \{ "{" } for a brace in the text
gift-second-brace = a second { "{" } before the answers' closing { "}" }: write \{ "{" } for a brace in an answer
gift-essay = essay
gift-no-answers = holds no answers: start each with = (right) or ~ (wrong), or use T or F
gift-text-before = has text before its first answer ({ $text }): answers start with = or ~
gift-matching = matching
gift-no-right = has no right answer: mark it with = instead of ~
gift-too-many-choices = multiple choice with { $n } choices (up to { $max } fit on buttons)
gift-many-right = has { $n } right answers (=): a multiple-choice question has one; give several right answers %weights% instead
gift-too-many-responses = multiple response with { $n } choices (up to { $max } fit)
gift-no-weight = has no right answer: give the right ones a weight above 0, such as ~%50%
gift-text-before-numeric = has text before its first numeric answer: start each with =
aiken-no-choices = has no choices before its ANSWER line (line { $line }): add lines such as "A. …", "B. …"
aiken-answer-alone = comes after no question: an ANSWER line ends a question's text and choices
aiken-choice-first = comes before any question text: a question's text goes on the line above its choices
aiken-no-answer = has no ANSWER line: end it with a line such as "ANSWER: B"
aiken-no-questions = holds no Aiken questions (a question, its lettered choices, "ANSWER: X")
aiken-unanswered = has no ANSWER line before the next question (line { $line }): end it with a line such as "ANSWER: B"
anki-cannot-unpack = cannot unpack it: { $error }
anki-unreadable = is not a readable Anki collection ({ $error })
anki-not-zip = is not an Anki package: it is not a zip file
anki-no-collection = is a zip file without an Anki collection (collection.anki2, collection.anki21 or collection.anki21b)
anki-cannot-open = cannot open its { $name }: { $error }
anki-too-big = holds a collection larger than { $mb } MB unpacked; split the deck
anki-not-zstd = has a { $name } that is not zstd-compressed ({ $error })
anki-cannot-unpack-file = cannot unpack its { $name }: { $error }
anki-one-field = note with one field
anki-media-only = card with only media on its { $side ->
    [front] front
   *[back] back
}
form-too-detailed = `{ $id }` has accepted answers with partial credit, feedback or patterns, which the form cannot show. Export the content, edit it in the TOML file and import it again.
import-row-fields = has { $fields } fields but the header has { $header }
