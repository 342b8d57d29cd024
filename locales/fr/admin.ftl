# Ce que lisent les admins : réglages, planifications, contenu, rapports.

config-language-set = Les messages du salon sont désormais en **{ $language }**. Les réponses et messages privés suivent la langue Discord de chaque membre.
config-language-auto = Les messages du salon suivent désormais la langue de communauté du serveur sur Discord (actuellement **{ $language }**). Les réponses et messages privés suivent la langue Discord de chaque membre.
config-timezone-set = Fuseau horaire réglé sur **{ $zone }**. Les planifications sans fuseau propre et les séries quotidiennes le suivent désormais.
config-quiz-window-range = La durée d'un quiz doit être comprise entre { $min } et { $max } minutes.
config-quiz-window-set = Les quiz du salon restent désormais ouverts **{ $minutes } minutes**, puis révèlent la réponse.
timezone-unknown = `{ $name }` n'est pas un fuseau horaire. Utilise un nom IANA comme `Europe/Paris`, `America/New_York` ou `UTC` (commence à taper et choisis dans la liste).
