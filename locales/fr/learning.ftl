# Ce que lisent les membres en apprenant : quiz, entraînement, révisions, fiches, progrès, classements.
# $gave vaut "chose" (un choix a été fait) ou "typed" (une réponse a été tapée).

answer-true = Vrai
answer-false = Faux
answer-range = de { $min } à { $max }
answer-no-such-choice = Ce choix n'existe pas pour cette question.
answer-pick-choices = Choisis une ou plusieurs des réponses de cette question.
answer-too-long = Ta réponse fait { $length } caractères ; la limite est de { $max }.
answer-not-a-number = « { $typed } » n'est pas un nombre. Tape des chiffres, comme 42 ou 3,5.
answer-does-not-fit = Cette réponse ne convient pas à cette question.
answer-form-title = Ta réponse
answer-form-placeholder = Tape ta réponse
tip-title = 💡 Astuce · { $topic }
tip-more = Ouvre le titre pour en savoir plus
quiz-title = 🧠 Quiz · { $topic }
quiz-how-multiple = Plusieurs réponses peuvent être justes : choisis toutes les bonnes.
quiz-how-numeric = Réponds par un nombre.
quiz-pick-every = Choisis toutes les bonnes réponses
quiz-answers-so-far = { $count ->
    [0] Pas encore de réponse
    [one] 1 réponse pour l'instant
   *[other] { $count } réponses pour l'instant
}
quiz-open-footer = { $answers } · ouvert jusqu'à { $closes }
quiz-closed-footer = Clos · { $count } réponses · { $percent } % de justes
quiz-closed-nobody = Clos · personne n'a répondu
quiz-right-answer = Bonne réponse : { $answer }
quiz-gone = Ce quiz n'est plus disponible.
quiz-closed = Ce quiz est clos. La bonne réponse était **{ $answer }**.
quiz-try-practice = Essaie `/quiz` pour une question d'entraînement.
quiz-already-answered = Tu as déjà répondu à celle-ci : tu as { $gave ->
    [typed] répondu
   *[chose] choisi
} **{ $given }**. Ta première réponse compte.
feedback-right = **Juste !** { $given }
feedback-partly = **En partie juste** ({ $share } des points). Tu as { $gave ->
    [typed] répondu
   *[chose] choisi
} { $given }. La réponse complète est **{ $right }**.
feedback-wrong = **Pas tout à fait.** Tu as { $gave ->
    [typed] répondu
   *[chose] choisi
} { $given }. La bonne réponse est **{ $right }**.
feedback-learn-more = En savoir plus : <{ $link }>
feedback-points-earned = +{ $earned } points ({ $total } au total)
feedback-points = { $total } points
feedback-streak = série de { $days ->
    [one] 1 jour
   *[other] { $days } jours
}
feedback-streak-bonus = +{ $bonus } de bonus de série
practice-title = 🧠 Entraînement · { $topic }
practice-footer = Toi seul le vois. { $how ->
    [multiple] Choisis toutes les bonnes réponses.
    [typed] Tape ta réponse.
   *[choice] Choisis une réponse.
}
practice-another = Une autre question de { $topic }
practice-gone = Cette question n'est plus disponible. Utilise `/quiz` pour une nouvelle.
practice-expired = Cette question a expiré. Utilise `/quiz` pour une nouvelle.
practice-no-questions-in = Il n'y a pas de question dans le thème `{ $topic }`. Essaie `/quiz` sans thème.
practice-no-questions = Il n'y a pas encore de questions. Un admin peut en charger avec `/content starter` ou `/content import`.
card-title = Fiche
review-card-title = Révision { $n } · Fiche
review-title = Révision { $n }
card-answer-by-thread = Réponse de { $author } · [le fil de la question]({ $link })
card-answer-by = Réponse de { $author }
card-front-footer = Toi seul le vois. Pense à la réponse, puis affiche-la.
card-show = Afficher la réponse
card-answer = Réponse
card-knew = Je savais
card-not-yet = Pas encore
card-back-footer = Le savais-tu ? Sois honnête : cela décide seulement quand elle revient.
card-not-useful = Pas utile
card-gone = Cette fiche n'est plus disponible. Utilise `/quiz` pour une nouvelle.
card-not-yours = Cette fiche n'est pas dans tes révisions. Utilise `/quiz` pour une nouvelle.
card-expired = Cette fiche a expiré. Utilise `/quiz` pour une nouvelle.
card-already-graded = Tu as déjà noté cette fiche ({ $grade }). Ta première note compte.
card-known = **Su.** Elle revient dans { $days ->
    [one] 1 jour
   *[other] { $days } jours
}.
card-not-known = **Pas encore.** Elle revient dans { $days ->
    [one] 1 jour
   *[other] { $days } jours
}, plus tôt qu'une fiche sue.
card-another = Une autre en { $topic }
card-drop-content = Les fiches du contenu de l'équipe ne peuvent pas être écartées.
card-dropped = Fiche « { $front } » écartée : elle ne reviendra plus dans tes révisions.
review-start = Commencer ma révision
review-channel = **{ $people ->
    [one] 1 personne a
   *[other] { $people } personnes ont
} des révisions à faire.** Quelques questions que vous êtes sur le point d'oublier — cela prend une minute, et chacun ne voit que les siennes.
review-dm = Tu as { $count ->
    [one] 1 question
   *[other] { $count } questions
} à réviser sur **{ $server }**. Réponds avant de les oublier !
review-dm-change = Modifie cela avec `/reinforce` sur le serveur.
review-cap-reached = Tu as fait les { $cap } révisions du jour. À demain ! `/quiz` est toujours ouvert pour t'entraîner.
review-holdout = Tu fais partie du groupe témoin de cette expérience : pas de révisions pour toi jusqu'au { $until }, pour que l'équipe voie ce que les révisions apportent vraiment. `/quiz` est ouvert à tout moment.
review-nothing-due = Rien à réviser pour toi en ce moment. `/quiz` te donne une question d'entraînement.
review-next = Question suivante
review-done = **Révision terminée.** Bien joué.
reinforce-on-dm = Les révisions sont activées, et les rappels arrivent par message privé.
reinforce-on-channel = Les révisions sont activées, et les rappels arrivent dans le salon.
reinforce-off = Les révisions sont désactivées : plus de rappels. `/reinforce on` les rétablit.
pause-not-a-date = `{ $typed }` n'est pas une date. Utilise la forme AAAA-MM-JJ, p. ex. 2026-12-31.
pause-not-after-today = La pause doit finir après aujourd'hui. Utilise la forme AAAA-MM-JJ.
pause-too-long = Une pause dure au plus { $max } jours.
pause-set = Révisions en pause jusqu'au { $until } (inclus). Tes échéances sont décalées de { $days ->
    [one] 1 jour
   *[other] { $days } jours
}, pour que rien ne s'accumule pendant ton absence. `/reinforce on` met fin à la pause plus tôt.
check-offer = Encore une ? Un petit contrôle de connaissances
check-done-today = C'est tout pour aujourd'hui, merci ! `/quiz` est toujours ouvert pour t'entraîner.
progress-none = Tu n'as encore répondu à aucune question. Essaie `/quiz` pour une première, ou réponds au prochain quiz du salon.
progress-title = Tes progrès
progress-seen = { $seen } sur { $questions } vues
progress-mastered = { $count } maîtrisées
progress-due = { $count } à revoir
progress-next-review = prochaine révision { $day }
progress-nothing-scheduled = rien de prévu
progress-due-now = { $count ->
    [one] 1 élément à revoir maintenant — `/quiz` le ramène
   *[other] { $count } éléments à revoir maintenant — `/quiz` les ramène
}
progress-reviews = Révisions : { $reviews }
progress-streak = Série : { $days ->
    [one] 1 jour
   *[other] { $days } jours
} (record { $best }) · { $points } points
progress-track = Ton parcours (selon tes rôles) : { $topics } — `/quiz` continue de s'y appuyer.
progress-any-topic = aucun thème
progress-holdout = Tu fais partie du groupe témoin d'une expérience jusqu'au { $until } : pas de rappels de révision pour { $topic }, tiré au sort pour que l'équipe voie ce que les révisions apportent vraiment. Les quiz et `/quiz` fonctionnent comme d'habitude.
period-week-of = semaine du { $date }
period-season-from = saison du { $from } au { $to }
period-all-time = depuis le début
board-improved-needs-period = Le classement des progrès compare une période à la précédente : choisis `week`, `month` ou `season`.
board-improved-members-only = Le classement des progrès classe des membres. Utilise `by: member`, ou le classement par points pour les équipes.
board-next-period = { $period ->
    [week] Une nouvelle semaine
    [month] Un nouveau mois
    [season] Une nouvelle saison
   *[all] Une nouvelle période
} commence le { $day }.
board-answers-right = { $answers ->
    [one] 1 réponse
   *[other] { $answers } réponses
}, { $right } de justes
board-points = **{ $points }** points
board-points-empty = Personne n'a encore de points { $period ->
    [week] cette semaine
    [month] ce mois-ci
    [season] cette saison
   *[all] sur cette période
}. Réponds au prochain quiz ou essaie `/quiz`.
board-you = Toi : **#{ $rank }** avec { $points } points.
board-you-none = Tu n'as pas encore de points ici : chaque bonne réponse compte.
board-title = Classement — { $span }
board-improved-detail = { $before } → { $now } de justes ({ $answers } réponses)
board-improved-empty = Personne n'a encore progressé par rapport { $period ->
    [week] à la semaine précédente
    [month] au mois précédent
    [season] à la saison précédente
   *[all] à la période précédente
} (il faut { $min } réponses dans les deux).
board-improved-you = Toi : **#{ $rank }** avec +{ $gain } points de réussite.
board-improved-you-none = Tu n'es pas dans ce classement : il faut { $min } réponses { $period ->
    [week] cette semaine et la précédente
    [month] ce mois-ci et le précédent
    [season] cette saison et la précédente
   *[all] sur cette période et la précédente
}, et une réussite en hausse.
board-improved-title = Meilleures progressions — { $span } par rapport à la précédente
board-no-teams = Il n'y a pas encore d'équipes : un admin fait d'un rôle une équipe avec `/config team-role`.
board-team-detail = { $members ->
    [one] 1 membre
   *[other] { $members } membres
}, { $points } points
board-per-member = **{ $score }** points par membre
board-teams-title = Équipes — { $span }
board-final-title = Classement final — { $span }
board-final-footer = Bravo ! Une nouvelle période a commencé : chaque point compte à nouveau.
board-week-title = Cette semaine jusqu'ici — { $span }
board-week-footer = Classement final le { $day }. `/leaderboard` montre ta propre place.
stats-private = Tes statistiques sont à toi, et celles des autres à eux : seuls les admins peuvent voir celles d'un autre membre. Utilise `/stats` sans membre pour les tiennes.
stats-none = { $whose ->
    [you] Tes statistiques commencent
   *[other] Les statistiques de { $whose } commencent
} avec une première réponse : essaie `/quiz`, ou le prochain quiz du salon.
stats-answers = **Réponses :** { $answers } ({ $right } de justes)
stats-accuracy = **Réussite par semaine :** { $weeks }
stats-streak = **Série :** { $days ->
    [one] 1 jour
   *[other] { $days } jours
} (record { $best })
stats-points = **Points :** { $points } au total
stats-points-week = { $points } cette semaine (#{ $rank })
stats-points-week-none = aucun cette semaine pour l'instant
stats-helping = **Aide :** { $accepted ->
    [one] 1 réponse acceptée
   *[other] { $accepted } réponses acceptées
} ({ $points } points) · { $asked ->
    [one] 1 question posée
   *[other] { $asked } questions posées
}
stats-mastery = Maîtrise
stats-chart-title = Réussite par semaine
stats-chart-member = { $whose ->
    [you] Toi
   *[other] Membre
}
stats-chart-everyone = Tout le monde
stats-heading = { $whose ->
    [you] Ton apprentissage
   *[other] L'apprentissage de { $whose }
} jusqu'ici
stats-title = Statistiques
stats-footer = Toi seul le vois.
privacy-export-failed = L'export n'a pas pu être écrit : { $error }
privacy-exported = Tout ce que peerlearn garde sur toi dans **{ $server }** : { $answers ->
    [one] 1 réponse
   *[other] { $answers } réponses
}, { $reviews ->
    [one] 1 question dans ton planning de révision
   *[other] { $reviews } questions dans ton planning de révision
}, { $asked ->
    [one] 1 question posée
   *[other] { $asked } questions posées
} et tes préférences, en JSON (toi seul le vois). `/privacy delete` les supprime.
privacy-delete-prompt = **Supprimer tes données dans { $server } ?**
    Cela supprime définitivement ton profil, tes points, séries, places aux classements, ton planning de révision, tes parcours, tes thèmes d'expert et tes préférences.
    Tes réponses aux quiz, tes questions devenues connaissances et les réponses que tu as écrites restent **anonymes**, pour que les statistiques de l'équipe restent justes. Tes questions encore ouvertes sont closes.
    Les messages que tu as publiés dans Discord ne sont pas touchés : supprime-les dans Discord.
privacy-delete-copy-first = Une copie d'abord ? `/privacy export`. Ce bouton fonctionne pendant { $minutes } minutes.
privacy-delete-button = Supprimer mes données
privacy-keep-button = Garder mes données
privacy-delete-expired = Cette confirmation a expiré, rien n'a été supprimé. Relance `/privacy delete`.
privacy-deleted = Tes données dans **{ $server }** sont supprimées : { $deleted ->
    [one] 1 donnée personnelle supprimée
   *[other] { $deleted } données personnelles supprimées
}, { $kept ->
    [one] 1 réponse ou question gardée
   *[other] { $kept } réponses et questions gardées
} sans ton nom. Si tu utilises de nouveau peerlearn ici, tu repars de zéro.
privacy-kept = Rien n'a été supprimé. Tes données restent telles quelles.
pairing-talked = Nous avons échangé
pairing-skip = Passer
pairing-to-learner = **Un échange entre collègues dans { $server } ?** Tu révises **{ $topic }** (ta mémorisation prévue y est de { $recall }, sous l'objectif de l'équipe de { $target }), et { $mentor } le connaît bien. Un échange de 15 minutes cette semaine ? Dis bonjour en message privé ou à la machine à café.
pairing-to-mentor = **Un échange entre collègues dans { $server } ?** { $learner } révise **{ $topic }**, et tu le connais bien. Un échange de 15 minutes cette semaine l'aiderait beaucoup.
pairing-why = Tu reçois ceci parce que tu as choisi `/pairing on` ; `/pairing off` l'arrête.
pairing-channel = { $count ->
    [one] 1 binôme formé
   *[other] { $count } binômes formés
} cette semaine, sur { $topics } : les membres qui oublient un thème rencontrent un collègue qui le connaît. Rejoins avec `/pairing on`.
pairing-unknown = Ce binôme n'est plus connu.
pairing-not-yours = Seuls les deux membres de ce binôme peuvent répondre.
pairing-settled = Ce binôme a déjà une réponse ; merci.
pairing-noted = C'est noté : tu as échangé avec { $other } sur **{ $topic }**. Vous gagnez chacun { $points } points.
pairing-skipped = Passé. Pas de souci : le prochain binôme sera quelqu'un d'autre.
pairing-on = Tu participes : quand tu oublies un thème, tu peux être associé à un collègue qui le connaît (au plus une fois par semaine), et quand tu en connais bien un, à quelqu'un qui le révise. Vous recevez chacun un message privé.
pairing-on-already = Tu participes déjà aux binômes.
pairing-off = Tu ne participes plus aux binômes. `/pairing on` te fait revenir.
pairing-off-already = Tu ne participais pas aux binômes.
pairing-report = **Binômes :** { $made } formés, { $talked } échanges, { $skipped } passés
pairing-report-recall = mémorisation prévue des apprenants sur leur thème : { $before } au moment du binôme → { $now } maintenant ({ $n } binômes ; ils ont aussi révisé, ce n'est donc pas l'effet des échanges)
topic-unknown = Il n'y a pas de thème `{ $topic }`. Choisis-en un dans la liste en tapant.
track-added = Les membres avec { $role } s'entraînent désormais davantage sur **{ $topic }**.
track-already = **{ $topic }** est déjà dans le parcours de { $role }.
track-removed = **{ $topic }** n'est plus dans le parcours de { $role }.
track-not-on = **{ $topic }** n'est pas dans le parcours de { $role }.
tracks-none = Pas encore de parcours par rôle. Un admin peut en ajouter un avec `/track set role:@Support topic:support`.
tracks-title = Parcours par rôle
