// The my-data capability's words (issue 19), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. Same rules as there: ICU MessageFormat, German "du", Spanish "tú".

export const myDataEn = {
  'myData.title': '*Everything Peer Support stores about you*',
  'myData.nothingStored': 'Peer Support stores nothing about you at the moment.',
  'myData.listener':
    '• Listener in *{initiative}*: {status}{pause}, up to {capacity} at a time; topics: {topics}; languages: {languages}; new offers {hours}{quiet}{introduction}',
  'myData.listener.quietHours': '; quiet hours {start} to {end}',
  'myData.listener.introduction': '; introduction: "{text}"',
  'myData.status.pending': 'waiting for approval',
  'myData.status.active': 'active',
  'myData.status.paused': 'paused',
  'myData.pause.self': 'you chose to',
  'myData.pause.break': 'you asked for a break',
  'myData.pause.noAnswer': 'three offers in a row went unanswered',
  'myData.pause.until': 'until {date}',
  'myData.pause.unanswered': '; {count, plural, one {# offer} other {# offers}} in a row unanswered',
  'myData.none': 'none',
  'myData.request': '• A request in *{initiative}* about {topic} ({status}, {date}){note}{conversations}',
  'myData.request.topicGone': 'a topic that no longer exists',
  'myData.request.note': '; your note: "{note}"',
  'myData.request.conversations': '; {count, plural, one {# conversation} other {# conversations}} under the pseudonym {pseudonym}',
  'myData.requestStatus.waiting': 'waiting',
  'myData.requestStatus.offered': 'offered to a listener',
  'myData.requestStatus.paired': 'in a conversation',
  'myData.requestStatus.closed': 'closed',
  'myData.pairingsAsListener':
    '• {count, plural, one {# conversation} other {# conversations}} as a listener (only pseudonyms and dates are kept; messages are never stored)',
  'myData.concerns':
    "• {count, plural, one {# concern} other {# concerns}} you raised (the reason you chose, your pseudonym and when, so a coordinator's reply can reach you)",
  'myData.doNotPairAgain': '• {count, plural, one {# "do not pair again" record} other {# "do not pair again" records}} after a report',
  'myData.timezone': '• Your timezone from Slack, so check-ins arrive at a humane hour: {timezone}',
  'myData.locale': '• Your language setting from Slack, so the app writes to you in your language: {locale}',
  'myData.previews': '• Your notification previews: {on, select, on {on} other {off}}',
  'myData.language': '• The language you chose for the app: {language}',
  'myData.checkIns': '• {count, plural, one {# check-in} other {# check-ins}} (when they were due and the choice you made, if any)',
  'myData.insightsAccess':
    '• {count, plural, one {# record} other {# records}} of viewing or exporting insights (kept so coordinators can see who looked)',
  'myData.invitation.coordinator':
    '• An invitation to be a coordinator of *{initiative}* ({date}), not answered yet; it is deleted if you decline or after 14 days',
  'myData.invitation.hrViewer':
    '• An invitation to be an HR viewer of *{initiative}* ({date}), not answered yet; it is deleted if you decline or after 14 days',
  'myData.role.coordinator': '• Coordinator of *{initiative}* since {date}',
  'myData.role.hrViewer': '• HR viewer of *{initiative}* since {date}',
  'myData.consentRecords': '• {count, plural, one {# consent record} other {# consent records}} (each time you gave or withdrew consent)',
  'myData.footer': 'The attached file has all of it, including each consent record. `/peer delete-my-data` erases it.',
  'myData.onlyYou': 'Only you can see this conversation with the app.',
  'myData.fileTitle': 'Everything Peer Support stores about you',
  'myData.sent': 'I have sent you everything Peer Support stores about you, in your messages with the app.',
  'myData.confirm.title': 'Delete my data',
  'myData.confirm.text':
    'This erases everything Peer Support stores about you in this workspace: your listener profiles, your roles in initiatives, and your consent records. It cannot be undone. Only anonymous counts (for example "one listener left this week") remain, and they do not name you.',
  'myData.confirm.soleCoordinator':
    'You are the only coordinator of {names}. After this it will have no coordinator until someone sets one up; you may want to invite another coordinator first.',
  'myData.confirm.submit': 'Erase everything',
  'myData.confirm.close': 'Keep my data',
  'myData.erased': 'Done: everything Peer Support stored about you has been erased. Thank you for being part of it. You are welcome back any time.',
} as const;

export const myDataDe: Record<keyof typeof myDataEn, string> = {
  'myData.title': '*Alles, was Peer Support über dich speichert*',
  'myData.nothingStored': 'Peer Support speichert gerade nichts über dich.',
  'myData.listener':
    '• Zuhörende Person bei *{initiative}*: {status}{pause}, bis zu {capacity} gleichzeitig; Themen: {topics}; Sprachen: {languages}; neue Anfragen {hours}{quiet}{introduction}',
  'myData.listener.quietHours': '; Ruhezeiten {start} bis {end}',
  'myData.listener.introduction': '; Vorstellung: „{text}“',
  'myData.status.pending': 'wartet auf Freigabe',
  'myData.status.active': 'aktiv',
  'myData.status.paused': 'pausiert',
  'myData.pause.self': 'auf deinen Wunsch',
  'myData.pause.break': 'du hast um eine Pause gebeten',
  'myData.pause.noAnswer': 'drei Anfragen nacheinander blieben unbeantwortet',
  'myData.pause.until': 'bis {date}',
  'myData.pause.unanswered': '; {count, plural, one {# Anfrage} other {# Anfragen}} nacheinander unbeantwortet',
  'myData.none': 'keine',
  'myData.request': '• Eine Anfrage bei *{initiative}* zum Thema {topic} ({status}, {date}){note}{conversations}',
  'myData.request.topicGone': 'ein Thema, das es nicht mehr gibt',
  'myData.request.note': '; deine Notiz: „{note}“',
  'myData.request.conversations': '; {count, plural, one {# Gespräch} other {# Gespräche}} unter dem Pseudonym {pseudonym}',
  'myData.requestStatus.waiting': 'wartet',
  'myData.requestStatus.offered': 'einer zuhörenden Person angeboten',
  'myData.requestStatus.paired': 'im Gespräch',
  'myData.requestStatus.closed': 'abgeschlossen',
  'myData.pairingsAsListener':
    '• {count, plural, one {# Gespräch} other {# Gespräche}} als zuhörende Person (nur Pseudonyme und Daten werden aufbewahrt; Nachrichten werden nie gespeichert)',
  'myData.concerns':
    '• {count, plural, one {# Anliegen, das du gemeldet hast} other {# Anliegen, die du gemeldet hast}} (der gewählte Grund, dein Pseudonym und der Zeitpunkt, damit dich eine Antwort des Koordinationsteams erreicht)',
  'myData.doNotPairAgain':
    '• {count, plural, one {# Eintrag „nicht wieder zusammenbringen“} other {# Einträge „nicht wieder zusammenbringen“}} nach einer Meldung',
  'myData.timezone': '• Deine Zeitzone aus Slack, damit Nachfragen zu einer passenden Uhrzeit kommen: {timezone}',
  'myData.locale': '• Deine Spracheinstellung aus Slack, damit die App dir in deiner Sprache schreibt: {locale}',
  'myData.previews': '• Deine Nachrichtenvorschau: {on, select, on {an} other {aus}}',
  'myData.language': '• Die Sprache, die du für die App gewählt hast: {language}',
  'myData.checkIns': '• {count, plural, one {# Nachfrage} other {# Nachfragen}} (wann sie fällig war und was du gewählt hast, falls du geantwortet hast)',
  'myData.insightsAccess':
    '• {count, plural, one {# Eintrag} other {# Einträge}} über das Ansehen oder Exportieren von Auswertungen (aufbewahrt, damit das Koordinationsteam sieht, wer hineingeschaut hat)',
  'myData.invitation.coordinator':
    '• Eine Einladung ins Koordinationsteam von *{initiative}* ({date}), noch nicht beantwortet; sie wird gelöscht, wenn du ablehnst, oder nach 14 Tagen',
  'myData.invitation.hrViewer':
    '• Eine Einladung, die Auswertungen von *{initiative}* für HR einzusehen ({date}), noch nicht beantwortet; sie wird gelöscht, wenn du ablehnst, oder nach 14 Tagen',
  'myData.role.coordinator': '• Im Koordinationsteam von *{initiative}* seit {date}',
  'myData.role.hrViewer': '• HR-Einsicht in die Auswertungen von *{initiative}* seit {date}',
  'myData.consentRecords': '• {count, plural, one {# Einwilligungseintrag} other {# Einwilligungseinträge}} (jedes Mal, wenn du eingewilligt oder widerrufen hast)',
  'myData.footer': 'Die angehängte Datei enthält alles, auch jeden Einwilligungseintrag. `/peer delete-my-data` löscht es.',
  'myData.onlyYou': 'Nur du siehst diese Unterhaltung mit der App.',
  'myData.fileTitle': 'Alles, was Peer Support über dich speichert',
  'myData.sent': 'Ich habe dir alles, was Peer Support über dich speichert, in deine Nachrichten mit der App geschickt.',
  'myData.confirm.title': 'Meine Daten löschen',
  'myData.confirm.text':
    'Damit wird alles gelöscht, was Peer Support in diesem Workspace über dich speichert: deine Profile als zuhörende Person, deine Rollen in Initiativen und deine Einwilligungseinträge. Das lässt sich nicht rückgängig machen. Nur anonyme Zahlen (zum Beispiel „eine zuhörende Person hat diese Woche aufgehört“) bleiben, und sie nennen dich nicht.',
  'myData.confirm.soleCoordinator':
    'Du bist die einzige Person im Koordinationsteam von {names}. Danach hat die Initiative niemanden mehr in der Koordination, bis jemand diese Rolle übernimmt; vielleicht möchtest du vorher jemanden dazu einladen.',
  'myData.confirm.submit': 'Alles löschen',
  'myData.confirm.close': 'Meine Daten behalten',
  'myData.erased': 'Erledigt: Alles, was Peer Support über dich gespeichert hatte, ist gelöscht. Danke, dass du dabei warst. Du bist jederzeit wieder willkommen.',
};

export const myDataEs: Record<keyof typeof myDataEn, string> = {
  'myData.title': '*Todo lo que Peer Support guarda sobre ti*',
  'myData.nothingStored': 'Peer Support no guarda nada sobre ti en este momento.',
  'myData.listener':
    '• Oyente en *{initiative}*: {status}{pause}, hasta {capacity} a la vez; temas: {topics}; idiomas: {languages}; nuevas ofertas {hours}{quiet}{introduction}',
  'myData.listener.quietHours': '; horas de descanso de {start} a {end}',
  'myData.listener.introduction': '; presentación: "{text}"',
  'myData.status.pending': 'pendiente de aprobación',
  'myData.status.active': 'activo',
  'myData.status.paused': 'en pausa',
  'myData.pause.self': 'porque lo elegiste',
  'myData.pause.break': 'pediste un descanso',
  'myData.pause.noAnswer': 'tres ofertas seguidas quedaron sin respuesta',
  'myData.pause.until': 'hasta el {date}',
  'myData.pause.unanswered': '; {count, plural, one {# oferta seguida} many {# ofertas seguidas} other {# ofertas seguidas}} sin respuesta',
  'myData.none': 'ninguno',
  'myData.request': '• Una solicitud en *{initiative}* sobre {topic} ({status}, {date}){note}{conversations}',
  'myData.request.topicGone': 'un tema que ya no existe',
  'myData.request.note': '; tu nota: "{note}"',
  'myData.request.conversations':
    '; {count, plural, one {# conversación} many {# conversaciones} other {# conversaciones}} con el seudónimo {pseudonym}',
  'myData.requestStatus.waiting': 'en espera',
  'myData.requestStatus.offered': 'ofrecida a un oyente',
  'myData.requestStatus.paired': 'en una conversación',
  'myData.requestStatus.closed': 'cerrada',
  'myData.pairingsAsListener':
    '• {count, plural, one {# conversación} many {# conversaciones} other {# conversaciones}} como oyente (solo se guardan seudónimos y fechas; los mensajes nunca se guardan)',
  'myData.concerns':
    '• {count, plural, one {# inquietud comunicada} many {# inquietudes comunicadas} other {# inquietudes comunicadas}} por ti (el motivo que elegiste, tu seudónimo y cuándo, para que te llegue la respuesta de coordinación)',
  'myData.doNotPairAgain':
    '• {count, plural, one {# registro de «no volver a emparejar»} many {# registros de «no volver a emparejar»} other {# registros de «no volver a emparejar»}} tras una comunicación',
  'myData.timezone': '• Tu zona horaria de Slack, para que los seguimientos lleguen a una hora razonable: {timezone}',
  'myData.locale': '• Tu configuración de idioma de Slack, para que la app te escriba en tu idioma: {locale}',
  'myData.previews': '• Tus vistas previas de notificaciones: {on, select, on {activadas} other {desactivadas}}',
  'myData.language': '• El idioma que elegiste para la app: {language}',
  'myData.checkIns':
    '• {count, plural, one {# seguimiento} many {# seguimientos} other {# seguimientos}} (cuándo tocaba y lo que elegiste, si respondiste)',
  'myData.insightsAccess':
    '• {count, plural, one {# registro} many {# registros} other {# registros}} de consultas o exportaciones de datos agregados (se guardan para que coordinación sepa quién los consultó)',
  'myData.invitation.coordinator':
    '• Una invitación para coordinar *{initiative}* ({date}), aún sin responder; se borra si la rechazas o a los 14 días',
  'myData.invitation.hrViewer':
    '• Una invitación para consultar los datos agregados de *{initiative}* como RR. HH. ({date}), aún sin responder; se borra si la rechazas o a los 14 días',
  'myData.role.coordinator': '• Coordinas *{initiative}* desde el {date}',
  'myData.role.hrViewer': '• Consultas los datos agregados de *{initiative}* como RR. HH. desde el {date}',
  'myData.consentRecords':
    '• {count, plural, one {# registro de consentimiento} many {# registros de consentimiento} other {# registros de consentimiento}} (cada vez que diste o retiraste tu consentimiento)',
  'myData.footer': 'El archivo adjunto lo contiene todo, incluido cada registro de consentimiento. `/peer delete-my-data` lo borra.',
  'myData.onlyYou': 'Solo tú puedes ver esta conversación con la app.',
  'myData.fileTitle': 'Todo lo que Peer Support guarda sobre ti',
  'myData.sent': 'Te he enviado todo lo que Peer Support guarda sobre ti, en tus mensajes con la app.',
  'myData.confirm.title': 'Borrar mis datos',
  'myData.confirm.text':
    'Esto borra todo lo que Peer Support guarda sobre ti en este espacio de trabajo: tus perfiles de oyente, tus funciones en iniciativas y tus registros de consentimiento. No se puede deshacer. Solo quedan recuentos anónimos (por ejemplo, «un oyente lo dejó esta semana»), y no te nombran.',
  'myData.confirm.soleCoordinator':
    'Eres la única persona que coordina {names}. Después no tendrá coordinación hasta que alguien la asuma; quizá quieras invitar antes a otra persona a coordinar.',
  'myData.confirm.submit': 'Borrarlo todo',
  'myData.confirm.close': 'Conservar mis datos',
  'myData.erased': 'Hecho: todo lo que Peer Support guardaba sobre ti se ha borrado. Gracias por haber participado. Puedes volver cuando quieras.',
};
