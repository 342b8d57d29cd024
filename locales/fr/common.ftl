# Textes communs à tout le bot : échecs, boutons périmés, serveurs et formulaires.

error-bot-side = Désolé, cela n'a pas marché à cause d'un problème du côté du bot. C'est consigné pour les admins ; réessaie dans un instant.
error-guild-only = `/{ $command }` fonctionne sur un serveur, pas en message privé. Utilise-la sur le serveur de ton équipe.
error-unreadable-options = Je n'ai pas pu lire les options de `/{ $command }`. Choisis-les dans les menus de Discord (un membre qui a quitté le serveur ne peut pas être choisi) et réessaie.
error-admin-only = Seuls les membres ayant la permission **Gérer le serveur** peuvent utiliser `/{ $command }`. Demande à un admin si quelque chose doit changer.
error-download = Le fichier n'a pas pu être téléchargé depuis Discord. Joins-le à nouveau.
error-full-list-attached = (La liste complète est jointe.)
button-other-server = Ce bouton appartient à un autre serveur.
form-other-server = Ce formulaire appartient à un autre serveur.
form-stale = Ce formulaire n'est plus valable.
button-stale = Ce bouton n'est plus valable. Utilise `/quiz` pour une nouvelle question.
answer-unreadable = Cette réponse n'a pas pu être lue. Utilise `/quiz` pour une nouvelle question.
questions-need-server = Les questions fonctionnent sur un serveur.
quizzes-need-server = Les quiz fonctionnent sur un serveur, pas en message privé.
about-text = **peerlearn** v{ $version }
    En marche depuis { $uptime }
    Base de données : { $size }
help-title = Commandes peerlearn
help-message-command = **{ $name }** (menu du message → Applications) — { $description }
update-form-title = Mettre à jour : { $question }
update-form-input = La réponse telle qu'elle doit se lire
date = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-month = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
date-month-year = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
this-server = ce serveur
former-member = un ancien membre
