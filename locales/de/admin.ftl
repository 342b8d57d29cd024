# Was Admins lesen: Einstellungen, Zeitpläne, Inhalte, Berichte.

config-language-set = Kanalbeiträge sind jetzt auf **{ $language }**. Antworten und Direktnachrichten folgen der Discord-Sprache jedes Mitglieds.
config-language-auto = Kanalbeiträge folgen jetzt der Community-Sprache des Servers auf Discord (derzeit **{ $language }**). Antworten und Direktnachrichten folgen der Discord-Sprache jedes Mitglieds.
config-timezone-set = Zeitzone auf **{ $zone }** gesetzt. Zeitpläne ohne eigene Zone und tägliche Serien folgen ihr jetzt.
config-quiz-window-range = Das Quiz-Fenster muss zwischen { $min } und { $max } Minuten liegen.
config-quiz-window-set = Kanal-Quiz bleiben jetzt **{ $minutes } Minuten** offen und zeigen dann die Antwort.
timezone-unknown = `{ $name }` ist keine Zeitzone. Verwende einen IANA-Namen wie `Europe/Berlin`, `America/New_York` oder `UTC` (tippe los und wähle aus der Liste).
