import type { MessageKey } from './en.js';

// Spanish, informal ("tú"), worded to read the same in Spain and Latin America (no "vosotros").
// Spanish plurals need "many" as well as "one" and "other" (CLDR). Same keys and arguments as en.ts.

export const es: Record<MessageKey, string> = {
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
};
