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
