# Lo que leen los miembros al aprender: quiz, práctica, repasos, tarjetas, progreso, clasificaciones.
# $gave es "chose" (se eligió una opción) o "typed" (se escribió una respuesta).

answer-true = Verdadero
answer-false = Falso
answer-range = de { $min } a { $max }
answer-no-such-choice = Esa opción no existe en esta pregunta.
answer-pick-choices = Elige una o varias de las opciones de esta pregunta.
answer-too-long = Tu respuesta tiene { $length } caracteres; el límite es { $max }.
answer-not-a-number = «{ $typed }» no es un número. Escribe cifras, como 42 o 3,5.
answer-does-not-fit = Esa respuesta no encaja con esta pregunta.
answer-form-title = Tu respuesta
answer-form-placeholder = Escribe tu respuesta
tip-title = 💡 Consejo · { $topic }
tip-more = Abre el título para saber más
quiz-title = 🧠 Quiz · { $topic }
quiz-how-multiple = Puede haber varias respuestas correctas: elige todas las correctas.
quiz-how-numeric = Responde con un número.
quiz-pick-every = Elige todas las respuestas correctas
quiz-answers-so-far = { $count ->
    [0] Aún sin respuestas
    [one] 1 respuesta hasta ahora
   *[other] { $count } respuestas hasta ahora
}
quiz-open-footer = { $answers } · abierto hasta { $closes }
quiz-closed-footer = Cerrado · { $count } respuestas · { $percent } % correctas
quiz-closed-nobody = Cerrado · nadie respondió
quiz-right-answer = Respuesta correcta: { $answer }
quiz-gone = Este quiz ya no está disponible.
quiz-closed = Este quiz está cerrado. La respuesta correcta era **{ $answer }**.
quiz-try-practice = Prueba `/quiz` para una pregunta de práctica.
quiz-already-answered = Ya respondiste a esta: { $gave ->
    [typed] respondiste
   *[chose] elegiste
} **{ $given }**. Cuenta tu primera respuesta.
feedback-right = **¡Correcto!** { $given }
feedback-partly = **Correcto en parte** ({ $share } de los puntos). { $gave ->
    [typed] Respondiste
   *[chose] Elegiste
} { $given }. La respuesta completa es **{ $right }**.
feedback-wrong = **No del todo.** { $gave ->
    [typed] Respondiste
   *[chose] Elegiste
} { $given }. La respuesta correcta es **{ $right }**.
feedback-learn-more = Más información: <{ $link }>
feedback-points-earned = +{ $earned } puntos ({ $total } en total)
feedback-points = { $total } puntos
feedback-streak = racha de { $days ->
    [one] 1 día
   *[other] { $days } días
}
feedback-streak-bonus = +{ $bonus } de bonificación por racha
practice-title = 🧠 Práctica · { $topic }
practice-footer = Solo tú lo ves. { $how ->
    [multiple] Elige todas las respuestas correctas.
    [typed] Escribe tu respuesta.
   *[choice] Elige una respuesta.
}
practice-another = Otra pregunta de { $topic }
practice-gone = Esta pregunta ya no está disponible. Usa `/quiz` para una nueva.
practice-expired = Esta pregunta ha caducado. Usa `/quiz` para una nueva.
practice-no-questions-in = No hay preguntas en el tema `{ $topic }`. Prueba `/quiz` sin tema.
practice-no-questions = Aún no hay preguntas. Un admin puede cargar algunas con `/content starter` o `/content import`.
card-title = Tarjeta
review-card-title = Repaso { $n } · Tarjeta
review-title = Repaso { $n }
card-answer-by-thread = Respuesta de { $author } · [el hilo de la pregunta]({ $link })
card-answer-by = Respuesta de { $author }
card-front-footer = Solo tú lo ves. Piensa la respuesta y luego muéstrala.
card-show = Mostrar respuesta
card-answer = Respuesta
card-knew = Lo sabía
card-not-yet = Todavía no
card-back-footer = ¿Lo sabías? Sé sincero: solo decide cuándo vuelve.
card-not-useful = No es útil
card-gone = Esta tarjeta ya no está disponible. Usa `/quiz` para una nueva.
card-not-yours = Esta tarjeta no está en tus repasos. Usa `/quiz` para una nueva.
card-expired = Esta tarjeta ha caducado. Usa `/quiz` para una nueva.
card-already-graded = Ya calificaste esta tarjeta ({ $grade }). Cuenta tu primera calificación.
card-known = **Sabida.** Vuelve dentro de { $days ->
    [one] 1 día
   *[other] { $days } días
}.
card-not-known = **Todavía no.** Vuelve dentro de { $days ->
    [one] 1 día
   *[other] { $days } días
}, antes que una que sabías.
card-another = Otra de { $topic }
card-drop-content = Las tarjetas del contenido del equipo no se pueden descartar.
card-dropped = Tarjeta «{ $front }» descartada: no volverá a tus repasos.
review-start = Empezar mi repaso
review-channel = **{ $people ->
    [one] 1 persona tiene
   *[other] { $people } personas tienen
} repasos pendientes.** Unas preguntas que estáis a punto de olvidar — lleva un minuto, y cada uno ve solo las suyas.
review-dm = Tienes { $count ->
    [one] 1 pregunta
   *[other] { $count } preguntas
} pendientes de repaso en **{ $server }**. ¡Responde antes de olvidarlas!
review-dm-change = Cámbialo con `/reinforce` en el servidor.
review-cap-reached = Ya hiciste los { $cap } repasos de hoy. ¡Hasta mañana! `/quiz` siempre está abierto para practicar.
review-holdout = Estás en el grupo de control de este experimento: no tendrás repasos hasta el { $until }, para que el equipo vea lo que los repasos logran de verdad. `/quiz` está abierto para practicar cuando quieras.
review-nothing-due = Ahora no tienes nada pendiente. `/quiz` te da una pregunta de práctica.
review-next = Siguiente pregunta
review-done = **Repaso terminado.** Buen trabajo.
reinforce-on-dm = Los repasos están activados y los recordatorios llegan por mensaje directo.
reinforce-on-channel = Los repasos están activados y los recordatorios llegan al canal.
reinforce-off = Los repasos están desactivados: no más recordatorios. `/reinforce on` los recupera.
pause-not-a-date = `{ $typed }` no es una fecha. Usa la forma AAAA-MM-DD, p. ej. 2026-12-31.
pause-not-after-today = La pausa debe terminar después de hoy. Usa la forma AAAA-MM-DD.
pause-too-long = Una pausa dura como mucho { $max } días.
pause-set = Repasos en pausa hasta el { $until } (incluido). Tus fechas se movieron { $days ->
    [one] 1 día
   *[other] { $days } días
} más tarde, para que nada se acumule mientras no estás. `/reinforce on` termina la pausa antes.
check-offer = ¿Una más? Un control rápido de conocimientos
check-done-today = ¡Eso es todo por hoy, gracias! `/quiz` siempre está abierto para practicar.
progress-none = Aún no has respondido ninguna pregunta. Prueba `/quiz` para la primera, o responde al próximo quiz del canal.
progress-title = Tu progreso
progress-seen = { $seen } de { $questions } vistas
progress-mastered = { $count } dominadas
progress-due = { $count } pendientes
progress-next-review = próximo repaso { $day }
progress-nothing-scheduled = nada programado
progress-due-now = { $count ->
    [one] 1 elemento pendiente ahora — `/quiz` lo trae de vuelta
   *[other] { $count } elementos pendientes ahora — `/quiz` los trae de vuelta
}
progress-reviews = Repasos: { $reviews }
progress-streak = Racha: { $days ->
    [one] 1 día
   *[other] { $days } días
} (mejor { $best }) · { $points } puntos
progress-track = Tu itinerario (según tus roles): { $topics } — `/quiz` sigue apoyándose ahí.
progress-any-topic = ningún tema
progress-holdout = Estás en el grupo de control de un experimento hasta el { $until }: sin recordatorios de repaso para { $topic }, sorteado para que el equipo vea lo que los repasos logran de verdad. Los quiz y `/quiz` funcionan como siempre.
period-week-of = semana del { $date }
period-season-from = temporada del { $from } al { $to }
period-all-time = desde el principio
board-improved-needs-period = La clasificación de mayor mejora compara un periodo con el anterior: elige `week`, `month` o `season`.
board-improved-members-only = La clasificación de mayor mejora clasifica miembros. Usa `by: member`, o la de puntos para equipos.
board-next-period = { $period ->
    [week] Una nueva semana
    [month] Un nuevo mes
    [season] Una nueva temporada
   *[all] Un nuevo periodo
} empieza el { $day }.
board-answers-right = { $answers ->
    [one] 1 respuesta
   *[other] { $answers } respuestas
}, { $right } correctas
board-points = **{ $points }** puntos
board-points-empty = Nadie tiene puntos aún { $period ->
    [week] esta semana
    [month] este mes
    [season] esta temporada
   *[all] en este periodo
}. Responde al próximo quiz o prueba `/quiz`.
board-you = Tú: **#{ $rank }** con { $points } puntos.
board-you-none = Aún no tienes puntos aquí: cada respuesta correcta cuenta.
board-title = Clasificación — { $span }
board-improved-detail = { $before } → { $now } correctas ({ $answers } respuestas)
board-improved-empty = Nadie ha mejorado aún respecto { $period ->
    [week] a la semana anterior
    [month] al mes anterior
    [season] a la temporada anterior
   *[all] al periodo anterior
} (hacen falta { $min } respuestas en ambos).
board-improved-you = Tú: **#{ $rank }** con +{ $gain } puntos de aciertos.
board-improved-you-none = No estás en esta clasificación: hacen falta { $min } respuestas { $period ->
    [week] esta semana y la anterior
    [month] este mes y el anterior
    [season] esta temporada y la anterior
   *[all] en este periodo y el anterior
}, y más aciertos.
board-improved-title = Mayor mejora — { $span } frente al anterior
board-no-teams = Aún no hay equipos: un admin convierte un rol en equipo con `/config team-role`.
board-team-detail = { $members ->
    [one] 1 miembro
   *[other] { $members } miembros
}, { $points } puntos
board-per-member = **{ $score }** puntos por miembro
board-teams-title = Equipos — { $span }
board-final-title = Clasificación final — { $span }
board-final-footer = ¡Enhorabuena! Ha empezado un periodo nuevo: cada punto vuelve a contar.
board-week-title = Esta semana hasta ahora — { $span }
board-week-footer = Clasificación final el { $day }. `/leaderboard` muestra tu propio puesto.
stats-private = Tus estadísticas son tuyas, y las de los demás, suyas: solo los admins pueden ver las de otro miembro. Usa `/stats` sin miembro para las tuyas.
stats-none = { $whose ->
    [you] Tus estadísticas empiezan
   *[other] Las estadísticas de { $whose } empiezan
} con una primera respuesta: prueba `/quiz`, o el próximo quiz del canal.
stats-answers = **Respuestas:** { $answers } ({ $right } correctas)
stats-accuracy = **Aciertos por semana:** { $weeks }
stats-streak = **Racha:** { $days ->
    [one] 1 día
   *[other] { $days } días
} (mejor { $best })
stats-points = **Puntos:** { $points } en total
stats-points-week = { $points } esta semana (#{ $rank })
stats-points-week-none = ninguno esta semana aún
stats-helping = **Ayuda:** { $accepted ->
    [one] 1 respuesta aceptada
   *[other] { $accepted } respuestas aceptadas
} ({ $points } puntos) · { $asked ->
    [one] 1 pregunta hecha
   *[other] { $asked } preguntas hechas
}
stats-mastery = Dominio
stats-chart-title = Aciertos por semana
stats-chart-member = { $whose ->
    [you] Tú
   *[other] Miembro
}
stats-chart-everyone = Todos
stats-heading = { $whose ->
    [you] Tu aprendizaje
   *[other] El aprendizaje de { $whose }
} hasta ahora
stats-title = Estadísticas
stats-footer = Solo tú lo ves.
privacy-export-failed = No se pudo escribir la exportación: { $error }
privacy-exported = Todo lo que peerlearn guarda sobre ti en **{ $server }**: { $answers ->
    [one] 1 respuesta
   *[other] { $answers } respuestas
}, { $reviews ->
    [one] 1 pregunta en tu plan de repaso
   *[other] { $reviews } preguntas en tu plan de repaso
}, { $asked ->
    [one] 1 pregunta hecha
   *[other] { $asked } preguntas hechas
} y tus preferencias, en JSON (solo tú lo ves). `/privacy delete` lo borra.
privacy-delete-prompt = **¿Borrar tus datos en { $server }?**
    Esto borra para siempre tu perfil, puntos, rachas, puestos en clasificaciones, plan de repaso, itinerarios, temas de experto y preferencias.
    Tus respuestas a los quiz, tus preguntas convertidas en conocimiento y las respuestas que escribiste quedan **de forma anónima**, para que las cifras del equipo sigan cuadrando. Tus preguntas aún abiertas se cierran.
    Los mensajes que publicaste en Discord no se tocan: bórralos en Discord.
privacy-delete-copy-first = ¿Quieres antes una copia? `/privacy export`. Este botón funciona durante { $minutes } minutos.
privacy-delete-button = Borrar mis datos
privacy-keep-button = Conservar mis datos
privacy-delete-expired = Esta confirmación ha caducado, así que no se borró nada. Ejecuta `/privacy delete` de nuevo.
privacy-deleted = Tus datos en **{ $server }** están borrados: { $deleted ->
    [one] 1 registro personal borrado
   *[other] { $deleted } registros personales borrados
}, { $kept ->
    [one] 1 respuesta o pregunta conservada
   *[other] { $kept } respuestas y preguntas conservadas
} sin tu nombre. Si vuelves a usar peerlearn aquí, empiezas de cero.
privacy-kept = No se borró nada. Tus datos siguen como estaban.
pairing-talked = Hemos hablado
pairing-skip = Saltar
pairing-to-learner = **¿Una charla entre compañeros en { $server }?** Estás repasando **{ $topic }** (tu recuerdo previsto ahí es { $recall }, por debajo del objetivo del equipo de { $target }), y { $mentor } lo conoce bien. ¿Una charla de 15 minutos esta semana? Salúdale por mensaje directo o en la máquina de café.
pairing-to-mentor = **¿Una charla entre compañeros en { $server }?** { $learner } está repasando **{ $topic }**, y tú lo conoces bien. Una charla de 15 minutos esta semana le ayudaría mucho.
pairing-why = Recibes esto porque elegiste `/pairing on`; `/pairing off` lo detiene.
pairing-channel = { $count ->
    [one] 1 pareja formada
   *[other] { $count } parejas formadas
} esta semana, sobre { $topics }: quien está olvidando un tema conoce a un compañero que lo domina. Súmate con `/pairing on`.
pairing-unknown = Esta pareja ya no se conoce.
pairing-not-yours = Solo los dos miembros de esta pareja pueden responder.
pairing-settled = Esta pareja ya tiene respuesta; gracias.
pairing-noted = Anotado: hablaste con { $other } sobre **{ $topic }**. Ganáis { $points } puntos cada uno.
pairing-skipped = Saltado. Sin problema: la próxima pareja será otra persona.
pairing-on = Estás dentro: cuando estés olvidando un tema, puedes formar pareja con un compañero que lo domine (como mucho una vez por semana), y cuando domines uno, con alguien que lo esté repasando. Ambos recibís un mensaje directo.
pairing-on-already = Ya estás en las parejas.
pairing-off = Ya no estás en las parejas. `/pairing on` te vuelve a incluir.
pairing-off-already = No estabas en las parejas.
pairing-report = **Parejas:** { $made } formadas, { $talked } hablaron, { $skipped } saltadas
pairing-report-recall = recuerdo previsto de quienes aprendían sobre su tema: { $before } al emparejar → { $now } ahora ({ $n } parejas; también estudiaron, así que no es el efecto de las charlas)
topic-unknown = No hay ningún tema `{ $topic }`. Elige uno de la lista al escribir.
track-added = Los miembros con { $role } practican ahora más **{ $topic }**.
track-already = **{ $topic }** ya está en el itinerario de { $role }.
track-removed = **{ $topic }** ya no está en el itinerario de { $role }.
track-not-on = **{ $topic }** no está en el itinerario de { $role }.
tracks-none = Aún no hay itinerarios por rol. Un admin puede añadir uno con `/track set role:@Support topic:support`.
tracks-title = Itinerarios por rol
