# Textos comunes a todo el bot: fallos, botones caducados, servidores y formularios.

error-bot-side = Lo siento, no ha funcionado por un problema del bot. Queda registrado para los admins; inténtalo de nuevo en un momento.
error-guild-only = `/{ $command }` funciona dentro de un servidor, no en mensajes directos. Úsalo en el servidor de tu equipo.
error-unreadable-options = No pude leer las opciones de `/{ $command }`. Elígelas en los menús de Discord (no se puede elegir a un miembro que dejó el servidor) e inténtalo otra vez.
error-admin-only = Solo los miembros con el permiso **Gestionar servidor** pueden usar `/{ $command }`. Pide a un admin si hay que cambiar algo.
error-download = No se pudo descargar el archivo de Discord. Adjúntalo de nuevo.
error-full-list-attached = (La lista completa va adjunta.)
button-other-server = Este botón pertenece a otro servidor.
form-other-server = Este formulario pertenece a otro servidor.
form-stale = Este formulario ya no es válido.
button-stale = Este botón ya no es válido. Usa `/quiz` para una pregunta nueva.
answer-unreadable = No se pudo leer esa respuesta. Usa `/quiz` para una pregunta nueva.
questions-need-server = Las preguntas funcionan dentro de un servidor.
quizzes-need-server = Los quiz funcionan dentro de un servidor, no en mensajes directos.
about-text = **peerlearn** v{ $version }
    En marcha desde hace { $uptime }
    Base de datos: { $size }
help-title = Comandos de peerlearn
help-message-command = **{ $name }** (menú del mensaje → Aplicaciones) — { $description }
update-form-title = Actualizar: { $question }
update-form-input = La respuesta tal como debe leerse ahora
date = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-month = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
date-month-year = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
this-server = este servidor
former-member = un antiguo miembro
