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
