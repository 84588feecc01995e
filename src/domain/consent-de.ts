// German consent texts (du). Translated from src/domain/consent.ts; same facts, same structure.
import type { ConsentPurpose } from './consent.js';
const VOLUNTARY =
  'Mitmachen ist freiwillig und hat keinen Einfluss auf deinen Job, deine Leistungsbeurteilungen oder darauf, wie andere dich bei der Arbeit sehen.';
const HR_COUNTS = 'HR sieht nur anonyme Zahlen (nie kleiner als die Mindestgruppengröße der Initiative), nie einen Namen.';
// Genitive, so it reads after "nach Ablauf" and "für die Dauer" where the English has "after" and "for".
const RETENTION = 'der Aufbewahrungsfrist der Initiative (90 Tage, sofern die Koordination keine andere Frist festlegt)';
const CHECK_IN_ANSWERS = 'deine Antworten auf Check-ins, nur als die Auswahl gespeichert, die du getroffen hast, nie als Freitext';
const RELAYED =
  'Die Nachrichten, die ihr austauscht, werden weitergeleitet und nie gespeichert: Wir behalten nur ihre Zeitstempel, damit auch eine Änderung oder Löschung bei der anderen Person ankommt.';
export const DE_TEXTS: Record<ConsentPurpose, string> = {
  listener: [
    '*Was wir speichern:* deine Slack-ID; die Themen, die Kapazität, die Kurzvorstellung, die Sprachen, die Arbeitstage und Arbeitszeiten sowie die Ruhezeiten, die du hier angibst; ob du aktiv oder pausiert bist, warum und bis wann; wie viele Anfragen nacheinander unbeantwortet geblieben sind (nach drei werden neue Anfragen pausiert, bis du weitermachst); deine Zeitzone und Spracheinstellung aus deinem Slack-Profil, damit sich Anfragen, Ruhezeiten und Check-ins nach deinem Tag richten und dich in deiner Sprache erreichen; die Anfragen, die du bekommst, und deine Antworten darauf; zu jedem Gespräch die Pseudonyme und wann es begonnen und geendet hat; ' +
      CHECK_IN_ANSWERS +
      '; eine Meldung, die du machst (dein Pseudonym, den Grund und den Zeitpunkt), und eine Meldung, die jemand, den du unterstützt, über dich macht und in der du genannt wirst; wenn ein Gespräch gemeldet wird und ihr zwei voneinander getrennt werdet, einen Vermerk, euch nicht wieder zusammenzubringen; wenn du einen Kreis moderierst, dass du ihn moderierst, dein Pseudonym darin und die Zeitstempel dessen, was du dort schreibst; und einen Nachweis dieser Einwilligung. ' +
      RELAYED,
    '*Warum:* um dir Gespräche mit Kolleginnen und Kollegen anzubieten, die eine Erfahrung mit dir teilen, die du selbst gemacht hast, zu Zeiten, die dir passen, und um nachzufragen, wie es dir geht.',
    '*Wer das sehen kann:* Die Koordinatorinnen und Koordinatoren der Initiative sehen deinen Namen, deine Themen, deine Kurzvorstellung, deinen Status, deine Arbeitszeiten und wie viele Gespräche du führst, aber nie, wen du unterstützt oder was gesagt wird; wenn jemand, den du unterstützt, eine Meldung macht, erfährt die Koordination, dass es um dich geht. Menschen, die du unterstützt, sehen nur ein Pseudonym und deine Kurzvorstellung, außer ihr entscheidet euch beide dafür, eure Namen zu teilen. ' +
      HR_COUNTS,
    `*Wie lange:* Dein Profil bleibt bestehen, bis du aufhörst. Ein beendetes Gespräch wird mit seinen Anfragen und Check-in-Antworten nach Ablauf ${RETENTION} gelöscht, ebenso eine Meldung, gerechnet ab dem Zeitpunkt, an dem sie gemacht wurde. Deine Zeitzone und Spracheinstellung werden jede Woche aus Slack aktualisiert und gelöscht, sobald nichts mehr für dich ansteht. Es bleiben nur anonyme Zahlen.`,
    `*Deine Entscheidung:* ${VOLUNTARY}`,
    // The Home tab's button, as the German Home names it (home.stop).
    '*Widerruf:* `/peer stop` widerruft diese Einwilligung und löscht sofort dein Profil als zuhörende Person; das geht auch mit *Nicht mehr zuhören* im Home-Tab der App. `/peer delete-my-data` löscht alles, was über dich gespeichert ist.',
  ].join('\n'),
  coordinator: [
    '*Was wir speichern:* deine Slack-ID als Koordinatorin oder Koordinator dieser Initiative; wenn dich eine Kollegin oder ein Kollege eingeladen hat, die Einladung (diese Initiative, die Rolle, deine Slack-ID und wann sie verschickt wurde); einen Eintrag für jedes Mal, wenn du die Auswertungen der Initiative ansiehst oder exportierst; wenn du einen Kreis moderierst, dass du ihn moderierst, dein Pseudonym darin und die Zeitstempel dessen, was du dort schreibst; und einen Nachweis dieser Einwilligung.',
    '*Warum:* damit du die Initiative leiten kannst: ihre Einstellungen bearbeiten, zuhörende Personen freigeben und Nachrichten von zuhörenden Personen bekommen, die Unterstützung brauchen.',
    '*Wer das sehen kann:* andere Koordinatorinnen und Koordinatoren sowie zuhörende Personen, die darum bitten, mit jemandem aus der Koordination zu sprechen. Du siehst nie, wer um Unterstützung gebeten hat oder was gesagt wurde. ' +
      HR_COUNTS,
    `*Wie lange:* Eine Einladung wird gelöscht, sobald du darauf antwortest, wenn sie zurückgezogen wird, oder nach 14 Tagen ohne Antwort. Deine Rolle bleibt bestehen, bis du entfernt wirst oder deine Daten löschst. Einträge über das Ansehen der Auswertungen werden nach Ablauf ${RETENTION} gelöscht.`,
    `*Deine Entscheidung:* ${VOLUNTARY}`,
    '*Widerruf:* `/peer delete-my-data` entfernt dich als Koordinatorin oder Koordinator und löscht alles, was über dich gespeichert ist, und zwar sofort.',
  ].join('\n'),
  hr_viewer: [
    '*Was wir speichern:* deine Slack-ID als Person mit HR-Einsicht in diese Initiative; die Einladung, die du bekommen hast (diese Initiative, die Rolle, deine Slack-ID und wann sie verschickt wurde); einen Eintrag für jedes Mal, wenn du die Auswertungen der Initiative ansiehst oder exportierst; und einen Nachweis dieser Einwilligung.',
    '*Warum:* damit du anonyme Nutzungszahlen der Initiative sehen kannst.',
    '*Wer das sehen kann:* Die Koordinatorinnen und Koordinatoren der Initiative sehen, wer HR-Einsicht hat und wann Auswertungen angesehen wurden. Auswertungen zeigen nie eine einzelne Person, nur Zahlen, die mindestens so groß sind wie die Mindestgruppengröße.',
    `*Wie lange:* Die Einladung wird gelöscht, sobald du darauf antwortest, wenn sie zurückgezogen wird, oder nach 14 Tagen ohne Antwort. Deine Rolle bleibt bestehen, bis du entfernt wirst oder deine Daten löschst. Einträge über das Ansehen der Auswertungen werden nach Ablauf ${RETENTION} gelöscht.`,
    `*Deine Entscheidung:* ${VOLUNTARY}`,
    '*Widerruf:* `/peer delete-my-data` entzieht dir die HR-Einsicht und löscht alles, was über dich gespeichert ist, und zwar sofort.',
  ].join('\n'),
  seeker_request: [
    '*Was wir speichern:* deine Slack-ID, damit wir dich erreichen können; das Thema, die Notiz, die Sprache und den Zeitzonenwunsch, die du hier angibst; deine Zeitzone und Spracheinstellung aus deinem Slack-Profil, damit Check-ins zu einer vernünftigen Uhrzeit und in deiner Sprache bei dir ankommen und wir, wenn du darum bittest, eine zuhörende Person in einer ähnlichen Zeitzone finden können; welche zuhörenden Personen gefragt wurden und ihre Antworten, damit niemand zweimal gefragt wird; die Pseudonyme und wann dein Gespräch begonnen und geendet hat; ' +
      CHECK_IN_ANSWERS +
      '; wenn du etwas meldest, die Meldung (dein Pseudonym, den Grund und den Zeitpunkt), damit dich eine Antwort aus der Koordination erreichen kann, und wenn du darum bittest, nicht wieder mit dieser zuhörenden Person zusammengebracht zu werden, einen Vermerk darüber; und einen Nachweis dieser Einwilligung. ' +
      RELAYED,
    '*Warum:* um eine zuhörende Person zu finden, die diese Erfahrung mit dir teilt, und um nachzufragen, wie es läuft.',
    '*Wer das sehen kann:* Niemand erfährt, wer du bist: Die Person, die dir zuhört, sieht nur ein Pseudonym und deine Notiz, die Koordination sieht nie, wer gefragt hat, und ' +
      HR_COUNTS +
      ' Eine Meldung von dir erreicht die Koordination unter deinem Pseudonym und nennt die Person, die dir zuhört, damit sie weiß, um wen es geht; jemand aus der Koordination kann dir über die App antworten, ohne zu erfahren, wer du bist.',
    `*Wie lange:* Sobald deine Anfrage beendet oder zurückgezogen ist, wird sie mit den Angaben zum Gespräch und den Check-in-Antworten für die Dauer ${RETENTION} aufbewahrt und dann zusammen mit diesem Einwilligungsnachweis gelöscht; eine Meldung von dir wird nach Ablauf derselben Frist gelöscht, gerechnet ab dem Zeitpunkt, an dem du sie gemacht hast; ein Vermerk, euch nicht wieder zusammenzubringen, wird ebenfalls gelöscht, sobald du keine Anfrage mehr hast. Deine Zeitzone und Spracheinstellung werden jede Woche aus Slack aktualisiert und gelöscht, sobald nichts mehr für dich ansteht. Es bleiben nur anonyme Zahlen.`,
    `*Deine Entscheidung:* ${VOLUNTARY}`,
    '*Widerruf:* Du kannst das Gespräch jederzeit beenden oder die Anfrage zurückziehen, und `/peer delete-my-data` löscht sofort alles, was über dich gespeichert ist.',
  ].join('\n'),
  circle_member: [
    '*Was wir speichern:* deine Slack-ID, damit dich die Nachrichten und Sitzungsimpulse des Kreises erreichen; den Kreis, dem du beigetreten bist, wann du beigetreten bist und dein Pseudonym darin; ob du deinen Namen mit dem Kreis teilen wolltest; wenn die Moderation deine Nachrichten pausiert, bis wann; wann die Moderation zuletzt erfahren hat, dass du vielleicht Unterstützung brauchst; deine Zeitzone und Spracheinstellung aus deinem Slack-Profil, damit Sitzungsimpulse zu einer vernünftigen Uhrzeit und in deiner Sprache ankommen; eine Meldung, die du machst (dein Pseudonym, den Grund und den Zeitpunkt); und einen Eintrag über diese Einwilligung. Was du im Kreis schreibst, wird an die anderen Mitglieder weitergeleitet und nie gespeichert: Wir behalten nur die Zeitstempel, damit auch eine Änderung oder Löschung bei jeder Kopie ankommt.',
    '*Warum:* damit du in einer kleinen Gruppe von Kolleginnen und Kollegen, die eine Erfahrung mit dir teilen, erzählen und zuhören kannst, mit einem Impuls zu jeder Sitzung.',
    '*Wer das sehen kann:* Die anderen Mitglieder und die Moderation sehen nur dein Pseudonym im Kreis und was du schreibst, nie deinen Namen, außer du entscheidest dich, ihn mit dem Kreis zu teilen. Wenn deine Worte darauf hindeuten, dass du in Gefahr sein könntest, erfährt die Moderation dein Pseudonym, nie deinen Namen oder deine Worte. Die Koordination sieht, wie viele Plätze belegt sind, nie, wer beigetreten ist. ' +
      HR_COUNTS,
    '*Wie lange:* Dein Platz im Kreis, dein Pseudonym und die Zeitstempel deiner Nachrichten werden gelöscht, sobald du den Kreis verlässt (wird der Kreis vorher geschlossen, nach Ablauf ' + RETENTION + '). Eine Meldung, die du machst, wird nach Ablauf ' + RETENTION + ' gelöscht, gerechnet ab dem Zeitpunkt, an dem du sie gemacht hast. Nur anonyme Zahlen bleiben.',
    `*Deine Entscheidung:* ${VOLUNTARY}`,
    '*Widerruf:* *Kreis verlassen* (in der Willkommensnachricht des Kreises oder über `/peer circles`) widerruft diese Einwilligung und löscht deinen Platz sofort. `/peer delete-my-data` löscht alles, was über dich gespeichert ist.',
  ].join('\n'),
};
