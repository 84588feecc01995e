// Raising a concern and hearing back (issue 15): the reporter's side, in the three languages side by
// side; merged into en.ts, de.ts and es.ts. The coordinators' side is still English (issue 19).

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
};
