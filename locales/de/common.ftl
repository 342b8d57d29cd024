# Texte, die alle Teile des Bots verwenden: Fehler, veraltete Schaltflächen, Server und Formulare.

error-bot-side = Das hat leider nicht geklappt, wegen eines Problems auf Seiten des Bots. Es wurde für die Admins protokolliert; bitte versuch es gleich noch einmal.
error-guild-only = `/{ $command }` funktioniert nur auf einem Server, nicht in Direktnachrichten. Nutze es auf dem Server deines Teams.
error-unreadable-options = Ich konnte die Optionen von `/{ $command }` nicht lesen. Bitte wähle sie aus den Menüs von Discord (ein Mitglied, das den Server verlassen hat, ist nicht wählbar) und versuch es erneut.
error-admin-only = Nur Mitglieder mit der Berechtigung **Server verwalten** können `/{ $command }` verwenden. Frag einen Admin, wenn etwas geändert werden soll.
error-download = Die Datei konnte nicht von Discord geladen werden. Bitte hänge sie noch einmal an.
error-full-list-attached = (Die vollständige Liste ist angehängt.)
button-other-server = Diese Schaltfläche gehört zu einem anderen Server.
form-other-server = Dieses Formular gehört zu einem anderen Server.
form-stale = Dieses Formular ist nicht mehr gültig.
button-stale = Diese Schaltfläche ist nicht mehr gültig. Nutze `/quiz` für eine neue Frage.
answer-unreadable = Diese Antwort konnte nicht gelesen werden. Nutze `/quiz` für eine neue Frage.
questions-need-server = Fragen funktionieren nur auf einem Server.
quizzes-need-server = Quiz funktionieren nur auf einem Server, nicht in Direktnachrichten.
about-text = **peerlearn** v{ $version }
    Läuft seit { $uptime }
    Datenbank: { $size }
help-title = peerlearn-Befehle
help-message-command = **{ $name }** (Nachrichtenmenü → Apps) — { $description }
update-form-title = Aktualisieren: { $question }
update-form-input = Die Antwort, wie sie jetzt lauten soll
date = { $day }. { $month } { $year }
date-day-month = { $day }. { $month }
date-month = { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
date-month-year = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
this-server = diesem Server
former-member = ein ehemaliges Mitglied
