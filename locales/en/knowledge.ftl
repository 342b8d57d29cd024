# What /ask, experts and the knowledge base say. Thread and admin-channel posts are in the
# server's language; replies to one member in theirs.

ask-why-expert = you are an expert on **{ $topic }**
ask-why-inferred = you know **{ $topic }** well ({ $why }), and no enrolled expert is free (`/expert suggest off` stops these)
ask-too-short = Write your question in a few words, e.g. `/ask question: How do I reset my VPN password?`
ask-too-long = Your question is { $length } characters long; keep it under { $max } (details can follow in the thread).
ask-nothing-matched = Nothing in the knowledge base matched.
ask-kb-did-not-solve = The knowledge base did not solve it.
ask-follow = Follow that question
ask-solved = That solved it
ask-still-need-help = I still need help
ask-already-asked = **Already asked:** { $question }
ask-already-asked-in = **Already asked in { $thread }:** { $question }
ask-already-asked-follow = Follow it to be told when it is answered, and get the answer in your reviews.
ask-similar-open = A colleague asked a very similar question that is still open:
ask-answered-before = The team may have answered this before:
ask-your-question = Your question: { $text }
ask-footer = If none of this helps, an expert will be asked in a thread.
ask-no-longer-open = That question is no longer open. Use "I still need help" to ask the team yourself.
ask-yours-settled = Your question was already settled.
ask-following = You follow { $thread }. You will be told there when it is answered, and the answer comes back in your reviews the next day.
ask-unknown = This question is no longer known here. Ask again with `/ask`.
ask-only-asker = Only the member who asked can answer this.
ask-settled = This question was already settled.
ask-glad-card = Glad the team's knowledge helped. The answer comes back as a card in your reviews tomorrow, so it sticks. If it comes up again, `/kb search` finds it too.
ask-glad = Glad the team's knowledge helped. If it comes up again, `/kb search` finds it too.
ask-with-team = This question is already with the team in { $thread }.
ask-admins-no-qa-channel = { $asker } asked a question, but no Q&A channel is set, so it could not be routed. Choose one with `/config qa-channel`.
ask-no-qa-channel = Questions cannot be routed to experts yet: an admin needs to choose a Q&A channel with `/config qa-channel`. The admins have been told where one is set up.
ask-thread-footer = Topic: { $topic } ({ $reason }) · question #{ $id } · The asker marks the reply that helped with "Mark as answer" (message menu → Apps).
ask-thread-title = Question
ask-asked-by = Asked by { $asker }
ask-thread-failed = I could not open a thread for your question in { $channel }. An admin should check that I may post and create threads there. Your question is kept: try "I still need help" again later.
ask-expert-ping = { $expert } { $why }: could you answer this question from { $asker }? Reply here in the thread. If nobody has replied within { $hours } h, the next expert is asked.
ask-who-expert = expert on **{ $topic }**
ask-who-inferred = who knows **{ $topic }** well
ask-routed = Your question is in { $thread }, and { $expert } ({ $who }) has been asked to answer. When a reply solves it, use **Mark as answer** on it (message menu → Apps).
ask-thread-no-expert = No expert on **{ $topic }** is available right now, so the admins have been told. Anyone who knows the answer is welcome to reply here.
ask-admins-nobody = Nobody can take a question on **{ $topic }**: { $thread } from { $asker }. Add an expert with `/expert assign`, or answer it in the thread.
ask-routed-no-expert = No expert on **{ $topic }** is available right now. Your question is in { $thread } where anyone can answer, and the admins have been told.
ask-abandoned = Closing this question: no answer was marked within { $days } days. { $asker }, if you still need help, ask again with `/ask`.
ask-escalated = { $next } could you take this question on **{ $topic }**? { $expert } has not had a chance to reply yet.
ask-escalated-inferred = You are asked because you know it well ({ $why }); `/expert suggest off` stops this.
ask-no-other-expert = No other expert is free to take this, so the admins have been told.
ask-admins-no-reply = A question on **{ $topic }** has had no reply after { $experts } expert(s): { $thread } from { $asker }. Please find someone to answer it (`/expert assign`).
ask-nudge = { $asker } did a reply here answer your question? Use **Mark as answer** on it (message menu → Apps) so the team keeps it, or `/resolve` to close the question.
resolve-bot-message = Pick a member's reply, not one of the bot's messages.
resolve-no-text = That message has no text to keep (only attachments or embeds). Pick a reply with text, or close the question with `/resolve answer:` and a summary.
resolve-helper-needs-answer = Add the `answer` too: the helper is credited for an answer that is kept.
resolve-not-a-thread = This works inside a question's thread (opened by `/ask`).
resolve-only-asker = Only { $asker }, who asked, or an admin can mark the answer.
resolve-already-kb = This question is already resolved (knowledge #{ $id }).
resolve-already = This question is already resolved.
resolve-closed = This question is closed. Ask again with `/ask` if you still need help.
resolve-just-now = This question was resolved a moment ago.
resolve-marked = { $by } marked { $helper }'s reply as the answer. It is saved as knowledge #{ $id }, so the next `/ask` on this finds it. { $helper } earns { $points } points for helping.
resolve-closed-kept = { $by } closed the question. The answer is saved as knowledge #{ $id }, so the next `/ask` on this finds it.
resolve-closed-nothing = { $by } closed the question without an answer to keep.
resolve-card = { $asker } gets it as a card in their reviews tomorrow, so it sticks.
resolve-followers = { $followers } the question you followed is answered.
resolve-followers-card = { $followers } the question you followed is answered; it comes back as a card in your reviews tomorrow.
resolve-title = Answered
route-chosen = chosen by the asker
route-rule = matched a keyword rule
route-content = closest to the team's content
route-fallback = no topic fitted
expertise-mastery = { $mastery } mastery
expertise-answers-recent = { $count ->
    [one] 1 accepted answer
   *[other] { $count } accepted answers
} in the last { $days } days
expertise-answers = { $count ->
    [one] 1 accepted answer
   *[other] { $count } accepted answers
} ({ $recent } in the last { $days } days)
expertise-owns = owns { $count ->
    [one] 1 verified answer
   *[other] { $count } verified answers
}
verification-range = The verification interval must be between { $min } and { $max } days.
verification-set-topic = Answers on **{ $topic }** are now checked by their owners every { $days } days.
verification-set = Answers are now checked by their owners every { $days } days (topics with their own interval keep it).
kb-search-empty = Type a few words to search for, e.g. `/kb search vpn password`.
kb-search-too-long = That search is too long ({ $length } characters); use at most { $max }.
kb-search-nothing = Nothing in the knowledge base matches "{ $query }". Ask the team with `/ask`.
kb-search-title = Knowledge base: { $query }
kb-search-footer = Answers come from resolved /ask questions; tips, quiz explanations and flashcards from the team's content.
kb-removed-already = Answer #{ $id } was removed from the knowledge base.
kb-no-such = There is no answer #{ $id } in this server's knowledge base. `/kb search` shows the ids.
kb-removed = Removed answer #{ $id } ("{ $question }") from the knowledge base, and withdrew its review card. It stays in the records.
kb-owners-only = Only the owner of answer #{ $id } (its author, else the experts on its topic) or an admin can do that.
kb-verified = Answer #{ $id } is verified. Its next check is due { $due }.
kb-retired = Answer #{ $id } is retired: `/ask` and `/kb search` no longer show it, and its review card is withdrawn.
kb-use-button-again = Use the button again to write the new text.
kb-update-empty = The new text is empty: nothing was changed.
kb-update-too-long = The new text is { $length } characters long; keep it under { $max }.
kb-updated = Answer #{ $id } is updated and verified. The members who hold its card see the new text at their next review.
kb-admins-unowned = Answer #{ $id } ("{ $question }") is due for verification, and nobody owns it (its author is gone and the topic **{ $topic }** has no experts). Check it and use `/kb verify id:{ $id }`, or `/kb remove id:{ $id }`.
kb-reminder = Is this answer in **{ $server }** still correct? You own it, so the team counts on you.
kb-answer-title = Answer #{ $id } · { $question }
kb-reminder-footer = Last verified { $date }. Unverified answers are marked in search, and after a while no longer offered.
kb-still-correct = Still correct
kb-needs-update = Needs an update
kb-retire = Retire
kb-hit-answer = Answer #{ $id }
kb-hit-tip = Tip
kb-hit-question = Quiz explanation
kb-hit-card = Flashcard
kb-hit-unverified = not verified since { $since }
away-hint = Use a date like 2026-12-01 or a duration like 4h, 3d or 2w.
away-no-such-time = { $text } does not exist in { $zone }.
away-not-future = { $text } is not in the future.
away-unreadable = "{ $text }" is not a date or a duration.
away-range = "{ $text }": the time away must be between 1 hour and a year.
away-until = You get no new questions until { $until }. Enjoy the time off.
away-until-back = You get no new questions until you use `/expert back`.
away-no-topics = (You are not an expert on any topic yet; `/expert join` adds one.)
back-not-away = You were not marked away.
back-welcome = Welcome back: questions can be routed to you again.
experts-on = { $who } on { $topic } ({ $why })
experts-inferred-named = **Inferred experts** (not enrolled; asked when no enrolled expert is free): { $experts }
experts-inferred-unnamed = **Inferred experts:** { $count } on { $topics } (`/expert list` names them)
suggest-on = You may be suggested as an expert again, from what you know and the answers you give, and asked questions when no enrolled expert is free.
suggest-on-already = You could already be suggested as an expert.
suggest-off = You will no longer be suggested as an expert nor asked questions as one, unless you enrol with `/expert join`. `/expert suggest on` undoes this.
suggest-off-already = You had already opted out of being suggested as an expert.
topics-none-yet = none yet
topic-unknown-expert = There is no topic "{ $topic }". Topics here: { $known }, or "general".
topic-general = General
config-qa-channel-set = Questions that need an expert now get a thread in { $channel }. Make sure the bot may send messages and create public threads there.
config-admin-channel-set = Admins are now told in { $channel } when a question has no available expert or no reply after escalation.
config-escalation-range = The escalation time must be between 1 and 168 hours.
config-escalation-set = An expert now has **{ $hours } h** to reply before the next expert is asked.
expert-added = { $who ->
    [you] You are now an expert on **{ $topic }**: questions on it may be routed to you.
   *[other] { $who } is now an expert on **{ $topic }**: questions on it may be routed to them.
}
expert-already = { $who ->
    [you] You are already an expert on **{ $topic }**.
   *[other] { $who } is already an expert on **{ $topic }**.
}
expert-not = { $who ->
    [you] You are not an expert on "{ $topic }".
   *[other] { $who } is not an expert on "{ $topic }".
}
expert-no-topics = No topics at all yet.
expert-topics = Topics: { $topics }.
expert-removed = { $who ->
    [you] You are no longer an expert on **{ $topic }**. Questions already assigned stay assigned.
   *[other] { $who } is no longer an expert on **{ $topic }**. Questions already assigned stay assigned.
}
experts-open = { $count } open
experts-away-until = away until { $until }
experts-away = away
experts-none = Nobody has joined as an expert yet. Members volunteer with `/expert join`; admins use `/expert assign`.
experts-gaps = **No available expert:** { $topics }. Questions on these go to general experts, else the admins are told.
experts-inferred = **Inferred experts** (not enrolled; from what they know and the answers they gave, fading with time; asked when no enrolled expert is free; `/expert suggest off` to opt out): { $experts }
experts-title = Experts
topic-general-choice = General (anything else)
expert-not-a-bot = Bots cannot be experts.
