# What members read while learning: quizzes, practice, reviews, cards, progress, boards.
# $gave is "chose" (a choice was picked) or "typed" (an answer was typed).

answer-true = True
answer-false = False
answer-range = { $min } to { $max }
answer-no-such-choice = That choice does not exist on this question.
answer-pick-choices = Pick one or more of this question's choices.
answer-too-long = Your answer is { $length } characters long; the limit is { $max }.
answer-not-a-number = “{ $typed }” is not a number. Type digits, like 42 or 3.5.
answer-does-not-fit = That answer does not fit this question.
answer-form-title = Your answer
answer-form-placeholder = Type your answer
tip-title = 💡 Tip · { $topic }
tip-more = Open the title for more
quiz-title = 🧠 Quiz · { $topic }
quiz-how-multiple = Several answers may be right: pick every right one.
quiz-how-numeric = Answer with a number.
quiz-pick-every = Pick every right answer
quiz-answers-so-far = { $count ->
    [0] No answers yet
    [one] 1 answer so far
   *[other] { $count } answers so far
}
quiz-open-footer = { $answers } · open until { $closes }
quiz-closed-footer = Closed · { $count } answered · { $percent }% right
quiz-closed-nobody = Closed · nobody answered
quiz-right-answer = Right answer: { $answer }
quiz-gone = This quiz is no longer available.
quiz-closed = This quiz has closed. The right answer was **{ $answer }**.
quiz-try-practice = Try `/quiz` for a practice question.
quiz-already-answered = You already answered this one: you { $gave ->
    [typed] answered
   *[chose] chose
} **{ $given }**. Your first answer counts.
feedback-right = **Right!** { $given }
feedback-partly = **Partly right** ({ $share } of the points). You { $gave ->
    [typed] answered
   *[chose] chose
} { $given }. The full answer is **{ $right }**.
feedback-wrong = **Not quite.** You { $gave ->
    [typed] answered
   *[chose] chose
} { $given }. The right answer is **{ $right }**.
feedback-learn-more = Learn more: <{ $link }>
feedback-points-earned = +{ $earned } points ({ $total } total)
feedback-points = { $total } points
feedback-streak = streak { $days ->
    [one] 1 day
   *[other] { $days } days
}
feedback-streak-bonus = +{ $bonus } streak bonus
practice-title = 🧠 Practice · { $topic }
practice-footer = Only you can see this. { $how ->
    [multiple] Pick every right answer.
    [typed] Type your answer.
   *[choice] Pick an answer.
}
practice-another = Another { $topic } question
practice-gone = This question is no longer available. Use `/quiz` for a new one.
practice-expired = This question has expired. Use `/quiz` for a new one.
practice-no-questions-in = There are no questions in topic `{ $topic }`. Try `/quiz` without a topic.
practice-no-questions = There are no questions yet. An admin can load some with `/content starter` or `/content import`.
card-title = Flashcard
review-card-title = Review { $n } · Flashcard
review-title = Review { $n }
card-answer-by-thread = Answer by { $author } · [the question's thread]({ $link })
card-answer-by = Answer by { $author }
card-front-footer = Only you can see this. Think of the answer, then show it.
card-show = Show answer
card-answer = Answer
card-knew = I knew it
card-not-yet = Not yet
card-back-footer = Did you know it? Be honest: it only decides when it comes back.
card-not-useful = Not useful
card-gone = This card is no longer available. Use `/quiz` for a new one.
card-not-yours = This card is not in your reviews. Use `/quiz` for a new one.
card-expired = This card has expired. Use `/quiz` for a new one.
card-already-graded = You already graded this card ({ $grade }). Your first grade counts.
card-known = **Known.** It comes back in { $days ->
    [one] 1 day
   *[other] { $days } days
}.
card-not-known = **Not yet.** It comes back in { $days ->
    [one] 1 day
   *[other] { $days } days
}, sooner than one you knew.
card-another = Another in { $topic }
card-drop-content = Cards from the team's content cannot be dropped.
card-dropped = Dropped the card "{ $front }": it will not come back in your reviews.
review-start = Start my review
review-channel = **{ $people ->
    [one] 1 person has
   *[other] { $people } people have
} reviews due.** A few questions you are about to forget — it takes a minute, and only you see yours.
review-dm = You have { $count ->
    [one] 1 question
   *[other] { $count } questions
} due for review in **{ $server }**. Answer before you forget them!
review-dm-change = Change this with `/reinforce` in the server.
review-cap-reached = You have done today's { $cap } reviews. See you tomorrow! `/quiz` is always open for practice.
review-holdout = You are in this experiment's holdout group: no reviews for you until { $until }, so the team can see what reviews really do. `/quiz` is open for practice any time.
review-nothing-due = Nothing is due for you right now. `/quiz` gives you a practice question.
review-next = Next question
review-done = **Review done.** Nice work.
reinforce-on-dm = Reviews are on, and reminders come by direct message.
reinforce-on-channel = Reviews are on, and reminders come in the channel.
reinforce-off = Reviews are off: no more reminders. `/reinforce on` brings them back.
pause-not-a-date = `{ $typed }` is not a date. Use the form YYYY-MM-DD, e.g. 2026-12-31.
pause-not-after-today = The pause must end after today. Use the form YYYY-MM-DD.
pause-too-long = A pause can last at most { $max } days.
pause-set = Reviews paused until { $until } (inclusive). Your due dates moved { $days ->
    [one] 1 day
   *[other] { $days } days
} later, so nothing piles up while you are away. `/reinforce on` ends the pause early.
check-offer = One more? A quick knowledge check
check-done-today = That's all for today, thanks! `/quiz` is always open for practice.
progress-none = You have not answered any questions yet. Try `/quiz` for a first one, or answer the next quiz in the channel.
progress-title = Your progress
progress-seen = { $seen } of { $questions } seen
progress-mastered = { $count } mastered
progress-due = { $count } due
progress-next-review = next review { $day }
progress-nothing-scheduled = nothing scheduled
progress-due-now = { $count ->
    [one] 1 item due now — `/quiz` brings it back
   *[other] { $count } items due now — `/quiz` brings them back
}
progress-reviews = Reviews: { $reviews }
progress-streak = Streak: { $days ->
    [one] 1 day
   *[other] { $days } days
} (best { $best }) · { $points } points
progress-track = Your track (from your roles): { $topics } — `/quiz` keeps leaning there.
progress-any-topic = any topic
progress-holdout = You are in the holdout group of an experiment until { $until }: no review reminders for { $topic }, drawn at random so the team can see what reviews really do. Quizzes and `/quiz` work as usual.
period-week-of = week of { $date }
period-season-from = season { $from } – { $to }
period-all-time = all time
board-improved-needs-period = The most improved board compares a period with the one before it: pick `week`, `month` or `season`.
board-improved-members-only = The most improved board ranks members. Use `by: member`, or the points board for teams.
board-next-period = A new { $period ->
    [week] week
    [month] month
    [season] season
   *[all] period
} starts { $day }.
board-answers-right = { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}, { $right } right
board-points = **{ $points }** points
board-points-empty = Nobody has points in this { $period ->
    [week] week
    [month] month
    [season] season
   *[all] period
} yet. Answer the next quiz or try `/quiz`.
board-you = You: **#{ $rank }** with { $points } points.
board-you-none = You have no points here yet: every right answer counts.
board-title = Leaderboard — { $span }
board-improved-detail = { $before } → { $now } right ({ $answers } answers)
board-improved-empty = Nobody has improved on the { $period ->
    [week] week
    [month] month
    [season] season
   *[all] period
} before yet (it takes { $min } answers in both).
board-improved-you = You: **#{ $rank }** with +{ $gain } points of accuracy.
board-improved-you-none = You are not on this board: it takes { $min } answers in this { $period ->
    [week] week
    [month] month
    [season] season
   *[all] period
} and the one before, and a rise in accuracy.
board-improved-title = Most improved — { $span } vs the one before
board-no-teams = There are no teams yet: an admin makes a role a team with `/config team-role`.
board-team-detail = { $members ->
    [one] 1 member
   *[other] { $members } members
}, { $points } points
board-per-member = **{ $score }** points per member
board-teams-title = Teams — { $span }
board-final-title = Final standings — { $span }
board-final-footer = Congratulations! A new one has started: every point counts again.
board-week-title = This week so far — { $span }
board-week-footer = Final standings on { $day }. `/leaderboard` shows your own place.
stats-private = Your stats are yours, and so are everyone else's: only admins can see another member's. Use `/stats` without a member for your own.
stats-none = { $whose ->
    [you] Your
   *[other] { $whose }'s
} stats start with a first answer: try `/quiz`, or the next quiz in the channel.
stats-answers = **Answers:** { $answers } ({ $right } right)
stats-accuracy = **Accuracy by week:** { $weeks }
stats-streak = **Streak:** { $days ->
    [one] 1 day
   *[other] { $days } days
} (best { $best })
stats-points = **Points:** { $points } in all
stats-points-week = { $points } this week (#{ $rank })
stats-points-week-none = none this week yet
stats-helping = **Helping:** { $accepted ->
    [one] 1 accepted answer
   *[other] { $accepted } accepted answers
} ({ $points } points) · { $asked ->
    [one] 1 question
   *[other] { $asked } questions
} asked
stats-mastery = Mastery
stats-chart-title = Weekly accuracy
stats-chart-member = { $whose ->
    [you] You
   *[other] Member
}
stats-chart-everyone = Everyone
stats-heading = { $whose ->
    [you] Your
   *[other] { $whose }'s
} learning so far
stats-title = Stats
stats-footer = Only you can see this.
privacy-export-failed = The export could not be written: { $error }
privacy-exported = Everything peerlearn stores about you in **{ $server }**: { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
}, { $reviews ->
    [one] 1 question in your review schedule
   *[other] { $reviews } questions in your review schedule
}, { $asked ->
    [one] 1 question asked
   *[other] { $asked } questions asked
} and your preferences, as JSON (only you see this). `/privacy delete` removes it.
privacy-delete-prompt = **Delete your data in { $server }?**
    This removes your profile, points, streaks, board places, review schedule, role tracks, expert topics and preferences for good.
    Your quiz answers, the questions you asked that became knowledge and the answers you wrote stay **anonymously**, so the team's statistics still add up. Questions of yours still open are closed.
    Messages you posted in Discord are not touched: delete those in Discord.
privacy-delete-copy-first = Want a copy first? `/privacy export`. This button works for { $minutes } minutes.
privacy-delete-button = Delete my data
privacy-keep-button = Keep my data
privacy-delete-expired = This confirmation has expired, so nothing was deleted. Run `/privacy delete` again.
privacy-deleted = Your data in **{ $server }** is deleted: { $deleted ->
    [one] 1 personal record
   *[other] { $deleted } personal records
} removed, { $kept ->
    [one] 1 answer or question
   *[other] { $kept } answers and questions
} kept without your name. If you use peerlearn here again, you start fresh.
privacy-kept = Nothing was deleted. Your data stays as it is.
pairing-talked = We talked
pairing-skip = Skip
pairing-to-learner = **A peer chat in { $server }?** You are brushing up on **{ $topic }** (your predicted recall there is { $recall }, below the team's { $target }), and { $mentor } knows it well. A 15-minute chat this week? Say hello in a DM or at the coffee machine.
pairing-to-mentor = **A peer chat in { $server }?** { $learner } is brushing up on **{ $topic }**, and you know it well. A 15-minute chat this week would help them a lot.
pairing-why = You get these because you chose `/pairing on`; `/pairing off` stops them.
pairing-channel = { $count ->
    [one] 1 peer pairing
   *[other] { $count } peer pairings
} made this week, on { $topics }: members who are forgetting a topic meet a colleague who knows it. Join in with `/pairing on`.
pairing-unknown = This pairing is no longer known.
pairing-not-yours = Only the two members of this pairing can answer it.
pairing-settled = This pairing already has an answer; thanks.
pairing-noted = Noted: you talked with { $other } about **{ $topic }**. You both earn { $points } points.
pairing-skipped = Skipped. No problem: the next pairing will be someone else.
pairing-on = You are in: when you are forgetting a topic, you may be paired with a colleague who knows it (at most once a week), and when you know one well, with someone brushing up on it. Both of you get a direct message.
pairing-on-already = You are already in the peer pairings.
pairing-off = You are out of the peer pairings. `/pairing on` brings you back.
pairing-off-already = You were not in the peer pairings.
pairing-report = **Peer pairings:** { $made } made, { $talked } talked, { $skipped } skipped
pairing-report-recall = the learners' predicted recall of their topic: { $before } when paired → { $now } now ({ $n } pairings; they also studied, so this is not what the chats caused)
topic-unknown = There is no topic `{ $topic }`. Pick one from the list as you type.
track-added = Members with { $role } now get more practice in **{ $topic }**.
track-already = **{ $topic }** is already on the track of { $role }.
track-removed = **{ $topic }** is no longer on the track of { $role }.
track-not-on = **{ $topic }** is not on the track of { $role }.
tracks-none = No role tracks yet. An admin can add one with `/track set role:@Support topic:support`.
tracks-title = Role tracks
