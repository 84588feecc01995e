import type { MessageKey } from './en.js';

// German, informal ("du"), as German workplace tools usually are; "listener" is said as a person who
// listens, not a title. Same keys and arguments as en.ts (test/i18n/catalogues.test.ts).

export const de: Record<MessageKey, string> = {
  'checkIns.seekerQuestion': 'Wie läuft es mit *{listener}*? Was auch immer du wählst, ist in Ordnung, und nur du siehst das.',
  'checkIns.listenerQuestion':
    'Wie geht es dir? Zuhören kann viel Kraft kosten. Wie auch immer du antwortest: Danke, dass du für jemanden aus dem Kollegium da bist.',
  'checkIns.listenerLoad': '{conversations, plural, one {Du bist gerade für # Person da.} other {Du bist gerade für # Personen da.}}',
  'checkIns.waitingUpdate':
    'Ich suche noch jemanden, der dir zuhört, und ich habe dich nicht vergessen. Wenn es sich dringend anfühlt, warte bitte nicht: Diese Stellen sind jetzt für dich da.',
  'checkIns.resourcesLead': '*Unterstützung und Hilfe in Krisen*',
  'checkIns.answer.helpful': 'Hilfreich',
  'checkIns.answer.notYet': 'Noch nicht',
  'checkIns.answer.someoneElse': 'Ich möchte jemand anderen',
  'checkIns.answer.end': 'Beenden',
  'checkIns.answer.fine': 'Mir geht es gut',
  'checkIns.answer.break': 'Ich brauche eine Pause',
  'checkIns.answer.coordinator': 'Mit dem Koordinationsteam sprechen',
  'checkIns.answer.keepGoing': 'Weitermachen',
  'checkIns.answer.wrapUp': 'Lass uns abschließen',
  'checkIns.thanks.helpful': 'Danke, dass du es mir sagst. Schön, dass es dir hilft.',
  'checkIns.thanks.notYet': 'Danke, dass du es mir sagst. Das kann Zeit brauchen; du kannst jederzeit beenden oder um jemand anderen bitten.',
  'checkIns.thanks.someoneElse': 'Natürlich. Ich habe dieses Gespräch beendet und suche jemand anderen für dich.',
  'checkIns.thanks.end': 'Ich habe das Gespräch beendet. Danke, dass du dich gemeldet hast; mit `/peer request` kannst du jederzeit wieder fragen.',
  'checkIns.thanks.fine': 'Danke. Schön, das zu hören.',
  'checkIns.thanks.break':
    'Nimm dir die Zeit, die du brauchst. Du bist pausiert: keine neuen Anfragen, bis du `/peer resume` eingibst. Oder wähle unten einen Tag, dann begrüße ich dich an dem Tag wieder. Deine laufenden Gespräche gehen weiter, solange du sie nicht beendest.',
  'checkIns.thanks.coordinator': 'Ich habe dem Koordinationsteam gesagt, dass du gern sprechen möchtest. Jemand von ihnen meldet sich bei dir.',
  'checkIns.thanks.keepGoing': 'Danke, dass du es mir sagst. Es ändert sich nichts: Macht einfach weiter, und ihr könnt beide jederzeit beenden.',
  'checkIns.thanks.wrapUp': 'Danke für die Wochen, in denen ihr miteinander gesprochen habt.',
  'checkIns.chooseReturnDate': 'Wählen, wann ich zurück bin',
  'checkIns.alreadyWrappedUp': 'Dieses Gespräch war schon beendet, es gab also nichts abzuschließen. Danke, dass du dabei warst.',
  'checkIns.reviewQuestion':
    'Du und *{other}* sprecht seit {weeks, plural, one {# Woche} other {# Wochen}} miteinander. Möchtest du weitermachen? Du musst nicht antworten: Wenn du es nicht tust, ändert sich nichts.',
  'checkIns.confirmWrapUp.title': 'Gespräch abschließen?',
  'checkIns.confirmWrapUp.text':
    'Damit endet das Gespräch für euch beide, und die andere Person erfährt behutsam, dass es zu einem geplanten Ende gekommen ist. Das lässt sich nicht rückgängig machen.',
  'checkIns.confirmWrapUp.confirm': 'Lass uns abschließen',
  'checkIns.confirmWrapUp.deny': 'Noch nicht',
  'checkIns.alreadyAnswered': 'Danke, deine Antwort ist schon notiert.',
  'requests.cancelMyRequest': 'Meine Anfrage zurückziehen',
};
