// A coordinator's invitation to be a coordinator or an HR viewer (issues 13 and 19), in the three
// languages side by side; merged into en.ts, de.ts and es.ts. The DM is worded in the invitee's language
// when it is sent, and that language is stored with the invitation: its closing words and the consent
// recorded when it is accepted follow the words the person saw. {inviter} is a Slack mention,
// {initiative} the initiative's name (escaped by the caller), {role} 'coordinator' or 'hr_viewer'.

export const invitationsEn = {
  'invitations.header': 'An invitation to help with peer support',
  'invitations.text':
    '{role, select, coordinator {{inviter} invited you to be a coordinator of the peer-support initiative *{initiative}*. Coordinators edit the settings, approve listeners and hear from listeners who need support. They never see who asked for support or what was said.} other {{inviter} invited you to be an HR viewer of the peer-support initiative *{initiative}*. HR viewers see anonymous uptake figures: counts only, never a person.}}',
  'invitations.accept': 'I agree and accept',
  'invitations.decline': 'No, thank you',
  'invitations.accepted':
    "{role, select, coordinator {Thank you. You are now a coordinator of *{initiative}*. Your tools are in the app's Home tab.} other {Thank you. You are now an HR viewer of *{initiative}*. Your tools are in the app's Home tab.}}",
  'invitations.declined': 'No problem, nothing was stored about you. Thank you for letting us know.',
  'invitations.notYours': 'This invitation is for someone else.',
  'invitations.gone':
    "This invitation is no longer open: it was withdrawn, already answered, or more than 14 days old. If you would like to help, please ask one of the initiative's coordinators.",
  'invitations.withdrawn':
    '{role, select, coordinator {The invitation to be a coordinator of *{initiative}* was withdrawn by its coordinators. Nothing about you was kept.} other {The invitation to be an HR viewer of *{initiative}* was withdrawn by its coordinators. Nothing about you was kept.}}',
  'invitations.expired':
    '{role, select, coordinator {The invitation to be a coordinator of *{initiative}* has closed after 14 days without an answer, and nothing about you was kept. A coordinator can invite you again.} other {The invitation to be an HR viewer of *{initiative}* has closed after 14 days without an answer, and nothing about you was kept. A coordinator can invite you again.}}',
} as const;

// "Koordinationsteam" and "HR-Einsicht in die Auswertungen", as de.ts, my-data.ts and the consent texts say.
export const invitationsDe: Record<keyof typeof invitationsEn, string> = {
  'invitations.header': 'Eine Einladung, beim Peer Support mitzuhelfen',
  'invitations.text':
    '{role, select, coordinator {{inviter} hat dich ins Koordinationsteam der Peer-Support-Initiative *{initiative}* eingeladen. Das Koordinationsteam bearbeitet die Einstellungen, gibt zuhörende Personen frei und ist für zuhörende Personen da, die selbst Unterstützung brauchen. Es sieht nie, wer um Unterstützung gebeten hat oder was gesagt wurde.} other {{inviter} hat dich eingeladen, die Auswertungen der Peer-Support-Initiative *{initiative}* für HR einzusehen. Mit HR-Einsicht siehst du anonyme Nutzungszahlen: nur Zahlen, nie eine Person.}}',
  'invitations.accept': 'Ich stimme zu und nehme an',
  'invitations.decline': 'Nein, danke',
  'invitations.accepted':
    '{role, select, coordinator {Danke! Du bist jetzt im Koordinationsteam von *{initiative}*. Deine Werkzeuge findest du im Home-Tab der App.} other {Danke! Du hast jetzt HR-Einsicht in die Auswertungen von *{initiative}*. Du findest sie im Home-Tab der App.}}',
  'invitations.declined': 'Kein Problem, über dich wurde nichts gespeichert. Danke, dass du Bescheid gibst.',
  'invitations.notYours': 'Diese Einladung ist für jemand anderen.',
  'invitations.gone':
    'Diese Einladung ist nicht mehr offen: Sie wurde zurückgezogen, schon beantwortet oder ist älter als 14 Tage. Wenn du mithelfen möchtest, frag bitte jemanden aus dem Koordinationsteam der Initiative.',
  'invitations.withdrawn':
    '{role, select, coordinator {Das Koordinationsteam von *{initiative}* hat die Einladung ins Team zurückgezogen. Über dich wurde nichts aufbewahrt.} other {Das Koordinationsteam von *{initiative}* hat die Einladung zurückgezogen, die Auswertungen für HR einzusehen. Über dich wurde nichts aufbewahrt.}}',
  'invitations.expired':
    '{role, select, coordinator {Die Einladung ins Koordinationsteam von *{initiative}* ist nach 14 Tagen ohne Antwort abgelaufen, und über dich wurde nichts aufbewahrt. Jemand aus dem Koordinationsteam kann dich wieder einladen.} other {Die Einladung, die Auswertungen von *{initiative}* für HR einzusehen, ist nach 14 Tagen ohne Antwort abgelaufen, und über dich wurde nichts aufbewahrt. Jemand aus dem Koordinationsteam kann dich wieder einladen.}}',
};

// "coordinación" and "consultar los datos agregados como RR. HH.", as es.ts, my-data.ts and the consent texts say.
export const invitationsEs: Record<keyof typeof invitationsEn, string> = {
  'invitations.header': 'Una invitación para colaborar en el apoyo entre compañeros',
  'invitations.text':
    '{role, select, coordinator {{inviter} te ha invitado a formar parte de la coordinación de la iniciativa de apoyo entre compañeros *{initiative}*. Quienes coordinan editan la configuración, aprueban a oyentes y atienden a oyentes que necesitan apoyo. Nunca ven quién ha pedido apoyo ni lo que se ha dicho.} other {{inviter} te ha invitado a consultar como RR. HH. los datos agregados de la iniciativa de apoyo entre compañeros *{initiative}*. Verás cifras anónimas de participación: solo recuentos, nunca a una persona.}}',
  'invitations.accept': 'Estoy de acuerdo y acepto',
  'invitations.decline': 'No, gracias',
  'invitations.accepted':
    '{role, select, coordinator {Gracias. Ya formas parte de la coordinación de *{initiative}*. Tus herramientas están en la pestaña Inicio de la app.} other {Gracias. Ya puedes consultar como RR. HH. los datos agregados de *{initiative}*. Los encontrarás en la pestaña Inicio de la app.}}',
  'invitations.declined': 'No pasa nada: no se ha guardado nada sobre ti. Gracias por avisarnos.',
  'invitations.notYours': 'Esta invitación es para otra persona.',
  'invitations.gone':
    'Esta invitación ya no está abierta: se retiró, ya se respondió o tiene más de 14 días. Si te gustaría colaborar, habla con alguien que coordine la iniciativa.',
  'invitations.withdrawn':
    '{role, select, coordinator {El equipo de coordinación de *{initiative}* ha retirado la invitación para que te unieras a él. No se ha conservado nada sobre ti.} other {El equipo de coordinación de *{initiative}* ha retirado la invitación para que consultaras como RR. HH. sus datos agregados. No se ha conservado nada sobre ti.}}',
  'invitations.expired':
    '{role, select, coordinator {La invitación para formar parte de la coordinación de *{initiative}* se ha cerrado tras 14 días sin respuesta, y no se ha conservado nada sobre ti. Alguien de coordinación puede volver a invitarte.} other {La invitación para consultar como RR. HH. los datos agregados de *{initiative}* se ha cerrado tras 14 días sin respuesta, y no se ha conservado nada sobre ti. Alguien de coordinación puede volver a invitarte.}}',
};
