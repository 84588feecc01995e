// Raising a concern and hearing back (issue 15), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. The reporter's side, then the coordinators' side (reports.coordinators.*: the notice
// each coordinator gets and the reply form, each in that coordinator's language), and the notice the
// coordinators get when a listener asks them for support (pairings.crisis.coordinatorNotice).

export const reportsEn = {
  'reports.title': 'Report a concern',
  'reports.intro':
    "Coordinators get a short notice with the initiative, your pseudonym, the other person's pseudonym and the reason you choose, never your name or your messages. If you asked for support, the notice also names your listener to them, so they know whom it concerns. A coordinator may reply to you here, under your pseudonym.",
  'reports.question': 'What is the concern?',
  'reports.reason.uncomfortable': 'Something made me uncomfortable',
  'reports.reason.guidelines': 'The guidelines were not followed',
  'reports.reason.safety': "I am worried about someone's safety",
  'reports.reason.other': 'Something else',
  'reports.chooseReason': 'Please choose what the concern is.',
  'reports.pairing': 'Pairing',
  'reports.block': 'Do not pair us again (this ends the conversation)',
  'reports.submit': 'Send',
  'reports.replyNotification': 'A coordinator replied to a concern you raised (Peer Support)',
  'reports.replyLead': 'A coordinator of *{initiative}* replied to the concern you raised as *{pseudonym}*:',
  'requests.notOpen': 'That request is no longer open.',
  'reports.replyFooter':
    'The coordinator knows you only by your pseudonym. Writing here does not reach them: what you write to the app goes to your conversation, if you are in one.',
  // The coordinators' side: one notice per coordinator, worded when sent in their language.
  'reports.coordinators.notification': 'A concern was raised in an initiative you coordinate (Peer Support)',
  'reports.coordinators.notice':
    "{side, select, seeker {A concern was raised in *{initiative}* by *{reporter}*, who asked for support, about their listener {listener}, known to them as *{about}*.\nReason: {reason}.\nWho asked for support and what was said stay private. You can reply to *{reporter}* below: your words reach them under that pseudonym, without your name. Please follow your initiative's guidance.} other {A concern was raised in *{initiative}* by a listener, *{reporter}*, about the person they listen to, *{about}*.\nReason: {reason}.\nWho asked for support and what was said stay private, and the listener is not named here either. You can reply to *{reporter}* below: your words reach them under that pseudonym, without your name. Please follow your initiative's guidance.}}",
  'reports.coordinators.replyButton': 'Reply to {pseudonym}',
  'reports.coordinators.replyTitle': 'Reply to a concern',
  'reports.coordinators.replyIntro':
    'Your reply goes to *{pseudonym}*, who raised this concern in *{initiative}*, in their messages with the app. It is sent as you write it and is not stored.',
  'reports.coordinators.alreadyReplied': 'A coordinator already replied to this concern on {date}.',
  'reports.coordinators.replyLabel': 'Your reply',
  'reports.coordinators.replyHint':
    'They see it came from a coordinator of the initiative, not which one. Mentions of people or channels are shown as plain text.',
  'reports.coordinators.replySubmit': 'Send reply',
  'reports.coordinators.replyEmpty': 'Please write your reply.',
  'reports.coordinators.replyTooLong': 'Please keep your reply to {max, number} characters or fewer.',
  'reports.coordinators.notCoordinator': "Only this initiative's coordinators can reply to its concerns. Nothing was sent.",
  'reports.coordinators.notSent': 'Your reply could not be sent just now. Nothing was sent; please try again in a moment.',
  'reports.coordinators.reporterGone':
    "This colleague can no longer be reached through the app: they may have erased their data, or the concern was deleted after the initiative's retention period, as everything is after a while. Nothing was sent. Thank you for following it up.",
  'reports.coordinators.replySent': 'Your reply reached *{pseudonym}*.',
  // A listener asks the coordinators for support (issue 14): it names the listener, never whom they listen to.
  'pairings.crisis.coordinatorNotification': 'A listener is asking the coordinators for support now (Peer Support)',
  'pairings.crisis.coordinatorNotice':
    '{listener}, a listener with *{initiative}*, asks for support with a conversation right now. Please reach out to them soon. (Nothing about the person they are listening to is shared.)',
} as const;

export const reportsDe: Record<keyof typeof reportsEn, string> = {
  'reports.title': 'Ein Anliegen melden',
  'reports.intro':
    'Das Koordinationsteam bekommt einen kurzen Hinweis mit der Initiative, deinem Pseudonym, dem Pseudonym der anderen Person und dem Grund, den du wählst, nie deinen Namen oder deine Nachrichten. Wenn du um Unterstützung gebeten hast, nennt der Hinweis dem Koordinationsteam auch die Person, die dir zuhört, damit es weiß, wen es betrifft. Jemand aus dem Koordinationsteam kann dir hier antworten, unter deinem Pseudonym.',
  'reports.question': 'Worum geht es?',
  'reports.reason.uncomfortable': 'Etwas war mir unangenehm',
  'reports.reason.guidelines': 'Die Leitlinien wurden nicht eingehalten',
  'reports.reason.safety': 'Ich mache mir Sorgen um die Sicherheit von jemandem',
  'reports.reason.other': 'Etwas anderes',
  'reports.chooseReason': 'Bitte wähle, worum es geht.',
  'reports.pairing': 'Gespräch',
  'reports.block': 'Uns nicht wieder zusammenbringen (das beendet das Gespräch)',
  'reports.submit': 'Senden',
  'reports.replyNotification': 'Das Koordinationsteam hat auf ein Anliegen von dir geantwortet (Peer Support)',
  'reports.replyLead': 'Jemand aus dem Koordinationsteam von *{initiative}* hat auf das Anliegen geantwortet, das du als *{pseudonym}* gemeldet hast:',
  'requests.notOpen': 'Diese Anfrage ist nicht mehr offen.',
  'reports.replyFooter':
    'Das Koordinationsteam kennt dich nur unter deinem Pseudonym. Was du hier schreibst, erreicht es nicht: Was du der App schreibst, geht an dein Gespräch, falls du in einem bist.',
  // Die Seite des Koordinationsteams: ein Hinweis an jede Person im Team, beim Senden in ihrer Sprache.
  'reports.coordinators.notification': 'In einer Initiative, die du koordinierst, wurde ein Anliegen gemeldet (Peer Support)',
  'reports.coordinators.notice':
    '{side, select, seeker {In *{initiative}* hat *{reporter}*, eine Person, die um Unterstützung gebeten hat, ein Anliegen zu der Person gemeldet, die ihr zuhört: {listener}, im Gespräch *{about}* genannt.\nGrund: {reason}.\nWer um Unterstützung gebeten hat und was gesagt wurde, bleibt vertraulich. Du kannst *{reporter}* unten antworten: Deine Worte kommen unter diesem Pseudonym an, ohne deinen Namen. Bitte halte dich an die Vorgaben deiner Initiative.} other {In *{initiative}* hat eine zuhörende Person, *{reporter}*, ein Anliegen zu der Person gemeldet, der sie zuhört: *{about}*.\nGrund: {reason}.\nWer um Unterstützung gebeten hat und was gesagt wurde, bleibt vertraulich, und auch die zuhörende Person wird hier nicht mit Namen genannt. Du kannst *{reporter}* unten antworten: Deine Worte kommen unter diesem Pseudonym an, ohne deinen Namen. Bitte halte dich an die Vorgaben deiner Initiative.}}',
  'reports.coordinators.replyButton': '{pseudonym} antworten',
  'reports.coordinators.replyTitle': 'Anliegen beantworten',
  'reports.coordinators.replyIntro':
    'Deine Antwort geht an *{pseudonym}*, die Person, die dieses Anliegen in *{initiative}* gemeldet hat, in ihre Nachrichten mit der App. Sie wird so gesendet, wie du sie schreibst, und nicht gespeichert.',
  'reports.coordinators.alreadyReplied': 'Jemand aus dem Koordinationsteam hat am {date} schon auf dieses Anliegen geantwortet.',
  'reports.coordinators.replyLabel': 'Deine Antwort',
  'reports.coordinators.replyHint':
    'Die Person sieht, dass die Antwort vom Koordinationsteam der Initiative kommt, aber nicht, von wem. Erwähnungen von Personen oder Kanälen erscheinen als einfacher Text.',
  'reports.coordinators.replySubmit': 'Antwort senden',
  'reports.coordinators.replyEmpty': 'Bitte schreib deine Antwort.',
  'reports.coordinators.replyTooLong': 'Bitte halte deine Antwort bei höchstens {max, number} Zeichen.',
  'reports.coordinators.notCoordinator': 'Nur das Koordinationsteam dieser Initiative kann auf ihre Anliegen antworten. Es wurde nichts gesendet.',
  'reports.coordinators.notSent': 'Deine Antwort konnte gerade nicht gesendet werden, es ist also nichts angekommen. Bitte versuch es gleich noch einmal.',
  'reports.coordinators.reporterGone':
    'Diese Person ist über die App nicht mehr erreichbar: Vielleicht hat sie ihre Daten gelöscht, oder das Anliegen wurde nach der Aufbewahrungsfrist der Initiative gelöscht, wie alles nach einer Weile. Es wurde nichts gesendet. Danke, dass du dich darum kümmerst.',
  'reports.coordinators.replySent': 'Deine Antwort ist bei *{pseudonym}* angekommen.',
  // Eine zuhörende Person bittet das Koordinationsteam um Unterstützung (Issue 14): nie, wem sie zuhört.
  'pairings.crisis.coordinatorNotification': 'Eine zuhörende Person bittet das Koordinationsteam jetzt um Unterstützung (Peer Support)',
  'pairings.crisis.coordinatorNotice':
    '{listener}, eine zuhörende Person in *{initiative}*, bittet gerade um Unterstützung bei einem Gespräch. Bitte melde dich bald bei ihr. (Über die Person, der sie zuhört, wird nichts weitergegeben.)',
};

export const reportsEs: Record<keyof typeof reportsEn, string> = {
  'reports.title': 'Comunicar una inquietud',
  'reports.intro':
    'Coordinación recibe un aviso breve con la iniciativa, tu seudónimo, el seudónimo de la otra persona y el motivo que elijas, nunca tu nombre ni tus mensajes. Si pediste apoyo, el aviso también les indica quién es tu oyente, para que sepan a quién se refiere. Alguien de coordinación puede responderte aquí, con tu seudónimo.',
  'reports.question': '¿Cuál es la inquietud?',
  'reports.reason.uncomfortable': 'Algo me incomodó',
  'reports.reason.guidelines': 'No se siguieron las pautas',
  'reports.reason.safety': 'Me preocupa la seguridad de alguien',
  'reports.reason.other': 'Otra cosa',
  'reports.chooseReason': 'Elige cuál es la inquietud.',
  'reports.pairing': 'Conversación',
  'reports.block': 'No volver a emparejarnos (esto termina la conversación)',
  'reports.submit': 'Enviar',
  'reports.replyNotification': 'Coordinación ha respondido a una inquietud que comunicaste (Peer Support)',
  'reports.replyLead': 'Alguien de coordinación de *{initiative}* ha respondido a la inquietud que comunicaste como *{pseudonym}*:',
  'requests.notOpen': 'Esa solicitud ya no está abierta.',
  'reports.replyFooter':
    'Coordinación solo te conoce por tu seudónimo. Lo que escribas aquí no les llega: lo que escribes a la app va a tu conversación, si estás en una.',
  // El lado de coordinación: un aviso para cada persona del equipo, redactado al enviarlo en su idioma.
  'reports.coordinators.notification': 'Se ha comunicado una inquietud en una iniciativa que coordinas (Peer Support)',
  'reports.coordinators.notice':
    '{side, select, seeker {*{reporter}*, que pidió apoyo en *{initiative}*, ha comunicado una inquietud sobre su oyente, {listener}, a quien conoce como *{about}*.\nMotivo: {reason}.\nQuién pidió apoyo y lo que se dijo siguen siendo privados. Puedes responder a *{reporter}* abajo: tus palabras le llegan con ese seudónimo, sin tu nombre. Sigue las indicaciones de tu iniciativa.} other {Una persona oyente, *{reporter}*, ha comunicado en *{initiative}* una inquietud sobre la persona a la que escucha, *{about}*.\nMotivo: {reason}.\nQuién pidió apoyo y lo que se dijo siguen siendo privados, y aquí tampoco se nombra a la persona oyente. Puedes responder a *{reporter}* abajo: tus palabras le llegan con ese seudónimo, sin tu nombre. Sigue las indicaciones de tu iniciativa.}}',
  'reports.coordinators.replyButton': 'Responder a {pseudonym}',
  'reports.coordinators.replyTitle': 'Responder a la inquietud',
  'reports.coordinators.replyIntro':
    'Tu respuesta llega a *{pseudonym}*, que comunicó esta inquietud en *{initiative}*, en sus mensajes con la app. Se envía tal como la escribes y no se guarda.',
  'reports.coordinators.alreadyReplied': 'Alguien de coordinación ya respondió a esta inquietud el {date}.',
  'reports.coordinators.replyLabel': 'Tu respuesta',
  'reports.coordinators.replyHint':
    'Verá que viene de coordinación de la iniciativa, pero no de quién. Las menciones de personas o canales se muestran como texto normal.',
  'reports.coordinators.replySubmit': 'Enviar respuesta',
  'reports.coordinators.replyEmpty': 'Escribe tu respuesta.',
  'reports.coordinators.replyTooLong': 'Tu respuesta puede tener como máximo {max, number} caracteres.',
  'reports.coordinators.notCoordinator': 'Solo el equipo de coordinación de esta iniciativa puede responder a sus inquietudes. No se ha enviado nada.',
  'reports.coordinators.notSent': 'Tu respuesta no se ha podido enviar ahora mismo. No se ha enviado nada; inténtalo de nuevo en un momento.',
  'reports.coordinators.reporterGone':
    'Ya no es posible contactar con esta persona a través de la app: puede que haya borrado sus datos, o que la inquietud se eliminara al terminar el plazo de conservación de la iniciativa, como todo pasado un tiempo. No se ha enviado nada. Gracias por hacer el seguimiento.',
  'reports.coordinators.replySent': 'Tu respuesta ha llegado a *{pseudonym}*.',
  // Una persona oyente pide apoyo a coordinación (issue 14): nunca a quién escucha.
  'pairings.crisis.coordinatorNotification': 'Una persona oyente pide apoyo a coordinación ahora (Peer Support)',
  'pairings.crisis.coordinatorNotice':
    '{listener}, oyente de *{initiative}*, pide apoyo ahora mismo con una conversación. Ponte en contacto con esta persona pronto. (No se comparte nada sobre la persona a la que escucha.)',
};
