# Texts every part of the bot uses: failures, stale buttons, servers and forms.
# Placeholders are in { $braces }; keep them in every language. Discord markdown (** `) stays.

error-bot-side = Sorry, that did not work because of a problem on the bot's side. It has been logged for the admins; please try again in a moment.
error-guild-only = `/{ $command }` works inside a server, not in direct messages. Use it in your team's server.
error-unreadable-options = I could not read the options of `/{ $command }`. Please pick them from Discord's menus (a member who left the server cannot be picked) and try again.
error-admin-only = Only members with the **Manage Server** permission can use `/{ $command }`. Ask an admin if something needs changing.
error-download = The file could not be downloaded from Discord. Please attach it again.
error-full-list-attached = (The full list is attached.)
button-other-server = This button belongs to another server.
form-other-server = This form belongs to another server.
form-stale = This form is no longer valid.
button-stale = This button is no longer valid. Use `/quiz` for a new question.
answer-unreadable = That answer could not be read. Use `/quiz` for a new question.
questions-need-server = Questions work inside a server.
quizzes-need-server = Quizzes work inside a server, not in direct messages.
about-text = **peerlearn** v{ $version }
    Up for { $uptime }
    Database: { $size }
help-title = peerlearn commands
help-message-command = **{ $name }** (message menu → Apps) — { $description }
update-form-title = Update: { $question }
update-form-input = The answer as it should read now
date = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
date-month-year = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
this-server = this server
former-member = a former member
