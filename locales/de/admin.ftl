# Was Admins lesen: Einstellungen, Zeitpläne, Inhalte, Berichte.

config-language-set = Kanalbeiträge sind jetzt auf **{ $language }**. Antworten und Direktnachrichten folgen der Discord-Sprache jedes Mitglieds.
config-language-auto = Kanalbeiträge folgen jetzt der Community-Sprache des Servers auf Discord (derzeit **{ $language }**). Antworten und Direktnachrichten folgen der Discord-Sprache jedes Mitglieds.
config-timezone-set = Zeitzone auf **{ $zone }** gesetzt. Zeitpläne ohne eigene Zone und tägliche Serien folgen ihr jetzt.
config-quiz-window-range = Das Quiz-Fenster muss zwischen { $min } und { $max } Minuten liegen.
config-quiz-window-set = Kanal-Quiz bleiben jetzt **{ $minutes } Minuten** offen und zeigen dann die Antwort.
timezone-unknown = `{ $name }` ist keine Zeitzone. Verwende einen IANA-Namen wie `Europe/Berlin`, `America/New_York` oder `UTC` (tippe los und wähle aus der Liste).
team-removed = { $role } ist kein Team mehr in den Bestenlisten. Die Mitglieder behalten ihre Punkte.
team-was-not = { $role } war kein Team.
team-added = { $role } ist jetzt ein Team in den Bestenlisten.
team-already = { $role } war schon ein Team.
team-list = Teams: { $teams }. Mitglieder zählen ab ihrem nächsten Befehl oder Klick für ihr Team; `/leaderboard by: team` rankt Teams nach Punkten pro Mitglied, die Größe entscheidet also nicht.
season-range = Eine Saison dauert { $min } bis { $max } Wochen; { $weeks } liegt außerhalb.
season-set = Saisons dauern jetzt { $weeks ->
    [one] 1 Woche
   *[other] { $weeks } Wochen
}. Diese: { $season } (ihre Liste zählt jeden Punkt seit { $since }).
report-refreshers = Auffrischungen in { $span }: { $days } Thementage, zu { $topics } Thema/Themen.
report-requests-title = Inhaltswünsche, { $span }
report-correlation = Korrelation, nicht Ursache: auch anderes ändert sich.
report-computed-at = Wissen, Fragenhinweise, Erinnerungsprognose und Unterstützungsliste von heute { $time } (einmal täglich berechnet).
report-title = Bericht — { $span } (bisher)
report-csv = Bericht für { $before ->
    [0] { $span }
    [one] { $span } und den 1 Zeitraum davor
   *[other] { $span } und die { $before } Zeiträume davor
}: eine Zeile pro Kennzahl, Thema, Gruppe und Zeitraum. Zahlen über weniger als { $min } Personen bleiben leer (siehe Spalte `note`); Mitglieder, die Unterstützung brauchen könnten, werden gezählt, nicht genannt.
digest-unanswered = Letzte Woche unbeantwortet
digest-support = **{ $count ->
    [one] 1 Mitglied braucht
   *[other] { $count } Mitglieder brauchen
} vielleicht Unterstützung.** Admins sehen mit `/report`, wer und warum.
digest-footer = `/report` hat die Details, die CSV und das Trenddiagramm.
digest-title = Wochenüberblick — { $span }
kpi-not-csv = `{ $name }` ist keine CSV-Datei. Hänge eine `.csv` mit den Spalten date, team, metric, value an, z. B. `2026-11-23,Support,tickets_reopened,12`.
kpi-imported = { $values ->
    [one] 1 Wert
   *[other] { $values } Werte
} für { $metrics ->
    [one] 1 Kennzahl
   *[other] { $metrics } Kennzahlen
} und { $teams ->
    [one] 1 Team
   *[other] { $teams } Teams
} importiert, { $from } bis { $to }. `/report` setzt sie jetzt mit dem Lernen der Teams in Beziehung (als Korrelation, mit n).
requests-counts = { $asks ->
    [one] 1 Frage
   *[other] { $asks } Fragen
}, { $people ->
    [one] 1 Person
   *[other] { $people } Personen
}
requests-answered = beantwortet als #{ $id }: `/kb draft id:{ $id }` macht Inhalt daraus
requests-heading = **{ $heading }** (Fragen, die die Wissensbasis nicht beantworten konnte, nach Thema und Wortlaut gruppiert: Inhalte zum Schreiben)
requests-more = und { $count } weitere: `/content requests`
requests-days-range = Schau 1 bis { $max } Tage zurück (Standard { $default }).
requests-none = In { $days ->
    [one] dem letzten Tag
   *[other] den letzten { $days } Tagen
} blieb in der Wissensbasis nichts unbeantwortet.
requests-summary = { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} konnte die Wissensbasis in { $days ->
    [one] dem letzten Tag
   *[other] den letzten { $days } Tagen
} nicht beantworten, in { $requests ->
    [one] 1 Wunsch
   *[other] { $requests } Wünschen
} (nach Thema und Wortlaut gruppiert):
requests-more-rare = und { $count } weitere, einmal oder seltener gefragt
requests-flagged = **Quizfragen mit schwachen Ergebnissen** (aus den ersten Versuchen der Mitglieder): umschreiben oder besser erklären
requests-title = Inhaltswünsche
requests-footer = Schreibt dazu einen Tipp, eine Frage oder eine Lernkarte und importiert sie mit /content import; /kb draft macht aus einer akzeptierten Antwort einen Entwurf.
kb-draft-experts-only = Inhalte aus Antworten zu entwerfen ist Fachleuten (`/expert join`) und Admins vorbehalten.
kb-draft-question =
    # Eine Quizfrage aus derselben Antwort: schreibt zwei oder mehr falsche Antworten,
    # entfernt dann die '#'-Zeichen und importiert sie.
    #
    # [[question]]
    # id = "kb-{ $id }-q"
    # topic = { $topic }
    # prompt = { $prompt }
    # choices = [{ $right }, "eine plausible falsche Antwort", "noch eine falsche Antwort"]
    # correct = "A"
    # explanation = { $explanation }
kb-draft-made = Ein Entwurf aus Antwort #{ $id }: eine Lernkarte, bereit für `/content import`, und eine Quizfrage zum Fertigstellen (auskommentiert). Bearbeite ihn und importiere ihn dann.
retention-range = Bewahre Daten 0 Tage (für immer) oder zwischen { $min } und { $max } Tagen auf, nicht { $days }.
retention-forever = aufbewahrt, bis ein Mitglied seine löscht
retention-days = nach { $days } Tagen gelöscht
retention-set = Rohdaten (Antworten, Punkte, Fragenverlauf, gesendete Beiträge) werden jetzt { $kept }.{ $days ->
    [0] {""}
   *[other] {" "}Ältere werden innerhalb einer Stunde gelöscht.
} Bestenlisten, Fortschritt und Wiederholungspläne bleiben erhalten.
