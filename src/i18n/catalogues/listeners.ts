// The listeners capability's words (issue 19), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. Same rules as there: ICU MessageFormat, German "du", Spanish "tú".

export const listenersEn = {
  // The listen form (/peer listen, and editing the profile)
  'listeners.listenTitle': 'Become a listener',
  'listeners.editTitle': 'Your listener profile',
  'listeners.volunteer': 'Volunteer',
  'listeners.save': 'Save',
  'listeners.guidelinesHeading': '*{initiative}*: listener guidelines',
  'listeners.topicsLabel': 'Topics you have lived experience of',
  'listeners.topicsPlaceholder': 'Choose topics',
  'listeners.capacityLabel': 'How many colleagues can you support at once?',
  'listeners.capacityHint': 'From {min} to {max}.',
  'listeners.introLabel': 'A short anonymous introduction',
  'listeners.introHint':
    'Optional, at most {max, number} characters. Shown to the people you support, with your pseudonym. Please leave out your name and anything that identifies you.',
  'listeners.languagesLabel': 'Languages you can talk in',
  'listeners.languagesPlaceholder': 'Choose languages',
  'listeners.workDaysLabel': 'Days you can take new conversations',
  'listeners.workStartLabel': 'Working hours start',
  'listeners.workEndLabel': 'Working hours end',
  'listeners.timePlaceholder': 'e.g. {time}',
  'listeners.workingHoursHint':
    'New offers only reach you on these days, between these times, in your own timezone (from your Slack profile). The same start and end means any time of those days.',
  'listeners.quietStartLabel': 'Quiet hours start',
  'listeners.quietEndLabel': 'Quiet hours end',
  'listeners.quietHoursHint': 'No offers or check-ins reach you during your quiet hours, in your own timezone.',
  'listeners.consentLabel': 'Your consent',
  'listeners.consentCheckbox': 'I have read the guidelines and give my consent on these terms',
  'listeners.noInitiative': 'There is no peer-support initiative in this workspace yet. A workspace admin can start one with `/peer setup`.',
  // The listen form's errors, shown under each field
  'listeners.error.time': 'Please choose a time.',
  'listeners.error.topics': 'Please choose at least one topic you have lived experience of.',
  'listeners.error.topicGone': 'One of those topics is no longer offered; please choose again.',
  'listeners.error.capacity': 'Please choose between {min} and {max} pairings at a time.',
  'listeners.error.introTooLong': 'Please keep your introduction to {max, number} characters.',
  'listeners.error.languages': 'Please choose at least one language.',
  'listeners.error.languagesFromList': 'Please choose languages from the list.',
  'listeners.error.workDays': 'Please choose at least one day you can take new conversations.',
  'listeners.error.workDaysFromList': 'Please choose days from the list.',
  'listeners.error.workStart': 'Please choose when your working hours start.',
  'listeners.error.workEnd': 'Please choose when your working hours end.',
  'listeners.error.consent': 'Please tick the box to give your consent, or close this form.',
  'listeners.error.quietHoursBoth': 'Please set both ends of your quiet hours, or neither.',
  'listeners.error.quietHoursSame': 'Quiet hours need to end at a different time than they start.',
  // What a listener is told: after the form, /peer pause, resume and stop, and notes sent later
  'listeners.welcomeActive':
    "Thank you for volunteering as a listener with *{initiative}*. You'll get a message here when a colleague who shares one of your topics asks for support, and you can accept or decline each time. Pause whenever you need to with `/peer pause`.",
  'listeners.welcomePending':
    "Thank you for volunteering as a listener with *{initiative}*. A coordinator will review your profile; I'll tell you here as soon as they have.",
  'listeners.profileSaved': 'Your listener profile for *{initiative}* is saved.',
  'listeners.approvedForListener':
    "Good news: a coordinator approved your listener profile for *{initiative}*. You'll get a message here when a colleague asks for support on one of your topics. Thank you.",
  'listeners.declinedForListener':
    "Thank you for offering to listen with *{initiative}*. A coordinator has decided not to add you as a listener at this time, and your listener profile has been removed. If you'd like to know more, please talk to one of the initiative's coordinators.",
  'listeners.notAListener': 'You are not a listener at the moment. If you would like to volunteer, use `/peer listen`.',
  'listeners.paused': "You're paused in *{initiative}*: you won't get new offers until you resume with `/peer resume`. Take the time you need.",
  'listeners.alreadyPaused': "You're already paused in *{initiative}*. Resume any time with `/peer resume`.",
  'listeners.resumed': "Welcome back. You're taking new conversations again in *{initiative}*.",
  'listeners.notPaused.pending': "Your listener profile in *{initiative}* is still waiting for a coordinator's approval.",
  'listeners.notPaused.active': "You're already taking new conversations in *{initiative}*.",
  'listeners.stopped':
    "You've stopped being a listener with *{initiative}*. Your consent is withdrawn and your listener profile is deleted. Thank you for the support you gave.",
  'listeners.pendingCannotPause': 'Your listener profile in *{initiative}* is waiting for approval, so there is nothing to pause yet.',
  'listeners.chooseInitiative': 'You listen in more than one initiative. Which one is this for?',
  'listeners.choose.pause': 'Pause: {initiative}',
  'listeners.choose.resume': 'Resume: {initiative}',
  'listeners.choose.stop': 'Stop: {initiative}',
  'listeners.welcomeBack': 'Welcome back: you are taking new conversations again in *{initiative}*. If you need longer, pause again any time.',
  'listeners.pausedForNoAnswer':
    "Three offers in a row went unanswered, so I've paused new offers for you in *{initiative}*, no harm done. Nothing changes in your current conversations. When you're ready, press Resume below or type `/peer resume`.",
  'listeners.resume': 'Resume',
  'listeners.pauseAgain': 'Pause again…',
  // Pausing until a date (issue 15): kind and plain, a pause is never a failing
  'listeners.pause.title': 'Pause new offers',
  'listeners.pause.submit': 'Pause',
  'listeners.pause.button': 'Pause until…',
  'listeners.pause.intro':
    "Taking a break is part of listening well. While you're paused in *{initiative}*, no new offers come to you. The conversations you're already in carry on as usual, and you can resume any time with `/peer resume`.",
  'listeners.pause.currentlyUntil': "You're paused now until {date}. Choose another day, or leave it empty to stay paused until you resume.",
  'listeners.pause.currentlyNoDate': "You're paused now, with no date set. You can choose a day to come back on.",
  'listeners.pause.fromOffer': 'The offer you have open now passes to another listener when you pause; there is no need to explain.',
  'listeners.pause.dateLabel': 'Pause until',
  'listeners.pause.datePlaceholder': 'Choose a day',
  'listeners.pause.dateHint':
    'Optional. Offers start again at the beginning of the day you choose, in your own timezone. Leave it empty to stay paused until you resume.',
  'listeners.pause.notAfterToday': 'Please choose a day after today, or leave it empty to stay paused until you resume.',
  'listeners.pause.tooFar': 'Please choose a day within the next year, or leave it empty to stay paused until you resume.',
  'listeners.pause.notADate': 'Please choose a day from the calendar.',
  'listeners.pausedUntilDate':
    "You're paused in *{initiative}* until {date}. No new offers until then; your current conversations carry on. I'll let you know here when offers start again, and you can come back sooner with `/peer resume`. Take the time you need.",
  // Approval by a coordinator (issue 15): the request, the buttons, and what each side is told
  'listeners.approval.header': 'A new listener to review',
  'listeners.approval.request': '{listener} has volunteered as a listener with *{initiative}* and is waiting for approval.\nTopics: {topics}',
  'listeners.approval.introduction': 'Their introduction: {introduction}',
  'listeners.approval.approve': 'Approve',
  'listeners.approval.decline': 'Decline',
  'listeners.approval.approvedByYou': 'You approved {listener} as a listener with *{initiative}*.',
  'listeners.approval.declinedByYou': 'You declined {listener} as a listener with *{initiative}*. They have been told kindly.',
  'listeners.approval.decided':
    '{listener} was {approved, select, yes {approved} other {declined}} as a listener with *{initiative}* by {coordinator} on {date}.',
  'listeners.approval.alreadyDecided': 'Another coordinator has already decided on this volunteer, or they withdrew.',
  'listeners.approval.notCoordinator': "Only this initiative's coordinators can approve listeners.",
} as const;

export const listenersDe: Record<keyof typeof listenersEn, string> = {
  // Das Formular zum Zuhören (/peer listen, und das Profil bearbeiten)
  'listeners.listenTitle': 'Zuhörende Person werden',
  'listeners.editTitle': 'Dein Profil zum Zuhören',
  'listeners.volunteer': 'Mitmachen',
  'listeners.save': 'Speichern',
  'listeners.guidelinesHeading': '*{initiative}*: Leitlinien fürs Zuhören',
  'listeners.topicsLabel': 'Themen, die du aus eigener Erfahrung kennst',
  'listeners.topicsPlaceholder': 'Themen wählen',
  'listeners.capacityLabel': 'Für wie viele Personen aus dem Kollegium kannst du gleichzeitig da sein?',
  'listeners.capacityHint': 'Von {min} bis {max}.',
  'listeners.introLabel': 'Eine kurze anonyme Vorstellung',
  'listeners.introHint':
    'Freiwillig, höchstens {max, number} Zeichen. Die Menschen, die du unterstützt, sehen sie zusammen mit deinem Pseudonym. Bitte lass deinen Namen und alles weg, woran man dich erkennen könnte.',
  'listeners.languagesLabel': 'Sprachen, in denen du sprechen kannst',
  'listeners.languagesPlaceholder': 'Sprachen wählen',
  'listeners.workDaysLabel': 'Tage, an denen du neue Gespräche annehmen kannst',
  'listeners.workStartLabel': 'Beginn der Arbeitszeit',
  'listeners.workEndLabel': 'Ende der Arbeitszeit',
  'listeners.timePlaceholder': 'z. B. {time}',
  'listeners.workingHoursHint':
    'Neue Anfragen erreichen dich nur an diesen Tagen und zwischen diesen Uhrzeiten, in deiner eigenen Zeitzone (aus deinem Slack-Profil). Sind Beginn und Ende gleich, heißt das: zu jeder Zeit an diesen Tagen.',
  'listeners.quietStartLabel': 'Beginn der Ruhezeit',
  'listeners.quietEndLabel': 'Ende der Ruhezeit',
  'listeners.quietHoursHint': 'Während deiner Ruhezeit erreichen dich weder Anfragen noch Check-ins, in deiner eigenen Zeitzone.',
  'listeners.consentLabel': 'Deine Einwilligung',
  'listeners.consentCheckbox': 'Ich habe die Leitlinien gelesen und willige zu diesen Bedingungen ein',
  'listeners.noInitiative': 'In diesem Workspace gibt es noch keine Peer-Support-Initiative. Eine Workspace-Admin-Person kann mit `/peer setup` eine starten.',
  // Fehler im Formular, unter dem jeweiligen Feld
  'listeners.error.time': 'Bitte wähle eine Uhrzeit.',
  'listeners.error.topics': 'Bitte wähle mindestens ein Thema, das du aus eigener Erfahrung kennst.',
  'listeners.error.topicGone': 'Eines dieser Themen wird nicht mehr angeboten; bitte wähle noch einmal.',
  'listeners.error.capacity': 'Bitte wähle zwischen {min} und {max} Gesprächen gleichzeitig.',
  'listeners.error.introTooLong': 'Bitte fasse deine Vorstellung in höchstens {max, number} Zeichen.',
  'listeners.error.languages': 'Bitte wähle mindestens eine Sprache.',
  'listeners.error.languagesFromList': 'Bitte wähle Sprachen aus der Liste.',
  'listeners.error.workDays': 'Bitte wähle mindestens einen Tag, an dem du neue Gespräche annehmen kannst.',
  'listeners.error.workDaysFromList': 'Bitte wähle Tage aus der Liste.',
  'listeners.error.workStart': 'Bitte wähle, wann deine Arbeitszeit beginnt.',
  'listeners.error.workEnd': 'Bitte wähle, wann deine Arbeitszeit endet.',
  'listeners.error.consent': 'Bitte setz das Häkchen, um deine Einwilligung zu geben, oder schließ dieses Formular.',
  'listeners.error.quietHoursBoth': 'Bitte gib Beginn und Ende deiner Ruhezeit an, oder keins von beiden.',
  'listeners.error.quietHoursSame': 'Die Ruhezeit muss zu einer anderen Uhrzeit enden, als sie beginnt.',
  // Was eine zuhörende Person erfährt: nach dem Formular, bei /peer pause, resume und stop, und später
  'listeners.welcomeActive':
    'Danke, dass du bei *{initiative}* als zuhörende Person mitmachst. Du bekommst hier eine Nachricht, wenn jemand aus dem Kollegium zu einem deiner Themen um Unterstützung bittet, und kannst jedes Mal zusagen oder absagen. Mit `/peer pause` kannst du jederzeit eine Pause machen.',
  'listeners.welcomePending':
    'Danke, dass du bei *{initiative}* als zuhörende Person mitmachen möchtest. Das Koordinationsteam sieht sich dein Profil an; ich sage dir hier Bescheid, sobald das passiert ist.',
  'listeners.profileSaved': 'Dein Profil als zuhörende Person bei *{initiative}* ist gespeichert.',
  'listeners.approvedForListener':
    'Gute Nachricht: Das Koordinationsteam hat dein Profil als zuhörende Person bei *{initiative}* freigegeben. Du bekommst hier eine Nachricht, wenn jemand aus dem Kollegium zu einem deiner Themen um Unterstützung bittet. Danke!',
  'listeners.declinedForListener':
    'Danke, dass du bei *{initiative}* zuhören wolltest. Das Koordinationsteam hat entschieden, dich diesmal nicht als zuhörende Person aufzunehmen, und dein Profil wurde gelöscht. Wenn du mehr darüber wissen möchtest, sprich bitte jemanden aus dem Koordinationsteam der Initiative an.',
  'listeners.notAListener': 'Du bist gerade nicht als zuhörende Person dabei. Wenn du mitmachen möchtest, nutze `/peer listen`.',
  'listeners.paused':
    'Du bist bei *{initiative}* pausiert: Du bekommst keine neuen Anfragen, bis du mit `/peer resume` weitermachst. Nimm dir die Zeit, die du brauchst.',
  'listeners.alreadyPaused': 'Du bist bei *{initiative}* schon pausiert. Mit `/peer resume` kannst du jederzeit weitermachen.',
  'listeners.resumed': 'Schön, dass du wieder da bist. Du nimmst bei *{initiative}* wieder neue Gespräche an.',
  'listeners.notPaused.pending': 'Dein Profil als zuhörende Person bei *{initiative}* wartet noch auf die Freigabe durch das Koordinationsteam.',
  'listeners.notPaused.active': 'Du nimmst bei *{initiative}* bereits neue Gespräche an.',
  'listeners.stopped':
    'Du hörst bei *{initiative}* nicht mehr zu. Deine Einwilligung ist widerrufen, und dein Profil als zuhörende Person ist gelöscht. Danke für die Unterstützung, die du gegeben hast.',
  'listeners.pendingCannotPause': 'Dein Profil als zuhörende Person bei *{initiative}* wartet noch auf Freigabe, es gibt also noch nichts zu pausieren.',
  'listeners.chooseInitiative': 'Du hörst in mehr als einer Initiative zu. Für welche ist das?',
  'listeners.choose.pause': 'Pausieren: {initiative}',
  'listeners.choose.resume': 'Pause beenden: {initiative}',
  'listeners.choose.stop': 'Nicht mehr zuhören: {initiative}',
  'listeners.welcomeBack':
    'Willkommen zurück: Du nimmst bei *{initiative}* wieder neue Gespräche an. Wenn du mehr Zeit brauchst, kannst du jederzeit wieder pausieren.',
  'listeners.pausedForNoAnswer':
    'Drei Anfragen hintereinander sind unbeantwortet geblieben, deshalb habe ich neue Anfragen für dich bei *{initiative}* pausiert. Das ist nicht schlimm. An deinen laufenden Gesprächen ändert sich nichts. Wenn du so weit bist, tippe unten auf „Pause beenden“ oder gib `/peer resume` ein.',
  'listeners.resume': 'Pause beenden',
  'listeners.pauseAgain': 'Wieder pausieren…',
  // Pausieren bis zu einem Tag (Issue 15): freundlich und schlicht, eine Pause ist nie ein Versagen
  'listeners.pause.title': 'Neue Anfragen pausieren',
  'listeners.pause.submit': 'Pausieren',
  'listeners.pause.button': 'Pausieren bis…',
  'listeners.pause.intro':
    'Pausen gehören zum guten Zuhören dazu. Solange du bei *{initiative}* pausiert bist, bekommst du keine neuen Anfragen. Deine laufenden Gespräche gehen wie gewohnt weiter, und mit `/peer resume` kannst du jederzeit weitermachen.',
  'listeners.pause.currentlyUntil':
    'Du bist gerade bis {date} pausiert. Wähle einen anderen Tag, oder lass das Feld leer, um pausiert zu bleiben, bis du weitermachst.',
  'listeners.pause.currentlyNoDate': 'Du bist gerade pausiert, ohne festen Tag. Du kannst einen Tag wählen, an dem du zurückkommst.',
  'listeners.pause.fromOffer': 'Die Anfrage, die du gerade offen hast, geht an eine andere zuhörende Person, wenn du pausierst; du musst nichts erklären.',
  'listeners.pause.dateLabel': 'Pausieren bis',
  'listeners.pause.datePlaceholder': 'Tag wählen',
  'listeners.pause.dateHint':
    'Freiwillig. Ab dem Beginn des gewählten Tages kommen wieder Anfragen, in deiner eigenen Zeitzone. Lass das Feld leer, um pausiert zu bleiben, bis du selbst weitermachst.',
  'listeners.pause.notAfterToday': 'Bitte wähle einen Tag nach heute, oder lass das Feld leer, um pausiert zu bleiben, bis du weitermachst.',
  'listeners.pause.tooFar': 'Bitte wähle einen Tag innerhalb des nächsten Jahres, oder lass das Feld leer, um pausiert zu bleiben, bis du weitermachst.',
  'listeners.pause.notADate': 'Bitte wähle einen Tag im Kalender.',
  'listeners.pausedUntilDate':
    'Du bist bei *{initiative}* bis {date} pausiert. Bis dahin bekommst du keine neuen Anfragen; deine laufenden Gespräche gehen weiter. Ich sage dir hier Bescheid, wenn wieder Anfragen kommen, und mit `/peer resume` kannst du auch früher zurückkommen. Nimm dir die Zeit, die du brauchst.',
  // Freigabe durch das Koordinationsteam (Issue 15): die Anfrage, die Buttons, und was jede Seite erfährt
  'listeners.approval.header': 'Eine neue zuhörende Person zur Freigabe',
  'listeners.approval.request': '{listener} möchte bei *{initiative}* als zuhörende Person mitmachen und wartet auf Freigabe.\nThemen: {topics}',
  'listeners.approval.introduction': 'Vorstellung der Person: {introduction}',
  'listeners.approval.approve': 'Freigeben',
  'listeners.approval.decline': 'Ablehnen',
  'listeners.approval.approvedByYou': 'Du hast {listener} als zuhörende Person bei *{initiative}* freigegeben.',
  'listeners.approval.declinedByYou': 'Du hast {listener} als zuhörende Person bei *{initiative}* abgelehnt. Die Person hat es behutsam erfahren.',
  'listeners.approval.decided':
    '{listener} wurde am {date} von {coordinator} als zuhörende Person bei *{initiative}* {approved, select, yes {freigegeben} other {abgelehnt}}.',
  'listeners.approval.alreadyDecided': 'Jemand anderes aus dem Koordinationsteam hat über diese Person schon entschieden, oder sie hat ihr Angebot zurückgezogen.',
  'listeners.approval.notCoordinator': 'Nur das Koordinationsteam dieser Initiative kann zuhörende Personen freigeben.',
};

export const listenersEs: Record<keyof typeof listenersEn, string> = {
  // El formulario para escuchar (/peer listen, y editar el perfil)
  'listeners.listenTitle': 'Ofrecerme como oyente',
  'listeners.editTitle': 'Tu perfil de oyente',
  'listeners.volunteer': 'Ofrecerme',
  'listeners.save': 'Guardar',
  'listeners.guidelinesHeading': '*{initiative}*: pautas para oyentes',
  'listeners.topicsLabel': 'Temas que conoces por experiencia propia',
  'listeners.topicsPlaceholder': 'Elige temas',
  'listeners.capacityLabel': '¿A cuántas personas del equipo puedes acompañar a la vez?',
  'listeners.capacityHint': 'De {min} a {max}.',
  'listeners.introLabel': 'Una breve presentación anónima',
  'listeners.introHint':
    'Opcional, como máximo {max, number} caracteres. La verán las personas a las que acompañes, junto con tu seudónimo. Por favor, no incluyas tu nombre ni nada que permita identificarte.',
  'listeners.languagesLabel': 'Idiomas en los que puedes hablar',
  'listeners.languagesPlaceholder': 'Elige idiomas',
  'listeners.workDaysLabel': 'Días en los que puedes aceptar nuevas conversaciones',
  'listeners.workStartLabel': 'Inicio del horario',
  'listeners.workEndLabel': 'Fin del horario',
  'listeners.timePlaceholder': 'p. ej., {time}',
  'listeners.workingHoursHint':
    'Las nuevas solicitudes solo te llegan estos días, entre estas horas, en tu propia zona horaria (la de tu perfil de Slack). Si el inicio y el fin coinciden, te pueden llegar a cualquier hora de esos días.',
  'listeners.quietStartLabel': 'Inicio de las horas de silencio',
  'listeners.quietEndLabel': 'Fin de las horas de silencio',
  'listeners.quietHoursHint': 'Durante tus horas de silencio no te llegan solicitudes ni preguntas de seguimiento, en tu propia zona horaria.',
  'listeners.consentLabel': 'Tu consentimiento',
  'listeners.consentCheckbox': 'He leído las pautas y doy mi consentimiento en estos términos',
  'listeners.noInitiative':
    'Todavía no hay ninguna iniciativa de apoyo entre compañeros en este espacio de trabajo. Una persona administradora puede crear una con `/peer setup`.',
  // Los errores del formulario, bajo cada campo
  'listeners.error.time': 'Por favor, elige una hora.',
  'listeners.error.topics': 'Por favor, elige al menos un tema que conozcas por experiencia propia.',
  'listeners.error.topicGone': 'Uno de esos temas ya no se ofrece; por favor, elige otra vez.',
  'listeners.error.capacity': 'Por favor, elige entre {min} y {max} conversaciones a la vez.',
  'listeners.error.introTooLong': 'Por favor, que tu presentación no pase de {max, number} caracteres.',
  'listeners.error.languages': 'Por favor, elige al menos un idioma.',
  'listeners.error.languagesFromList': 'Por favor, elige idiomas de la lista.',
  'listeners.error.workDays': 'Por favor, elige al menos un día en el que puedas aceptar nuevas conversaciones.',
  'listeners.error.workDaysFromList': 'Por favor, elige días de la lista.',
  'listeners.error.workStart': 'Por favor, elige cuándo empieza tu horario.',
  'listeners.error.workEnd': 'Por favor, elige cuándo termina tu horario.',
  'listeners.error.consent': 'Por favor, marca la casilla para dar tu consentimiento, o cierra este formulario.',
  'listeners.error.quietHoursBoth': 'Por favor, indica el inicio y el fin de tus horas de silencio, o ninguno de los dos.',
  'listeners.error.quietHoursSame': 'Las horas de silencio tienen que terminar a una hora distinta de la de inicio.',
  // Lo que se le dice a quien escucha: tras el formulario, con /peer pause, resume y stop, y avisos posteriores
  'listeners.welcomeActive':
    'Gracias por ofrecerte como oyente en *{initiative}*. Recibirás un mensaje aquí cuando alguien del equipo pida apoyo sobre uno de tus temas, y cada vez podrás aceptar o rechazar. Haz una pausa siempre que lo necesites con `/peer pause`.',
  'listeners.welcomePending':
    'Gracias por ofrecerte como oyente en *{initiative}*. El equipo de coordinación revisará tu perfil; te avisaré aquí en cuanto lo haga.',
  'listeners.profileSaved': 'Tu perfil de oyente en *{initiative}* está guardado.',
  'listeners.approvedForListener':
    'Buenas noticias: el equipo de coordinación ha aprobado tu perfil de oyente en *{initiative}*. Recibirás un mensaje aquí cuando alguien del equipo pida apoyo sobre uno de tus temas. Gracias.',
  'listeners.declinedForListener':
    'Gracias por ofrecerte a escuchar en *{initiative}*. El equipo de coordinación ha decidido no incorporarte como oyente por ahora, y se ha borrado tu perfil de oyente. Si quieres saber más, habla con alguien del equipo de coordinación de la iniciativa.',
  'listeners.notAListener': 'Ahora mismo no participas como oyente. Si quieres ofrecerte, usa `/peer listen`.',
  'listeners.paused':
    'Estás en pausa en *{initiative}*: no recibirás nuevas solicitudes hasta que vuelvas con `/peer resume`. Tómate el tiempo que necesites.',
  'listeners.alreadyPaused': 'Ya estás en pausa en *{initiative}*. Vuelve cuando quieras con `/peer resume`.',
  'listeners.resumed': 'Qué bien tenerte de vuelta. Vuelves a aceptar nuevas conversaciones en *{initiative}*.',
  'listeners.notPaused.pending': 'Tu perfil de oyente en *{initiative}* todavía espera la aprobación del equipo de coordinación.',
  'listeners.notPaused.active': 'Ya estás aceptando nuevas conversaciones en *{initiative}*.',
  'listeners.stopped':
    'Has dejado de participar como oyente en *{initiative}*. Tu consentimiento queda retirado y tu perfil de oyente, borrado. Gracias por el apoyo que has dado.',
  'listeners.pendingCannotPause': 'Tu perfil de oyente en *{initiative}* está a la espera de aprobación, así que todavía no hay nada que pausar.',
  'listeners.chooseInitiative': 'Escuchas en más de una iniciativa. ¿Para cuál es esto?',
  'listeners.choose.pause': 'Pausar: {initiative}',
  'listeners.choose.resume': 'Volver a escuchar: {initiative}',
  'listeners.choose.stop': 'Dejar de escuchar: {initiative}',
  'listeners.welcomeBack':
    'Qué bien tenerte de vuelta: vuelves a aceptar nuevas conversaciones en *{initiative}*. Si necesitas más tiempo, puedes hacer otra pausa cuando quieras.',
  'listeners.pausedForNoAnswer':
    'Tres solicitudes seguidas quedaron sin respuesta, así que he pausado las nuevas solicitudes para ti en *{initiative}*; no pasa nada. Tus conversaciones actuales siguen igual. Cuando quieras, pulsa «Volver a escuchar» abajo o escribe `/peer resume`.',
  'listeners.resume': 'Volver a escuchar',
  'listeners.pauseAgain': 'Pausar de nuevo…',
  // Pausar hasta una fecha (issue 15): con amabilidad y sencillez, una pausa nunca es un fallo
  'listeners.pause.title': 'Pausar solicitudes',
  'listeners.pause.submit': 'Pausar',
  'listeners.pause.button': 'Pausar hasta…',
  'listeners.pause.intro':
    'Tomarse un descanso es parte de escuchar bien. Mientras estés en pausa en *{initiative}*, no te llegarán nuevas solicitudes. Las conversaciones que ya tienes siguen como siempre, y puedes volver cuando quieras con `/peer resume`.',
  'listeners.pause.currentlyUntil': 'Ahora estás en pausa hasta el {date}. Elige otro día, o déjalo vacío para seguir en pausa hasta que vuelvas.',
  'listeners.pause.currentlyNoDate': 'Ahora estás en pausa, sin fecha. Puedes elegir un día para volver.',
  'listeners.pause.fromOffer': 'La solicitud que tienes abierta pasará a otra persona que escucha cuando hagas la pausa; no hace falta que expliques nada.',
  'listeners.pause.dateLabel': 'Pausar hasta',
  'listeners.pause.datePlaceholder': 'Elige un día',
  'listeners.pause.dateHint':
    'Opcional. Las solicitudes vuelven a llegar desde el comienzo del día que elijas, en tu propia zona horaria. Déjalo vacío para seguir en pausa hasta que vuelvas.',
  'listeners.pause.notAfterToday': 'Por favor, elige un día posterior a hoy, o déjalo vacío para seguir en pausa hasta que vuelvas.',
  'listeners.pause.tooFar': 'Por favor, elige un día dentro del próximo año, o déjalo vacío para seguir en pausa hasta que vuelvas.',
  'listeners.pause.notADate': 'Por favor, elige un día del calendario.',
  'listeners.pausedUntilDate':
    'Estás en pausa en *{initiative}* hasta el {date}. Hasta entonces no recibirás nuevas solicitudes; tus conversaciones actuales siguen. Te avisaré aquí cuando vuelvan a llegar solicitudes, y puedes volver antes con `/peer resume`. Tómate el tiempo que necesites.',
  // La aprobación por coordinación (issue 15): la solicitud, los botones y lo que se le dice a cada parte
  'listeners.approval.header': 'Una persona voluntaria para revisar',
  'listeners.approval.request': '{listener} se ha ofrecido como oyente en *{initiative}* y espera aprobación.\nTemas: {topics}',
  'listeners.approval.introduction': 'Su presentación: {introduction}',
  'listeners.approval.approve': 'Aprobar',
  'listeners.approval.decline': 'Rechazar',
  'listeners.approval.approvedByYou': 'Has aprobado a {listener} como oyente en *{initiative}*.',
  'listeners.approval.declinedByYou': 'Has rechazado a {listener} como oyente en *{initiative}*. Se le ha comunicado con cuidado.',
  'listeners.approval.decided':
    '{coordinator} {approved, select, yes {aprobó} other {rechazó}} a {listener} como oyente en *{initiative}* el {date}.',
  'listeners.approval.alreadyDecided': 'Otra persona del equipo de coordinación ya ha decidido sobre esta persona voluntaria, o bien ella ha retirado su oferta.',
  'listeners.approval.notCoordinator': 'Solo el equipo de coordinación de esta iniciativa puede aprobar oyentes.',
};
