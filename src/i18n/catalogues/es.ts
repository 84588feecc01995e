import { listenersEs } from './listeners.js';
import { myDataEs } from './my-data.js';
import { insightsEs } from './insights.js';
import { reportsEs } from './reports.js';
import { invitationsEs } from './invitations.js';
import { initiativesEs } from './initiatives.js';
import { setupEs } from './setup.js';
import { circlesEs } from './circles.js';
import { circlesRelayEs } from './circles-relay.js';
import { circlesSessionsEs } from './circles-sessions.js';
import type { MessageKey } from './en.js';

// Spanish, informal ("tú"), worded to read the same in Spain and Latin America (no "vosotros").
// Spanish plurals need "many" as well as "one" and "other" (CLDR). Same keys and arguments as en.ts.

export const es: Record<MessageKey, string> = {
  ...listenersEs,
  ...myDataEs,
  ...insightsEs,
  ...reportsEs,
  ...invitationsEs,
  ...initiativesEs,
  ...setupEs,
  ...circlesEs,
  ...circlesRelayEs,
  ...circlesSessionsEs,
  'checkIns.seekerQuestion': '¿Qué tal te va con *{listener}*? Elijas lo que elijas, está bien, y solo tú ves esto.',
  'checkIns.listenerQuestion':
    '¿Cómo estás? Escuchar puede resultar agotador. Respondas lo que respondas, gracias por estar ahí para alguien del equipo.',
  'checkIns.listenerLoad':
    '{conversations, plural, one {Ahora mismo acompañas a # persona.} many {Ahora mismo acompañas a # personas.} other {Ahora mismo acompañas a # personas.}}',
  'checkIns.waitingUpdate':
    'Sigo buscando a alguien que te escuche y no me he olvidado de ti. Si sientes que es urgente, por favor no esperes: estos recursos están aquí para ti ahora.',
  'checkIns.resourcesLead': '*Recursos de apoyo y de crisis*',
  'checkIns.answer.helpful': 'Me ayuda',
  'checkIns.answer.notYet': 'Todavía no',
  'checkIns.answer.someoneElse': 'Prefiero a otra persona',
  'checkIns.answer.end': 'Terminar',
  'checkIns.answer.fine': 'Estoy bien',
  'checkIns.answer.break': 'Necesito un descanso',
  'checkIns.answer.coordinator': 'Hablar con coordinación',
  'checkIns.answer.keepGoing': 'Seguir',
  'checkIns.answer.wrapUp': 'Cerremos aquí',
  'checkIns.thanks.helpful': 'Gracias por contármelo. Me alegra que te ayude.',
  'checkIns.thanks.notYet': 'Gracias por decírmelo. Puede llevar tiempo; puedes terminar o pedir a otra persona cuando quieras.',
  'checkIns.thanks.someoneElse': 'Por supuesto. He terminado esta conversación y estoy buscando a otra persona para ti.',
  'checkIns.thanks.end': 'He terminado la conversación. Gracias por dar el paso; puedes volver a pedir apoyo cuando quieras con `/peer request`.',
  'checkIns.thanks.fine': 'Gracias. Me alegra oírlo.',
  'checkIns.thanks.break':
    'Tómate el tiempo que necesites. Estás en pausa: no recibirás nuevas solicitudes hasta que uses `/peer resume`, o elige un día abajo y te daré la bienvenida ese día. Tus conversaciones actuales siguen, a menos que las termines.',
  'checkIns.thanks.coordinator': 'He avisado a coordinación de que te gustaría hablar. Alguien del equipo se pondrá en contacto contigo.',
  'checkIns.thanks.keepGoing': 'Gracias por contármelo. No cambia nada: todo sigue como hasta ahora, y cualquiera de las dos personas puede terminar cuando quiera.',
  'checkIns.thanks.wrapUp': 'Gracias por estas semanas de conversación.',
  'checkIns.chooseReturnDate': 'Elegir cuándo vuelvo',
  'checkIns.alreadyWrappedUp': 'Esta conversación ya había terminado, así que no había nada que cerrar. Gracias por participar.',
  'checkIns.reviewQuestion':
    'Llevas {weeks, plural, one {# semana} many {# semanas} other {# semanas}} hablando con *{other}*. ¿Quieres seguir? No hace falta responder: si no lo haces, no cambia nada.',
  'checkIns.confirmWrapUp.title': '¿Cerrar esta conversación?',
  'checkIns.confirmWrapUp.text':
    'Esto termina la conversación para las dos personas, y a la otra se le comunica con cuidado que ha llegado a un final previsto. No se puede deshacer.',
  'checkIns.confirmWrapUp.confirm': 'Cerremos aquí',
  'checkIns.confirmWrapUp.deny': 'Todavía no',
  'checkIns.alreadyAnswered': 'Gracias, tu respuesta ya estaba anotada.',
  'help.intro':
    'Peer Support te pone en contacto, de forma anónima, con alguien del equipo que ha vivido algo parecido. Es apoyo entre compañeros, no un servicio de crisis ni clínico.',
  'help.unknownCommand': 'No he reconocido `{typed}`. Esto es lo que puedo hacer:',
  'help.command.request': 'pedir de forma anónima hablar con alguien que escucha',
  'help.command.listen': 'ofrecerte a escuchar a otras personas del equipo (participar como oyente)',
  'help.command.pause': 'pausar nuevas conversaciones mientras te tomas un descanso',
  'help.command.resume': 'volver a aceptar conversaciones después de una pausa',
  'help.command.stop': 'dejar de escuchar y borrar tu perfil de oyente',
  'help.command.myData': 'ver todo lo que Peer Support guarda sobre ti',
  'help.command.deleteMyData': 'borrar todo lo que Peer Support guarda sobre ti',
  'help.command.setup': 'crear o editar una iniciativa de apoyo entre compañeros (coordinación)',
  'help.command.insights': 'ver cifras anónimas de participación (coordinación y RR. HH.)',
  'help.command.help': 'mostrar esta lista',
  'safety.notificationText': 'Peer Support: recursos de apoyo y cómo pedir a alguien que te escuche',
  'safety.resourcesLead': '*Si necesitas apoyo ahora mismo*',
  'safety.calmLine':
    'Ahora mismo no estás en ninguna conversación, así que este mensaje no se ha pasado a nadie y no se ha guardado. Si quieres hablar, puedes pedir a alguien que te escuche de forma anónima: una persona del equipo que ha vivido algo parecido.',
  'safety.urgentLine':
    'Parece que las cosas están siendo muy difíciles ahora mismo. No tienes que esperar a que alguien te escuche: por favor, contacta ahora con alguno de estos recursos. Si estás en peligro, llama al número de emergencias. Tu mensaje no se ha pasado a nadie y no se ha guardado; también puedes pedir a alguien que te escuche.',
  'safety.askForAListener': 'Pedir a alguien que me escuche',
  'safety.requestStatus':
    'Tu solicitud sobre *{topic}*: {status, select, waiting {estamos buscando a alguien que te escuche} offered {hemos preguntado a alguien y esperamos su respuesta} other {estás hablando con alguien: responde en el hilo de esa conversación para llegar a esa persona}}.',
  'safety.anyTopic': 'un tema',
  'common.crisisLineFallback':
    'Si necesitas apoyo ahora mismo, usa los recursos de apoyo de tu organización, llama al número de emergencias o a una línea de crisis.',
  'requests.title': 'Pedir que te escuchen',
  'requests.helpNowTitle': 'Ayuda ahora',
  'requests.sentTitle': 'Solicitud enviada',
  'requests.loading': 'Un momento… Si estás en peligro ahora mismo, llama al número de emergencias.',
  'requests.resourcesFirst':
    '*Antes de nada:* si estás en peligro o podrías hacerte daño, por favor usa estos recursos ahora. No tienes que esperar a que alguien te escuche.',
  'requests.helpNowButton': 'Necesito ayuda ahora mismo',
  'requests.helpNowLead':
    '*Importas, y hay ayuda disponible ahora mismo.* Por favor, contacta con alguno de estos recursos. Si estás en peligro inmediato, llama al número de emergencias.',
  'requests.notACrisisService': 'El apoyo entre compañeros no es un servicio de crisis. Puedes volver y pedir que te escuchen cuando quieras.',
  'requests.openResource': 'Abrir este recurso',
  'requests.openNamedResource': 'Abrir: {name}',
  'requests.whatHappens':
    'Le pediremos que te escuche a alguien del equipo que ha vivido algo parecido. No sabrá quién eres a menos que decidas contárselo. Puedes terminar la conversación o pedir a otra persona en cualquier momento.',
  'requests.topicLabel': '¿De qué te gustaría hablar?',
  'requests.topicPlaceholder': 'Elige un tema',
  'requests.noteLabel': 'Una nota para quien te escuche',
  'requests.noteHint': 'Opcional, como máximo {max, number} caracteres. La persona la verá con la solicitud. Por favor, no incluyas nombres.',
  'requests.languageLabel': 'Idioma preferido',
  'requests.anyLanguage': 'Cualquier idioma',
  'requests.timezoneLabel': 'Zona horaria',
  'requests.sameTimezone': 'Prefiero a alguien en una zona horaria parecida',
  'requests.consentFooter': 'Al enviar esta solicitud das tu consentimiento a lo anterior para esta solicitud.',
  'requests.submit': 'Buscar a alguien',
  'requests.sent':
    '*Gracias. Tu solicitud está enviada.* Ya estoy buscando a alguien que te escuche, y te escribiré en tus mensajes con la app: cuando alguien acepte, y con novedades mientras esperas. Allí puedes cancelarla en cualquier momento.',
  'requests.whileYouWait': 'Mientras esperas, estos recursos están aquí para ti:',
  'requests.noInitiative':
    'Todavía no hay ninguna iniciativa de apoyo entre compañeros en este espacio de trabajo, así que no hay nadie a quien pedir que escuche. Una persona administradora puede crear una con `/peer setup`.',
  'requests.error.topic': 'Por favor, elige de qué te gustaría hablar.',
  'requests.error.topicGone': 'Ese tema ya no se ofrece; por favor, elige otra vez.',
  'requests.error.noteTooLong': 'Por favor, que tu nota no pase de {max, number} caracteres.',
  'requests.error.language': 'Por favor, elige un idioma de la lista.',
  'common.cancel': 'Cancelar',
  'common.loading': 'Un momento…',
  'common.pseudonym': '{name}',
  'common.close': 'Cerrar',
  'waiting.received':
    'Gracias por dar el paso. Estoy buscando a alguien que conozca *{topic}* por experiencia propia, y te escribiré aquí en cuanto alguien acepte. Nadie sabrá quién eres a menos que decidas contarlo.',
  'waiting.noListenerYet':
    'Gracias por dar el paso. Para serte sincero: ahora mismo no hay nadie libre para *{topic}*. Tu solicitud está en espera, y te pondré en contacto en cuanto alguien esté disponible. Mientras tanto, estos recursos están aquí para ti:',
  'waiting.offHours':
    'Las personas que escuchan sobre *{topic}* están ahora fuera de su horario. Tu solicitud está a salvo y llegará a la primera cuyo día empiece; te escribiré aquí. Si necesitas a alguien antes, estos recursos están aquí para ti en cualquier momento:',
  'waiting.stillLooking':
    'Todavía no he encontrado a nadie libre. Tu solicitud está en espera, y te pondré en contacto en cuanto alguien esté disponible. Mientras tanto, estos recursos están aquí para ti:',
  'waiting.offerNotTaken':
    'La persona a la que pregunté no puede hablar ahora. Eso pasa, y no dice nada de ti. Sigo buscando, y tu solicitud sigue abierta.',
  'waiting.paired': 'Buenas noticias: alguien ha aceptado. Su presentación está aquí abajo, y puedes escribirle cuando quieras.',
  'waiting.cancelled': 'Tu solicitud está cancelada. Puedes volver a pedirlo cuando quieras.',
  'waiting.estimate':
    '{hours, plural, one {Aquí se suele encontrar a alguien en # hora.} many {Aquí se suele encontrar a alguien en # horas.} other {Aquí se suele encontrar a alguien en # horas.}}',
  'offers.notification': 'Alguien quiere hablar (Peer Support)',
  'offers.header': 'Alguien quiere hablar',
  'offers.text': '*{pseudonym}* quiere hablar con alguien que conozca *{topic}* por experiencia propia. ¿Quieres escuchar?',
  'offers.anyTopic': 'un tema sobre el que escuchas',
  'offers.theirNote': 'Su nota:',
  'offers.expiry':
    '{hours, plural, one {Si no respondes en # hora, se lo pediré a otra persona. Decir que no siempre está bien.} many {Si no respondes en # horas, se lo pediré a otra persona. Decir que no siempre está bien.} other {Si no respondes en # horas, se lo pediré a otra persona. Decir que no siempre está bien.}}',
  'offers.accept': 'Aceptar',
  'offers.decline': 'Rechazar',
  'offers.pauseUntil': 'Pausar hasta…',
  'pairings.introForSeeker':
    'Ahora hablas con *{listener}*, alguien del equipo que conoce esto por su propia vida. Solo tienes que escribir aquí: pasaré tus mensajes con tu seudónimo, y los suyos a ti. No sabe quién eres a menos que decidas contárselo.',
  'pairings.listenerSays': '*{listener}* dice:',
  'pairings.whatToExpect':
    'Qué esperar: quien te escucha es alguien del equipo, no un terapeuta. Escucha y comparte lo que le ayudó. Tú decides de qué hablar, puedes terminar en cualquier momento y pedir a otra persona sin dar explicaciones. Los mensajes se transmiten, nunca se guardan. Los archivos no se transmiten, para que las dos personas sigan en el anonimato. La app también busca en tus mensajes palabras que sugieran que podrías estar en crisis: si las ve, recibes aquí los recursos de apoyo, y a quien te escucha se le avisa en privado y recibe los recursos para compartirlos contigo (como mucho una vez al día). Tus palabras no se guardan, y nadie más sabe quién eres.',
  'pairings.introForListener':
    'Ahora escuchas a *{seeker}* sobre *{topic}*. Escribe aquí y pasaré tus mensajes con tu seudónimo. No sabe quién eres a menos que decidas contárselo.',
  'pairings.introForListenerNoTopic':
    'Ahora escuchas a *{seeker}*. Escribe aquí y pasaré tus mensajes con tu seudónimo. No sabe quién eres a menos que decidas contárselo.',
  'pairings.introForListenerNotification': 'Ahora escuchas a {seeker} (Peer Support).',
  'pairings.guidelinesLead': '*Un recordatorio de las pautas*',
  'pairings.youAppearAs': 'Apareces como *{name}*.',
  'pairings.button.end': 'Terminar la conversación',
  'pairings.button.someoneElse': 'Pedir a otra persona',
  'pairings.button.reveal': 'Mostrar mi nombre',
  'pairings.button.report': 'Comunicar una preocupación',
  'pairings.confirmEnd.title': '¿Terminar esta conversación?',
  'pairings.confirmEnd.text': 'A la otra persona se le dirá que la conversación ha terminado, y no se pasarán más mensajes. No se puede deshacer.',
  'pairings.confirmEnd.confirm': 'Terminar la conversación',
  'pairings.confirmEnd.deny': 'Seguir hablando',
  'pairings.confirmSomeoneElse.title': '¿Pedir a otra persona?',
  'pairings.confirmSomeoneElse.text':
    'Esto termina esta conversación definitivamente; a quien te escucha se le dice que pediste a otra persona, sin ningún motivo. Después buscaré a otra persona para ti.',
  'pairings.confirmSomeoneElse.confirm': 'Terminar y pedir otra',
  'pairings.confirmSomeoneElse.deny': 'Quedarme en esta',
  'pairings.confirmReveal.title': '¿Mostrar tu nombre?',
  'pairings.confirmReveal.text':
    'Si la otra persona decide compartir el suyo también, verá tu nombre y tu perfil de Slack (tu foto, tu cargo y todo lo demás), y tú verás los suyos. Una vez mostrado, no se puede deshacer.',
  'pairings.confirmReveal.confirm': 'Mostrar mi nombre',
  'pairings.confirmReveal.deny': 'Seguir en el anonimato',
  'requests.cancelMyRequest': 'Cancelar mi solicitud',
  // Pestaña Inicio (issue 19: el idioma, elegido o de Slack)
  'home.language.fromSlack': '*Idioma*: {language}, el idioma de tu Slack. Puedes elegir otro abajo.',
  'home.language.chosen': '*Idioma*: {language}, el que elegiste.',
  'home.language.useSlack': 'Usar el idioma de mi Slack',
  // Pestaña Inicio (issue 15), en el idioma de cada persona (issue 19)
  'home.header': 'Peer Support',
  'home.intro':
    'Habla de forma anónima con alguien del equipo que ha vivido algo parecido. El apoyo entre compañeros complementa la atención profesional y no es un servicio de crisis: si estás en crisis, llama ahora al número de emergencias o a una línea de crisis.',
  'home.noInitiative': 'Todavía no hay ninguna iniciativa de apoyo entre compañeros en este espacio de trabajo. ¿Te gustaría crear una?',
  'home.setUpInitiative': 'Crear una iniciativa',
  'home.talk': '*Hablar con alguien*\nPide de forma anónima hablar con alguien del equipo que ha vivido algo parecido. Primero verás los recursos de apoyo.',
  'home.request': 'Tu solicitud sobre *{topic}*: {status, select, paired {estás hablando con alguien que te escucha} other {esperando a alguien que te escuche}}.',
  'home.cancelRequest': 'Cancelar esta solicitud',
  'home.listeningHeading': '*Escuchar*',
  'home.volunteer': '¿Has vivido algo que podría ayudar a alguien del equipo? Ofrécete como oyente.',
  'home.becomeListener': 'Ofrecerme como oyente',
  'home.listening.pending': 'Participas como oyente en *{initiative}*: a la espera de que coordinación te apruebe.',
  'home.listening.pausedNoAnswer':
    'Participas como oyente en *{initiative}*: en pausa porque tres solicitudes quedaron sin respuesta (no pasa nada: puedes volver cuando quieras).',
  'home.listening.pausedUntil': 'Participas como oyente en *{initiative}*: en pausa hasta el {date} (puedes volver antes).',
  'home.listening.paused': 'Participas como oyente en *{initiative}*: en pausa (puedes volver cuando quieras).',
  'home.listening.full':
    'Participas como oyente en *{initiative}*: todas tus plazas están ocupadas, así que no recibirás nuevas solicitudes hasta que termine una conversación.',
  'home.listening.taking': 'Participas como oyente en *{initiative}*: aceptas nuevas conversaciones.',
  'home.upToOnceApproved': 'Hasta {capacity} a la vez, cuando te aprueben.',
  'home.slotsUsed': '{used} de {capacity, plural, one {# conversación} many {# conversaciones} other {# conversaciones}}',
  'home.noConversations': 'Ahora mismo no tienes conversaciones.',
  'home.duration.lessThanAnHour': 'menos de una hora',
  'home.duration.hours': '{hours, plural, one {# hora} many {# horas} other {# horas}}',
  'home.duration.days': '{days, plural, one {# día} many {# días} other {# días}}',
  'home.yourTopics': '*Tus temas:* {topics}',
  'home.yourTopics.none': '*Tus temas:* todavía no has elegido ninguno.',
  'home.hours.everyDay': 'todos los días',
  'home.hours.noDays': 'ningún día',
  'home.hours.dayRange': 'de {first} a {last}',
  'home.hours.anyTime': 'a cualquier hora',
  'home.hours.timeRange': 'de {start} a {end}',
  'home.offersArrive': '*Las solicitudes llegan:* {hours} ({timezone})',
  'home.offersArrive.noTimezone': '*Las solicitudes llegan:* {hours} (UTC hasta que Slack me diga tu zona horaria)',
  'home.quietHours': 'horas de silencio de {start} a {end}',
  'home.yourCoordinators': '*Tu equipo de coordinación:* {mentions}',
  'home.noCoordinator': '*Tu equipo de coordinación:* nadie por ahora.',
  'home.andMore.topics': '{n, plural, one {…y # tema más} many {…y # temas más} other {…y # temas más}}',
  'home.andMore.coordinators':
    '{n, plural, one {…y # persona más de coordinación} many {…y # personas más de coordinación} other {…y # personas más de coordinación}}',
  'home.andMore.listeners': '{n, plural, one {…y # oyente más} many {…y # oyentes más} other {…y # oyentes más}}',
  'home.editProfile': 'Editar mi perfil de oyente',
  'home.pause': 'Pausar…',
  'home.resume': 'Volver a escuchar',
  'home.stop': 'Dejar de escuchar',
  'home.confirmStop.title': '¿Dejar de escuchar?',
  'home.confirmStop.text':
    'Se borra tu perfil de oyente en esta iniciativa y terminan las conversaciones que tengas abiertas; a las personas que acompañas se les dice que te has retirado y se les ofrece otra persona. Puedes volver a participar más adelante.',
  'home.confirmStop.confirm': 'Dejar de escuchar',
  'home.confirmStop.deny': 'Seguir escuchando',
  'home.insights': '*Estadísticas*\nParticipación anónima: solo cifras, nunca una persona.',
  'home.insightsButton': 'Estadísticas: {name}',
  'home.yourData': '*Tus datos*',
  'home.seeMyData': 'Ver mis datos',
  'home.deleteMyData': 'Borrar mis datos',
  'home.confirmDelete.title': '¿Borrar mis datos?',
  'home.confirmDelete.text':
    'Esto borra todo lo que Peer Support guarda sobre ti en este espacio de trabajo. No se puede deshacer. En el siguiente paso verás qué se borra y te lo preguntaré una vez más.',
  'home.confirmDelete.confirm': 'Continuar',
  'home.confirmDelete.deny': 'Cancelar',
  'home.youCoordinate': '*{initiative}*: coordinas esta iniciativa',
  'home.listenerCounts': 'Oyentes: {active} en activo, {paused} en pausa, {pending} a la espera de aprobación.',
  'home.volunteered': '{user} se ha ofrecido como oyente y espera aprobación.',
  'home.approve': 'Aprobar',
  'home.decline': 'Rechazar',
  'home.confirmDecline.title': '¿Rechazar a esta persona voluntaria?',
  'home.confirmDecline.text':
    'Se le comunica con cuidado que por ahora no se incorporará como oyente, y se borra su perfil de oyente. No se puede deshacer.',
  'home.confirmDecline.confirm': 'Rechazar',
  'home.confirmDecline.deny': 'Ahora no',
  'home.morePending':
    '{count, plural, one {# persona más espera aprobación: en el mensaje que te envié sobre ella también puedes aprobarla o rechazarla.} many {# personas más esperan aprobación: en el mensaje que te envié sobre cada una también puedes aprobarla o rechazarla.} other {# personas más esperan aprobación: en el mensaje que te envié sobre cada una también puedes aprobarla o rechazarla.}}',
  'home.editSettings': 'Editar la configuración',
  'home.listenerStatus.pending': 'espera aprobación',
  'home.listenerStatus.pausedNoAnswer': 'en pausa (sin respuesta)',
  'home.listenerStatus.pausedUntil': 'en pausa hasta el {date}',
  'home.listenerStatus.paused': 'en pausa',
  'home.listenerStatus.full': 'todas las plazas ocupadas',
  'home.listenerStatus.taking': 'acepta nuevas conversaciones',
  'home.listenerLoad': '{used} de {capacity}',
  'home.waitingTopic': '{topic} {count} (la espera más larga: {duration})',
  'home.noTopic': 'Sin tema',
  'home.waitingHeading': '*Esperando a alguien que escuche ({total}):*',
  'home.nobodyWaiting': '*Esperando a alguien que escuche:* nadie por ahora.',
  // Vistas previas de las notificaciones (issue 14), en la pestaña Inicio
  'preferences.previews.off':
    '*Notificaciones*\nLos mensajes de una conversación aparecen en tu teléfono o en la pantalla de bloqueo como "Nuevo mensaje en Peer Support", para que nadie que mire tu pantalla vea quién escribió ni qué. Activa las vistas previas para ver ahí también el seudónimo y el texto.',
  'preferences.previews.on':
    '*Notificaciones*\nLas vistas previas están activadas: tu teléfono o la pantalla de bloqueo muestran el seudónimo y el texto de cada mensaje de una conversación, a la vista de cualquiera que pueda ver tu pantalla. Desactívalas para que solo aparezca "Nuevo mensaje en Peer Support".',
  'preferences.previews.turnOn': 'Mostrar vistas previas de mensajes',
  'preferences.previews.turnOff': 'Ocultar vistas previas de mensajes',
  // El final de una conversación (issues 4, 14, 15): al enviarse, en el idioma de cada lado
  'pairings.end.byYou': 'Has terminado esta conversación. Gracias por participar; pedir ayuda o escuchar requiere valor.',
  'pairings.end.byOther': 'La otra persona ha terminado esta conversación. Es su decisión, y no es algo que tengas que cargar.',
  'pairings.end.forSeekerByListener':
    'Tu oyente ha terminado esta conversación. No tiene que ver contigo, y puedes volver a pedir un oyente cuando quieras con `/peer request`.',
  'pairings.end.someoneElseSeeker': 'Claro. He terminado esta conversación y estoy buscando a otra persona para ti. Te escribiré cuando alguien acepte.',
  'pairings.end.someoneElseListener': 'La persona a la que escuchabas ha pedido hablar con otra persona. Esto pasa, y no es un juicio sobre ti.',
  'pairings.end.listenerStoppedSeeker':
    'Tu oyente ha tenido que dejar de escuchar. No tiene que ver contigo. Estoy buscando a otra persona para ti y te escribiré cuando alguien acepte; puedes cancelar cuando quieras.',
  'pairings.end.plannedByYou': 'Elegiste cerrar, así que he terminado esta conversación y se lo he dicho a la otra persona con cuidado.',
  'pairings.end.plannedForSeeker':
    'Tu oyente sintió que era un buen momento para cerrar, así que la conversación ha llegado a su final previsto. No tiene que ver contigo, y puedes volver a pedir un oyente cuando quieras con `/peer request`.',
  'pairings.end.plannedForListener':
    'La persona a la que escuchabas sintió que era un buen momento para cerrar, así que la conversación ha llegado a su final previsto. Es un buen punto al que llegar, y no es algo que tengas que cargar.',
  'pairings.end.listenerStoppedListener': 'Esta conversación ha terminado, ya que has dejado de escuchar. Estoy buscando a otra persona para ella.',
  'pairings.end.listenerThanks': 'Gracias por estar ahí para *{seeker}*. Tu escucha importó.',
  'pairings.ending.resourcesLead': '*Si necesitas apoyo ahora o más adelante*',
  'pairings.ending.askAgain': 'Volver a pedir un oyente',
  'pairings.ending.question':
    '*¿Te ayudó?* Un toque, solo si quieres. Tu respuesta solo se cuenta, de forma anónima: nadie ve quién la dio, tampoco tu oyente.',
  'pairings.ending.helped': 'Sí',
  'pairings.ending.notHelped': 'No mucho',
  'pairings.ending.thanks': 'Gracias por contárnoslo. Se ha contado de forma anónima y ayuda a quienes llevan esta iniciativa.',
  'pairings.ending.alreadyAnswered': 'Ya has respondido, gracias. Solo cuenta la primera respuesta.',
  'pairings.ending.gone':
    'Gracias. El registro de esta conversación ya se ha borrado, como ocurre pasado un tiempo, así que no queda nada con lo que contarla. Siempre puedes volver a pedir un oyente.',
  'pairings.ending.notYours': 'Esta pregunta es para la persona que pidió apoyo en esta conversación, así que no se ha contado nada.',
  // Cuando algo falla (answer-failures.ts): en el idioma de la persona si se conoce al momento
  'common.somethingWentWrong':
    'Lo sentimos, algo ha fallado por nuestra parte y no se ha cambiado nada. Inténtalo de nuevo en un momento. Si necesitas apoyo ahora mismo, acude a los recursos de apoyo de tu organización o a una línea de crisis.',
  'common.failedTitle': 'Algo ha fallado',
  'common.formNotSaved': 'Lo sentimos, algo ha fallado por nuestra parte y lo que enviaste *no se ha guardado*. Inténtalo de nuevo en unos minutos.',
  'common.resourcesStillHere': 'Si necesitas apoyo ahora mismo, no tienes que esperarnos:',
  'common.messageNotPassedOn': 'Lo sentimos, algo ha fallado por nuestra parte y tu mensaje *no se ha transmitido*. Vuelve a enviarlo en unos minutos.',
  // En una conversación (el reenvío, issue 4; avisos de crisis, issue 14): en el idioma de quien lo recibe
  'pairings.relayedNotification': 'Nuevo mensaje en Peer Support',
  'pairings.whichPairing':
    'Estás en más de una conversación. Responde en el hilo de la conversación a la que te refieres, para que se lo pase a la persona correcta. Este mensaje no se ha transmitido.',
  'pairings.filesNotRelayed':
    'Los archivos y las imágenes no se transmiten, para que ambas personas sigan en el anonimato (los nombres y detalles de los archivos pueden identificar a alguien). Tu texto, si lo había, sí se ha transmitido.',
  'pairings.crisis.seekerLead': 'Si estás pensando en hacerte daño o estás en peligro, busca ayuda ahora. No tienes que pasar por esto a solas:',
  'pairings.crisis.listenerNote':
    'Algo en esta conversación sugiere que la persona podría estar en riesgo. Sigue tus pautas: anímala con delicadeza a contactar ahora con los recursos de crisis y habla con una persona de coordinación. Nadie espera que afrontes una crisis a solas.',
  'pairings.crisis.resourcesLead': '*Recursos de apoyo y de crisis de tu iniciativa*',
  'pairings.crisis.coordinators': 'Tu equipo de coordinación: {mentions}. Puedes pedirles apoyo ahora con el botón de abajo.',
  'pairings.crisis.noCoordinator': 'Tu iniciativa no tiene coordinación en este momento: usa los recursos de arriba y tus pautas.',
  'pairings.crisis.shareButton': 'Compartir los recursos',
  'pairings.crisis.askButton': 'Pedir ayuda a coordinación ahora',
  'pairings.crisis.confirmShare.title': '¿Compartir los recursos?',
  'pairings.crisis.confirmShare.text': 'Los recursos de apoyo y de crisis de la iniciativa se le enviarán con tu seudónimo, en la conversación.',
  'pairings.crisis.confirmShare.confirm': 'Compartir',
  'pairings.crisis.confirmShare.deny': 'Ahora no',
  'pairings.crisis.confirmAsk.title': '¿Pedir ayuda a coordinación?',
  'pairings.crisis.confirmAsk.text':
    'El equipo de coordinación sabrá que pides apoyo con una conversación. No sabrá a quién escuchas ni lo que se ha dicho.',
  'pairings.crisis.confirmAsk.confirm': 'Pedir ahora',
  'pairings.crisis.confirmAsk.deny': 'Ahora no',
  'pairings.crisis.sharedWithYou': '*{listener}* ha compartido estos recursos contigo:',
  'pairings.crisis.shared': 'He compartido los recursos con *{seeker}*, con tu seudónimo.',
  'pairings.crisis.coordinatorAsked':
    'He pedido al equipo de coordinación que te apoye. Solo saben que has preguntado por una conversación, no a quién escuchas ni lo que se ha dicho.',
  'pairings.crisis.notYours': 'Solo la persona que escucha en esta conversación puede usar este botón.',
  // Ofertas: las respuestas de quien escucha, y una oferta cerrada antes de responderla (issue 4)
  'offers.accepted': 'Gracias por aceptar. Abajo tienes la presentación.',
  'offers.declined': 'Gracias por decírmelo. Se lo pediré a otra persona; no hace falta que expliques nada.',
  'offers.expired': 'Esta oferta no se respondió a tiempo, así que la he cerrado y seguiré buscando a alguien para esa persona. No pasa nada.',
  'offers.gone': 'Esta oferta ya no está abierta: puede que la persona la haya cancelado o que haya pasado a otra persona que escucha.',
  'offers.withdrawn': 'Esta oferta se ha retirado: la persona ya no necesita a alguien que la escuche. Gracias por estar ahí.',
  'offers.notYours': 'Esta oferta era para otra persona.',
  'pairings.alreadyEnded': 'Esta conversación ya ha terminado.',
  // Nombres, compartidos solo si ambas personas quieren (issue 4), y una inquietud comunicada (issue 15): en el idioma de cada lado
  'pairings.reveal.waiting': 'Gracias. Tu nombre solo se mostrará si la otra persona también decide compartir el suyo; le he dicho que te parece bien.',
  'pairings.reveal.offered':
    'La otra persona está dispuesta a compartir su nombre contigo. Si quieres compartir el tuyo también, pulsa *Mostrar mi nombre*. Si no, no cambia nada.',
  'pairings.reveal.done': 'Las dos personas han decidido compartir su nombre: estás hablando con {user}.',
  'pairings.report.sent':
    'Gracias por contárnoslo. Hemos avisado al equipo de coordinación con tu seudónimo; nunca ven tu nombre ni tus mensajes. Si alguien responde, la respuesta llegará aquí.',
};
