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
cron-help = Nutze 5 Felder: Minute Stunde Monatstag Monat Wochentag, z. B. `0 9 * * MON-FRI` (werktags 09:00) oder `30 8 * * *` (täglich 08:30). Ein 6. Feld vorne gibt Sekunden an.
cron-empty = Der Cron-Ausdruck ist leer.
cron-fields = `{ $source }` hat { $n } Felder; ein Cron-Ausdruck hat 5 (oder 6 mit Sekunden).
cron-invalid = `{ $source }` ist kein gültiger Cron-Ausdruck ({ $error }).
cron-never = `{ $source }` trifft nie ein echtes Datum.
cron-day-number = ungültige Tageszahl
cron-day-range = Wochentag { $n } liegt außerhalb des Bereichs (0–7, 0 und 7 sind Sonntag, oder MON–SUN).
topic-unknown-known = Es gibt kein Thema `{ $topic }`. Wähle eines aus der Liste: { $known }.
schedule-unknown-kind = Unbekannte Art `{ $kind }`; nutze eine von: { $kinds }.
schedule-digest-topic = Ein Überblick umfasst alle Themen: füge ihn ohne `topic` hinzu.
schedule-added = Zeitplan **#{ $id }** hinzugefügt: { $kind } in { $channel } um `{ $cron }` ({ $zone }).
schedule-added-topic = Zeitplan **#{ $id }** hinzugefügt: { $kind } zu `{ $topic }` in { $channel } um `{ $cron }` ({ $zone }).
schedule-next-runs = Nächste Läufe:
schedules-none = Noch keine Zeitpläne. Füge einen mit `/schedule add` hinzu, z. B. Art `quiz`, Cron `0 9 * * MON-FRI`.
schedules-title = Zeitpläne
schedule-paused-state = pausiert
schedule-next = nächster { $when }
schedule-no-runs = keine weiteren Läufe
schedule-in = in { $channel }
schedule-unknown = Auf diesem Server gibt es keinen Zeitplan #{ $id }. `/schedule list` zeigt die Nummern.
schedule-already-paused = Zeitplan #{ $id } ist schon pausiert.
schedule-paused = Zeitplan #{ $id } ist pausiert. `/schedule resume id:{ $id }` startet ihn wieder.
schedule-resumed = Zeitplan #{ $id } läuft wieder. Nächster Lauf: { $when }.
schedule-resumed-no-runs = Zeitplan #{ $id } läuft wieder, hat aber keine weiteren Läufe.
schedule-removed = Zeitplan #{ $id } entfernt.
schedule-just-ran = Zeitplan #{ $id } ist gerade gelaufen. Versuch es gleich noch einmal.
schedule-nothing-due = Gerade hat niemand fällige Wiederholungen, es gibt also nichts zu erinnern.
schedule-nobody-to-pair = Gerade kann niemand gepaart werden: Lernpaare brauchen Mitglieder mit `/pairing on`, eines, das ein Thema vergisst, und eines, das es kennt, beide in der letzten Woche nicht gepaart.
schedule-nothing-to-post = Zeitplan #{ $id } hat nichts zu posten. Importiere Inhalte mit `/content import` oder lade `/content starter`.
schedule-nothing-to-post-topic = Zeitplan #{ $id } hat im Thema `{ $topic }` nichts zu posten. Importiere Inhalte mit `/content import` oder lade `/content starter`.
schedule-running = Zeitplan #{ $id } läuft jetzt: { $kind } erscheint gleich in { $channel }.
experiment-holdout-range = Die Kontrollgruppe muss { $min } bis { $max } Prozent der Mitglieder umfassen (25 ist ein guter Start).
experiment-weeks-range = Ein Experiment läuft { $min } bis { $max } Wochen.
experiment-every-topic = alle Themen
experiment-unknown-topic = Es gibt kein Thema `{ $topic }`. Wähle eines aus der Liste oder `all`.
experiment-already-running = Es läuft schon ein Experiment (bis { $until }). `/experiment status` zeigt es; `/experiment stop` beendet es.
experiment-started = **Experiment gestartet** zu { $topic }, bis { $until }.
    { $percent } % der Mitglieder, zufällig gezogen, erhalten währenddessen keine Wiederholungserinnerungen dafür ({ $held } der { $known } jetzt bekannten Mitglieder; Neue werden beim Eintreffen gezogen). Tägliche Quiz, Wissenschecks und `/quiz` bleiben für alle gleich, und Mitglieder sehen in `/progress`, dass sie in der Kontrollgruppe sind.
    Der Bericht zeigt dann, was die Wiederholungen bewirkt haben: das Wissen der wiederholenden Mitglieder minus das der Kontrollgruppe, mit 95-%-Intervall. `/experiment status` zeigt es jederzeit.
experiment-none-running = Es läuft kein Experiment. `/experiment start` startet eines.
experiment-stopped = **Experiment beendet.** Alle erhalten wieder Wiederholungserinnerungen. Der Bericht zeigt sein Ergebnis weiterhin.
experiment-none-yet = Noch kein Experiment. `/experiment start topic:all holdout:25 weeks:8` misst, was Wiederholungen bewirken.
experiment-running-until = läuft bis { $until }
experiment-ended = beendet
experiment-status = **Experiment** zu { $topic }, { $percent } % Kontrollgruppe, seit { $since } ({ $state }).
experiment-no-data = Noch nicht genug Daten.
experiment-all-choice = all (alle Themen)
import-not-content = `{ $name }` ist keine Inhaltsdatei. Hänge eine `.toml`-Datei (Themen, Fragen, Tipps, Lernkarten), eine `.csv`-Datei (Fragen), einen Fragenkatalog aus einem LMS in GIFT (`.gift`, `.txt`) oder Aiken (`.txt`) oder ein Anki-Deck (`.apkg`) an; `/content export` zeigt ein Beispiel.
import-too-big = `{ $name }` ist { $size } groß; erlaubt sind { $max }. Teile sie in kleinere Dateien.
import-unreadable = Nichts wurde importiert: `{ $name }` { $reason }.
import-not-utf8 = `{ $name }` ist kein UTF-8-Text. Speichere sie als UTF-8 und versuch es erneut.
import-problems = Nichts wurde importiert: `{ $name }` hat { $count ->
    [one] 1 Problem. Behebe es
   *[other] { $count } Probleme. Behebe alle
} und importiere die Datei erneut.
import-counts = Importiert: { $added } neu, { $updated } aktualisiert, { $unchanged } unverändert.
import-left-out = ausgelassen: der Chat kann diese nicht fragen oder zeigen
starter-loaded = Starterpaket: { $counts }
export-toml = { $topics } Themen, { $questions } Fragen, { $tips } Tipps und { $cards } Lernkarten. Bearbeite die Datei und bring sie mit `/content import` zurück.
export-gift = { $questions } Fragen in GIFT, für Moodle oder `/content import`. GIFT enthält nur Fragen: Schwierigkeit, Pfade, Quellen, Tipps und Lernkarten stehen im TOML-Export.
content-none = Noch keine Inhalte. Lade das Starterpaket mit `/content starter` oder importiere eine Datei mit `/content import`.
content-title = Inhalte
content-answers = { $answers } Antworten, { $percent } % richtig
content-no-answers = noch keine Antworten
content-counts = { $questions } Fragen, { $tips } Tipps{ $cards ->
    [0] {""}
   *[other] , { $cards } Lernkarten
}
content-total = Gesamt: { $topics } Themen, { $counts }
content-quality-fine = **Fragenqualität:** bisher wirkt nichts fehlerhaft (eine Frage wird beurteilt, sobald { $min } Mitglieder sie beantwortet haben).
content-quality-look = **Fragen zum Ansehen** (aus den ersten Versuchen der Mitglieder)
content-stats-attached = Die Statistik der ersten Versuche jeder Frage ist angehängt.
form-statement = Die Aussage
form-question = Die Frage
form-accepted = Akzeptierte Antworten, eine pro Zeile
form-numbers = Akzeptierte Zahlen, eine pro Zeile
form-choices = Die Antworten, eine pro Zeile (2 bis 5)
form-is-true = Stimmt sie? (true oder false)
form-right-letters = Die richtigen Buchstaben (etwa A, C)
form-right-letter = Buchstabe der richtigen Antwort (A bis E)
form-explanation = Erklärung, nach dem Antworten gezeigt
form-accepted-hint = Groß-/Kleinschreibung, Akzente und Satzzeichen zählen nicht
form-choices-hint = Als Phishing melden
    Löschen
    Antworten und nachfragen
form-optional = Optional
kind-single = Einfachauswahl
kind-true-false = Wahr oder falsch
kind-multiple = Mehrfachauswahl
kind-short-answer = Kurzantwort
kind-numeric = Zahl
draft-form-edit = Bearbeiten · { $kind }
draft-form-new = Neu · { $kind }
draft-not-author = Hier schreiben nur Admins Fragen. Admins können Fachleuten mit `/config expert-drafts on` erlauben, Fragen vorzuschlagen.
draft-gone = Dieser Entwurf ist nicht mehr offen: er wurde veröffentlicht oder verworfen.
draft-not-yours = Dieser Entwurf gehört jemand anderem.
draft-unknown-topic = Es gibt kein Thema `{ $topic }`. Wähle eines aus der Liste beim Tippen oder füge Themen mit `/content import` hinzu.
question-not-in-use = Es gibt keine Frage `{ $id }` im Einsatz. Wähle eine aus der Liste beim Tippen.
draft-edit = Bearbeiten
draft-discard = Verwerfen
draft-problems = Dein Entwurf ist gespeichert, kann aber noch nicht veröffentlicht werden: { $count ->
    [one] 1 Problem
   *[other] { $count } Probleme
}.
draft-press-edit = Drücke **Bearbeiten**, um das zu beheben.
draft-what-version = eine neue Version von `{ $id }` (Antworten behalten die Version, die sie beantwortet haben)
draft-what-same-text = eine neue Version von `{ $id }`, die in diesem Thema denselben Text hat
draft-what-new = Frage `{ $id }`
draft-publish = Veröffentlichen
draft-publish-next = Veröffentliche sie, und Mitglieder bekommen sie in Quiz-Beiträgen, `/quiz` und Wiederholungen.
draft-propose = Vorschlagen
draft-propose-next = Schlag sie vor, und Admins können sie veröffentlichen (`/content drafts`).
draft-preview = **Vorschau** von { $what } in **{ $topic }**, wie Mitglieder sie sehen.
draft-footer = Entwurf { $id } · { $kind }
draft-discarded = Entwurf verworfen. Nichts wurde veröffentlicht.
draft-proposed = Vorgeschlagen. Admins sehen ihn mit `/content drafts` und können ihn veröffentlichen; bis dahin kannst du ihn noch bearbeiten oder verwerfen.
draft-admins-publish = Nur Admins veröffentlichen Fragen. Schlag sie stattdessen vor.
draft-published = `{ $id }` veröffentlicht: Mitglieder bekommen sie ab jetzt.
draft-published-version = Neue Version von `{ $id }` veröffentlicht: Mitglieder bekommen sie ab jetzt, frühere Antworten behalten ihre Version.
draft-unchanged = `{ $id }` lautet schon genau so: nichts geändert.
draft-proposed-by = Vorgeschlagen von { $author }.
drafts-none = Keine vorgeschlagenen Fragen warten. Fachleute schlagen sie mit `/propose` vor, wenn `/config expert-drafts` an ist.
drafts-line = Entwurf { $id } von { $author } in `{ $topic }`: { $prompt }
drafts-review = Entwurf { $id } prüfen
drafts-title = Vorgeschlagene Fragen · { $count }
drafts-footer = Prüfe einen, um ihn zu veröffentlichen, zu bearbeiten oder zu verwerfen.
question-retired = `{ $id }` zurückgezogen: sie wird nicht mehr gepostet, geübt, wiederholt, gesucht oder exportiert. Ihre Antworten bleiben in den Zahlen. Ein erneuter Import oder eine Veröffentlichung holt sie zurück.
expert-drafts-on = Fachleute können jetzt mit `/propose` Fragen vorschlagen; Admins veröffentlichen sie über `/content drafts`.
expert-drafts-off = Fachleute können keine Fragen mehr vorschlagen. Bereits vorgeschlagene Entwürfe bleiben in `/content drafts`.
report-cut = Gekürzt für Discord: `/report format:csv` enthält jede Zahl.
report-hidden = verborgen (weniger als { $min } Personen)
knowledge-before = { $figure } bevor peerlearn fragte
knowledge-now = **{ $figure }** jetzt ({ $people } Personen, { $checks } Checks)
knowledge-heading = **Wissen:** Anteil des Fragenkatalogs, den Mitglieder wissen, ohne Glückstreffer, aus Wissenschecks (zufällige Fragen aus dem ganzen Katalog); ± ist das 95-%-Intervall
knowledge-all-topics = Alle Themen
knowledge-not-yet = **Wissen:** noch nicht gemessen. Wissenschecks (zufällige Fragen aus dem ganzen Katalog) sind in `/quiz`, Wiederholungen und das „Noch eine?“ des Tagesquiz gemischt; Zahlen erscheinen, sobald Mitglieder einige beantwortet haben.
report-experiment-until = bis { $day }
report-experiment = **Experiment** (Wiederholungen für { $percent } % der Mitglieder zufällig ausgesetzt, { $topic }, seit { $since }, { $state }): { $result }
chart-knowledge-line = Richtige Wissenschecks, ohne Glückstreffer (95-%-Intervall)
chart-knowledge-title = Was Mitglieder wissen, Woche für Woche
report-before = vorher: { $value }
report-participation = { $answered } von { $members } Mitgliedern haben geantwortet ({ $share })
report-nobody-answered = noch niemand hat geantwortet
report-participation-line = **Beteiligung:** { $text }
report-accuracy = { $share } von { $answers } Antworten richtig
report-no-answers = noch keine Antworten
report-accuracy-line = **Trefferquote:** { $text }
report-gain = { $first } → { $latest } ({ $points } Punkte) bei { $questions } erneut beantworteten Fragen, { $people } Personen
report-gains-heading = **Erneut beantwortete Fragen** (erster → letzter Versuch; meist Wiederholungen, die auf etwa 90 % Erinnerung getaktet sind: das zeigt den Plan bei der Arbeit, nicht, was Menschen wissen)
report-competency-median = Median { $days } Tage ({ $people } Personen)
report-days = { $days } Tage
report-tracks = Pfade: { $tracks }
report-competency-heading = **Zeit bis zur Kompetenz** (erste Antwort → kompetent)
report-forecast-heading = **Vergessensprognose** (die vom Gedächtnismodell vorhergesagte Erinnerung an beantwortete Fragen, jetzt → in 7 Tagen)
report-forecast = { $now } → { $later } ({ $people } Personen)
report-questions = **Fragen:** { $asked } gestellt · { $share } durch vorhandenes Teamwissen beantwortet
report-first-reply = erste Antwort einer Fachperson nach { $time } (Median von { $n })
report-resolved = gelöst nach { $time } (Median von { $n })
report-verified = { $share } der { $n } gezeigten akzeptierten Antworten waren geprüft
report-questions-none = **Fragen:** noch keine mit `/ask` gestellt.
report-refreshers-heading = **Auffrischungen** (das Team fällt laut Prognose unter sein Ziel: die am meisten vergessenen Fragen dieser Themen kommen zuerst in Kanal-Quiz und Wiederholungen)
report-expert-load = { $expert } { $assigned } zugewiesen, { $replied } beantwortet
report-median = Median { $time }
report-still-open = { $count } noch offen
report-expert-load-line = **Last der Fachleute:** { $experts }
report-support-none = **Braucht vielleicht Unterstützung:** gerade niemand.
report-support-heading = **Braucht vielleicht Unterstützung** (nur du siehst das)
support-falling = Trefferquote { $before } → { $now } in den letzten 4 Wochen
support-lapsed = keine Antwort seit { $days } Tagen nach einer Serie von { $best } Tagen
support-low-recall = vorhergesagte Erinnerung { $recall } in den Themen ihrer Pfade
report-support-more = und { $count } weitere (siehe die Zahl in der CSV)
chart-from = ab { $day }
chart-participation = Beteiligung
chart-accuracy = Trefferquote
chart-deflection = Von der Wissensbasis beantwortet
chart-trend-title = Team-Trend
uplift-arms = { $reviewed ->
    [one] 1 Mitglied
   *[other] { $reviewed } Mitglieder
} wiederholend und { $holdout } in der Kontrollgruppe
uplift-caused = Was Wiederholungen bewirkt haben: **{ $uplift } Punkte** Wissen (95-%-Intervall { $low } bis { $high }): wiederholend { $reviewed } gegenüber Kontrollgruppe { $holdout } ({ $arms }; { $checks } Wissenschecks).
uplift-not-enough = Noch nicht genug Daten: jede Gruppe braucht Wissenschecks von mindestens { $min } Personen und { $checks } Checks (bisher { $arms }).
item-first-tries = { $share } richtig bei { $n } ersten Versuchen
item-more = und { $count } weitere (siehe die CSV)
item-negative-discrimination = starke Mitglieder liegen hier öfter falsch als andere (mehrdeutig oder falscher Schlüssel?)
item-everyone-right = alle lagen beim ersten Versuch richtig (zu leicht?)
item-nobody-right = niemand lag beim ersten Versuch richtig (falscher Schlüssel?)
item-wrong-statement = „{ $choice }“ wird öfter gewählt als die richtige Antwort (falscher Schlüssel?)
item-wrong-choice = die falsche Antwort { $letter } wird öfter gewählt als die richtige (falscher Schlüssel?)
refresher-line = Auffrischung { $topic }: Erinnerung des Teams jetzt { $now }, in { $days } Tagen { $later } → Ziel { $target }
kpi-no-team = **KPI** { $label }: keine Team-Rolle heißt „{ $team }“; nutze den Rollennamen eines Teams oder `all`.
kpi-hidden = **KPI** { $label }: verborgen (weniger als { $min } Personen im Team).
kpi-learning = { $which ->
    [activity] Antworten pro Woche
   *[accuracy] Trefferquote
}
kpi-lag = { $weeks ->
    [0] in derselben Woche
    [one] 1 Woche später
   *[other] { $weeks } Wochen später
}
kpi-too-few-weeks = { $learning }: zu wenige Wochen für eine Aussage
kpi-finding = **KPI** { $label } gegenüber dem Lernen des Teams: { $findings }
kpi-not-utf8 = Die Datei ist kein UTF-8-Text. Speichere sie als CSV (UTF-8).
kpi-header-unreadable = Die Kopfzeile ist nicht lesbar: { $error }
kpi-header-missing = Die Kopfzeile muss die Spalten date, team, metric und value nennen; `{ $column }` fehlt.
kpi-line = Zeile { $line }: { $problem }
kpi-not-a-date = `{ $typed }` ist kein Datum wie 2026-11-23.
kpi-not-a-number = `{ $typed }` ist keine Zahl.
kpi-empty-names = team und metric dürfen nicht leer sein.
kpi-long-names = Namen für team und metric sind auf 100 Zeichen begrenzt.
kpi-too-many-rows = Die Datei hat mehr als { $max } Zeilen; teile sie.
kpi-no-rows = Die Datei hat unter der Kopfzeile keine Zeilen.
skipped-at-line = { $what } in Zeile { $line }
skipped = { $count } übersprungen: { $each }
check-id = { $id } ist keine gültige ID: nutze 1 bis { $max } Kleinbuchstaben, Ziffern, '-' oder '_', beginnend mit einem Buchstaben oder einer Ziffer
check-empty = darf nicht leer sein
check-too-long = ist { $length } Zeichen lang; erlaubt sind { $max }
check-link = { $link } ist kein Weblink (http:// oder https://, keine Leerzeichen, höchstens 512 Zeichen)
check-correct = { $value } nennt keine der { $choices } Antworten: nutze einen Buchstaben, A bis { $last }
check-duplicate-id = diese ID kommt mehr als einmal vor
check-topic-missing = das Thema { $topic } ist nicht definiert: füge ein [[topic]] mit dieser ID hinzu oder importiere es zuerst
key-right-not-a-choice = die richtige Antwort ist keine der Antworten
key-choice-count = hat { $choices } Antworten; eine Frage braucht { $min } bis { $max }
key-right-choices = nenne eine oder mehrere verschiedene Antworten als richtig
key-bad-regex = { $text } ist kein gültiger regulärer Ausdruck: { $error }
key-bad-range = { $min } bis { $max } ist kein Zahlenbereich (die erste darf nicht größer als die zweite sein)
key-accepted-count = hat { $n } akzeptierte Antworten; gib 1 bis { $max } an
key-credit-range = eine Gutschrift muss zwischen 0 und 1 liegen (0 % bis 100 %)
key-no-full-credit = keine akzeptierte Antwort gibt volle Punkte: gib einer 100 %
import-no-cards = enthält keine Karte, die peerlearn zeigen kann ({ $skipped })
import-no-notes = enthält keine Notizen
import-txt-neither = hat kein Format, das peerlearn liest: eine .txt-Datei wird als GIFT (Fragen mit ihren Antworten in { "{" } { "}" }) oder Aiken (eine Frage, ihre Antworten "A. …", "B. …", dann "ANSWER: B") gelesen, und diese ist keins von beiden
import-apkg-alone = ist ein Anki-Paket, kein Text: importiere es einzeln
import-extensions = Inhaltsdateien müssen auf .toml, .csv, .gift, .txt (GIFT oder Aiken) oder .apkg (Anki) enden
import-no-questions = enthält keine Frage, die peerlearn im Chat stellen kann ({ $skipped })
import-no-entries = enthält keine Einträge [[topic]], [[question]], [[tip]] oder [[card]]
import-unknown-section = unbekannter Abschnitt; nutze [[topic]], [[question]], [[tip]] oder [[card]]
import-unknown-column = unbekannte Spalte; die Spalten sind { $columns }
import-column-required = diese Spalte ist Pflicht
import-unknown-field = unbekanntes Feld; die Felder sind { $fields }
import-text-in-quotes = muss Text in Anführungszeichen sein
import-missing = fehlt
import-text-not = muss Text in Anführungszeichen sein, nicht { $kind }
import-retention = { $shown } ist keine Dezimalzahl zwischen { $min } und { $max } (z. B. 0.9)
import-not-decimal = ist { $kind }, keine Dezimalzahl wie 0.8
import-target-range = muss zwischen { $min } und { $max } liegen, ist aber { $value }
import-difficulty = { $shown } ist nicht 1 (leicht), 2 oder 3 (schwer)
import-unknown-kind = { $kind } ist keine Fragenart; die Arten sind { $kinds }
import-kind-not-text = muss Text wie "true_false" sein, nicht { $kind }
import-correct-missing = fehlt: gib den Buchstaben der richtigen Antwort an
import-true-false-choices = eine Wahr/Falsch-Frage hat keine Antworten: ihre Schaltflächen sind Wahr und Falsch
import-true-false-correct = einer Wahr/Falsch-Frage ist true oder false (oder T, F)
import-texts-not = muss eine Liste von Texten sein, nicht { $kind }
import-choice-count = braucht { $min } bis { $max } Antworten, gefunden { $found }
import-choice-repeats = Antwort { $n } wiederholt { $choice }
import-choice = Antwort { $n }: { $reason }
import-tracks-not = muss eine Liste von Pfadnamen sein, nicht { $kind }
import-value = { $which ->
    [text] Text
    [int] eine ganze Zahl
    [float] eine Dezimalzahl
    [list] eine Liste
    [bool] wahr/falsch
    [tables] eine Liste von Tabellen
    [mixed-list] eine Liste mit Nicht-Text-Einträgen
    [date] ein Datum
   *[table] eine Tabelle
}
import-letters-missing = fehlt: gib die Buchstaben der richtigen Antworten an, etwa ["A", "C"]
import-letters-not = müssen Buchstaben wie ["A", "C"] sein, nicht { $kind }
import-named-twice = { $letter } wird zweimal genannt
import-typed-choices = eine getippte Antwort hat keine Auswahl: gib das Akzeptierte in `correct` oder `accepted` an
import-correct-or-accepted = gib entweder `correct` (die Kurzform) oder `accepted` an, nicht beides
import-accepted-missing = fehlt: gib die akzeptierte Antwort an (oder eine Liste davon)
import-tables-not = muss eine Liste von Tabellen wie [{ "{" } text = "Paris" { "}" }] sein, nicht { $kind }
import-text-or-texts-not = muss Text oder eine Liste von Texten sein, nicht { $kind }
import-not-numeric = { $typed } ist weder eine Zahl noch eine Zahl mit Toleranz (42:2) noch ein Bereich (40..44)
import-answer-n = Antwort { $n }: { $reason }
import-unknown-answer-field = unbekanntes Feld { $key }; die Felder sind { $fields }
import-credit = credit muss eine Zahl von 0 bis 1 sein, etwa 0.5
import-feedback-text = feedback muss Text in Anführungszeichen sein
import-range-fields = gib eine Zahl als `value` an (mit optionaler `tolerance`) oder `min` und `max`
import-answer-text = braucht die Antwort als `text` in Anführungszeichen
import-regex-bool = regex muss true oder false sein
gift-no-questions = enthält keine GIFT-Fragen (eine Frage, dann ihre Antworten in { "{" } { "}" })
gift-name-open = beginnt mit ::, aber der Name wird nicht mit :: geschlossen
gift-description = Beschreibung (keine Antworten)
gift-brace-open = die { "{" } in Zeile { $line } wird nie mit { "}" } geschlossen: schließe sie oder schreibe \{ "{" } für eine Klammer im Text
gift-second-brace = eine zweite { "{" } vor der schließenden { "}" } der Antworten: schreibe \{ "{" } für eine Klammer in einer Antwort
gift-essay = Aufsatz
gift-no-answers = enthält keine Antworten: beginne jede mit = (richtig) oder ~ (falsch), oder nutze T oder F
gift-text-before = hat Text vor der ersten Antwort ({ $text }): Antworten beginnen mit = oder ~
gift-matching = Zuordnung
gift-no-right = hat keine richtige Antwort: markiere sie mit = statt ~
gift-too-many-choices = Einfachauswahl mit { $n } Antworten (bis zu { $max } passen auf Schaltflächen)
gift-many-right = hat { $n } richtige Antworten (=): eine Einfachauswahl hat eine; gib mehrere richtige Antworten stattdessen mit %Gewichten% an
gift-too-many-responses = Mehrfachauswahl mit { $n } Antworten (bis zu { $max } passen)
gift-no-weight = hat keine richtige Antwort: gib den richtigen ein Gewicht über 0, etwa ~%50%
gift-text-before-numeric = hat Text vor der ersten Zahlenantwort: beginne jede mit =
aiken-no-choices = hat keine Antworten vor ihrer ANSWER-Zeile (Zeile { $line }): füge Zeilen wie "A. …", "B. …" hinzu
aiken-answer-alone = folgt auf keine Frage: eine ANSWER-Zeile beendet Text und Antworten einer Frage
aiken-choice-first = steht vor jedem Fragetext: der Text einer Frage steht in der Zeile über ihren Antworten
aiken-no-answer = hat keine ANSWER-Zeile: beende sie mit einer Zeile wie "ANSWER: B"
aiken-no-questions = enthält keine Aiken-Fragen (eine Frage, ihre Antworten mit Buchstaben, "ANSWER: X")
aiken-unanswered = hat keine ANSWER-Zeile vor der nächsten Frage (Zeile { $line }): beende sie mit einer Zeile wie "ANSWER: B"
anki-cannot-unpack = lässt sich nicht entpacken: { $error }
anki-unreadable = ist keine lesbare Anki-Sammlung ({ $error })
anki-not-zip = ist kein Anki-Paket: es ist keine ZIP-Datei
anki-no-collection = ist eine ZIP-Datei ohne Anki-Sammlung (collection.anki2, collection.anki21 oder collection.anki21b)
anki-cannot-open = { $name } lässt sich nicht öffnen: { $error }
anki-too-big = enthält eine Sammlung, die entpackt größer als { $mb } MB ist; teile das Deck
anki-not-zstd = hat eine { $name }, die nicht zstd-komprimiert ist ({ $error })
anki-cannot-unpack-file = { $name } lässt sich nicht entpacken: { $error }
anki-one-field = Notiz mit nur einem Feld
anki-media-only = Karte mit nur Medien auf der { $side ->
    [front] Vorderseite
   *[back] Rückseite
}
form-too-detailed = `{ $id }` hat akzeptierte Antworten mit Teilpunkten, Feedback oder Mustern, die das Formular nicht zeigen kann. Exportiere die Inhalte, bearbeite sie in der TOML-Datei und importiere sie wieder.
import-row-fields = hat { $fields } Felder, aber die Kopfzeile hat { $header }
