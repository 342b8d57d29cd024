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
cron-help = Usa 5 campos: minuto hora día-del-mes mes día-de-la-semana, p. ej. `0 9 * * MON-FRI` (09:00 los días laborables) o `30 8 * * *` (08:30 a diario). Un 6.º campo delante indica los segundos.
cron-empty = La expresión cron está vacía.
cron-fields = `{ $source }` tiene { $n } campos; una expresión cron tiene 5 (o 6 con segundos).
cron-invalid = `{ $source }` no es una expresión cron válida ({ $error }).
cron-never = `{ $source }` nunca coincide con una fecha real.
cron-day-number = número de día no válido
cron-day-range = el día de la semana { $n } está fuera de rango (0–7, 0 y 7 son domingo, o MON–SUN).
topic-unknown-known = No hay ningún tema `{ $topic }`. Elige uno de la lista: { $known }.
schedule-unknown-kind = Tipo desconocido `{ $kind }`; usa uno de: { $kinds }.
schedule-digest-topic = Un resumen cubre todos los temas: añádelo sin `topic`.
schedule-added = Programación **#{ $id }** añadida: { $kind } en { $channel } a las `{ $cron }` ({ $zone }).
schedule-added-topic = Programación **#{ $id }** añadida: { $kind } sobre `{ $topic }` en { $channel } a las `{ $cron }` ({ $zone }).
schedule-next-runs = Próximas ejecuciones:
schedules-none = Aún no hay programaciones. Añade una con `/schedule add`, p. ej. tipo `quiz`, cron `0 9 * * MON-FRI`.
schedules-title = Programaciones
schedule-paused-state = en pausa
schedule-next = próxima { $when }
schedule-no-runs = sin más ejecuciones
schedule-in = en { $channel }
schedule-unknown = No hay ninguna programación n.º { $id } en este servidor. `/schedule list` muestra los números.
schedule-already-paused = La programación n.º { $id } ya está en pausa.
schedule-paused = La programación n.º { $id } está en pausa. `/schedule resume id:{ $id }` la reanuda.
schedule-resumed = Programación n.º { $id } reanudada. Próxima ejecución: { $when }.
schedule-resumed-no-runs = Programación n.º { $id } reanudada, pero no tiene más ejecuciones.
schedule-removed = Programación n.º { $id } eliminada.
schedule-just-ran = La programación n.º { $id } se acaba de ejecutar. Inténtalo de nuevo en un momento.
schedule-nothing-due = Ahora nadie tiene repasos pendientes, así que no hay nada que recordar.
schedule-nobody-to-pair = Ahora no se puede formar ninguna pareja: hacen falta miembros inscritos con `/pairing on`, uno que esté olvidando un tema y otro que lo domine, ninguno emparejado la semana pasada.
schedule-nothing-to-post = La programación n.º { $id } no tiene nada que publicar. Importa contenido con `/content import` o carga `/content starter`.
schedule-nothing-to-post-topic = La programación n.º { $id } no tiene nada que publicar en el tema `{ $topic }`. Importa contenido con `/content import` o carga `/content starter`.
schedule-running = La programación n.º { $id } se está ejecutando: { $kind } aparecerá en { $channel } en un momento.
experiment-holdout-range = El grupo de control debe ser del { $min } al { $max } % de los miembros (25 es un buen comienzo).
experiment-weeks-range = Un experimento dura de { $min } a { $max } semanas.
experiment-every-topic = todos los temas
experiment-unknown-topic = No hay ningún tema `{ $topic }`. Elige uno de la lista, o `all`.
experiment-already-running = Ya hay un experimento en marcha (hasta el { $until }). `/experiment status` lo muestra; `/experiment stop` lo termina.
experiment-started = **Experimento iniciado** sobre { $topic }, hasta el { $until }.
    El { $percent } % de los miembros, sorteado, no recibe recordatorios de repaso de esto mientras dura ({ $held } de los { $known } miembros conocidos ahora; los nuevos se sortean al llegar). Los quiz diarios, los controles de conocimiento y `/quiz` siguen igual para todos, y los miembros ven en `/progress` que están en el grupo de control.
    El informe muestra después lo que causaron los repasos: el conocimiento de los miembros que repasaron menos el del grupo de control, con su intervalo del 95 %. `/experiment status` lo muestra en cualquier momento.
experiment-none-running = No hay ningún experimento en marcha. `/experiment start` inicia uno.
experiment-stopped = **Experimento detenido.** Todos vuelven a recibir recordatorios de repaso. El informe sigue mostrando su resultado.
experiment-none-yet = Aún no hay experimentos. `/experiment start topic:all holdout:25 weeks:8` mide lo que causan los repasos.
experiment-running-until = en marcha hasta el { $until }
experiment-ended = terminado
experiment-status = **Experimento** sobre { $topic }, { $percent } % de grupo de control, desde el { $since } ({ $state }).
experiment-no-data = Aún no hay datos suficientes.
experiment-all-choice = all (todos los temas)
import-not-content = `{ $name }` no es un archivo de contenido. Adjunta un archivo `.toml` (temas, preguntas, consejos, tarjetas), un `.csv` (preguntas), un banco de preguntas de un LMS en GIFT (`.gift`, `.txt`) o Aiken (`.txt`), o un mazo de Anki (`.apkg`); `/content export` muestra un ejemplo.
import-too-big = `{ $name }` ocupa { $size }; el límite es { $max }. Divídelo en archivos más pequeños.
import-unreadable = No se importó nada: `{ $name }` { $reason }.
import-not-utf8 = `{ $name }` no es texto UTF-8. Guárdalo como UTF-8 e inténtalo de nuevo.
import-problems = No se importó nada: `{ $name }` tiene { $count ->
    [one] 1 problema. Corrígelo
   *[other] { $count } problemas. Corrígelos todos
} e importa el archivo de nuevo.
import-counts = Importado: { $added } añadidos, { $updated } actualizados, { $unchanged } sin cambios.
import-left-out = fuera: el chat no puede preguntarlos ni mostrarlos
starter-loaded = Paquete inicial: { $counts }
export-toml = { $topics } temas, { $questions } preguntas, { $tips } consejos y { $cards } tarjetas. Edita el archivo y tráelo de vuelta con `/content import`.
export-gift = { $questions } preguntas en GIFT, para Moodle o `/content import`. GIFT solo contiene preguntas: la dificultad, los itinerarios, las fuentes, los consejos y las tarjetas están en la exportación TOML.
content-none = Aún no hay contenido. Carga el paquete inicial con `/content starter` o importa un archivo con `/content import`.
content-title = Contenido
content-answers = { $answers } respuestas, { $percent } % correctas
content-no-answers = aún sin respuestas
content-counts = { $questions } preguntas, { $tips } consejos{ $cards ->
    [0] {""}
   *[other] , { $cards } tarjetas
}
content-total = Total: { $topics } temas, { $counts }
content-quality-fine = **Calidad de las preguntas:** nada parece fallar por ahora (una pregunta se juzga cuando { $min } miembros la han respondido).
content-quality-look = **Preguntas que revisar** (según los primeros intentos de los miembros)
content-stats-attached = Se adjuntan las estadísticas del primer intento de cada pregunta.
form-statement = La afirmación
form-question = La pregunta
form-accepted = Respuestas aceptadas, una por línea
form-numbers = Números aceptados, uno por línea
form-choices = Las opciones, una por línea (2 a 5)
form-is-true = ¿Es verdad? (true o false)
form-right-letters = Las letras correctas (como A, C)
form-right-letter = La letra de la opción correcta (A a E)
form-explanation = Explicación, mostrada tras responder
form-accepted-hint = No cuentan mayúsculas, acentos ni puntuación
form-choices-hint = Denunciarlo como phishing
    Borrarlo
    Responder y preguntar
form-optional = Opcional
kind-single = Opción única
kind-true-false = Verdadero o falso
kind-multiple = Respuesta múltiple
kind-short-answer = Respuesta corta
kind-numeric = Número
draft-form-edit = Editar · { $kind }
draft-form-new = Nueva · { $kind }
draft-not-author = Aquí solo los admins escriben preguntas. Un admin puede dejar que los expertos propongan preguntas con `/config expert-drafts on`.
draft-gone = Este borrador ya no está abierto: se publicó o se descartó.
draft-not-yours = Este borrador es de otra persona.
draft-unknown-topic = No hay ningún tema `{ $topic }`. Elige uno de la lista al escribir, o añade temas con `/content import`.
question-not-in-use = No hay ninguna pregunta `{ $id }` en uso. Elige una de la lista al escribir.
draft-edit = Editar
draft-discard = Descartar
draft-problems = Tu borrador se guarda, pero aún no se puede publicar: { $count ->
    [one] 1 problema
   *[other] { $count } problemas
}.
draft-press-edit = Pulsa **Editar** para corregirlo.
draft-what-version = una nueva versión de `{ $id }` (las respuestas conservan la versión que respondieron)
draft-what-same-text = una nueva versión de `{ $id }`, que tiene el mismo texto en este tema
draft-what-new = la pregunta `{ $id }`
draft-publish = Publicar
draft-publish-next = Publícala y los miembros la recibirán en los quiz del canal, `/quiz` y los repasos.
draft-propose = Proponer
draft-propose-next = Propónla y un admin podrá publicarla (`/content drafts`).
draft-preview = **Vista previa** de { $what } en **{ $topic }**, tal como la verán los miembros.
draft-footer = Borrador { $id } · { $kind }
draft-discarded = Borrador descartado. No se publicó nada.
draft-proposed = Propuesto. Los admins lo ven con `/content drafts` y pueden publicarlo; hasta entonces aún puedes editarlo o descartarlo.
draft-admins-publish = Solo los admins publican preguntas. Propónla en su lugar.
draft-published = `{ $id }` publicada: los miembros la reciben desde ahora.
draft-published-version = Nueva versión de `{ $id }` publicada: los miembros la reciben desde ahora, y las respuestas anteriores conservan su versión.
draft-unchanged = `{ $id }` ya dice exactamente eso: no cambió nada.
draft-proposed-by = La propuso { $author }.
drafts-none = No hay preguntas propuestas esperando. Los expertos las proponen con `/propose` cuando `/config expert-drafts` está activado.
drafts-line = Borrador { $id } de { $author } en `{ $topic }`: { $prompt }
drafts-review = Revisar el borrador { $id }
drafts-title = Preguntas propuestas · { $count }
drafts-footer = Revisa uno para publicarlo, editarlo o descartarlo.
question-retired = `{ $id }` retirada: ya no se publica, practica, repasa, busca ni exporta. Sus respuestas siguen en las cifras. Importarla o publicarla de nuevo la recupera.
expert-drafts-on = Los expertos pueden ahora proponer preguntas con `/propose`; los admins las publican desde `/content drafts`.
expert-drafts-off = Los expertos ya no pueden proponer preguntas. Los borradores ya propuestos siguen en `/content drafts`.
report-cut = Recortado para Discord: `/report format:csv` tiene todas las cifras.
report-hidden = oculto (menos de { $min } personas)
knowledge-before = { $figure } antes de que peerlearn preguntara
knowledge-now = **{ $figure }** ahora ({ $people } personas, { $checks } controles)
knowledge-heading = **Conocimiento:** parte del banco de preguntas que conocen los miembros, sin aciertos por suerte, según los controles de conocimiento (preguntas al azar de todo el banco); ± es el intervalo del 95 %
knowledge-all-topics = Todos los temas
knowledge-not-yet = **Conocimiento:** aún sin medir. Los controles de conocimiento (preguntas al azar de todo el banco) se mezclan en `/quiz`, los repasos y el «¿Una más?» del quiz diario; las cifras aparecen cuando los miembros han respondido algunos.
report-experiment-until = hasta el { $day }
report-experiment = **Experimento** (repasos retenidos para el { $percent } % de los miembros al azar, { $topic }, desde el { $since }, { $state }): { $result }
chart-knowledge-line = Controles acertados, sin aciertos por suerte (intervalo del 95 %)
chart-knowledge-title = Lo que saben los miembros, semana a semana
report-before = antes: { $value }
report-participation = { $answered } de { $members } miembros respondieron ({ $share })
report-nobody-answered = aún no ha respondido nadie
report-participation-line = **Participación:** { $text }
report-accuracy = { $share } de { $answers } respuestas correctas
report-no-answers = aún sin respuestas
report-accuracy-line = **Aciertos:** { $text }
report-gain = { $first } → { $latest } ({ $points } puntos) en { $questions } preguntas respondidas de nuevo, { $people } personas
report-gains-heading = **Preguntas respondidas de nuevo** (primer intento → último intento; sobre todo repasos programados para un 90 % de recuerdo, así que muestra el plan en marcha, no lo que sabe la gente)
report-competency-median = mediana { $days } días ({ $people } personas)
report-days = { $days } días
report-tracks = itinerarios: { $tracks }
report-competency-heading = **Tiempo hasta la competencia** (primera respuesta → competente)
report-forecast-heading = **Previsión de olvido** (el recuerdo previsto por el modelo de las preguntas que los miembros han respondido, ahora → en 7 días)
report-forecast = { $now } → { $later } ({ $people } personas)
report-questions = **Preguntas:** { $asked } hechas · { $share } respondidas con lo que el equipo ya sabía
report-first-reply = primera respuesta de un experto en { $time } (mediana de { $n })
report-resolved = resueltas en { $time } (mediana de { $n })
report-verified = { $share } de las { $n } respuestas aceptadas mostradas estaban verificadas
report-questions-none = **Preguntas:** aún no se ha hecho ninguna con `/ask`.
report-refreshers-heading = **Refuerzos** (se prevé que el equipo baje de su objetivo: las preguntas más olvidadas de estos temas van primero en los quiz del canal y los repasos)
report-expert-load = { $expert } { $assigned } asignadas, { $replied } respondidas
report-median = mediana { $time }
report-still-open = { $count } aún abiertas
report-expert-load-line = **Carga de los expertos:** { $experts }
report-support-none = **Puede necesitar apoyo:** nadie por ahora.
report-support-heading = **Puede necesitar apoyo** (solo tú lo ves)
support-falling = aciertos { $before } → { $now } en las últimas 4 semanas
support-lapsed = sin responder desde hace { $days } días tras una racha de { $best } días
support-low-recall = recuerdo previsto de { $recall } en los temas de sus itinerarios
report-support-more = y { $count } más (ver el recuento en el CSV)
chart-from = desde el { $day }
chart-participation = Participación
chart-accuracy = Aciertos
chart-deflection = Respondido por la base de conocimiento
chart-trend-title = Tendencia del equipo
uplift-arms = { $reviewed ->
    [one] 1 miembro repasó
   *[other] { $reviewed } miembros repasaron
} y { $holdout } en el grupo de control
uplift-caused = Lo que causaron los repasos: **{ $uplift } puntos** de conocimiento (intervalo del 95 % de { $low } a { $high }): repasaron { $reviewed } frente a grupo de control { $holdout } ({ $arms }; { $checks } controles de conocimiento).
uplift-not-enough = Aún no hay datos suficientes: cada grupo necesita controles de al menos { $min } personas y { $checks } controles ({ $arms } por ahora).
item-first-tries = { $share } correctas de { $n } primeros intentos
item-more = y { $count } más (ver el CSV)
item-negative-discrimination = los miembros fuertes fallan más que los demás (¿ambigua o clave errónea?)
item-everyone-right = todos acertaron al primer intento (¿demasiado fácil?)
item-nobody-right = nadie acertó al primer intento (¿clave errónea?)
item-wrong-statement = «{ $choice }» se elige más que la respuesta correcta (¿clave errónea?)
item-wrong-choice = la opción incorrecta { $letter } se elige más que la correcta (¿clave errónea?)
refresher-line = Refuerzo de { $topic }: recuerdo del equipo { $now } ahora, { $later } en { $days } días → objetivo { $target }
kpi-no-team = **KPI** { $label }: ningún rol de equipo se llama «{ $team }»; usa el nombre del rol de un equipo o `all`.
kpi-hidden = **KPI** { $label }: oculto (menos de { $min } personas en el equipo).
kpi-learning = { $which ->
    [activity] respuestas por semana
   *[accuracy] aciertos
}
kpi-lag = { $weeks ->
    [0] en la misma semana
    [one] 1 semana después
   *[other] { $weeks } semanas después
}
kpi-too-few-weeks = { $learning }: muy pocas semanas para saberlo
kpi-finding = **KPI** { $label } frente al aprendizaje del equipo: { $findings }
kpi-not-utf8 = El archivo no es texto UTF-8. Guárdalo como CSV (UTF-8).
kpi-header-unreadable = No se puede leer la línea de cabecera: { $error }
kpi-header-missing = La cabecera debe nombrar las columnas date, team, metric y value; falta `{ $column }`.
kpi-line = Línea { $line }: { $problem }
kpi-not-a-date = `{ $typed }` no es una fecha como 2026-11-23.
kpi-not-a-number = `{ $typed }` no es un número.
kpi-empty-names = team y metric no pueden estar vacíos.
kpi-long-names = los nombres de team y metric tienen un máximo de 100 caracteres.
kpi-too-many-rows = El archivo tiene más de { $max } filas; divídelo.
kpi-no-rows = El archivo no tiene filas bajo la cabecera.
skipped-at-line = { $what } en la línea { $line }
skipped = { $count } omitidas: { $each }
check-id = { $id } no es un id válido: usa de 1 a { $max } minúsculas, cifras, '-' o '_', empezando por una letra o una cifra
check-empty = no puede estar vacío
check-too-long = tiene { $length } caracteres; el límite es { $max }
check-link = { $link } no es un enlace web (http:// o https://, sin espacios, como mucho 512 caracteres)
check-correct = { $value } no nombra ninguna de las { $choices } opciones: usa una letra, de la A a la { $last }
check-duplicate-id = este id aparece más de una vez
check-topic-missing = el tema { $topic } no está definido: añade un [[topic]] con este id o impórtalo primero
key-right-not-a-choice = la opción correcta no es una de las opciones
key-choice-count = tiene { $choices } opciones; una pregunta necesita de { $min } a { $max }
key-right-choices = nombra una o varias opciones distintas como correctas
key-bad-regex = { $text } no es una expresión regular válida: { $error }
key-bad-range = { $min } a { $max } no es un intervalo de números (el primero no puede superar al segundo)
key-accepted-count = tiene { $n } respuestas aceptadas; indica de 1 a { $max }
key-credit-range = un crédito debe estar entre 0 y 1 (0 % a 100 %)
key-no-full-credit = ninguna respuesta aceptada da todos los puntos: da a una el 100 %
import-no-cards = no contiene ninguna tarjeta que peerlearn pueda mostrar ({ $skipped })
import-no-notes = no contiene notas
import-txt-neither = no está en un formato que peerlearn lea: un archivo .txt se lee como GIFT (preguntas con sus respuestas entre { "{" } { "}" }) o Aiken (una pregunta, sus opciones "A. …", "B. …", y luego "ANSWER: B"), y este no es ninguno de los dos
import-apkg-alone = es un paquete de Anki, no texto: impórtalo por separado
import-extensions = los archivos de contenido deben terminar en .toml, .csv, .gift, .txt (GIFT o Aiken) o .apkg (Anki)
import-no-questions = no contiene ninguna pregunta que peerlearn pueda hacer en el chat ({ $skipped })
import-no-entries = no contiene entradas [[topic]], [[question]], [[tip]] ni [[card]]
import-unknown-section = sección desconocida; usa [[topic]], [[question]], [[tip]] o [[card]]
import-unknown-column = columna desconocida; las columnas son { $columns }
import-column-required = esta columna es obligatoria
import-unknown-field = campo desconocido; los campos son { $fields }
import-text-in-quotes = debe ser texto entre comillas
import-missing = falta
import-text-not = debe ser texto entre comillas, no { $kind }
import-retention = { $shown } no es un decimal entre { $min } y { $max } (p. ej. 0.9)
import-not-decimal = es { $kind }, no un decimal como 0.8
import-target-range = debe estar entre { $min } y { $max }, se recibió { $value }
import-difficulty = { $shown } no es 1 (fácil), 2 ni 3 (difícil)
import-unknown-kind = { $kind } no es un tipo de pregunta; los tipos son { $kinds }
import-kind-not-text = debe ser texto como "true_false", no { $kind }
import-correct-missing = falta: da la letra de la opción correcta
import-true-false-choices = una pregunta de verdadero/falso no tiene opciones: sus botones son Verdadero y Falso
import-true-false-correct = de una pregunta de verdadero/falso es true o false (o T, F)
import-texts-not = debe ser una lista de textos, no { $kind }
import-choice-count = necesita de { $min } a { $max } opciones, hay { $found }
import-choice-repeats = la opción { $n } repite { $choice }
import-choice = opción { $n }: { $reason }
import-tracks-not = debe ser una lista de nombres de itinerario, no { $kind }
import-value = { $which ->
    [text] texto
    [int] un número entero
    [float] un número decimal
    [list] una lista
    [bool] verdadero/falso
    [tables] una lista de tablas
    [mixed-list] una lista con elementos que no son texto
    [date] una fecha
   *[table] una tabla
}
import-letters-missing = falta: da las letras de las opciones correctas, como ["A", "C"]
import-letters-not = deben ser letras como ["A", "C"], no { $kind }
import-named-twice = { $letter } aparece dos veces
import-typed-choices = una respuesta escrita no tiene opciones: indica lo aceptado en `correct` o `accepted`
import-correct-or-accepted = da `correct` (la forma corta) o `accepted`, no ambos
import-accepted-missing = falta: da la respuesta aceptada (o una lista)
import-tables-not = debe ser una lista de tablas como [{ "{" } text = "Paris" { "}" }], no { $kind }
import-text-or-texts-not = debe ser texto o una lista de textos, no { $kind }
import-not-numeric = { $typed } no es un número, ni un número con tolerancia (42:2), ni un intervalo (40..44)
import-answer-n = respuesta { $n }: { $reason }
import-unknown-answer-field = campo desconocido { $key }; los campos son { $fields }
import-credit = credit debe ser un número de 0 a 1, como 0.5
import-feedback-text = feedback debe ser texto entre comillas
import-range-fields = da un número como `value` (con una `tolerance` opcional), o `min` y `max`
import-answer-text = necesita la respuesta como `text` entre comillas
import-regex-bool = regex debe ser true o false
gift-no-questions = no contiene preguntas GIFT (una pregunta y luego sus respuestas entre { "{" } { "}" })
gift-name-open = empieza por :: pero el nombre no se cierra con ::
gift-description = descripción (sin respuestas)
gift-brace-open = la { "{" } de la línea { $line } nunca se cierra con { "}" }: ciérrala, o escribe \{ "{" } para una llave en el texto
gift-second-brace = una segunda { "{" } antes de la { "}" } que cierra las respuestas: escribe \{ "{" } para una llave en una respuesta
gift-essay = ensayo
gift-no-answers = no contiene respuestas: empieza cada una con = (correcta) o ~ (incorrecta), o usa T o F
gift-text-before = tiene texto antes de su primera respuesta ({ $text }): las respuestas empiezan con = o ~
gift-matching = emparejamiento
gift-no-right = no tiene respuesta correcta: márcala con = en vez de ~
gift-too-many-choices = opción única con { $n } opciones (caben hasta { $max } en botones)
gift-many-right = tiene { $n } respuestas correctas (=): una pregunta de opción única tiene una; da en su lugar varias respuestas correctas con %pesos%
gift-too-many-responses = respuesta múltiple con { $n } opciones (caben hasta { $max })
gift-no-weight = no tiene respuesta correcta: da a las correctas un peso mayor que 0, como ~%50%
gift-text-before-numeric = tiene texto antes de su primera respuesta numérica: empieza cada una con =
aiken-no-choices = no tiene opciones antes de su línea ANSWER (línea { $line }): añade líneas como "A. …", "B. …"
aiken-answer-alone = no sigue a ninguna pregunta: una línea ANSWER cierra el texto y las opciones de una pregunta
aiken-choice-first = va antes de cualquier texto de pregunta: el texto de una pregunta va en la línea encima de sus opciones
aiken-no-answer = no tiene línea ANSWER: termínala con una línea como "ANSWER: B"
aiken-no-questions = no contiene preguntas Aiken (una pregunta, sus opciones con letra, "ANSWER: X")
aiken-unanswered = no tiene línea ANSWER antes de la siguiente pregunta (línea { $line }): termínala con una línea como "ANSWER: B"
anki-cannot-unpack = no se puede descomprimir: { $error }
anki-unreadable = no es una colección de Anki legible ({ $error })
anki-not-zip = no es un paquete de Anki: no es un archivo zip
anki-no-collection = es un archivo zip sin colección de Anki (collection.anki2, collection.anki21 o collection.anki21b)
anki-cannot-open = no se puede abrir su { $name }: { $error }
anki-too-big = contiene una colección de más de { $mb } MB descomprimida; divide el mazo
anki-not-zstd = tiene un { $name } que no está comprimido con zstd ({ $error })
anki-cannot-unpack-file = no se puede descomprimir su { $name }: { $error }
anki-one-field = nota con un solo campo
anki-media-only = tarjeta con solo medios en el { $side ->
    [front] anverso
   *[back] reverso
}
form-too-detailed = `{ $id }` tiene respuestas aceptadas con crédito parcial, comentarios o patrones, que el formulario no puede mostrar. Exporta el contenido, edítalo en el archivo TOML e impórtalo de nuevo.
import-row-fields = tiene { $fields } campos pero la cabecera tiene { $header }
