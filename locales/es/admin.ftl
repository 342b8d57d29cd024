# Lo que leen los admins: ajustes, programaciones, contenido, informes.

config-language-set = Las publicaciones del canal están ahora en **{ $language }**. Las respuestas y los mensajes directos siguen el idioma de Discord de cada miembro.
config-language-auto = Las publicaciones del canal siguen ahora el idioma de comunidad del servidor en Discord (ahora **{ $language }**). Las respuestas y los mensajes directos siguen el idioma de Discord de cada miembro.
config-timezone-set = Zona horaria fijada en **{ $zone }**. Las programaciones sin zona propia y las rachas diarias la siguen ahora.
config-quiz-window-range = La ventana del quiz debe estar entre { $min } y { $max } minutos.
config-quiz-window-set = Los quiz del canal siguen ahora abiertos **{ $minutes } minutos** y luego revelan la respuesta.
timezone-unknown = `{ $name }` no es una zona horaria. Usa un nombre IANA como `Europe/Madrid`, `America/New_York` o `UTC` (empieza a escribir y elige de la lista).
