# Was /ask, die Fachleute und die Wissensbasis sagen. Beiträge in Threads und im Admin-Kanal
# sind in der Sprache des Servers, Antworten an ein Mitglied in dessen Sprache.

ask-why-expert = du bist Fachperson für **{ $topic }**
ask-why-inferred = du kennst **{ $topic }** gut ({ $why }), und keine eingetragene Fachperson ist frei (`/expert suggest off` beendet das)
ask-too-short = Schreib deine Frage in ein paar Worten, z. B. `/ask question: Wie setze ich mein VPN-Passwort zurück?`
ask-too-long = Deine Frage ist { $length } Zeichen lang; bleib unter { $max } (Details können im Thread folgen).
ask-nothing-matched = Nichts in der Wissensbasis passte.
ask-kb-did-not-solve = Die Wissensbasis hat es nicht gelöst.
ask-follow = Dieser Frage folgen
ask-solved = Das hat geholfen
ask-still-need-help = Ich brauche noch Hilfe
ask-already-asked = **Schon gefragt:** { $question }
ask-already-asked-in = **Schon gefragt in { $thread }:** { $question }
ask-already-asked-follow = Folge ihr, um zu erfahren, wann sie beantwortet ist, und die Antwort in deinen Wiederholungen zu bekommen.
ask-similar-open = Jemand aus dem Team hat eine sehr ähnliche Frage gestellt, die noch offen ist:
ask-answered-before = Das Team hat das vielleicht schon beantwortet:
ask-your-question = Deine Frage: { $text }
ask-footer = Wenn nichts davon hilft, wird eine Fachperson in einem Thread gefragt.
ask-no-longer-open = Diese Frage ist nicht mehr offen. Nutze „Ich brauche noch Hilfe“, um das Team selbst zu fragen.
ask-yours-settled = Deine Frage war schon erledigt.
ask-following = Du folgst { $thread }. Du erfährst dort, wann sie beantwortet ist, und die Antwort kommt am nächsten Tag in deinen Wiederholungen.
ask-unknown = Diese Frage ist hier nicht mehr bekannt. Frag noch einmal mit `/ask`.
ask-only-asker = Nur wer gefragt hat, kann das beantworten.
ask-settled = Diese Frage war schon erledigt.
ask-glad-card = Schön, dass das Wissen des Teams geholfen hat. Die Antwort kommt morgen als Karte in deinen Wiederholungen, damit sie hängen bleibt. Kommt es wieder, findet `/kb search` sie auch.
ask-glad = Schön, dass das Wissen des Teams geholfen hat. Kommt es wieder, findet `/kb search` sie auch.
ask-with-team = Diese Frage liegt schon beim Team in { $thread }.
ask-admins-no-qa-channel = { $asker } hat eine Frage gestellt, aber es ist kein Q&A-Kanal festgelegt, sie konnte also nicht weitergeleitet werden. Wählt einen mit `/config qa-channel`.
ask-no-qa-channel = Fragen können noch nicht an Fachleute gehen: Admins müssen mit `/config qa-channel` einen Q&A-Kanal wählen. Die Admins wurden informiert.
ask-thread-footer = Thema: { $topic } ({ $reason }) · Frage #{ $id } · Wer gefragt hat, markiert die hilfreiche Antwort mit „Mark as answer“ (Nachrichtenmenü → Apps).
ask-thread-title = Frage
ask-asked-by = Gefragt von { $asker }
ask-thread-failed = Ich konnte in { $channel } keinen Thread für deine Frage öffnen. Admins sollten prüfen, ob ich dort posten und Threads erstellen darf. Deine Frage bleibt gespeichert: probier später noch einmal „Ich brauche noch Hilfe“.
ask-expert-ping = { $expert }, { $why }: Kannst du diese Frage von { $asker } beantworten? Antworte hier im Thread. Antwortet innerhalb von { $hours } h niemand, wird die nächste Fachperson gefragt.
ask-who-expert = Fachperson für **{ $topic }**
ask-who-inferred = kennt **{ $topic }** gut
ask-routed = Deine Frage ist in { $thread }, und { $expert } ({ $who }) wurde gebeten zu antworten. Wenn eine Antwort sie löst, nutze **Mark as answer** darauf (Nachrichtenmenü → Apps).
ask-thread-no-expert = Gerade ist keine Fachperson für **{ $topic }** verfügbar, daher wurden die Admins informiert. Wer die Antwort kennt, ist willkommen, hier zu antworten.
ask-admins-nobody = Niemand kann eine Frage zu **{ $topic }** übernehmen: { $thread } von { $asker }. Fügt mit `/expert assign` eine Fachperson hinzu oder beantwortet sie im Thread.
ask-routed-no-expert = Gerade ist keine Fachperson für **{ $topic }** verfügbar. Deine Frage ist in { $thread }, wo alle antworten können, und die Admins wurden informiert.
ask-abandoned = Diese Frage wird geschlossen: innerhalb von { $days } Tagen wurde keine Antwort markiert. { $asker }, wenn du noch Hilfe brauchst, frag noch einmal mit `/ask`.
ask-escalated = { $next }, kannst du diese Frage zu **{ $topic }** übernehmen? { $expert } kam noch nicht zum Antworten.
ask-escalated-inferred = Du wirst gefragt, weil du dich gut auskennst ({ $why }); `/expert suggest off` beendet das.
ask-no-other-expert = Keine andere Fachperson ist frei, daher wurden die Admins informiert.
ask-admins-no-reply = Eine Frage zu **{ $topic }** hat nach { $experts } Fachperson(en) keine Antwort: { $thread } von { $asker }. Bitte findet jemanden, der antwortet (`/expert assign`).
ask-nudge = { $asker }, hat eine Antwort hier deine Frage beantwortet? Nutze **Mark as answer** darauf (Nachrichtenmenü → Apps), damit das Team sie behält, oder `/resolve`, um die Frage zu schließen.
resolve-bot-message = Wähle die Antwort eines Mitglieds, nicht eine Nachricht des Bots.
resolve-no-text = Diese Nachricht hat keinen Text zum Behalten (nur Anhänge oder Embeds). Wähle eine Antwort mit Text oder schließe die Frage mit `/resolve answer:` und einer Zusammenfassung.
resolve-helper-needs-answer = Gib auch `answer` an: die helfende Person wird für eine behaltene Antwort gutgeschrieben.
resolve-not-a-thread = Das funktioniert im Thread einer Frage (geöffnet von `/ask`).
resolve-only-asker = Nur { $asker }, wer gefragt hat, oder Admins können die Antwort markieren.
resolve-already-kb = Diese Frage ist schon gelöst (Wissen #{ $id }).
resolve-already = Diese Frage ist schon gelöst.
resolve-closed = Diese Frage ist geschlossen. Frag noch einmal mit `/ask`, wenn du noch Hilfe brauchst.
resolve-just-now = Diese Frage wurde gerade eben gelöst.
resolve-marked = { $by } hat die Antwort von { $helper } markiert. Sie ist als Wissen #{ $id } gespeichert, damit das nächste `/ask` dazu sie findet. { $helper } erhält { $points } Punkte fürs Helfen.
resolve-closed-kept = { $by } hat die Frage geschlossen. Die Antwort ist als Wissen #{ $id } gespeichert, damit das nächste `/ask` dazu sie findet.
resolve-closed-nothing = { $by } hat die Frage ohne zu behaltende Antwort geschlossen.
resolve-card = { $asker } bekommt sie morgen als Karte in den Wiederholungen, damit sie hängen bleibt.
resolve-followers = { $followers } die Frage, der ihr folgt, ist beantwortet.
resolve-followers-card = { $followers } die Frage, der ihr folgt, ist beantwortet; sie kommt morgen als Karte in euren Wiederholungen.
resolve-title = Beantwortet
route-chosen = von der fragenden Person gewählt
route-rule = passt zu einer Stichwortregel
route-content = am nächsten an den Inhalten des Teams
route-fallback = kein Thema passte
expertise-mastery = { $mastery } Beherrschung
expertise-answers-recent = { $count ->
    [one] 1 akzeptierte Antwort
   *[other] { $count } akzeptierte Antworten
} in den letzten { $days } Tagen
expertise-answers = { $count ->
    [one] 1 akzeptierte Antwort
   *[other] { $count } akzeptierte Antworten
} ({ $recent } in den letzten { $days } Tagen)
expertise-owns = verantwortet { $count ->
    [one] 1 geprüfte Antwort
   *[other] { $count } geprüfte Antworten
}
verification-range = Das Prüfintervall muss zwischen { $min } und { $max } Tagen liegen.
verification-set-topic = Antworten zu **{ $topic }** werden jetzt alle { $days } Tage von ihren Verantwortlichen geprüft.
verification-set = Antworten werden jetzt alle { $days } Tage von ihren Verantwortlichen geprüft (Themen mit eigenem Intervall behalten es).
kb-search-empty = Tippe ein paar Suchwörter, z. B. `/kb search vpn passwort`.
kb-search-too-long = Diese Suche ist zu lang ({ $length } Zeichen); höchstens { $max }.
kb-search-nothing = Nichts in der Wissensbasis passt zu „{ $query }“. Frag das Team mit `/ask`.
kb-search-title = Wissensbasis: { $query }
kb-search-footer = Antworten stammen aus gelösten /ask-Fragen; Tipps, Quiz-Erklärungen und Lernkarten aus den Inhalten des Teams.
kb-removed-already = Antwort #{ $id } wurde aus der Wissensbasis entfernt.
kb-no-such = In der Wissensbasis dieses Servers gibt es keine Antwort #{ $id }. `/kb search` zeigt die Nummern.
kb-removed = Antwort #{ $id } („{ $question }“) aus der Wissensbasis entfernt und ihre Lernkarte zurückgezogen. Sie bleibt in den Aufzeichnungen.
kb-owners-only = Nur die Verantwortlichen für Antwort #{ $id } (wer sie schrieb, sonst die Fachleute ihres Themas) oder Admins können das.
kb-verified = Antwort #{ $id } ist geprüft. Die nächste Prüfung ist fällig am { $due }.
kb-retired = Antwort #{ $id } ist zurückgezogen: `/ask` und `/kb search` zeigen sie nicht mehr, und ihre Lernkarte ist entfernt.
kb-use-button-again = Nutze die Schaltfläche noch einmal, um den neuen Text zu schreiben.
kb-update-empty = Der neue Text ist leer: nichts wurde geändert.
kb-update-too-long = Der neue Text ist { $length } Zeichen lang; bleib unter { $max }.
kb-updated = Antwort #{ $id } ist aktualisiert und geprüft. Wer ihre Karte hat, sieht den neuen Text bei der nächsten Wiederholung.
kb-admins-unowned = Antwort #{ $id } („{ $question }“) muss geprüft werden, und niemand ist verantwortlich (wer sie schrieb, ist weg, und das Thema **{ $topic }** hat keine Fachleute). Prüft sie und nutzt `/kb verify id:{ $id }` oder `/kb remove id:{ $id }`.
kb-reminder = Stimmt diese Antwort auf **{ $server }** noch? Du bist verantwortlich, das Team zählt auf dich.
kb-answer-title = Antwort #{ $id } · { $question }
kb-reminder-footer = Zuletzt geprüft am { $date }. Ungeprüfte Antworten werden in der Suche markiert und nach einer Weile nicht mehr angeboten.
kb-still-correct = Stimmt noch
kb-needs-update = Muss aktualisiert werden
kb-retire = Zurückziehen
kb-hit-answer = Antwort #{ $id }
kb-hit-tip = Tipp
kb-hit-question = Quiz-Erklärung
kb-hit-card = Lernkarte
kb-hit-unverified = nicht geprüft seit { $since }
away-hint = Nutze ein Datum wie 2026-12-01 oder eine Dauer wie 4h, 3d oder 2w.
away-no-such-time = { $text } gibt es in { $zone } nicht.
away-not-future = { $text } liegt nicht in der Zukunft.
away-unreadable = „{ $text }“ ist weder ein Datum noch eine Dauer.
away-range = „{ $text }“: die Abwesenheit muss zwischen 1 Stunde und einem Jahr liegen.
away-until = Du bekommst bis { $until } keine neuen Fragen. Genieß die freie Zeit.
away-until-back = Du bekommst keine neuen Fragen, bis du `/expert back` nutzt.
away-no-topics = (Du bist noch für kein Thema Fachperson; `/expert join` fügt eines hinzu.)
back-not-away = Du warst nicht als abwesend markiert.
back-welcome = Willkommen zurück: Fragen können wieder an dich gehen.
experts-on = { $who } zu { $topic } ({ $why })
experts-inferred-named = **Erkannte Fachleute** (nicht eingetragen; gefragt, wenn keine eingetragene Fachperson frei ist): { $experts }
experts-inferred-unnamed = **Erkannte Fachleute:** { $count } zu { $topics } (`/expert list` nennt sie)
suggest-on = Du kannst wieder als Fachperson vorgeschlagen werden, nach deinem Wissen und deinen Antworten, und gefragt werden, wenn keine eingetragene Fachperson frei ist.
suggest-on-already = Du konntest schon als Fachperson vorgeschlagen werden.
suggest-off = Du wirst nicht mehr als Fachperson vorgeschlagen oder als solche gefragt, außer du trägst dich mit `/expert join` ein. `/expert suggest on` macht das rückgängig.
suggest-off-already = Du hattest dich schon abgemeldet.
topics-none-yet = noch keine
topic-unknown-expert = Es gibt kein Thema „{ $topic }“. Themen hier: { $known } oder „general“.
topic-general = Allgemein
config-qa-channel-set = Fragen, die eine Fachperson brauchen, bekommen jetzt einen Thread in { $channel }. Stellt sicher, dass der Bot dort Nachrichten senden und öffentliche Threads erstellen darf.
config-admin-channel-set = Admins erfahren jetzt in { $channel }, wenn eine Frage keine verfügbare Fachperson oder nach der Eskalation keine Antwort hat.
config-escalation-range = Die Eskalationszeit muss zwischen 1 und 168 Stunden liegen.
config-escalation-set = Eine Fachperson hat jetzt **{ $hours } h** Zeit zu antworten, bevor die nächste gefragt wird.
expert-added = { $who ->
    [you] Du bist jetzt Fachperson für **{ $topic }**: Fragen dazu können an dich gehen.
   *[other] { $who } ist jetzt Fachperson für **{ $topic }**: Fragen dazu können an sie oder ihn gehen.
}
expert-already = { $who ->
    [you] Du bist schon Fachperson für **{ $topic }**.
   *[other] { $who } ist schon Fachperson für **{ $topic }**.
}
expert-not = { $who ->
    [you] Du bist keine Fachperson für „{ $topic }“.
   *[other] { $who } ist keine Fachperson für „{ $topic }“.
}
expert-no-topics = Noch gar keine Themen.
expert-topics = Themen: { $topics }.
expert-removed = { $who ->
    [you] Du bist keine Fachperson mehr für **{ $topic }**. Bereits zugewiesene Fragen bleiben zugewiesen.
   *[other] { $who } ist keine Fachperson mehr für **{ $topic }**. Bereits zugewiesene Fragen bleiben zugewiesen.
}
experts-open = { $count } offen
experts-away-until = abwesend bis { $until }
experts-away = abwesend
experts-none = Noch hat sich niemand als Fachperson eingetragen. Mitglieder melden sich mit `/expert join`; Admins nutzen `/expert assign`.
experts-gaps = **Keine verfügbare Fachperson:** { $topics }. Fragen dazu gehen an allgemeine Fachleute, sonst werden die Admins informiert.
experts-inferred = **Erkannte Fachleute** (nicht eingetragen; aus ihrem Wissen und ihren Antworten, mit der Zeit verblassend; gefragt, wenn keine eingetragene Fachperson frei ist; `/expert suggest off` zum Abmelden): { $experts }
experts-title = Fachleute
topic-general-choice = Allgemein (alles andere)
expert-not-a-bot = Bots können keine Fachleute sein.
