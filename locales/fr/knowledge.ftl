# Ce que disent /ask, les experts et la base de connaissances. Les messages dans les fils et le
# salon des admins sont dans la langue du serveur, les réponses à un membre dans la sienne.

ask-why-expert = tu es expert de **{ $topic }**
ask-why-inferred = tu connais bien **{ $topic }** ({ $why }), et aucun expert inscrit n'est libre (`/expert suggest off` arrête cela)
ask-too-short = Écris ta question en quelques mots, p. ex. `/ask question: Comment réinitialiser mon mot de passe VPN ?`
ask-too-long = Ta question fait { $length } caractères ; reste sous { $max } (les détails peuvent suivre dans le fil).
ask-nothing-matched = Rien dans la base de connaissances ne correspondait.
ask-kb-did-not-solve = La base de connaissances n'a pas résolu la question.
ask-follow = Suivre cette question
ask-solved = Ça a résolu mon problème
ask-still-need-help = J'ai encore besoin d'aide
ask-already-asked = **Déjà demandé :** { $question }
ask-already-asked-in = **Déjà demandé dans { $thread } :** { $question }
ask-already-asked-follow = Suis-la pour être prévenu quand elle aura une réponse, et retrouver la réponse dans tes révisions.
ask-similar-open = Un collègue a posé une question très proche, encore ouverte :
ask-answered-before = L'équipe a peut-être déjà répondu à cela :
ask-your-question = Ta question : { $text }
ask-footer = Si rien de tout cela n'aide, un expert sera sollicité dans un fil.
ask-no-longer-open = Cette question n'est plus ouverte. Utilise « J'ai encore besoin d'aide » pour demander toi-même à l'équipe.
ask-yours-settled = Ta question était déjà réglée.
ask-following = Tu suis { $thread }. Tu y seras prévenu quand elle aura une réponse, et la réponse reviendra dans tes révisions le lendemain.
ask-unknown = Cette question n'est plus connue ici. Repose-la avec `/ask`.
ask-only-asker = Seule la personne qui a posé la question peut répondre à ceci.
ask-settled = Cette question était déjà réglée.
ask-glad-card = Content que le savoir de l'équipe ait aidé. La réponse revient demain sous forme de fiche dans tes révisions, pour qu'elle reste. Si le sujet revient, `/kb search` la retrouve aussi.
ask-glad = Content que le savoir de l'équipe ait aidé. Si le sujet revient, `/kb search` la retrouve aussi.
ask-with-team = Cette question est déjà entre les mains de l'équipe dans { $thread }.
ask-admins-no-qa-channel = { $asker } a posé une question, mais aucun salon de questions n'est défini, elle n'a donc pas pu être transmise. Choisissez-en un avec `/config qa-channel`.
ask-no-qa-channel = Les questions ne peuvent pas encore aller aux experts : un admin doit choisir un salon de questions avec `/config qa-channel`. Les admins ont été prévenus.
ask-thread-footer = Thème : { $topic } ({ $reason }) · question n° { $id } · La personne qui a demandé marque la réponse utile avec « Mark as answer » (menu du message → Applications).
ask-thread-title = Question
ask-asked-by = Posée par { $asker }
ask-thread-failed = Je n'ai pas pu ouvrir de fil pour ta question dans { $channel }. Un admin doit vérifier que je peux y publier et créer des fils. Ta question est conservée : réessaie « J'ai encore besoin d'aide » plus tard.
ask-expert-ping = { $expert }, { $why } : peux-tu répondre à cette question de { $asker } ? Réponds ici dans le fil. Sans réponse dans les { $hours } h, l'expert suivant est sollicité.
ask-who-expert = expert de **{ $topic }**
ask-who-inferred = qui connaît bien **{ $topic }**
ask-routed = Ta question est dans { $thread }, et { $expert } ({ $who }) a été sollicité pour y répondre. Quand une réponse la résout, utilise **Mark as answer** dessus (menu du message → Applications).
ask-thread-no-expert = Aucun expert de **{ $topic }** n'est disponible pour le moment, les admins ont donc été prévenus. Toute personne qui connaît la réponse est la bienvenue ici.
ask-admins-nobody = Personne ne peut prendre une question sur **{ $topic }** : { $thread } de { $asker }. Ajoutez un expert avec `/expert assign`, ou répondez dans le fil.
ask-routed-no-expert = Aucun expert de **{ $topic }** n'est disponible pour le moment. Ta question est dans { $thread } où chacun peut répondre, et les admins ont été prévenus.
ask-abandoned = Cette question est close : aucune réponse n'a été marquée en { $days } jours. { $asker }, si tu as encore besoin d'aide, repose-la avec `/ask`.
ask-escalated = { $next }, peux-tu prendre cette question sur **{ $topic }** ? { $expert } n'a pas encore eu l'occasion de répondre.
ask-escalated-inferred = Tu es sollicité parce que tu connais bien le sujet ({ $why }) ; `/expert suggest off` arrête cela.
ask-no-other-expert = Aucun autre expert n'est libre, les admins ont donc été prévenus.
ask-admins-no-reply = Une question sur **{ $topic }** reste sans réponse après { $experts } expert(s) : { $thread } de { $asker }. Trouvez quelqu'un pour y répondre (`/expert assign`).
ask-nudge = { $asker }, une réponse ici a-t-elle répondu à ta question ? Utilise **Mark as answer** dessus (menu du message → Applications) pour que l'équipe la garde, ou `/resolve` pour clore la question.
resolve-bot-message = Choisis la réponse d'un membre, pas un message du bot.
resolve-no-text = Ce message n'a pas de texte à garder (seulement des pièces jointes ou des embeds). Choisis une réponse avec du texte, ou clos la question avec `/resolve answer:` et un résumé.
resolve-helper-needs-answer = Ajoute aussi `answer` : la personne qui a aidé est créditée pour une réponse gardée.
resolve-not-a-thread = Cela fonctionne dans le fil d'une question (ouvert par `/ask`).
resolve-only-asker = Seuls { $asker }, qui a posé la question, ou un admin peuvent marquer la réponse.
resolve-already-kb = Cette question est déjà résolue (connaissance n° { $id }).
resolve-already = Cette question est déjà résolue.
resolve-closed = Cette question est close. Repose-la avec `/ask` si tu as encore besoin d'aide.
resolve-just-now = Cette question vient d'être résolue.
resolve-marked = { $by } a marqué la réponse de { $helper } comme la réponse. Elle est enregistrée comme connaissance n° { $id }, pour que le prochain `/ask` sur le sujet la trouve. { $helper } gagne { $points } points pour son aide.
resolve-closed-kept = { $by } a clos la question. La réponse est enregistrée comme connaissance n° { $id }, pour que le prochain `/ask` sur le sujet la trouve.
resolve-closed-nothing = { $by } a clos la question sans réponse à garder.
resolve-card = { $asker } la reçoit demain comme fiche dans ses révisions, pour qu'elle reste.
resolve-followers = { $followers } la question que vous suiviez a une réponse.
resolve-followers-card = { $followers } la question que vous suiviez a une réponse ; elle revient demain comme fiche dans vos révisions.
resolve-title = Répondu
route-chosen = choisi par la personne qui demande
route-rule = correspond à une règle de mots-clés
route-content = le plus proche du contenu de l'équipe
route-fallback = aucun thème ne convenait
expertise-mastery = { $mastery } de maîtrise
expertise-answers-recent = { $count ->
    [one] 1 réponse acceptée
   *[other] { $count } réponses acceptées
} ces { $days } derniers jours
expertise-answers = { $count ->
    [one] 1 réponse acceptée
   *[other] { $count } réponses acceptées
} (dont { $recent } ces { $days } derniers jours)
expertise-owns = responsable de { $count ->
    [one] 1 réponse vérifiée
   *[other] { $count } réponses vérifiées
}
verification-range = L'intervalle de vérification doit être compris entre { $min } et { $max } jours.
verification-set-topic = Les réponses sur **{ $topic }** sont désormais vérifiées par leurs responsables tous les { $days } jours.
verification-set = Les réponses sont désormais vérifiées par leurs responsables tous les { $days } jours (les thèmes qui ont leur propre intervalle le gardent).
kb-search-empty = Tape quelques mots à chercher, p. ex. `/kb search vpn mot de passe`.
kb-search-too-long = Cette recherche est trop longue ({ $length } caractères) ; { $max } au plus.
kb-search-nothing = Rien dans la base de connaissances ne correspond à « { $query } ». Demande à l'équipe avec `/ask`.
kb-search-title = Base de connaissances : { $query }
kb-search-footer = Les réponses viennent des questions /ask résolues ; astuces, explications de quiz et fiches du contenu de l'équipe.
kb-removed-already = La réponse n° { $id } a été retirée de la base de connaissances.
kb-no-such = Il n'y a pas de réponse n° { $id } dans la base de connaissances de ce serveur. `/kb search` montre les numéros.
kb-removed = Réponse n° { $id } (« { $question } ») retirée de la base de connaissances, et sa fiche de révision retirée. Elle reste dans les archives.
kb-owners-only = Seuls les responsables de la réponse n° { $id } (son auteur, sinon les experts de son thème) ou un admin peuvent faire cela.
kb-verified = La réponse n° { $id } est vérifiée. Sa prochaine vérification est due le { $due }.
kb-retired = La réponse n° { $id } est retirée : `/ask` et `/kb search` ne la montrent plus, et sa fiche de révision est retirée.
kb-use-button-again = Utilise à nouveau le bouton pour écrire le nouveau texte.
kb-update-empty = Le nouveau texte est vide : rien n'a été modifié.
kb-update-too-long = Le nouveau texte fait { $length } caractères ; reste sous { $max }.
kb-updated = La réponse n° { $id } est mise à jour et vérifiée. Les membres qui ont sa fiche voient le nouveau texte à leur prochaine révision.
kb-admins-unowned = La réponse n° { $id } (« { $question } ») doit être vérifiée, et personne n'en est responsable (son auteur est parti et le thème **{ $topic }** n'a pas d'experts). Vérifiez-la et utilisez `/kb verify id:{ $id }`, ou `/kb remove id:{ $id }`.
kb-reminder = Cette réponse sur **{ $server }** est-elle toujours juste ? Tu en es responsable, l'équipe compte sur toi.
kb-answer-title = Réponse n° { $id } · { $question }
kb-reminder-footer = Dernière vérification le { $date }. Les réponses non vérifiées sont signalées dans la recherche, puis ne sont plus proposées.
kb-still-correct = Toujours juste
kb-needs-update = À mettre à jour
kb-retire = Retirer
kb-hit-answer = Réponse n° { $id }
kb-hit-tip = Astuce
kb-hit-question = Explication de quiz
kb-hit-card = Fiche
kb-hit-unverified = non vérifiée depuis le { $since }
away-hint = Utilise une date comme 2026-12-01 ou une durée comme 4h, 3d ou 2w.
away-no-such-time = { $text } n'existe pas dans le fuseau { $zone }.
away-not-future = { $text } n'est pas dans le futur.
away-unreadable = « { $text } » n'est ni une date ni une durée.
away-range = « { $text } » : l'absence doit durer entre 1 heure et un an.
away-until = Tu ne reçois plus de nouvelles questions jusqu'au { $until }. Profite de ce temps libre.
away-until-back = Tu ne reçois plus de nouvelles questions jusqu'à `/expert back`.
away-no-topics = (Tu n'es encore expert d'aucun thème ; `/expert join` en ajoute un.)
back-not-away = Tu n'étais pas marqué absent.
back-welcome = Bon retour : les questions peuvent de nouveau t'être transmises.
experts-on = { $who } sur { $topic } ({ $why })
experts-inferred-named = **Experts repérés** (non inscrits ; sollicités quand aucun expert inscrit n'est libre) : { $experts }
experts-inferred-unnamed = **Experts repérés :** { $count } sur { $topics } (`/expert list` les nomme)
suggest-on = Tu peux de nouveau être proposé comme expert, d'après ce que tu sais et les réponses que tu donnes, et sollicité quand aucun expert inscrit n'est libre.
suggest-on-already = Tu pouvais déjà être proposé comme expert.
suggest-off = Tu ne seras plus proposé comme expert ni sollicité comme tel, sauf si tu t'inscris avec `/expert join`. `/expert suggest on` annule cela.
suggest-off-already = Tu avais déjà refusé d'être proposé comme expert.
topics-none-yet = aucun pour l'instant
topic-unknown-expert = Il n'y a pas de thème « { $topic } ». Thèmes ici : { $known }, ou « general ».
topic-general = Général
config-qa-channel-set = Les questions qui ont besoin d'un expert ont désormais un fil dans { $channel }. Vérifiez que le bot peut y envoyer des messages et créer des fils publics.
config-admin-channel-set = Les admins sont désormais prévenus dans { $channel } quand une question n'a pas d'expert disponible ou pas de réponse après escalade.
config-escalation-range = Le délai d'escalade doit être compris entre 1 et 168 heures.
config-escalation-set = Un expert a désormais **{ $hours } h** pour répondre avant que le suivant soit sollicité.
expert-added = { $who ->
    [you] Tu es désormais expert de **{ $topic }** : les questions sur ce thème peuvent t'être transmises.
   *[other] { $who } est désormais expert de **{ $topic }** : les questions sur ce thème peuvent lui être transmises.
}
expert-already = { $who ->
    [you] Tu es déjà expert de **{ $topic }**.
   *[other] { $who } est déjà expert de **{ $topic }**.
}
expert-not = { $who ->
    [you] Tu n'es pas expert de « { $topic } ».
   *[other] { $who } n'est pas expert de « { $topic } ».
}
expert-no-topics = Aucun thème pour l'instant.
expert-topics = Thèmes : { $topics }.
expert-removed = { $who ->
    [you] Tu n'es plus expert de **{ $topic }**. Les questions déjà attribuées le restent.
   *[other] { $who } n'est plus expert de **{ $topic }**. Les questions déjà attribuées le restent.
}
experts-open = { $count } ouvertes
experts-away-until = absent jusqu'au { $until }
experts-away = absent
experts-none = Personne ne s'est encore inscrit comme expert. Les membres se proposent avec `/expert join` ; les admins utilisent `/expert assign`.
experts-gaps = **Aucun expert disponible :** { $topics }. Les questions sur ces thèmes vont aux experts généraux, sinon les admins sont prévenus.
experts-inferred = **Experts repérés** (non inscrits ; d'après ce qu'ils savent et les réponses qu'ils ont données, avec le temps qui atténue ; sollicités quand aucun expert inscrit n'est libre ; `/expert suggest off` pour refuser) : { $experts }
experts-title = Experts
topic-general-choice = Général (tout le reste)
expert-not-a-bot = Les bots ne peuvent pas être experts.
