# Was Mitglieder beim Lernen lesen: Quiz, Übung, Wiederholungen, Karten, Fortschritt, Bestenlisten.
# $gave ist "chose" (eine Auswahl getroffen) oder "typed" (eine Antwort getippt).

answer-true = Wahr
answer-false = Falsch
answer-range = { $min } bis { $max }
answer-no-such-choice = Diese Auswahl gibt es bei dieser Frage nicht.
answer-pick-choices = Wähle eine oder mehrere der Antworten dieser Frage.
answer-too-long = Deine Antwort ist { $length } Zeichen lang; erlaubt sind { $max }.
answer-not-a-number = „{ $typed }“ ist keine Zahl. Tippe Ziffern, etwa 42 oder 3,5.
answer-does-not-fit = Diese Antwort passt nicht zu dieser Frage.
answer-form-title = Deine Antwort
answer-form-placeholder = Tippe deine Antwort
tip-title = 💡 Tipp · { $topic }
tip-more = Mehr über den Titel
quiz-title = 🧠 Quiz · { $topic }
quiz-how-multiple = Mehrere Antworten können richtig sein: wähle alle richtigen.
quiz-how-numeric = Antworte mit einer Zahl.
quiz-pick-every = Wähle alle richtigen Antworten
quiz-answers-so-far = { $count ->
    [0] Noch keine Antworten
    [one] Bisher 1 Antwort
   *[other] Bisher { $count } Antworten
}
quiz-open-footer = { $answers } · offen bis { $closes }
quiz-closed-footer = Geschlossen · { $count } geantwortet · { $percent } % richtig
quiz-closed-nobody = Geschlossen · niemand hat geantwortet
quiz-right-answer = Richtige Antwort: { $answer }
quiz-gone = Dieses Quiz ist nicht mehr verfügbar.
quiz-closed = Dieses Quiz ist geschlossen. Die richtige Antwort war **{ $answer }**.
quiz-try-practice = Probier `/quiz` für eine Übungsfrage.
quiz-already-answered = Du hast diese Frage schon beantwortet: du hast { $gave ->
    [typed] **{ $given }** geantwortet
   *[chose] **{ $given }** gewählt
}. Deine erste Antwort zählt.
feedback-right = **Richtig!** { $given }
feedback-partly = **Teilweise richtig** ({ $share } der Punkte). Du hast { $gave ->
    [typed] { $given } geantwortet
   *[chose] { $given } gewählt
}. Die vollständige Antwort ist **{ $right }**.
feedback-wrong = **Nicht ganz.** Du hast { $gave ->
    [typed] { $given } geantwortet
   *[chose] { $given } gewählt
}. Die richtige Antwort ist **{ $right }**.
feedback-learn-more = Mehr dazu: <{ $link }>
feedback-points-earned = +{ $earned } Punkte ({ $total } insgesamt)
feedback-points = { $total } Punkte
feedback-streak = Serie { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
feedback-streak-bonus = +{ $bonus } Serienbonus
practice-title = 🧠 Übung · { $topic }
practice-footer = Nur du siehst das. { $how ->
    [multiple] Wähle alle richtigen Antworten.
    [typed] Tippe deine Antwort.
   *[choice] Wähle eine Antwort.
}
practice-another = Noch eine Frage zu { $topic }
practice-gone = Diese Frage ist nicht mehr verfügbar. Nutze `/quiz` für eine neue.
practice-expired = Diese Frage ist abgelaufen. Nutze `/quiz` für eine neue.
practice-no-questions-in = Im Thema `{ $topic }` gibt es keine Fragen. Probier `/quiz` ohne Thema.
practice-no-questions = Es gibt noch keine Fragen. Admins können welche mit `/content starter` oder `/content import` laden.
card-title = Lernkarte
review-card-title = Wiederholung { $n } · Lernkarte
review-title = Wiederholung { $n }
card-answer-by-thread = Antwort von { $author } · [der Thread der Frage]({ $link })
card-answer-by = Antwort von { $author }
card-front-footer = Nur du siehst das. Denk an die Antwort, dann deck sie auf.
card-show = Antwort zeigen
card-answer = Antwort
card-knew = Wusste ich
card-not-yet = Noch nicht
card-back-footer = Wusstest du es? Sei ehrlich: es entscheidet nur, wann die Karte wiederkommt.
card-not-useful = Nicht nützlich
card-gone = Diese Karte ist nicht mehr verfügbar. Nutze `/quiz` für eine neue.
card-not-yours = Diese Karte ist nicht in deinen Wiederholungen. Nutze `/quiz` für eine neue.
card-expired = Diese Karte ist abgelaufen. Nutze `/quiz` für eine neue.
card-already-graded = Du hast diese Karte schon bewertet ({ $grade }). Deine erste Bewertung zählt.
card-known = **Gewusst.** Sie kommt in { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} wieder.
card-not-known = **Noch nicht.** Sie kommt in { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
} wieder, früher als eine gewusste.
card-another = Noch eine zu { $topic }
card-drop-content = Karten aus den Inhalten des Teams können nicht entfernt werden.
card-dropped = Karte „{ $front }“ entfernt: sie kommt nicht mehr in deinen Wiederholungen.
review-start = Meine Wiederholung starten
review-channel = **{ $people ->
    [one] 1 Person hat
   *[other] { $people } Personen haben
} fällige Wiederholungen.** Ein paar Fragen, die ihr bald vergesst — es dauert eine Minute, und jede Person sieht nur ihre eigenen.
review-dm = Du hast { $count ->
    [one] 1 Frage
   *[other] { $count } Fragen
} zur Wiederholung fällig auf **{ $server }**. Antworte, bevor du sie vergisst!
review-dm-change = Ändere das mit `/reinforce` auf dem Server.
review-cap-reached = Du hast die { $cap } Wiederholungen von heute geschafft. Bis morgen! `/quiz` ist immer offen zum Üben.
review-holdout = Du bist in der Kontrollgruppe dieses Experiments: keine Wiederholungen für dich bis { $until }, damit das Team sieht, was Wiederholungen wirklich bewirken. `/quiz` ist jederzeit zum Üben offen.
review-nothing-due = Gerade ist nichts für dich fällig. `/quiz` gibt dir eine Übungsfrage.
review-next = Nächste Frage
review-done = **Wiederholung fertig.** Gut gemacht.
reinforce-on-dm = Wiederholungen sind an, Erinnerungen kommen per Direktnachricht.
reinforce-on-channel = Wiederholungen sind an, Erinnerungen kommen im Kanal.
reinforce-off = Wiederholungen sind aus: keine Erinnerungen mehr. `/reinforce on` holt sie zurück.
pause-not-a-date = `{ $typed }` ist kein Datum. Nutze die Form JJJJ-MM-TT, z. B. 2026-12-31.
pause-not-after-today = Die Pause muss nach heute enden. Nutze die Form JJJJ-MM-TT.
pause-too-long = Eine Pause dauert höchstens { $max } Tage.
pause-set = Wiederholungen pausiert bis { $until } (einschließlich). Deine Fälligkeiten rücken { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} nach hinten, damit sich nichts anstaut, während du weg bist. `/reinforce on` beendet die Pause früher.
check-offer = Noch eine? Ein kurzer Wissenscheck
check-done-today = Das war's für heute, danke! `/quiz` ist immer offen zum Üben.
progress-none = Du hast noch keine Fragen beantwortet. Probier `/quiz` für eine erste oder beantworte das nächste Quiz im Kanal.
progress-title = Dein Fortschritt
progress-seen = { $seen } von { $questions } gesehen
progress-mastered = { $count } gemeistert
progress-due = { $count } fällig
progress-next-review = nächste Wiederholung { $day }
progress-nothing-scheduled = nichts geplant
progress-due-now = { $count ->
    [one] 1 Eintrag jetzt fällig — `/quiz` holt ihn zurück
   *[other] { $count } Einträge jetzt fällig — `/quiz` holt sie zurück
}
progress-reviews = Wiederholungen: { $reviews }
progress-streak = Serie: { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} (beste { $best }) · { $points } Punkte
progress-track = Dein Pfad (aus deinen Rollen): { $topics } — `/quiz` setzt weiter dort den Schwerpunkt.
progress-any-topic = alle Themen
progress-holdout = Du bist bis { $until } in der Kontrollgruppe eines Experiments: keine Wiederholungserinnerungen für { $topic }, zufällig ausgewählt, damit das Team sieht, was Wiederholungen wirklich bewirken. Quiz und `/quiz` funktionieren wie gewohnt.
period-week-of = Woche vom { $date }
period-season-from = Saison { $from } – { $to }
period-all-time = gesamt
board-improved-needs-period = Die Bestenliste der größten Verbesserung vergleicht einen Zeitraum mit dem davor: wähle `week`, `month` oder `season`.
board-improved-members-only = Die Bestenliste der größten Verbesserung rankt Mitglieder. Nutze `by: member` oder die Punkteliste für Teams.
board-next-period = { $period ->
    [week] Eine neue Woche
    [month] Ein neuer Monat
    [season] Eine neue Saison
   *[all] Ein neuer Zeitraum
} beginnt am { $day }.
board-answers-right = { $answers ->
    [one] 1 Antwort
   *[other] { $answers } Antworten
}, { $right } richtig
board-points = **{ $points }** Punkte
board-points-empty = Noch niemand hat Punkte { $period ->
    [week] in dieser Woche
    [month] in diesem Monat
    [season] in dieser Saison
   *[all] in diesem Zeitraum
}. Beantworte das nächste Quiz oder probier `/quiz`.
board-you = Du: **#{ $rank }** mit { $points } Punkten.
board-you-none = Du hast hier noch keine Punkte: jede richtige Antwort zählt.
board-title = Bestenliste — { $span }
board-improved-detail = { $before } → { $now } richtig ({ $answers } Antworten)
board-improved-empty = Noch niemand hat sich gegenüber { $period ->
    [week] der Vorwoche
    [month] dem Vormonat
    [season] der vorigen Saison
   *[all] dem vorigen Zeitraum
} verbessert (es braucht { $min } Antworten in beiden).
board-improved-you = Du: **#{ $rank }** mit +{ $gain } Prozentpunkten Trefferquote.
board-improved-you-none = Du bist nicht auf dieser Liste: es braucht { $min } Antworten { $period ->
    [week] in dieser und der vorigen Woche
    [month] in diesem und dem vorigen Monat
    [season] in dieser und der vorigen Saison
   *[all] in diesem und dem vorigen Zeitraum
} und eine höhere Trefferquote.
board-improved-title = Größte Verbesserung — { $span } gegenüber davor
board-no-teams = Es gibt noch keine Teams: Admins machen eine Rolle mit `/config team-role` zum Team.
board-team-detail = { $members ->
    [one] 1 Mitglied
   *[other] { $members } Mitglieder
}, { $points } Punkte
board-per-member = **{ $score }** Punkte pro Mitglied
board-teams-title = Teams — { $span }
board-final-title = Endstand — { $span }
board-final-footer = Glückwunsch! Ein neuer Zeitraum hat begonnen: jeder Punkt zählt wieder.
board-week-title = Diese Woche bisher — { $span }
board-week-footer = Endstand am { $day }. `/leaderboard` zeigt deinen eigenen Platz.
stats-private = Deine Statistik gehört dir, und die der anderen ihnen: nur Admins können die eines anderen Mitglieds sehen. Nutze `/stats` ohne Mitglied für deine eigene.
stats-none = { $whose ->
    [you] Deine Statistik beginnt
   *[other] Die Statistik von { $whose } beginnt
} mit einer ersten Antwort: probier `/quiz` oder das nächste Quiz im Kanal.
stats-answers = **Antworten:** { $answers } ({ $right } richtig)
stats-accuracy = **Trefferquote je Woche:** { $weeks }
stats-streak = **Serie:** { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} (beste { $best })
stats-points = **Punkte:** { $points } insgesamt
stats-points-week = { $points } diese Woche (#{ $rank })
stats-points-week-none = diese Woche noch keine
stats-helping = **Helfen:** { $accepted ->
    [one] 1 akzeptierte Antwort
   *[other] { $accepted } akzeptierte Antworten
} ({ $points } Punkte) · { $asked ->
    [one] 1 Frage
   *[other] { $asked } Fragen
} gestellt
stats-mastery = Beherrschung
stats-chart-title = Trefferquote je Woche
stats-chart-member = { $whose ->
    [you] Du
   *[other] Mitglied
}
stats-chart-everyone = Alle
stats-heading = { $whose ->
    [you] Dein Lernen
   *[other] Das Lernen von { $whose }
} bisher
stats-title = Statistik
stats-footer = Nur du siehst das.
privacy-export-failed = Der Export konnte nicht geschrieben werden: { $error }
privacy-exported = Alles, was peerlearn auf **{ $server }** über dich speichert: { $answers ->
    [one] 1 Antwort
   *[other] { $answers } Antworten
}, { $reviews ->
    [one] 1 Frage in deinem Wiederholungsplan
   *[other] { $reviews } Fragen in deinem Wiederholungsplan
}, { $asked ->
    [one] 1 gestellte Frage
   *[other] { $asked } gestellte Fragen
} und deine Einstellungen, als JSON (nur du siehst das). `/privacy delete` löscht es.
privacy-delete-prompt = **Deine Daten auf { $server } löschen?**
    Das entfernt dein Profil, deine Punkte, Serien, Plätze in Bestenlisten, deinen Wiederholungsplan, Rollenpfade, Fachthemen und Einstellungen endgültig.
    Deine Quizantworten, deine Fragen, die zu Wissen wurden, und deine Antworten bleiben **anonym** erhalten, damit die Zahlen des Teams weiter stimmen. Deine noch offenen Fragen werden geschlossen.
    Nachrichten, die du in Discord geschrieben hast, bleiben unberührt: lösche sie in Discord.
privacy-delete-copy-first = Erst eine Kopie? `/privacy export`. Diese Schaltfläche gilt { $minutes } Minuten.
privacy-delete-button = Meine Daten löschen
privacy-keep-button = Meine Daten behalten
privacy-delete-expired = Diese Bestätigung ist abgelaufen, es wurde nichts gelöscht. Führe `/privacy delete` erneut aus.
privacy-deleted = Deine Daten auf **{ $server }** sind gelöscht: { $deleted ->
    [one] 1 persönlicher Eintrag
   *[other] { $deleted } persönliche Einträge
} entfernt, { $kept ->
    [one] 1 Antwort oder Frage
   *[other] { $kept } Antworten und Fragen
} ohne deinen Namen behalten. Nutzt du peerlearn hier wieder, fängst du neu an.
privacy-kept = Nichts wurde gelöscht. Deine Daten bleiben, wie sie sind.
pairing-talked = Wir haben gesprochen
pairing-skip = Überspringen
pairing-to-learner = **Ein kollegiales Gespräch auf { $server }?** Du frischst **{ $topic }** auf (deine vorhergesagte Erinnerung liegt bei { $recall }, unter dem Teamziel von { $target }), und { $mentor } kennt sich gut aus. Ein 15-Minuten-Gespräch diese Woche? Sag per DM oder an der Kaffeemaschine Hallo.
pairing-to-mentor = **Ein kollegiales Gespräch auf { $server }?** { $learner } frischt **{ $topic }** auf, und du kennst dich gut aus. Ein 15-Minuten-Gespräch diese Woche würde sehr helfen.
pairing-why = Du bekommst das, weil du `/pairing on` gewählt hast; `/pairing off` beendet es.
pairing-channel = { $count ->
    [one] 1 Lernpaar
   *[other] { $count } Lernpaare
} diese Woche, zu { $topics }: wer ein Thema vergisst, trifft jemanden, der es kennt. Mach mit `/pairing on` mit.
pairing-unknown = Dieses Lernpaar ist nicht mehr bekannt.
pairing-not-yours = Nur die beiden Mitglieder dieses Lernpaars können antworten.
pairing-settled = Dieses Lernpaar hat schon eine Antwort; danke.
pairing-noted = Notiert: du hast mit { $other } über **{ $topic }** gesprochen. Ihr bekommt beide { $points } Punkte.
pairing-skipped = Übersprungen. Kein Problem: das nächste Lernpaar ist jemand anderes.
pairing-on = Du bist dabei: vergisst du ein Thema, kannst du mit jemandem gepaart werden, der es kennt (höchstens einmal pro Woche), und kennst du eines gut, mit jemandem, der es auffrischt. Ihr bekommt beide eine Direktnachricht.
pairing-on-already = Du bist schon bei den Lernpaaren dabei.
pairing-off = Du bist nicht mehr bei den Lernpaaren dabei. `/pairing on` holt dich zurück.
pairing-off-already = Du warst nicht bei den Lernpaaren dabei.
pairing-report = **Lernpaare:** { $made } gebildet, { $talked } gesprochen, { $skipped } übersprungen
pairing-report-recall = vorhergesagte Erinnerung der Lernenden an ihr Thema: { $before } beim Paaren → { $now } jetzt ({ $n } Lernpaare; sie haben auch selbst gelernt, das ist also nicht die Wirkung der Gespräche)
topic-unknown = Es gibt kein Thema `{ $topic }`. Wähle eines aus der Liste beim Tippen.
track-added = Mitglieder mit { $role } üben jetzt mehr in **{ $topic }**.
track-already = **{ $topic }** ist schon im Pfad von { $role }.
track-removed = **{ $topic }** ist nicht mehr im Pfad von { $role }.
track-not-on = **{ $topic }** ist nicht im Pfad von { $role }.
tracks-none = Noch keine Rollenpfade. Admins fügen einen mit `/track set role:@Support topic:support` hinzu.
tracks-title = Rollenpfade
