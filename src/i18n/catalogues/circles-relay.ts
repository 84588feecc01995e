// The circle relay and its safety (issue 20), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. Relayed messages and the app's notes in a member's welcome thread (circles.relay.*),
// the paused member's note and the facilitators' crisis note with its pause button (circles.safety.*),
// and concerns raised in a circle (circles.report.*; the form's reasons are the pairings' reports.*).

export const circlesRelayEn = {
  'circles.relay.facilitator': 'the facilitator ({name})',
  'circles.relay.notification': 'New message in your circle (Peer Support)',
  'circles.relay.filesNotRelayed':
    'Files and images are not passed on to the circle, to keep everyone anonymous (file names and details can identify people). Your text, if any, was passed on.',
  'circles.relay.notReachedEveryone':
    "Sorry, something went wrong on our side: your message did not reach {missed, plural, one {# person} other {# people}} in the circle. The others got it. Nothing you write is kept, so I can't send it again for you; if it matters, you could write it again in a few minutes (the others would then see it twice).",
  'circles.relay.notPassedOn':
    'Sorry, something went wrong on our side and your message did *not reach the circle*. Please send it again in a few minutes.',
  'circles.relay.closed': 'This circle has closed, so your message was not passed on. Thank you for being part of it.',
  'circles.relay.nobodyYet': 'Nobody else has joined the circle yet, so your message was not passed on. Once others join, what you write here reaches them.',
  'circles.safety.paused':
    "A facilitator has paused your messages to the circle until the next session ({until}), so this one was not passed on. You can still read the circle. This is a pause, not a judgement of you. If you need support right now, please don't wait:",
  'circles.safety.memberLead':
    'If you are thinking about harming yourself or are in danger, please reach out now. You do not have to go through this alone. Your message was passed on to the circle; these are here for you too:',
  'circles.safety.facilitatorNotification': 'A note about your circle (Peer Support)',
  'circles.safety.facilitatorNote':
    'Something *{member}* wrote in your circle suggests they may be at risk. They have been sent the resources below. Please follow your guidelines: respond with care in the circle, and talk to a coordinator. You are not expected to handle a crisis alone. If the circle needs a pause from their messages, you can pause them until the next session.',
  'circles.safety.pauseButton': 'Pause {member} until the next session',
  'circles.safety.confirmPause.title': 'Pause their messages?',
  'circles.safety.confirmPause.text':
    "{member}'s messages will not reach the circle until the next session. When they write, they are told kindly, with the resources. The others are not told.",
  'circles.safety.confirmPause.confirm': 'Pause',
  'circles.safety.confirmPause.deny': 'Not now',
  'circles.safety.pausedDone': "*{member}*'s messages are paused until the next session ({until}). If they write, they are told kindly, with the resources.",
  'circles.safety.pauseNotAllowed': "Only the circle's facilitators and the initiative's coordinators can pause a member. Nothing was changed.",
  'circles.safety.pauseNotFound': 'That member is no longer in an open circle, so there was nothing to pause.',
  'circles.report.intro':
    "Coordinators get a short notice with the initiative, the circle, your circle pseudonym, the pseudonym of the person it is about (if you choose one) and the reason you choose, never your name or anyone's messages. A coordinator may reply to you here, under your pseudonym.",
  'circles.report.about': 'Is it about someone in the circle?',
  'circles.report.aboutPlaceholder': 'Choose (optional)',
  'circles.report.sent': 'Thank you for telling us. Your concern was sent to the coordinators. A coordinator may reply to you in your DM with the app, under your pseudonym *{pseudonym}*.',
  'circles.report.notMember': 'You are not in this circle any more, so the concern could not be sent. Nothing was sent.',
  'circles.report.notice':
    "A concern was raised in a circle of *{initiative}* (“{circle}”) by a member, *{reporter}*.\nReason: {reason}.\nWho is in the circle and what was said stay private. You can reply to *{reporter}* below: your words reach them under that pseudonym, without your name. Please follow your initiative's guidance.",
  'circles.report.noticeAbout':
    "A concern was raised in a circle of *{initiative}* (“{circle}”) by a member, *{reporter}*, about another member of the circle, *{about}*.\nReason: {reason}.\nWho is in the circle and what was said stay private. You can reply to *{reporter}* below: your words reach them under that pseudonym, without your name. Please follow your initiative's guidance.",
} as const;

export const circlesRelayDe: Record<keyof typeof circlesRelayEn, string> = {
  'circles.relay.facilitator': '{name} (Moderation)',
  'circles.relay.notification': 'Neue Nachricht in deinem Kreis (Peer Support)',
  'circles.relay.filesNotRelayed':
    'Dateien und Bilder werden nicht an den Kreis weitergegeben, damit alle anonym bleiben (Dateinamen und Details können Personen erkennbar machen). Dein Text, falls vorhanden, wurde weitergegeben.',
  'circles.relay.notReachedEveryone':
    'Entschuldige, bei uns ist etwas schiefgegangen: Deine Nachricht hat {missed, plural, one {# Person} other {# Personen}} im Kreis nicht erreicht. Die anderen haben sie bekommen. Was du schreibst, wird nicht gespeichert, deshalb kann ich sie nicht für dich nachsenden; wenn sie dir wichtig ist, kannst du sie in ein paar Minuten noch einmal schreiben (die anderen sehen sie dann zweimal).',
  'circles.relay.notPassedOn':
    'Entschuldige, bei uns ist etwas schiefgegangen, und deine Nachricht hat den Kreis *nicht erreicht*. Bitte schick sie in ein paar Minuten noch einmal.',
  'circles.relay.closed': 'Dieser Kreis ist geschlossen, deshalb wurde deine Nachricht nicht weitergegeben. Danke, dass du dabei warst.',
  'circles.relay.nobodyYet':
    'Bisher ist noch niemand sonst dem Kreis beigetreten, deshalb wurde deine Nachricht nicht weitergegeben. Sobald andere dabei sind, erreicht sie, was du hier schreibst.',
  'circles.safety.paused':
    'Die Moderation hat deine Nachrichten an den Kreis bis zur nächsten Sitzung ({until}) pausiert, deshalb wurde diese nicht weitergegeben. Du kannst den Kreis weiter lesen. Das ist eine Pause, kein Urteil über dich. Wenn du gerade Unterstützung brauchst, warte bitte nicht:',
  'circles.safety.memberLead':
    'Wenn du daran denkst, dir etwas anzutun, oder in Gefahr bist, melde dich bitte jetzt. Du musst da nicht allein durch. Deine Nachricht wurde an den Kreis weitergegeben; diese Angebote sind auch für dich da:',
  'circles.safety.facilitatorNotification': 'Ein Hinweis zu deinem Kreis (Peer Support)',
  'circles.safety.facilitatorNote':
    'Etwas, das *{member}* in deinem Kreis geschrieben hat, deutet darauf hin, dass die Person in Gefahr sein könnte. Sie hat die Angebote unten bekommen. Bitte halte dich an deine Leitlinien: Antworte achtsam im Kreis und sprich mit dem Koordinationsteam. Niemand erwartet, dass du eine Krise allein auffängst. Wenn der Kreis eine Pause von ihren Nachrichten braucht, kannst du sie bis zur nächsten Sitzung pausieren.',
  'circles.safety.pauseButton': '{member} bis zur nächsten Sitzung pausieren',
  'circles.safety.confirmPause.title': 'Nachrichten pausieren?',
  'circles.safety.confirmPause.text':
    'Die Nachrichten von {member} erreichen den Kreis bis zur nächsten Sitzung nicht. Wenn die Person schreibt, erfährt sie es freundlich, mit den Hilfsangeboten. Die anderen erfahren es nicht.',
  'circles.safety.confirmPause.confirm': 'Pausieren',
  'circles.safety.confirmPause.deny': 'Jetzt nicht',
  'circles.safety.pausedDone':
    'Die Nachrichten von *{member}* sind bis zur nächsten Sitzung ({until}) pausiert. Wenn die Person schreibt, erfährt sie es freundlich, mit den Hilfsangeboten.',
  'circles.safety.pauseNotAllowed': 'Nur die Moderation des Kreises und das Koordinationsteam der Initiative können jemanden pausieren. Es wurde nichts geändert.',
  'circles.safety.pauseNotFound': 'Diese Person ist in keinem offenen Kreis mehr, es gab also nichts zu pausieren.',
  'circles.report.intro':
    'Das Koordinationsteam bekommt einen kurzen Hinweis mit der Initiative, dem Kreis, deinem Pseudonym im Kreis, dem Pseudonym der Person, um die es geht (wenn du eine wählst), und dem Grund, den du wählst, nie deinen Namen oder Nachrichten von irgendwem. Jemand aus dem Koordinationsteam kann dir hier antworten, unter deinem Pseudonym.',
  'circles.report.about': 'Geht es um jemanden im Kreis?',
  'circles.report.aboutPlaceholder': 'Auswählen (freiwillig)',
  'circles.report.sent':
    'Danke, dass du es uns sagst. Dein Anliegen wurde an das Koordinationsteam geschickt. Jemand aus dem Team kann dir in deinen Nachrichten mit der App antworten, unter deinem Pseudonym *{pseudonym}*.',
  'circles.report.notMember': 'Du bist nicht mehr in diesem Kreis, deshalb konnte das Anliegen nicht gesendet werden. Es wurde nichts gesendet.',
  'circles.report.notice':
    'In einem Kreis von *{initiative}* („{circle}“) hat ein Mitglied, *{reporter}*, ein Anliegen gemeldet.\nGrund: {reason}.\nWer im Kreis ist und was gesagt wurde, bleibt vertraulich. Du kannst *{reporter}* unten antworten: Deine Worte kommen unter diesem Pseudonym an, ohne deinen Namen. Bitte halte dich an die Vorgaben deiner Initiative.',
  'circles.report.noticeAbout':
    'In einem Kreis von *{initiative}* („{circle}“) hat ein Mitglied, *{reporter}*, ein Anliegen zu einem anderen Mitglied des Kreises gemeldet: *{about}*.\nGrund: {reason}.\nWer im Kreis ist und was gesagt wurde, bleibt vertraulich. Du kannst *{reporter}* unten antworten: Deine Worte kommen unter diesem Pseudonym an, ohne deinen Namen. Bitte halte dich an die Vorgaben deiner Initiative.',
};

export const circlesRelayEs: Record<keyof typeof circlesRelayEn, string> = {
  'circles.relay.facilitator': '{name} (moderación)',
  'circles.relay.notification': 'Nuevo mensaje en tu círculo (Peer Support)',
  'circles.relay.filesNotRelayed':
    'Los archivos y las imágenes no se pasan al círculo, para que todo el mundo siga en el anonimato (los nombres de archivo y otros detalles pueden identificar a las personas). Tu texto, si lo había, sí se ha pasado.',
  'circles.relay.notReachedEveryone':
    'Lo sentimos, algo ha fallado por nuestra parte: tu mensaje no ha llegado a {missed, plural, one {# persona} many {# personas} other {# personas}} del círculo. Al resto sí le ha llegado. Lo que escribes no se guarda, así que no puedo reenviarlo por ti; si es importante para ti, puedes volver a escribirlo en unos minutos (el resto lo verá dos veces).',
  'circles.relay.notPassedOn':
    'Lo sentimos, algo ha fallado por nuestra parte y tu mensaje *no ha llegado al círculo*. Vuelve a enviarlo en unos minutos.',
  'circles.relay.closed': 'Este círculo se ha cerrado, así que tu mensaje no se ha pasado. Gracias por haber formado parte de él.',
  'circles.relay.nobodyYet': 'Todavía no se ha unido nadie más al círculo, así que tu mensaje no se ha pasado. Cuando se unan otras personas, les llegará lo que escribas aquí.',
  'circles.safety.paused':
    'La moderación ha pausado tus mensajes al círculo hasta la próxima sesión ({until}), así que este no se ha pasado. Puedes seguir leyendo el círculo. Es una pausa, no un juicio sobre ti. Si necesitas apoyo ahora mismo, no esperes:',
  'circles.safety.memberLead':
    'Si estás pensando en hacerte daño o estás en peligro, pide ayuda ahora. No tienes que pasar por esto en soledad. Tu mensaje se ha pasado al círculo; estos recursos también están aquí para ti:',
  'circles.safety.facilitatorNotification': 'Un aviso sobre tu círculo (Peer Support)',
  'circles.safety.facilitatorNote':
    'Algo que *{member}* ha escrito en tu círculo sugiere que podría estar en riesgo. Ya ha recibido los recursos de abajo. Sigue tus pautas: responde con cuidado en el círculo y habla con coordinación. Nadie espera que afrontes una crisis en soledad. Si el círculo necesita una pausa de sus mensajes, puedes pausarlos hasta la próxima sesión.',
  'circles.safety.pauseButton': 'Pausar a {member} hasta la próxima sesión',
  'circles.safety.confirmPause.title': '¿Pausar sus mensajes?',
  'circles.safety.confirmPause.text':
    'Los mensajes de {member} no llegarán al círculo hasta la próxima sesión. Si escribe, se le avisará con amabilidad, junto con los recursos. El resto no recibe ningún aviso.',
  'circles.safety.confirmPause.confirm': 'Pausar',
  'circles.safety.confirmPause.deny': 'Ahora no',
  'circles.safety.pausedDone':
    'Los mensajes de *{member}* están en pausa hasta la próxima sesión ({until}). Si escribe, se le avisará con amabilidad, junto con los recursos.',
  'circles.safety.pauseNotAllowed': 'Solo la moderación del círculo y la coordinación de la iniciativa pueden pausar a alguien. No se ha cambiado nada.',
  'circles.safety.pauseNotFound': 'Esa persona ya no está en un círculo abierto, así que no había nada que pausar.',
  'circles.report.intro':
    'Coordinación recibe un aviso breve con la iniciativa, el círculo, tu seudónimo en el círculo, el seudónimo de la persona a la que se refiere (si eliges una) y el motivo que elijas, nunca tu nombre ni los mensajes de nadie. Alguien de coordinación puede responderte aquí, con tu seudónimo.',
  'circles.report.about': '¿Se refiere a alguien del círculo?',
  'circles.report.aboutPlaceholder': 'Elegir (opcional)',
  'circles.report.sent':
    'Gracias por contárnoslo. Tu inquietud se ha enviado a coordinación. Alguien de coordinación puede responderte en tus mensajes con la app, con tu seudónimo *{pseudonym}*.',
  'circles.report.notMember': 'Ya no estás en este círculo, así que no se ha podido enviar la inquietud. No se ha enviado nada.',
  'circles.report.notice':
    'Una persona del círculo, *{reporter}*, ha comunicado una inquietud en un círculo de *{initiative}* («{circle}»).\nMotivo: {reason}.\nQuién está en el círculo y lo que se dijo siguen siendo privados. Puedes responder a *{reporter}* abajo: tus palabras le llegan con ese seudónimo, sin tu nombre. Sigue las indicaciones de tu iniciativa.',
  'circles.report.noticeAbout':
    'Una persona del círculo, *{reporter}*, ha comunicado una inquietud en un círculo de *{initiative}* («{circle}») sobre otra persona del círculo, *{about}*.\nMotivo: {reason}.\nQuién está en el círculo y lo que se dijo siguen siendo privados. Puedes responder a *{reporter}* abajo: tus palabras le llegan con ese seudónimo, sin tu nombre. Sigue las indicaciones de tu iniciativa.',
};
