# What admins read: settings, schedules, content, reports.

config-language-set = Channel posts are now in **{ $language }**. Replies and direct messages follow each member's own Discord language.
config-language-auto = Channel posts now follow the server's community language on Discord (now **{ $language }**). Replies and direct messages follow each member's own Discord language.
config-timezone-set = Time zone set to **{ $zone }**. Schedules without their own zone and daily streaks now follow it.
config-quiz-window-range = The quiz window must be between { $min } and { $max } minutes.
config-quiz-window-set = Channel quizzes now stay open for **{ $minutes } minutes**, then reveal the answer.
timezone-unknown = `{ $name }` is not a time zone name. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC` (start typing and pick from the list).
