# Lo que leen los admins: ajustes, programaciones, contenido, informes.

config-language-set = Las publicaciones del canal están ahora en **{ $language }**. Las respuestas y los mensajes directos siguen el idioma de Discord de cada miembro.
config-language-auto = Las publicaciones del canal siguen ahora el idioma de comunidad del servidor en Discord (ahora **{ $language }**). Las respuestas y los mensajes directos siguen el idioma de Discord de cada miembro.
config-timezone-set = Zona horaria fijada en **{ $zone }**. Las programaciones sin zona propia y las rachas diarias la siguen ahora.
config-quiz-window-range = La ventana del quiz debe estar entre { $min } y { $max } minutos.
config-quiz-window-set = Los quiz del canal siguen ahora abiertos **{ $minutes } minutos** y luego revelan la respuesta.
timezone-unknown = `{ $name }` no es una zona horaria. Usa un nombre IANA como `Europe/Madrid`, `America/New_York` o `UTC` (empieza a escribir y elige de la lista).
team-removed = { $role } ya no es un equipo de las clasificaciones. Sus miembros conservan sus puntos.
team-was-not = { $role } no era un equipo.
team-added = { $role } es ahora un equipo de las clasificaciones.
team-already = { $role } ya era un equipo.
team-list = Equipos: { $teams }. Los miembros cuentan para su equipo desde su próximo comando o clic; `/leaderboard by: team` clasifica los equipos por puntos por miembro, así que el tamaño no decide.
season-range = Una temporada dura de { $min } a { $max } semanas; { $weeks } queda fuera.
season-set = Las temporadas duran ahora { $weeks ->
    [one] 1 semana
   *[other] { $weeks } semanas
}. Esta: { $season } (su clasificación cuenta cada punto desde el { $since }).
report-refreshers = Refuerzos en { $span }: { $days } días-tema, en { $topics } tema(s).
report-requests-title = Peticiones de contenido, { $span }
report-correlation = Correlación, no causalidad: también cambian otras cosas.
report-computed-at = Conocimiento, avisos de preguntas, previsión de recuerdo y lista de apoyo a las { $time } de hoy (se calculan una vez al día).
report-title = Informe — { $span } (hasta ahora)
report-csv = Informe de { $before ->
    [0] { $span }
    [one] { $span } y el periodo anterior
   *[other] { $span } y los { $before } periodos anteriores
}: una fila por métrica, tema, grupo y periodo. Las cifras sobre menos de { $min } personas quedan vacías (ver la columna `note`); los miembros que podrían necesitar apoyo se cuentan, no se nombran.
digest-unanswered = Sin respuesta la semana pasada
digest-support = **{ $count ->
    [one] 1 miembro podría
   *[other] { $count } miembros podrían
} necesitar apoyo.** Un admin ve quién y por qué con `/report`.
digest-footer = `/report` tiene los detalles, el CSV y el gráfico de tendencia.
digest-title = Resumen semanal — { $span }
kpi-not-csv = `{ $name }` no es un archivo CSV. Adjunta un `.csv` con las columnas date, team, metric, value, p. ej. `2026-11-23,Support,tickets_reopened,12`.
kpi-imported = Importados { $values ->
    [one] 1 valor
   *[other] { $values } valores
} de { $metrics ->
    [one] 1 métrica
   *[other] { $metrics } métricas
} y { $teams ->
    [one] 1 equipo
   *[other] { $teams } equipos
}, del { $from } al { $to }. `/report` los relaciona ahora con el aprendizaje de los equipos (como correlación, con n).
requests-counts = { $asks ->
    [one] 1 pregunta
   *[other] { $asks } preguntas
}, { $people ->
    [one] 1 persona
   *[other] { $people } personas
}
requests-answered = respondida como n.º { $id }: `/kb draft id:{ $id }` la convierte en contenido
requests-heading = **{ $heading }** (preguntas que la base de conocimiento no supo responder, agrupadas por tema y redacción: contenido por escribir)
requests-more = y { $count } más: `/content requests`
requests-days-range = Mira de 1 a { $max } días atrás (por defecto { $default }).
requests-none = No quedó nada sin respuesta de la base de conocimiento { $days ->
    [one] en el último día
   *[other] en los últimos { $days } días
}.
requests-summary = { $questions ->
    [one] 1 pregunta
   *[other] { $questions } preguntas
} que la base no supo responder { $days ->
    [one] en el último día
   *[other] en los últimos { $days } días
}, en { $requests ->
    [one] 1 petición
   *[other] { $requests } peticiones
} (agrupadas por tema y redacción):
requests-more-rare = y { $count } más, preguntadas una vez o menos
requests-flagged = **Preguntas de quiz con malos resultados** (según los primeros intentos de los miembros): reescribir o explicar mejor
requests-title = Peticiones de contenido
requests-footer = Escribid un consejo, una pregunta o una tarjeta para estas e importadla con /content import; /kb draft convierte una respuesta aceptada en un borrador.
kb-draft-experts-only = Redactar contenido a partir de respuestas es cosa de expertos (`/expert join`) y admins.
kb-draft-question =
    # Una pregunta de quiz de la misma respuesta: escribid dos o más respuestas incorrectas,
    # luego quitad los signos '#' e importadla.
    #
    # [[question]]
    # id = "kb-{ $id }-q"
    # topic = { $topic }
    # prompt = { $prompt }
    # choices = [{ $right }, "una respuesta incorrecta verosímil", "otra respuesta incorrecta"]
    # correct = "A"
    # explanation = { $explanation }
kb-draft-made = Un borrador de la respuesta n.º { $id }: una tarjeta lista para `/content import`, y una pregunta de quiz por terminar (comentada). Edítalo y luego impórtalo.
retention-range = Guarda los datos 0 días (para siempre) o entre { $min } y { $max } días, no { $days }.
retention-forever = se guardan hasta que un miembro borra los suyos
retention-days = se borran a los { $days } días
retention-set = Los eventos en bruto (respuestas, puntos, historial de preguntas, publicaciones enviadas) ahora { $kept }.{ $days ->
    [0] {""}
   *[other] {" "}Los más antiguos se borran en menos de una hora.
} Las clasificaciones, el progreso y los planes de repaso se conservan.
