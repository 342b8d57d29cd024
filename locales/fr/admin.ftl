# Ce que lisent les admins : réglages, planifications, contenu, rapports.

config-language-set = Les messages du salon sont désormais en **{ $language }**. Les réponses et messages privés suivent la langue Discord de chaque membre.
config-language-auto = Les messages du salon suivent désormais la langue de communauté du serveur sur Discord (actuellement **{ $language }**). Les réponses et messages privés suivent la langue Discord de chaque membre.
config-timezone-set = Fuseau horaire réglé sur **{ $zone }**. Les planifications sans fuseau propre et les séries quotidiennes le suivent désormais.
config-quiz-window-range = La durée d'un quiz doit être comprise entre { $min } et { $max } minutes.
config-quiz-window-set = Les quiz du salon restent désormais ouverts **{ $minutes } minutes**, puis révèlent la réponse.
timezone-unknown = `{ $name }` n'est pas un fuseau horaire. Utilise un nom IANA comme `Europe/Paris`, `America/New_York` ou `UTC` (commence à taper et choisis dans la liste).
team-removed = { $role } n'est plus une équipe des classements. Ses membres gardent leurs points.
team-was-not = { $role } n'était pas une équipe.
team-added = { $role } est désormais une équipe des classements.
team-already = { $role } était déjà une équipe.
team-list = Équipes : { $teams }. Les membres comptent pour leur équipe dès leur prochaine commande ou clic ; `/leaderboard by: team` classe les équipes par points par membre, la taille ne décide donc pas.
season-range = Une saison dure de { $min } à { $max } semaines ; { $weeks } est en dehors.
season-set = Les saisons durent désormais { $weeks ->
    [one] 1 semaine
   *[other] { $weeks } semaines
}. Celle-ci : { $season } (son classement compte chaque point depuis le { $since }).
report-refreshers = Rappels en { $span } : { $days } jours-thèmes, sur { $topics } thème(s).
report-requests-title = Demandes de contenu, { $span }
report-correlation = Corrélation, pas causalité : d'autres choses changent aussi.
report-computed-at = Connaissances, alertes sur les questions, prévision de mémorisation et liste de soutien à { $time } aujourd'hui (calculées une fois par jour).
report-title = Rapport — { $span } (jusqu'ici)
report-csv = Rapport pour { $before ->
    [0] { $span }
    [one] { $span } et la période d'avant
   *[other] { $span } et les { $before } périodes d'avant
} : une ligne par indicateur, thème, groupe et période. Les chiffres portant sur moins de { $min } personnes restent vides (voir la colonne `note`) ; les membres qui pourraient avoir besoin de soutien sont comptés, pas nommés.
digest-unanswered = Sans réponse la semaine dernière
digest-support = **{ $count ->
    [one] 1 membre pourrait
   *[other] { $count } membres pourraient
} avoir besoin de soutien.** Un admin voit qui et pourquoi avec `/report`.
digest-footer = `/report` contient le détail, le CSV et le graphique de tendance.
digest-title = Bilan de la semaine — { $span }
kpi-not-csv = `{ $name }` n'est pas un fichier CSV. Joins un `.csv` avec les colonnes date, team, metric, value, p. ex. `2026-11-23,Support,tickets_reopened,12`.
kpi-imported = { $values ->
    [one] 1 valeur importée
   *[other] { $values } valeurs importées
} pour { $metrics ->
    [one] 1 indicateur
   *[other] { $metrics } indicateurs
} et { $teams ->
    [one] 1 équipe
   *[other] { $teams } équipes
}, du { $from } au { $to }. `/report` les rapproche désormais de l'apprentissage des équipes (en corrélation, avec n).
requests-counts = { $asks ->
    [one] 1 demande
   *[other] { $asks } demandes
}, { $people ->
    [one] 1 personne
   *[other] { $people } personnes
}
requests-answered = répondu en n° { $id } : `/kb draft id:{ $id }` en fait du contenu
requests-heading = **{ $heading }** (questions auxquelles la base n'a pas su répondre, groupées par thème et formulation : du contenu à écrire)
requests-more = et { $count } de plus : `/content requests`
requests-days-range = Regarde de 1 à { $max } jours en arrière (par défaut { $default }).
requests-none = Rien n'est resté sans réponse de la base { $days ->
    [one] ce dernier jour
   *[other] ces { $days } derniers jours
}.
requests-summary = { $questions ->
    [one] 1 question
   *[other] { $questions } questions
} sans réponse de la base { $days ->
    [one] ce dernier jour
   *[other] ces { $days } derniers jours
}, en { $requests ->
    [one] 1 demande
   *[other] { $requests } demandes
} (groupées par thème et formulation) :
requests-more-rare = et { $count } de plus, posées une fois ou moins souvent
requests-flagged = **Questions de quiz aux résultats faibles** (d'après les premiers essais des membres) : à réécrire ou mieux expliquer
requests-title = Demandes de contenu
requests-footer = Écrivez pour elles une astuce, une question ou une fiche, et importez-la avec /content import ; /kb draft fait d'une réponse acceptée un brouillon.
kb-draft-experts-only = Rédiger du contenu à partir des réponses est réservé aux experts (`/expert join`) et aux admins.
kb-draft-question =
    # Une question de quiz tirée de la même réponse : écrivez deux mauvaises réponses ou plus,
    # puis retirez les signes '#' et importez-la.
    #
    # [[question]]
    # id = "kb-{ $id }-q"
    # topic = { $topic }
    # prompt = { $prompt }
    # choices = [{ $right }, "une mauvaise réponse plausible", "une autre mauvaise réponse"]
    # correct = "A"
    # explanation = { $explanation }
kb-draft-made = Un brouillon tiré de la réponse n° { $id } : une fiche prête pour `/content import`, et une question de quiz à terminer (en commentaire). Modifie-le, puis importe-le.
retention-range = Garde les données 0 jour (pour toujours) ou entre { $min } et { $max } jours, pas { $days }.
retention-forever = conservés jusqu'à ce qu'un membre supprime les siens
retention-days = supprimés après { $days } jours
retention-set = Les événements bruts (réponses, points, historique des questions, messages envoyés) sont désormais { $kept }.{ $days ->
    [0] {""}
   *[other] {" "}Les plus anciens sont supprimés dans l'heure.
} Les classements, les progrès et les plannings de révision sont conservés.
cron-help = Utilise 5 champs : minute heure jour-du-mois mois jour-de-semaine, p. ex. `0 9 * * MON-FRI` (09:00 en semaine) ou `30 8 * * *` (08:30 chaque jour). Un 6e champ en tête donne les secondes.
cron-empty = L'expression cron est vide.
cron-fields = `{ $source }` a { $n } champs ; une expression cron en a 5 (ou 6 avec les secondes).
cron-invalid = `{ $source }` n'est pas une expression cron valide ({ $error }).
cron-never = `{ $source }` ne correspond jamais à une vraie date.
cron-day-number = numéro de jour invalide
cron-day-range = le jour de semaine { $n } est hors limites (0–7, 0 et 7 sont dimanche, ou MON–SUN).
topic-unknown-known = Il n'y a pas de thème `{ $topic }`. Choisis-en un dans la liste : { $known }.
schedule-unknown-kind = Type inconnu `{ $kind }` ; utilise l'un de : { $kinds }.
schedule-digest-topic = Un bilan couvre tous les thèmes : ajoute-le sans `topic`.
schedule-added = Planification **#{ $id }** ajoutée : { $kind } dans { $channel } à `{ $cron }` ({ $zone }).
schedule-added-topic = Planification **#{ $id }** ajoutée : { $kind } sur `{ $topic }` dans { $channel } à `{ $cron }` ({ $zone }).
schedule-next-runs = Prochaines exécutions :
schedules-none = Pas encore de planification. Ajoutes-en une avec `/schedule add`, p. ex. type `quiz`, cron `0 9 * * MON-FRI`.
schedules-title = Planifications
schedule-paused-state = en pause
schedule-next = prochaine { $when }
schedule-no-runs = plus d'exécution prévue
schedule-in = dans { $channel }
schedule-unknown = Il n'y a pas de planification n° { $id } sur ce serveur. `/schedule list` montre les numéros.
schedule-already-paused = La planification n° { $id } est déjà en pause.
schedule-paused = La planification n° { $id } est en pause. `/schedule resume id:{ $id }` la relance.
schedule-resumed = Planification n° { $id } reprise. Prochaine exécution : { $when }.
schedule-resumed-no-runs = Planification n° { $id } reprise, mais elle n'a plus d'exécution prévue.
schedule-removed = Planification n° { $id } supprimée.
schedule-just-ran = La planification n° { $id } vient de s'exécuter. Réessaie dans un instant.
schedule-nothing-due = Personne n'a de révisions dues pour l'instant, il n'y a donc rien à rappeler.
schedule-nobody-to-pair = Personne ne peut être mis en binôme pour l'instant : il faut des membres inscrits avec `/pairing on`, l'un qui oublie un thème et l'autre qui le connaît, aucun des deux en binôme la semaine dernière.
schedule-nothing-to-post = La planification n° { $id } n'a rien à publier. Importe du contenu avec `/content import` ou charge `/content starter`.
schedule-nothing-to-post-topic = La planification n° { $id } n'a rien à publier dans le thème `{ $topic }`. Importe du contenu avec `/content import` ou charge `/content starter`.
schedule-running = La planification n° { $id } s'exécute : { $kind } apparaîtra dans { $channel } dans un instant.
experiment-holdout-range = Le groupe témoin doit représenter de { $min } à { $max } % des membres (25 est un bon début).
experiment-weeks-range = Une expérience dure de { $min } à { $max } semaines.
experiment-every-topic = tous les thèmes
experiment-unknown-topic = Il n'y a pas de thème `{ $topic }`. Choisis-en un dans la liste, ou `all`.
experiment-already-running = Une expérience est déjà en cours (jusqu'au { $until }). `/experiment status` la montre ; `/experiment stop` y met fin.
experiment-started = **Expérience lancée** sur { $topic }, jusqu'au { $until }.
    { $percent } % des membres, tirés au sort, ne reçoivent pas de rappels de révision pour cela pendant sa durée ({ $held } des { $known } membres connus ; les nouveaux sont tirés à leur arrivée). Les quiz quotidiens, les contrôles de connaissances et `/quiz` restent les mêmes pour tous, et les membres voient dans `/progress` qu'ils sont dans le groupe témoin.
    Le rapport montre ensuite ce que les révisions ont produit : les connaissances des membres révisés moins celles du groupe témoin, avec leur intervalle à 95 %. `/experiment status` le montre à tout moment.
experiment-none-running = Aucune expérience en cours. `/experiment start` en lance une.
experiment-stopped = **Expérience arrêtée.** Tout le monde retrouve ses rappels de révision. Le rapport continue d'en montrer le résultat.
experiment-none-yet = Pas encore d'expérience. `/experiment start topic:all holdout:25 weeks:8` mesure l'effet des révisions.
experiment-running-until = en cours jusqu'au { $until }
experiment-ended = terminée
experiment-status = **Expérience** sur { $topic }, { $percent } % de groupe témoin, depuis le { $since } ({ $state }).
experiment-no-data = Pas encore assez de données.
experiment-all-choice = all (tous les thèmes)
import-not-content = `{ $name }` n'est pas un fichier de contenu. Joins un fichier `.toml` (thèmes, questions, astuces, fiches), un fichier `.csv` (questions), une banque de questions d'un LMS en GIFT (`.gift`, `.txt`) ou Aiken (`.txt`), ou un paquet Anki (`.apkg`) ; `/content export` donne un exemple.
import-too-big = `{ $name }` fait { $size } ; la limite est de { $max }. Découpe-le en fichiers plus petits.
import-unreadable = Rien n'a été importé : `{ $name }` { $reason }.
import-not-utf8 = `{ $name }` n'est pas du texte UTF-8. Enregistre-le en UTF-8 et réessaie.
import-problems = Rien n'a été importé : `{ $name }` a { $count ->
    [one] 1 problème. Corrige-le
   *[other] { $count } problèmes. Corrige-les tous
} et importe à nouveau le fichier.
import-counts = Importé : { $added } ajoutés, { $updated } mis à jour, { $unchanged } inchangés.
import-left-out = laissés de côté : le chat ne peut pas les poser ni les montrer
starter-loaded = Pack de départ : { $counts }
export-toml = { $topics } thèmes, { $questions } questions, { $tips } astuces et { $cards } fiches. Modifie le fichier et ramène-le avec `/content import`.
export-gift = { $questions } questions en GIFT, pour Moodle ou `/content import`. GIFT ne contient que les questions : difficulté, parcours, sources, astuces et fiches sont dans l'export TOML.
content-none = Pas encore de contenu. Charge le pack de départ avec `/content starter` ou importe un fichier avec `/content import`.
content-title = Contenu
content-answers = { $answers } réponses, { $percent } % de justes
content-no-answers = pas encore de réponses
content-counts = { $questions } questions, { $tips } astuces{ $cards ->
    [0] {""}
   *[other] , { $cards } fiches
}
content-total = Total : { $topics } thèmes, { $counts }
content-quality-fine = **Qualité des questions :** rien ne semble anormal pour l'instant (une question est jugée dès que { $min } membres y ont répondu).
content-quality-look = **Questions à revoir** (d'après les premiers essais des membres)
content-stats-attached = Les statistiques de premier essai de chaque question sont jointes.
form-statement = L'affirmation
form-question = La question
form-accepted = Réponses acceptées, une par ligne
form-numbers = Nombres acceptés, un par ligne
form-choices = Les choix, un par ligne (2 à 5)
form-is-true = Est-ce vrai ? (true ou false)
form-right-letters = Les bonnes lettres (comme A, C)
form-right-letter = La lettre du bon choix (A à E)
form-explanation = Explication, montrée après la réponse
form-accepted-hint = Majuscules, accents et ponctuation ne comptent pas
form-choices-hint = Le signaler comme hameçonnage
    Le supprimer
    Répondre et demander
form-optional = Facultatif
kind-single = Choix unique
kind-true-false = Vrai ou faux
kind-multiple = Réponses multiples
kind-short-answer = Réponse courte
kind-numeric = Nombre
draft-form-edit = Modifier · { $kind }
draft-form-new = Nouvelle · { $kind }
draft-not-author = Seuls les admins écrivent des questions ici. Un admin peut permettre aux experts d'en proposer avec `/config expert-drafts on`.
draft-gone = Ce brouillon n'est plus ouvert : il a été publié ou écarté.
draft-not-yours = Ce brouillon appartient à quelqu'un d'autre.
draft-unknown-topic = Il n'y a pas de thème `{ $topic }`. Choisis-en un dans la liste en tapant, ou ajoute des thèmes avec `/content import`.
question-not-in-use = Il n'y a pas de question `{ $id }` en usage. Choisis-en une dans la liste en tapant.
draft-edit = Modifier
draft-discard = Écarter
draft-problems = Ton brouillon est gardé, mais il ne peut pas encore être publié : { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
}.
draft-press-edit = Appuie sur **Modifier** pour corriger.
draft-what-version = une nouvelle version de `{ $id }` (les réponses gardent la version à laquelle elles ont répondu)
draft-what-same-text = une nouvelle version de `{ $id }`, qui a le même texte dans ce thème
draft-what-new = la question `{ $id }`
draft-publish = Publier
draft-publish-next = Publie-la et les membres la reçoivent dans les quiz du salon, `/quiz` et les révisions.
draft-propose = Proposer
draft-propose-next = Propose-la et un admin pourra la publier (`/content drafts`).
draft-preview = **Aperçu** de { $what } dans **{ $topic }**, tel que les membres le verront.
draft-footer = Brouillon { $id } · { $kind }
draft-discarded = Brouillon écarté. Rien n'a été publié.
draft-proposed = Proposé. Les admins le voient avec `/content drafts` et peuvent le publier ; d'ici là, tu peux encore le modifier ou l'écarter.
draft-admins-publish = Seuls les admins publient des questions. Propose-la plutôt.
draft-published = `{ $id }` publiée : les membres la reçoivent dès maintenant.
draft-published-version = Nouvelle version de `{ $id }` publiée : les membres la reçoivent dès maintenant, et les réponses précédentes gardent leur version.
draft-unchanged = `{ $id }` se lit déjà exactement ainsi : rien n'a changé.
draft-proposed-by = Elle a été proposée par { $author }.
drafts-none = Aucune question proposée n'attend. Les experts en proposent avec `/propose` quand `/config expert-drafts` est activé.
drafts-line = Brouillon { $id } de { $author } dans `{ $topic }` : { $prompt }
drafts-review = Examiner le brouillon { $id }
drafts-title = Questions proposées · { $count }
drafts-footer = Examines-en un pour le publier, le modifier ou l'écarter.
question-retired = `{ $id }` retirée : elle n'est plus publiée, travaillée, révisée, cherchée ni exportée. Ses réponses restent dans les chiffres. La réimporter ou la republier la fait revenir.
expert-drafts-on = Les experts peuvent désormais proposer des questions avec `/propose` ; les admins les publient depuis `/content drafts`.
expert-drafts-off = Les experts ne peuvent plus proposer de questions. Les brouillons déjà proposés restent dans `/content drafts`.
report-cut = Coupé pour Discord : `/report format:csv` contient tous les chiffres.
report-hidden = masqué (moins de { $min } personnes)
knowledge-before = { $figure } avant que peerlearn ne demande
knowledge-now = **{ $figure }** maintenant ({ $people } personnes, { $checks } contrôles)
knowledge-heading = **Connaissances :** part de la banque de questions que les membres connaissent, coups de chance retirés, d'après les contrôles de connaissances (questions au hasard dans toute la banque) ; ± est l'intervalle à 95 %
knowledge-all-topics = Tous les thèmes
knowledge-not-yet = **Connaissances :** pas encore mesurées. Des contrôles de connaissances (questions au hasard dans toute la banque) sont mêlés à `/quiz`, aux révisions et au « Encore une ? » du quiz du jour ; les chiffres apparaissent quand les membres en ont répondu quelques-uns.
report-experiment-until = jusqu'au { $day }
report-experiment = **Expérience** (révisions suspendues pour { $percent } % des membres tirés au sort, { $topic }, depuis le { $since }, { $state }) : { $result }
chart-knowledge-line = Contrôles réussis, coups de chance retirés (intervalle à 95 %)
chart-knowledge-title = Ce que savent les membres, semaine après semaine
report-before = avant : { $value }
report-participation = { $answered } membres sur { $members } ont répondu ({ $share })
report-nobody-answered = personne n'a encore répondu
report-participation-line = **Participation :** { $text }
report-accuracy = { $share } de { $answers } réponses justes
report-no-answers = pas encore de réponses
report-accuracy-line = **Réussite :** { $text }
report-gain = { $first } → { $latest } ({ $points } points) sur { $questions } questions de nouveau répondues, { $people } personnes
report-gains-heading = **Questions répondues à nouveau** (premier essai → dernier essai ; surtout des révisions calées sur environ 90 % de mémorisation : cela montre le planning à l'œuvre, pas ce que les gens savent)
report-competency-median = médiane { $days } jours ({ $people } personnes)
report-days = { $days } jours
report-tracks = parcours : { $tracks }
report-competency-heading = **Délai jusqu'à la compétence** (première réponse → compétent)
report-forecast-heading = **Prévision d'oubli** (mémorisation prévue par le modèle des questions auxquelles les membres ont répondu, maintenant → dans 7 jours)
report-forecast = { $now } → { $later } ({ $people } personnes)
report-questions = **Questions :** { $asked } posées · { $share } répondues par ce que l'équipe savait déjà
report-first-reply = première réponse d'un expert en { $time } (médiane de { $n })
report-resolved = résolues en { $time } (médiane de { $n })
report-verified = { $share } des { $n } réponses acceptées montrées étaient vérifiées
report-questions-none = **Questions :** aucune posée avec `/ask` pour l'instant.
report-refreshers-heading = **Rappels** (l'équipe devrait passer sous son objectif : les questions les plus oubliées de ces thèmes passent en premier dans les quiz du salon et les révisions)
report-expert-load = { $expert } { $assigned } attribuées, { $replied } répondues
report-median = médiane { $time }
report-still-open = { $count } encore ouvertes
report-expert-load-line = **Charge des experts :** { $experts }
report-support-none = **Besoin de soutien possible :** personne pour l'instant.
report-support-heading = **Besoin de soutien possible** (toi seul le vois)
support-falling = réussite { $before } → { $now } sur les 4 dernières semaines
support-lapsed = aucune réponse depuis { $days } jours après une série de { $best } jours
support-low-recall = mémorisation prévue de { $recall } dans les thèmes de ses parcours
report-support-more = et { $count } de plus (voir le total dans le CSV)
chart-from = depuis le { $day }
chart-participation = Participation
chart-accuracy = Réussite
chart-deflection = Répondu par la base de connaissances
chart-trend-title = Tendance de l'équipe
uplift-arms = { $reviewed ->
    [one] 1 membre révisé
   *[other] { $reviewed } membres révisés
} et { $holdout } dans le groupe témoin
uplift-caused = Effet des révisions : **{ $uplift } points** de connaissances (intervalle à 95 % de { $low } à { $high }) : révisés { $reviewed } contre groupe témoin { $holdout } ({ $arms } ; { $checks } contrôles de connaissances).
uplift-not-enough = Pas encore assez de données : chaque groupe a besoin de contrôles d'au moins { $min } personnes et de { $checks } contrôles ({ $arms } pour l'instant).
item-first-tries = { $share } de justes sur { $n } premiers essais
item-more = et { $count } de plus (voir le CSV)
item-negative-discrimination = les membres forts s'y trompent plus souvent que les autres (ambiguë ou mauvaise clé ?)
item-everyone-right = tout le monde a eu juste du premier coup (trop facile ?)
item-nobody-right = personne n'a eu juste du premier coup (mauvaise clé ?)
item-wrong-statement = « { $choice } » est choisi plus souvent que la bonne réponse (mauvaise clé ?)
item-wrong-choice = le mauvais choix { $letter } est choisi plus souvent que le bon (mauvaise clé ?)
refresher-line = Rappel { $topic } : mémorisation de l'équipe { $now } maintenant, { $later } dans { $days } jours → objectif { $target }
kpi-no-team = **KPI** { $label } : aucun rôle d'équipe ne s'appelle « { $team } » ; utilise le nom de rôle d'une équipe ou `all`.
kpi-hidden = **KPI** { $label } : masqué (moins de { $min } personnes dans l'équipe).
kpi-learning = { $which ->
    [activity] réponses par semaine
   *[accuracy] réussite
}
kpi-lag = { $weeks ->
    [0] la même semaine
    [one] 1 semaine plus tard
   *[other] { $weeks } semaines plus tard
}
kpi-too-few-weeks = { $learning } : trop peu de semaines pour conclure
kpi-finding = **KPI** { $label } face à l'apprentissage de l'équipe : { $findings }
kpi-not-utf8 = Le fichier n'est pas du texte UTF-8. Enregistre-le en CSV (UTF-8).
kpi-header-unreadable = Impossible de lire la ligne d'en-tête : { $error }
kpi-header-missing = L'en-tête doit nommer les colonnes date, team, metric et value ; `{ $column }` manque.
kpi-line = Ligne { $line } : { $problem }
kpi-not-a-date = `{ $typed }` n'est pas une date comme 2026-11-23.
kpi-not-a-number = `{ $typed }` n'est pas un nombre.
kpi-empty-names = team et metric ne doivent pas être vides.
kpi-long-names = les noms de team et metric sont limités à 100 caractères.
kpi-too-many-rows = Le fichier a plus de { $max } lignes ; découpe-le.
kpi-no-rows = Le fichier n'a aucune ligne sous son en-tête.
skipped-at-line = { $what } à la ligne { $line }
skipped = { $count } ignorées : { $each }
check-id = { $id } n'est pas un identifiant valide : utilise 1 à { $max } minuscules, chiffres, '-' ou '_', en commençant par une lettre ou un chiffre
check-empty = ne doit pas être vide
check-too-long = fait { $length } caractères ; la limite est de { $max }
check-link = { $link } n'est pas un lien web (http:// ou https://, sans espaces, 512 caractères au plus)
check-correct = { $value } ne désigne aucun des { $choices } choix : utilise une lettre, de A à { $last }
check-duplicate-id = cet identifiant apparaît plus d'une fois
check-topic-missing = le thème { $topic } n'est pas défini : ajoute un [[topic]] avec cet identifiant ou importe-le d'abord
key-right-not-a-choice = le bon choix ne fait pas partie des choix
key-choice-count = a { $choices } choix ; une question en demande de { $min } à { $max }
key-right-choices = désigne un ou plusieurs choix différents comme justes
key-bad-regex = { $text } n'est pas une expression régulière valide : { $error }
key-bad-range = { $min } à { $max } n'est pas un intervalle de nombres (le premier ne doit pas dépasser le second)
key-accepted-count = a { $n } réponses acceptées ; indiques-en de 1 à { $max }
key-credit-range = un crédit doit être compris entre 0 et 1 (0 % à 100 %)
key-no-full-credit = aucune réponse acceptée ne donne tous les points : donnes-en une à 100 %
import-no-cards = ne contient aucune fiche que peerlearn puisse montrer ({ $skipped })
import-no-notes = ne contient aucune note
import-txt-neither = n'est pas dans un format que peerlearn lit : un fichier .txt est lu comme GIFT (des questions avec leurs réponses entre { "{" } { "}" }) ou Aiken (une question, ses choix "A. …", "B. …", puis "ANSWER: B"), et celui-ci n'est ni l'un ni l'autre
import-apkg-alone = est un paquet Anki, pas du texte : importe-le seul
import-extensions = les fichiers de contenu doivent finir par .toml, .csv, .gift, .txt (GIFT ou Aiken) ou .apkg (Anki)
import-no-questions = ne contient aucune question que peerlearn puisse poser dans le chat ({ $skipped })
import-no-entries = ne contient aucune entrée [[topic]], [[question]], [[tip]] ou [[card]]
import-unknown-section = section inconnue ; utilise [[topic]], [[question]], [[tip]] ou [[card]]
import-unknown-column = colonne inconnue ; les colonnes sont { $columns }
import-column-required = cette colonne est obligatoire
import-unknown-field = champ inconnu ; les champs sont { $fields }
import-text-in-quotes = doit être du texte entre guillemets
import-missing = manque
import-text-not = doit être du texte entre guillemets, pas { $kind }
import-retention = { $shown } n'est pas un décimal entre { $min } et { $max } (p. ex. 0.9)
import-not-decimal = est { $kind }, pas un décimal comme 0.8
import-target-range = doit être compris entre { $min } et { $max }, reçu { $value }
import-difficulty = { $shown } n'est pas 1 (facile), 2 ou 3 (difficile)
import-unknown-kind = { $kind } n'est pas un type de question ; les types sont { $kinds }
import-kind-not-text = doit être un texte comme "true_false", pas { $kind }
import-correct-missing = manque : donne la lettre du bon choix
import-true-false-choices = une question vrai/faux n'a pas de choix : ses boutons sont Vrai et Faux
import-true-false-correct = d'une question vrai/faux est true ou false (ou T, F)
import-texts-not = doit être une liste de textes, pas { $kind }
import-choice-count = demande de { $min } à { $max } choix, { $found } trouvés
import-choice-repeats = le choix { $n } répète { $choice }
import-choice = choix { $n } : { $reason }
import-tracks-not = doit être une liste de noms de parcours, pas { $kind }
import-value = { $which ->
    [text] du texte
    [int] un nombre entier
    [float] un nombre décimal
    [list] une liste
    [bool] vrai/faux
    [tables] une liste de tables
    [mixed-list] une liste avec des éléments non textuels
    [date] une date
   *[table] une table
}
import-letters-missing = manque : donne les lettres des bons choix, comme ["A", "C"]
import-letters-not = doit être des lettres comme ["A", "C"], pas { $kind }
import-named-twice = { $letter } est cité deux fois
import-typed-choices = une réponse tapée n'a pas de choix : indique ce qui est accepté dans `correct` ou `accepted`
import-correct-or-accepted = donne soit `correct` (la forme courte), soit `accepted`, pas les deux
import-accepted-missing = manque : donne la réponse acceptée (ou une liste)
import-tables-not = doit être une liste de tables comme [{ "{" } text = "Paris" { "}" }], pas { $kind }
import-text-or-texts-not = doit être un texte ou une liste de textes, pas { $kind }
import-not-numeric = { $typed } n'est ni un nombre, ni un nombre avec tolérance (42:2), ni un intervalle (40..44)
import-answer-n = réponse { $n } : { $reason }
import-unknown-answer-field = champ inconnu { $key } ; les champs sont { $fields }
import-credit = credit doit être un nombre de 0 à 1, comme 0.5
import-feedback-text = feedback doit être du texte entre guillemets
import-range-fields = donne un nombre comme `value` (avec une `tolerance` facultative), ou `min` et `max`
import-answer-text = demande la réponse comme `text` entre guillemets
import-regex-bool = regex doit valoir true ou false
gift-no-questions = ne contient aucune question GIFT (une question, puis ses réponses entre { "{" } { "}" })
gift-name-open = commence par :: mais le nom n'est pas fermé par ::
gift-description = description (sans réponses)
gift-brace-open = l'accolade { "{" } de la ligne { $line } n'est jamais fermée par { "}" } : ferme-la, ou écris \{ "{" } pour une accolade dans le texte
gift-second-brace = une deuxième { "{" } avant la { "}" } qui ferme les réponses : écris \{ "{" } pour une accolade dans une réponse
gift-essay = dissertation
gift-no-answers = ne contient aucune réponse : commence chacune par = (juste) ou ~ (fausse), ou utilise T ou F
gift-text-before = a du texte avant sa première réponse ({ $text }) : les réponses commencent par = ou ~
gift-matching = appariement
gift-no-right = n'a pas de bonne réponse : marque-la avec = au lieu de ~
gift-too-many-choices = choix unique avec { $n } choix (jusqu'à { $max } tiennent sur les boutons)
gift-many-right = a { $n } bonnes réponses (=) : une question à choix unique en a une ; donne plutôt plusieurs bonnes réponses avec des %poids%
gift-too-many-responses = réponses multiples avec { $n } choix (jusqu'à { $max } tiennent)
gift-no-weight = n'a pas de bonne réponse : donne aux bonnes un poids supérieur à 0, comme ~%50%
gift-text-before-numeric = a du texte avant sa première réponse numérique : commence chacune par =
aiken-no-choices = n'a pas de choix avant sa ligne ANSWER (ligne { $line }) : ajoute des lignes comme "A. …", "B. …"
aiken-answer-alone = ne suit aucune question : une ligne ANSWER termine le texte et les choix d'une question
aiken-choice-first = vient avant tout texte de question : le texte d'une question se place sur la ligne au-dessus de ses choix
aiken-no-answer = n'a pas de ligne ANSWER : termine-la par une ligne comme "ANSWER: B"
aiken-no-questions = ne contient aucune question Aiken (une question, ses choix avec lettres, "ANSWER: X")
aiken-unanswered = n'a pas de ligne ANSWER avant la question suivante (ligne { $line }) : termine-la par une ligne comme "ANSWER: B"
anki-cannot-unpack = impossible de le décompresser : { $error }
anki-unreadable = n'est pas une collection Anki lisible ({ $error })
anki-not-zip = n'est pas un paquet Anki : ce n'est pas un fichier zip
anki-no-collection = est un fichier zip sans collection Anki (collection.anki2, collection.anki21 ou collection.anki21b)
anki-cannot-open = impossible d'ouvrir son { $name } : { $error }
anki-too-big = contient une collection de plus de { $mb } Mo une fois décompressée ; découpe le paquet
anki-not-zstd = a un { $name } qui n'est pas compressé en zstd ({ $error })
anki-cannot-unpack-file = impossible de décompresser son { $name } : { $error }
anki-one-field = note à un seul champ
anki-media-only = carte avec seulement des médias au { $side ->
    [front] recto
   *[back] verso
}
form-too-detailed = `{ $id }` a des réponses acceptées avec crédit partiel, retour ou motifs, que le formulaire ne peut pas montrer. Exporte le contenu, modifie-le dans le fichier TOML et réimporte-le.
import-row-fields = a { $fields } champs mais l'en-tête en a { $header }
