# Lo que dicen /ask, los expertos y la base de conocimiento. Los mensajes en hilos y en el canal
# de admins van en el idioma del servidor; las respuestas a un miembro, en el suyo.

ask-why-expert = eres experto en **{ $topic }**
ask-why-inferred = conoces bien **{ $topic }** ({ $why }), y no hay ningún experto inscrito libre (`/expert suggest off` lo detiene)
ask-too-short = Escribe tu pregunta en pocas palabras, p. ej. `/ask question: ¿Cómo restablezco mi contraseña de la VPN?`
ask-too-long = Tu pregunta tiene { $length } caracteres; no pases de { $max } (los detalles pueden seguir en el hilo).
ask-nothing-matched = Nada en la base de conocimiento coincidía.
ask-kb-did-not-solve = La base de conocimiento no lo resolvió.
ask-follow = Seguir esa pregunta
ask-solved = Eso lo resolvió
ask-still-need-help = Aún necesito ayuda
ask-already-asked = **Ya preguntado:** { $question }
ask-already-asked-in = **Ya preguntado en { $thread }:** { $question }
ask-already-asked-follow = Síguela para que te avisen cuando tenga respuesta, y recibir la respuesta en tus repasos.
ask-similar-open = Un compañero hizo una pregunta muy parecida que sigue abierta:
ask-answered-before = Puede que el equipo ya haya respondido a esto:
ask-your-question = Tu pregunta: { $text }
ask-footer = Si nada de esto ayuda, se preguntará a un experto en un hilo.
ask-no-longer-open = Esa pregunta ya no está abierta. Usa «Aún necesito ayuda» para preguntar tú al equipo.
ask-yours-settled = Tu pregunta ya estaba resuelta.
ask-following = Sigues { $thread }. Te avisarán allí cuando tenga respuesta, y la respuesta volverá en tus repasos al día siguiente.
ask-unknown = Esta pregunta ya no se conoce aquí. Pregunta de nuevo con `/ask`.
ask-only-asker = Solo quien preguntó puede responder a esto.
ask-settled = Esta pregunta ya estaba resuelta.
ask-glad-card = Qué bien que el saber del equipo ayudara. La respuesta vuelve mañana como tarjeta en tus repasos, para que se quede. Si vuelve a surgir, `/kb search` también la encuentra.
ask-glad = Qué bien que el saber del equipo ayudara. Si vuelve a surgir, `/kb search` también la encuentra.
ask-with-team = Esta pregunta ya está con el equipo en { $thread }.
ask-admins-no-qa-channel = { $asker } hizo una pregunta, pero no hay canal de preguntas, así que no se pudo enviar. Elegid uno con `/config qa-channel`.
ask-no-qa-channel = Las preguntas aún no pueden ir a los expertos: un admin tiene que elegir un canal de preguntas con `/config qa-channel`. Se ha avisado a los admins.
ask-thread-footer = Tema: { $topic } ({ $reason }) · pregunta n.º { $id } · Quien pregunta marca la respuesta que ayudó con «Mark as answer» (menú del mensaje → Aplicaciones).
ask-thread-title = Pregunta
ask-asked-by = Preguntado por { $asker }
ask-thread-failed = No pude abrir un hilo para tu pregunta en { $channel }. Un admin debería comprobar que puedo publicar y crear hilos allí. Tu pregunta se guarda: vuelve a probar «Aún necesito ayuda» más tarde.
ask-expert-ping = { $expert }, { $why }: ¿puedes responder a esta pregunta de { $asker }? Responde aquí en el hilo. Si nadie responde en { $hours } h, se pregunta al siguiente experto.
ask-who-expert = experto en **{ $topic }**
ask-who-inferred = que conoce bien **{ $topic }**
ask-routed = Tu pregunta está en { $thread }, y se ha pedido a { $expert } ({ $who }) que responda. Cuando una respuesta lo resuelva, usa **Mark as answer** en ella (menú del mensaje → Aplicaciones).
ask-thread-no-expert = Ahora no hay ningún experto en **{ $topic }** disponible, así que se ha avisado a los admins. Quien sepa la respuesta puede contestar aquí.
ask-admins-nobody = Nadie puede tomar una pregunta sobre **{ $topic }**: { $thread } de { $asker }. Añadid un experto con `/expert assign`, o respondedla en el hilo.
ask-routed-no-expert = Ahora no hay ningún experto en **{ $topic }** disponible. Tu pregunta está en { $thread }, donde cualquiera puede responder, y se ha avisado a los admins.
ask-abandoned = Se cierra esta pregunta: no se marcó ninguna respuesta en { $days } días. { $asker }, si aún necesitas ayuda, pregunta de nuevo con `/ask`.
ask-escalated = { $next }, ¿puedes tomar esta pregunta sobre **{ $topic }**? { $expert } aún no ha podido responder.
ask-escalated-inferred = Se te pregunta porque lo conoces bien ({ $why }); `/expert suggest off` lo detiene.
ask-no-other-expert = No hay otro experto libre, así que se ha avisado a los admins.
ask-admins-no-reply = Una pregunta sobre **{ $topic }** sigue sin respuesta tras { $experts } experto(s): { $thread } de { $asker }. Buscad a alguien que la responda (`/expert assign`).
ask-nudge = { $asker }, ¿alguna respuesta de aquí resolvió tu pregunta? Usa **Mark as answer** en ella (menú del mensaje → Aplicaciones) para que el equipo la guarde, o `/resolve` para cerrar la pregunta.
resolve-bot-message = Elige la respuesta de un miembro, no un mensaje del bot.
resolve-no-text = Ese mensaje no tiene texto que guardar (solo adjuntos o embeds). Elige una respuesta con texto, o cierra la pregunta con `/resolve answer:` y un resumen.
resolve-helper-needs-answer = Añade también `answer`: a quien ayudó se le reconoce una respuesta que se guarda.
resolve-not-a-thread = Esto funciona dentro del hilo de una pregunta (abierto por `/ask`).
resolve-only-asker = Solo { $asker }, que preguntó, o un admin pueden marcar la respuesta.
resolve-already-kb = Esta pregunta ya está resuelta (conocimiento n.º { $id }).
resolve-already = Esta pregunta ya está resuelta.
resolve-closed = Esta pregunta está cerrada. Pregunta de nuevo con `/ask` si aún necesitas ayuda.
resolve-just-now = Esta pregunta se acaba de resolver.
resolve-marked = { $by } marcó la respuesta de { $helper } como la respuesta. Se guarda como conocimiento n.º { $id }, para que el próximo `/ask` sobre esto la encuentre. { $helper } gana { $points } puntos por ayudar.
resolve-closed-kept = { $by } cerró la pregunta. La respuesta se guarda como conocimiento n.º { $id }, para que el próximo `/ask` sobre esto la encuentre.
resolve-closed-nothing = { $by } cerró la pregunta sin una respuesta que guardar.
resolve-card = { $asker } la recibe mañana como tarjeta en sus repasos, para que se quede.
resolve-followers = { $followers } la pregunta que seguíais tiene respuesta.
resolve-followers-card = { $followers } la pregunta que seguíais tiene respuesta; vuelve mañana como tarjeta en vuestros repasos.
resolve-title = Respondida
route-chosen = elegido por quien pregunta
route-rule = coincide con una regla de palabras clave
route-content = lo más cercano al contenido del equipo
route-fallback = ningún tema encajaba
expertise-mastery = { $mastery } de dominio
expertise-answers-recent = { $count ->
    [one] 1 respuesta aceptada
   *[other] { $count } respuestas aceptadas
} en los últimos { $days } días
expertise-answers = { $count ->
    [one] 1 respuesta aceptada
   *[other] { $count } respuestas aceptadas
} ({ $recent } en los últimos { $days } días)
expertise-owns = responsable de { $count ->
    [one] 1 respuesta verificada
   *[other] { $count } respuestas verificadas
}
verification-range = El intervalo de verificación debe estar entre { $min } y { $max } días.
verification-set-topic = Las respuestas sobre **{ $topic }** las verifican ahora sus responsables cada { $days } días.
verification-set = Las respuestas las verifican ahora sus responsables cada { $days } días (los temas con intervalo propio lo conservan).
kb-search-empty = Escribe unas palabras para buscar, p. ej. `/kb search vpn contraseña`.
kb-search-too-long = Esa búsqueda es demasiado larga ({ $length } caracteres); como mucho { $max }.
kb-search-nothing = Nada en la base de conocimiento coincide con «{ $query }». Pregunta al equipo con `/ask`.
kb-search-title = Base de conocimiento: { $query }
kb-search-footer = Las respuestas vienen de preguntas /ask resueltas; los consejos, explicaciones de quiz y tarjetas, del contenido del equipo.
kb-removed-already = La respuesta n.º { $id } se quitó de la base de conocimiento.
kb-no-such = No hay respuesta n.º { $id } en la base de conocimiento de este servidor. `/kb search` muestra los números.
kb-removed = Respuesta n.º { $id } («{ $question }») quitada de la base de conocimiento, y retirada su tarjeta de repaso. Sigue en los registros.
kb-owners-only = Solo los responsables de la respuesta n.º { $id } (su autor, si no los expertos de su tema) o un admin pueden hacer eso.
kb-verified = La respuesta n.º { $id } está verificada. Su próxima verificación vence el { $due }.
kb-retired = La respuesta n.º { $id } está retirada: `/ask` y `/kb search` ya no la muestran, y su tarjeta de repaso se retiró.
kb-use-button-again = Usa el botón de nuevo para escribir el texto nuevo.
kb-update-empty = El texto nuevo está vacío: no se cambió nada.
kb-update-too-long = El texto nuevo tiene { $length } caracteres; no pases de { $max }.
kb-updated = La respuesta n.º { $id } está actualizada y verificada. Quienes tienen su tarjeta ven el texto nuevo en su próximo repaso.
kb-admins-unowned = La respuesta n.º { $id } («{ $question }») debe verificarse, y nadie es responsable (su autor ya no está y el tema **{ $topic }** no tiene expertos). Revisadla y usad `/kb verify id:{ $id }`, o `/kb remove id:{ $id }`.
kb-reminder = ¿Sigue siendo correcta esta respuesta en **{ $server }**? Eres responsable, el equipo cuenta contigo.
kb-answer-title = Respuesta n.º { $id } · { $question }
kb-reminder-footer = Verificada por última vez el { $date }. Las respuestas sin verificar se marcan en la búsqueda y, pasado un tiempo, dejan de ofrecerse.
kb-still-correct = Sigue siendo correcta
kb-needs-update = Necesita actualizarse
kb-retire = Retirar
kb-hit-answer = Respuesta n.º { $id }
kb-hit-tip = Consejo
kb-hit-question = Explicación de quiz
kb-hit-card = Tarjeta
kb-hit-unverified = sin verificar desde el { $since }
away-hint = Usa una fecha como 2026-12-01 o una duración como 4h, 3d o 2w.
away-no-such-time = { $text } no existe en { $zone }.
away-not-future = { $text } no está en el futuro.
away-unreadable = «{ $text }» no es una fecha ni una duración.
away-range = «{ $text }»: la ausencia debe durar entre 1 hora y un año.
away-until = No recibirás preguntas nuevas hasta el { $until }. Disfruta del tiempo libre.
away-until-back = No recibirás preguntas nuevas hasta que uses `/expert back`.
away-no-topics = (Aún no eres experto en ningún tema; `/expert join` añade uno.)
back-not-away = No estabas marcado como ausente.
back-welcome = Bienvenido de nuevo: las preguntas pueden volver a llegarte.
experts-on = { $who } en { $topic } ({ $why })
experts-inferred-named = **Expertos detectados** (no inscritos; se les pregunta cuando no hay un experto inscrito libre): { $experts }
experts-inferred-unnamed = **Expertos detectados:** { $count } en { $topics } (`/expert list` los nombra)
suggest-on = Se te puede volver a sugerir como experto, según lo que sabes y las respuestas que das, y preguntarte cuando no hay un experto inscrito libre.
suggest-on-already = Ya se te podía sugerir como experto.
suggest-off = Ya no se te sugerirá como experto ni se te preguntará como tal, salvo que te inscribas con `/expert join`. `/expert suggest on` lo deshace.
suggest-off-already = Ya habías pedido no ser sugerido como experto.
topics-none-yet = ninguno aún
topic-unknown-expert = No hay ningún tema «{ $topic }». Temas aquí: { $known }, o «general».
topic-general = General
config-qa-channel-set = Las preguntas que necesitan un experto tienen ahora un hilo en { $channel }. Comprobad que el bot puede enviar mensajes y crear hilos públicos allí.
config-admin-channel-set = Los admins se enteran ahora en { $channel } cuando una pregunta no tiene experto disponible o no tiene respuesta tras escalar.
config-escalation-range = El tiempo de escalado debe estar entre 1 y 168 horas.
config-escalation-set = Un experto tiene ahora **{ $hours } h** para responder antes de preguntar al siguiente.
expert-added = { $who ->
    [you] Ahora eres experto en **{ $topic }**: las preguntas sobre ello pueden llegarte.
   *[other] { $who } es ahora experto en **{ $topic }**: las preguntas sobre ello pueden llegarle.
}
expert-already = { $who ->
    [you] Ya eres experto en **{ $topic }**.
   *[other] { $who } ya es experto en **{ $topic }**.
}
expert-not = { $who ->
    [you] No eres experto en «{ $topic }».
   *[other] { $who } no es experto en «{ $topic }».
}
expert-no-topics = Aún no hay ningún tema.
expert-topics = Temas: { $topics }.
expert-removed = { $who ->
    [you] Ya no eres experto en **{ $topic }**. Las preguntas ya asignadas siguen asignadas.
   *[other] { $who } ya no es experto en **{ $topic }**. Las preguntas ya asignadas siguen asignadas.
}
experts-open = { $count } abiertas
experts-away-until = ausente hasta el { $until }
experts-away = ausente
experts-none = Aún no se ha inscrito nadie como experto. Los miembros se ofrecen con `/expert join`; los admins usan `/expert assign`.
experts-gaps = **Sin experto disponible:** { $topics }. Las preguntas sobre estos temas van a expertos generales; si no, se avisa a los admins.
experts-inferred = **Expertos detectados** (no inscritos; según lo que saben y las respuestas que dieron, con el tiempo pesando menos; se les pregunta cuando no hay un experto inscrito libre; `/expert suggest off` para no participar): { $experts }
experts-title = Expertos
topic-general-choice = General (todo lo demás)
expert-not-a-bot = Los bots no pueden ser expertos.
