import { listenersDe } from './listeners.js';
import { myDataDe } from './my-data.js';
import { insightsDe } from './insights.js';
import { reportsDe } from './reports.js';
import { invitationsDe } from './invitations.js';
import { initiativesDe } from './initiatives.js';
import { setupDe } from './setup.js';
import { circlesDe } from './circles.js';
import { circlesRelayDe } from './circles-relay.js';
import { circlesSessionsDe } from './circles-sessions.js';
import type { MessageKey } from './en.js';

// German, informal ("du"), as German workplace tools usually are; "listener" is said as a person who
// listens, not a title. Same keys and arguments as en.ts (test/i18n/catalogues.test.ts).

export const de: Record<MessageKey, string> = {
  ...listenersDe,
  ...myDataDe,
  ...insightsDe,
  ...reportsDe,
  ...invitationsDe,
  ...initiativesDe,
  ...setupDe,
  ...circlesDe,
  ...circlesRelayDe,
  ...circlesSessionsDe,
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
  'help.intro':
    'Peer Support bringt dich anonym mit jemandem aus dem Kollegium zusammen, der etwas Ähnliches erlebt hat. Es ist Unterstützung unter Kolleginnen und Kollegen, kein Krisendienst und keine therapeutische Hilfe.',
  'help.unknownCommand': 'Ich habe `{typed}` nicht erkannt. Das kann ich für dich tun:',
  'help.command.request': 'anonym um ein Gespräch mit einer zuhörenden Person bitten',
  'help.command.listen': 'anbieten, anderen im Kollegium zuzuhören (als zuhörende Person mitmachen)',
  'help.command.pause': 'neue Gespräche pausieren, während du eine Pause machst',
  'help.command.resume': 'nach einer Pause wieder neue Gespräche annehmen',
  'help.command.stop': 'nicht mehr zuhören und dein Profil als zuhörende Person löschen',
  'help.command.myData': 'alles sehen, was Peer Support über dich speichert',
  'help.command.deleteMyData': 'alles löschen, was Peer Support über dich speichert',
  'help.command.setup': 'eine Peer-Support-Initiative einrichten oder bearbeiten (Koordination)',
  'help.command.insights': 'anonyme Nutzungszahlen sehen (Koordination und HR)',
  'help.command.help': 'diese Liste zeigen',
  'safety.notificationText': 'Peer Support: Hilfsangebote und wie du um ein Gespräch bittest',
  'safety.resourcesLead': '*Wenn du gerade jetzt Unterstützung brauchst*',
  'safety.calmLine':
    'Du bist gerade in keinem Gespräch, deshalb wurde diese Nachricht an niemanden weitergegeben und auch nicht gespeichert. Wenn du reden möchtest, kannst du um eine anonyme zuhörende Person bitten: jemanden aus dem Kollegium, der etwas Ähnliches erlebt hat.',
  'safety.urgentLine':
    'Es klingt, als wäre gerade alles sehr schwer. Du musst nicht auf eine zuhörende Person warten: Bitte wende dich jetzt an eine dieser Stellen. Wenn du in Gefahr bist, ruf den Notruf an. Deine Nachricht wurde an niemanden weitergegeben und nicht gespeichert; du kannst trotzdem auch um ein Gespräch bitten.',
  'safety.askForAListener': 'Um ein Gespräch bitten',
  'safety.requestStatus':
    'Deine Anfrage zum Thema *{topic}*: {status, select, waiting {wir suchen jemanden, der dir zuhört} offered {wir haben jemanden gefragt und warten auf die Antwort} other {du bist im Gespräch: antworte im Thread dieses Gesprächs, um die Person zu erreichen}}.',
  'safety.anyTopic': 'ein Thema',
  'common.crisisLineFallback':
    'Wenn du gerade jetzt Unterstützung brauchst, nutze bitte die Hilfsangebote deiner Organisation, ruf den Notruf oder eine Krisenhotline an.',
  'requests.title': 'Um ein Gespräch bitten',
  'requests.helpNowTitle': 'Sofort Hilfe',
  'requests.sentTitle': 'Anfrage gesendet',
  'requests.loading': 'Einen Moment… Wenn du gerade in Gefahr bist, ruf bitte den Notruf an.',
  'requests.resourcesFirst':
    '*Vor allem anderen:* Wenn du in Gefahr bist oder dir etwas antun könntest, wende dich bitte jetzt an diese Stellen. Du musst nicht auf eine zuhörende Person warten.',
  'requests.helpNowButton': 'Ich brauche jetzt sofort Hilfe',
  'requests.helpNowLead':
    '*Du bist wichtig, und es gibt jetzt sofort Hilfe.* Bitte wende dich an eine dieser Stellen. Wenn du in unmittelbarer Gefahr bist, ruf den Notruf an.',
  'requests.notACrisisService': 'Peer Support ist kein Krisendienst. Du kannst jederzeit zurückkommen und um ein Gespräch bitten.',
  'requests.openResource': 'Dieses Angebot öffnen',
  'requests.openNamedResource': 'Öffnen: {name}',
  'requests.whatHappens':
    'Wir fragen jemanden aus dem Kollegium, der etwas Ähnliches erlebt hat, ob er dir zuhört. Die Person erfährt nicht, wer du bist, es sei denn, du entscheidest dich, es zu sagen. Du kannst das Gespräch jederzeit beenden oder um jemand anderen bitten.',
  'requests.topicLabel': 'Worüber möchtest du sprechen?',
  'requests.topicPlaceholder': 'Thema wählen',
  'requests.noteLabel': 'Eine Nachricht für die Person, die dir zuhört',
  'requests.noteHint': 'Freiwillig, höchstens {max, number} Zeichen. Die Person sieht sie mit der Anfrage. Bitte lass Namen weg.',
  'requests.languageLabel': 'Bevorzugte Sprache',
  'requests.anyLanguage': 'Jede Sprache',
  'requests.timezoneLabel': 'Zeitzone',
  'requests.sameTimezone': 'Mir wäre jemand in einer ähnlichen Zeitzone lieber',
  'requests.consentFooter': 'Mit dem Senden dieser Anfrage stimmst du dem oben Beschriebenen für diese Anfrage zu.',
  'requests.submit': 'Jemanden finden',
  'requests.sent':
    '*Danke. Deine Anfrage ist gesendet.* Ich suche jetzt jemanden, der dir zuhört, und melde mich in deinen Nachrichten mit der App: wenn jemand zusagt, und mit Neuigkeiten, während du wartest. Dort kannst du die Anfrage jederzeit zurückziehen.',
  'requests.whileYouWait': 'Während du wartest, sind diese Stellen für dich da:',
  'requests.noInitiative':
    'In diesem Workspace gibt es noch keine Peer-Support-Initiative, also auch niemanden, der zuhören kann. Eine Workspace-Admin-Person kann mit `/peer setup` eine starten.',
  'requests.error.topic': 'Bitte wähle, worüber du sprechen möchtest.',
  'requests.error.topicGone': 'Dieses Thema wird nicht mehr angeboten; bitte wähle noch einmal.',
  'requests.error.noteTooLong': 'Bitte halte deine Nachricht unter {max, number} Zeichen.',
  'requests.error.language': 'Bitte wähle eine Sprache aus der Liste.',
  'common.cancel': 'Abbrechen',
  'common.loading': 'Einen Moment…',
  'common.pseudonym': '{name}',
  'common.close': 'Schließen',
  'waiting.received':
    'Danke, dass du dich meldest. Ich suche jemanden, der *{topic}* aus dem eigenen Leben kennt, und schreibe dir hier, sobald jemand zusagt. Niemand erfährt, wer du bist, es sei denn, du entscheidest dich, es zu sagen.',
  'waiting.noListenerYet':
    'Danke, dass du dich meldest. Ganz ehrlich: Gerade ist niemand für *{topic}* frei. Deine Anfrage wartet, und ich bringe dich mit jemandem zusammen, sobald jemand Zeit hat. Bis dahin sind diese Stellen für dich da:',
  'waiting.offHours':
    'Die Personen, die zu *{topic}* zuhören, sind gerade außerhalb ihrer Arbeitszeit. Deine Anfrage ist bei uns sicher und geht an die erste von ihnen, deren Tag beginnt; du hörst hier von mir. Wenn du früher jemanden brauchst, sind diese Stellen jederzeit für dich da:',
  'waiting.stillLooking':
    'Ich habe noch niemanden gefunden, der gerade Zeit hat. Deine Anfrage wartet, und ich bringe dich mit jemandem zusammen, sobald jemand Zeit hat. Bis dahin sind diese Stellen für dich da:',
  'waiting.offerNotTaken':
    'Die Person, die ich gefragt habe, kann gerade nicht. Das kommt vor und sagt nichts über dich. Ich suche weiter, und deine Anfrage bleibt offen.',
  'waiting.paired': 'Gute Nachricht: Jemand hat zugesagt. Die Vorstellung folgt unten, und du kannst schreiben, wann immer du bereit bist.',
  'waiting.cancelled': 'Deine Anfrage ist zurückgezogen. Du kannst jederzeit wieder fragen.',
  'waiting.estimate': '{hours, plural, one {Hier finden Menschen meist innerhalb von # Stunde jemanden.} other {Hier finden Menschen meist innerhalb von # Stunden jemanden.}}',
  'offers.notification': 'Jemand möchte reden (Peer Support)',
  'offers.header': 'Jemand möchte reden',
  'offers.text': '*{pseudonym}* möchte mit jemandem sprechen, der *{topic}* aus eigener Erfahrung kennt. Möchtest du zuhören?',
  'offers.anyTopic': 'ein Thema, zu dem du zuhörst',
  'offers.theirNote': 'Ihre Nachricht:',
  'offers.expiry':
    '{hours, plural, one {Wenn du nicht innerhalb von # Stunde antwortest, frage ich jemand anderen. Absagen ist immer in Ordnung.} other {Wenn du nicht innerhalb von # Stunden antwortest, frage ich jemand anderen. Absagen ist immer in Ordnung.}}',
  'offers.accept': 'Annehmen',
  'offers.decline': 'Ablehnen',
  'offers.pauseUntil': 'Pausieren bis…',
  'pairings.introForSeeker':
    'Du sprichst jetzt mit *{listener}*, jemandem aus dem Kollegium, der das aus dem eigenen Leben kennt. Schreib einfach hier: Ich gebe deine Nachrichten unter deinem Pseudonym weiter und die der anderen Person an dich. Niemand weiß, wer du bist, es sei denn, du entscheidest dich, es zu sagen.',
  'pairings.listenerSays': '*{listener}* schreibt:',
  'pairings.whatToExpect':
    'Was dich erwartet: Die Person, die dir zuhört, ist jemand aus dem Kollegium, keine Therapeutin und kein Therapeut. Sie hört zu und erzählt, was ihr geholfen hat. Du entscheidest, worüber ihr sprecht, du kannst jederzeit beenden und ohne Begründung um jemand anderen bitten. Nachrichten werden weitergegeben, nie gespeichert. Dateien werden nicht weitergegeben, damit ihr beide anonym bleibt. Die App achtet in deinen Nachrichten auch auf Worte, die auf eine Krise hindeuten: Wenn sie welche findet, bekommst du hier die Hilfsangebote, und die Person, die dir zuhört, wird vertraulich informiert und bekommt die Angebote, um sie mit dir zu teilen (höchstens einmal am Tag). Deine Worte werden nicht gespeichert, und sonst erfährt niemand, wer du bist.',
  'pairings.introForListener':
    'Du hörst jetzt *{seeker}* zum Thema *{topic}* zu. Schreib hier, und ich gebe deine Nachrichten unter deinem Pseudonym weiter. Niemand weiß, wer du bist, es sei denn, du entscheidest dich, es zu sagen.',
  'pairings.introForListenerNoTopic':
    'Du hörst jetzt *{seeker}* zu. Schreib hier, und ich gebe deine Nachrichten unter deinem Pseudonym weiter. Niemand weiß, wer du bist, es sei denn, du entscheidest dich, es zu sagen.',
  'pairings.introForListenerNotification': 'Du hörst jetzt {seeker} zu (Peer Support).',
  'pairings.guidelinesLead': '*Zur Erinnerung: die Leitlinien*',
  'pairings.youAppearAs': 'Du erscheinst als *{name}*.',
  'pairings.button.end': 'Gespräch beenden',
  'pairings.button.someoneElse': 'Um jemand anderen bitten',
  'pairings.button.reveal': 'Meinen Namen zeigen',
  'pairings.button.report': 'Ein Anliegen melden',
  'pairings.confirmEnd.title': 'Gespräch beenden?',
  'pairings.confirmEnd.text': 'Die andere Person erfährt, dass das Gespräch beendet ist, und es werden keine Nachrichten mehr weitergegeben. Das lässt sich nicht rückgängig machen.',
  'pairings.confirmEnd.confirm': 'Gespräch beenden',
  'pairings.confirmEnd.deny': 'Weiterreden',
  'pairings.confirmSomeoneElse.title': 'Um jemand anderen bitten?',
  'pairings.confirmSomeoneElse.text':
    'Damit endet dieses Gespräch endgültig; die Person, die dir zuhört, erfährt ohne Begründung, dass du um jemand anderen gebeten hast. Dann suche ich jemand anderen für dich.',
  'pairings.confirmSomeoneElse.confirm': 'Beenden und neu fragen',
  'pairings.confirmSomeoneElse.deny': 'Hier bleiben',
  'pairings.confirmReveal.title': 'Deinen Namen zeigen?',
  'pairings.confirmReveal.text':
    'Wenn die andere Person ihren Namen auch teilt, sieht sie deinen Slack-Namen und dein Profil (dein Foto, deinen Titel und alles andere darauf), und du siehst ihres. Einmal gezeigt, lässt sich das nicht rückgängig machen.',
  'pairings.confirmReveal.confirm': 'Meinen Namen zeigen',
  'pairings.confirmReveal.deny': 'Anonym bleiben',
  'requests.cancelMyRequest': 'Meine Anfrage zurückziehen',
  // Home-Tab (Issue 19: die Sprache, gewählt oder aus Slack)
  'home.language.fromSlack': '*Sprache*: {language}, die Sprache deines Slack. Du kannst unten eine andere wählen.',
  'home.language.chosen': '*Sprache*: {language}, wie du sie gewählt hast.',
  'home.language.useSlack': 'Sprache meines Slack verwenden',
  // Home-Tab (Issue 15), in der Sprache der Person (Issue 19)
  'home.header': 'Peer Support',
  'home.intro':
    'Sprich anonym mit jemandem aus dem Kollegium, der etwas Ähnliches erlebt hat. Peer Support ergänzt professionelle Hilfe und ist kein Krisendienst: Wenn du in einer Krise bist, ruf bitte jetzt den Notruf oder eine Krisenhotline an.',
  'home.noInitiative': 'In diesem Workspace gibt es noch keine Peer-Support-Initiative. Möchtest du eine starten?',
  'home.setUpInitiative': 'Initiative einrichten',
  'home.talk':
    '*Mit jemandem sprechen*\nBitte anonym um ein Gespräch mit jemandem aus dem Kollegium, der etwas Ähnliches erlebt hat. Zuerst siehst du die Hilfsangebote.',
  'home.request':
    'Deine Anfrage zum Thema *{topic}*: {status, select, paired {du bist im Gespräch mit jemandem, der dir zuhört} other {wir suchen noch jemanden, der dir zuhört}}.',
  'home.cancelRequest': 'Diese Anfrage zurückziehen',
  'home.listeningHeading': '*Zuhören*',
  'home.volunteer': 'Hast du etwas erlebt, mit dem du jemandem aus dem Kollegium helfen könntest? Mach als zuhörende Person mit.',
  'home.becomeListener': 'Als zuhörende Person mitmachen',
  'home.listening.pending': 'Du bist bei *{initiative}* als zuhörende Person dabei: Dein Profil wartet auf die Freigabe durch das Koordinationsteam.',
  'home.listening.pausedNoAnswer':
    'Du bist bei *{initiative}* als zuhörende Person dabei: pausiert, weil drei Anfragen unbeantwortet geblieben sind (nicht schlimm: Du kannst die Pause jederzeit beenden).',
  'home.listening.pausedUntil': 'Du bist bei *{initiative}* als zuhörende Person dabei: pausiert bis {date} (du kannst die Pause auch früher beenden).',
  'home.listening.paused': 'Du bist bei *{initiative}* als zuhörende Person dabei: pausiert (du kannst die Pause jederzeit beenden).',
  'home.listening.full':
    'Du bist bei *{initiative}* als zuhörende Person dabei: Alle deine Plätze sind belegt, deshalb kommen keine neuen Anfragen, bis ein Gespräch endet.',
  'home.listening.taking': 'Du bist bei *{initiative}* als zuhörende Person dabei: Du nimmst neue Gespräche an.',
  'home.upToOnceApproved': 'Bis zu {capacity} gleichzeitig, sobald du freigegeben bist.',
  'home.slotsUsed': '{used} von {capacity, plural, one {# Gespräch} other {# Gesprächen}}',
  'home.noConversations': 'Gerade keine Gespräche.',
  'home.duration.lessThanAnHour': 'weniger als eine Stunde',
  'home.duration.hours': '{hours, plural, one {# Stunde} other {# Stunden}}',
  'home.duration.days': '{days, plural, one {# Tag} other {# Tage}}',
  'home.yourTopics': '*Deine Themen:* {topics}',
  'home.yourTopics.none': '*Deine Themen:* noch keine gewählt.',
  'home.hours.everyDay': 'jeden Tag',
  'home.hours.noDays': 'an keinem Tag',
  'home.hours.dayRange': '{first} bis {last}',
  'home.hours.anyTime': 'rund um die Uhr',
  'home.hours.timeRange': '{start} bis {end}',
  'home.offersArrive': '*Anfragen kommen:* {hours} ({timezone})',
  'home.offersArrive.noTimezone': '*Anfragen kommen:* {hours} (UTC, bis Slack mir deine Zeitzone mitteilt)',
  'home.quietHours': 'Ruhezeiten {start} bis {end}',
  'home.yourCoordinators': '*Dein Koordinationsteam:* {mentions}',
  'home.noCoordinator': '*Dein Koordinationsteam:* gerade niemand.',
  'home.andMore.topics': '{n, plural, one {…und # weiteres Thema} other {…und # weitere Themen}}',
  'home.andMore.coordinators': '{n, plural, one {…und # weitere Person aus der Koordination} other {…und # weitere Personen aus der Koordination}}',
  'home.andMore.listeners': '{n, plural, one {…und # weitere zuhörende Person} other {…und # weitere zuhörende Personen}}',
  'home.editProfile': 'Mein Profil als zuhörende Person bearbeiten',
  'home.pause': 'Pausieren…',
  'home.resume': 'Pause beenden',
  'home.stop': 'Nicht mehr zuhören',
  'home.confirmStop.title': 'Nicht mehr zuhören?',
  'home.confirmStop.text':
    'Dein Profil als zuhörende Person in dieser Initiative wird gelöscht, und deine laufenden Gespräche werden beendet; die Menschen, die du unterstützt, erfahren, dass du dich zurückgezogen hast, und bekommen jemand anderen angeboten. Du kannst später wieder mitmachen.',
  'home.confirmStop.confirm': 'Nicht mehr zuhören',
  'home.confirmStop.deny': 'Weiter zuhören',
  'home.insights': '*Auswertungen*\nAnonyme Nutzung: nur Zahlen, nie eine Person.',
  'home.insightsButton': 'Auswertungen: {name}',
  'home.yourData': '*Deine Daten*',
  'home.seeMyData': 'Meine Daten ansehen',
  'home.deleteMyData': 'Meine Daten löschen',
  'home.confirmDelete.title': 'Meine Daten löschen?',
  'home.confirmDelete.text':
    'Damit wird alles gelöscht, was Peer Support in diesem Workspace über dich speichert. Das lässt sich nicht rückgängig machen. Im nächsten Schritt siehst du, was gelöscht wird, und wirst noch einmal gefragt.',
  'home.confirmDelete.confirm': 'Weiter',
  'home.confirmDelete.deny': 'Abbrechen',
  'home.youCoordinate': '*{initiative}*: Du koordinierst diese Initiative',
  'home.listenerCounts': 'Zuhörende: {active} aktiv, {paused} pausiert, {pending} noch nicht freigegeben.',
  'home.volunteered': '{user} möchte zuhören und wartet auf Freigabe.',
  'home.approve': 'Freigeben',
  'home.decline': 'Ablehnen',
  'home.confirmDecline.title': 'Diese Person ablehnen?',
  'home.confirmDecline.text':
    'Die Person erfährt behutsam, dass sie diesmal nicht als zuhörende Person aufgenommen wird, und ihr Profil wird gelöscht. Das lässt sich nicht rückgängig machen.',
  'home.confirmDecline.confirm': 'Ablehnen',
  'home.confirmDecline.deny': 'Jetzt nicht',
  'home.morePending':
    '{count, plural, one {# weitere Person wartet auf Freigabe: In meiner Nachricht zu ihr kannst du sie ebenfalls freigeben oder ablehnen.} other {# weitere Personen warten auf Freigabe: In meiner Nachricht zu jeder von ihnen kannst du sie ebenfalls freigeben oder ablehnen.}}',
  'home.editSettings': 'Einstellungen bearbeiten',
  'home.listenerStatus.pending': 'wartet auf Freigabe',
  'home.listenerStatus.pausedNoAnswer': 'pausiert (keine Antwort)',
  'home.listenerStatus.pausedUntil': 'pausiert bis {date}',
  'home.listenerStatus.paused': 'pausiert',
  'home.listenerStatus.full': 'alle Plätze belegt',
  'home.listenerStatus.taking': 'nimmt neue Gespräche an',
  'home.listenerLoad': '{used} von {capacity}',
  'home.waitingTopic': '{topic} {count} (längste Wartezeit {duration})',
  'home.noTopic': 'Kein Thema',
  'home.waitingHeading': '*Warten auf ein Gespräch ({total}):*',
  'home.nobodyWaiting': '*Warten auf ein Gespräch:* gerade niemand.',
  // Benachrichtigungsvorschau (Issue 14), im Home-Tab
  'preferences.previews.off':
    '*Benachrichtigungen*\nNachrichten in einem Gespräch erscheinen auf deinem Handy oder Sperrbildschirm als „Neue Nachricht in Peer Support“, damit niemand, der auf deinen Bildschirm schaut, sieht, wer was geschrieben hat. Schalte die Vorschau ein, um dort auch das Pseudonym und den Text zu sehen.',
  'preferences.previews.on':
    '*Benachrichtigungen*\nDie Vorschau ist an: Dein Handy oder Sperrbildschirm zeigt bei jeder Nachricht in einem Gespräch das Pseudonym und den Text, für alle, die deinen Bildschirm sehen können. Schalte sie aus, damit dort nur „Neue Nachricht in Peer Support“ steht.',
  'preferences.previews.turnOn': 'Nachrichtenvorschau anzeigen',
  'preferences.previews.turnOff': 'Nachrichtenvorschau ausblenden',
  // Das Ende eines Gesprächs (Issues 4, 14, 15): beim Senden in der Sprache jeder Seite
  'pairings.end.byYou': 'Du hast dieses Gespräch beendet. Danke, dass du dabei warst: Sich zu melden oder zuzuhören braucht Mut.',
  'pairings.end.byOther': 'Die andere Person hat dieses Gespräch beendet. Das ist ihre Entscheidung, und nichts, was du tragen musst.',
  'pairings.end.forSeekerByListener':
    'Die Person, die dir zugehört hat, hat dieses Gespräch beendet. Das liegt nicht an dir, und du kannst jederzeit mit `/peer request` wieder um ein Gespräch bitten.',
  'pairings.end.someoneElseSeeker': 'Natürlich. Ich habe dieses Gespräch beendet und suche jemand anderen für dich. Ich melde mich, sobald jemand zusagt.',
  'pairings.end.someoneElseListener':
    'Die Person, der du zugehört hast, möchte mit jemand anderem sprechen. Das kommt vor und ist kein Urteil über dich.',
  'pairings.end.listenerStoppedSeeker':
    'Die Person, die dir zugehört hat, musste mit dem Zuhören aufhören. Das liegt nicht an dir. Ich suche jemand anderen für dich und melde mich, sobald jemand zusagt; du kannst jederzeit absagen.',
  'pairings.end.plannedByYou': 'Du wolltest zum Abschluss kommen, also habe ich dieses Gespräch beendet und es der anderen Person behutsam mitgeteilt.',
  'pairings.end.plannedForSeeker':
    'Die Person, die dir zugehört hat, fand, dass jetzt ein guter Moment für einen Abschluss ist, und so ist euer Gespräch zu seinem geplanten Ende gekommen. Das liegt nicht an dir, und du kannst jederzeit mit `/peer request` wieder um ein Gespräch bitten.',
  'pairings.end.plannedForListener':
    'Die Person, der du zugehört hast, fand, dass jetzt ein guter Moment für einen Abschluss ist, und so ist euer Gespräch zu seinem geplanten Ende gekommen. Das ist ein guter Punkt, und nichts, was du tragen musst.',
  'pairings.end.listenerStoppedListener': 'Dieses Gespräch ist beendet, weil du mit dem Zuhören aufgehört hast. Ich suche jemand anderen für die Person.',
  'pairings.end.listenerThanks': 'Danke, dass du für *{seeker}* da warst. Dein Zuhören hat etwas bewirkt.',
  'pairings.ending.resourcesLead': '*Wenn du jetzt oder später Unterstützung brauchst*',
  'pairings.ending.askAgain': 'Wieder um ein Gespräch bitten',
  'pairings.ending.question':
    '*Hat es dir geholfen?* Ein Klick, nur wenn du magst. Deine Antwort wird nur anonym gezählt: Niemand sieht, von wem sie kommt, auch nicht die Person, die dir zugehört hat.',
  'pairings.ending.helped': 'Ja',
  'pairings.ending.notHelped': 'Eher nicht',
  'pairings.ending.thanks': 'Danke, dass du es uns sagst. Es wurde anonym gezählt und hilft den Menschen, die diese Initiative tragen.',
  'pairings.ending.alreadyAnswered': 'Du hast schon geantwortet, danke. Nur die erste Antwort zählt.',
  'pairings.ending.gone':
    'Danke. Die Aufzeichnung dieses Gesprächs wurde bereits gelöscht, wie nach einer Weile üblich, daher gibt es nichts mehr, wozu es gezählt werden könnte. Du kannst jederzeit wieder um ein Gespräch bitten.',
  'pairings.ending.notYours': 'Diese Frage ist für die Person, die in diesem Gespräch um Unterstützung gebeten hat, daher wurde nichts gezählt.',
  // Wenn etwas schiefgeht (answer-failures.ts): in der Sprache der Person, wenn sie sofort bekannt ist
  'common.somethingWentWrong':
    'Entschuldige, bei uns ist etwas schiefgegangen, und nichts wurde geändert. Bitte versuch es gleich noch einmal. Wenn du jetzt Unterstützung brauchst, wende dich bitte an die Hilfsangebote deiner Organisation oder an eine Krisenhotline.',
  'common.failedTitle': 'Etwas ist schiefgegangen',
  'common.formNotSaved': 'Entschuldige, bei uns ist etwas schiefgegangen, und was du abgeschickt hast, wurde *nicht gespeichert*. Bitte versuch es in ein paar Minuten noch einmal.',
  'common.resourcesStillHere': 'Wenn du jetzt Unterstützung brauchst, musst du nicht auf uns warten:',
  'common.messageNotPassedOn': 'Entschuldige, bei uns ist etwas schiefgegangen, und deine Nachricht wurde *nicht weitergegeben*. Bitte schick sie in ein paar Minuten noch einmal.',
  // In einem Gespräch (Weiterleitung, Issue 4; Krisenhinweise, Issue 14): in der Sprache der Empfangenden
  'pairings.relayedNotification': 'Neue Nachricht in Peer Support',
  'pairings.whichPairing':
    'Du bist in mehr als einem Gespräch. Bitte antworte im Thread des Gesprächs, das du meinst, damit ich es an die richtige Person weitergebe. Diese Nachricht wurde nicht weitergegeben.',
  'pairings.filesNotRelayed':
    'Dateien und Bilder werden nicht weitergegeben, damit ihr beide anonym bleibt (Dateinamen und Details können Menschen erkennbar machen). Dein Text, falls vorhanden, wurde weitergegeben.',
  'pairings.crisis.seekerLead':
    'Wenn du daran denkst, dir etwas anzutun, oder in Gefahr bist, wende dich bitte jetzt an eine dieser Stellen. Du musst da nicht allein durch:',
  'pairings.crisis.listenerNote':
    'Etwas in diesem Gespräch deutet darauf hin, dass die Person gefährdet sein könnte. Bitte halte dich an deine Leitlinien: Ermutige sie behutsam, sich jetzt an die Krisenangebote zu wenden, und sprich mit jemandem aus dem Koordinationsteam. Niemand erwartet, dass du eine Krise allein bewältigst.',
  'pairings.crisis.resourcesLead': '*Hilfs- und Krisenangebote deiner Initiative*',
  'pairings.crisis.coordinators': 'Dein Koordinationsteam: {mentions}. Mit dem Button unten kannst du sie jetzt um Unterstützung bitten.',
  'pairings.crisis.noCoordinator': 'Deine Initiative hat gerade kein Koordinationsteam: Bitte nutze die Angebote oben und deine Leitlinien.',
  'pairings.crisis.shareButton': 'Angebote mit der Person teilen',
  'pairings.crisis.askButton': 'Jetzt das Koordinationsteam fragen',
  'pairings.crisis.confirmShare.title': 'Angebote teilen?',
  'pairings.crisis.confirmShare.text': 'Die Hilfs- und Krisenangebote der Initiative werden der Person unter deinem Pseudonym in eurem Gespräch geschickt.',
  'pairings.crisis.confirmShare.confirm': 'Teilen',
  'pairings.crisis.confirmShare.deny': 'Jetzt nicht',
  'pairings.crisis.confirmAsk.title': 'Koordinationsteam fragen?',
  'pairings.crisis.confirmAsk.text':
    'Das Koordinationsteam erfährt, dass du Unterstützung bei einem Gespräch möchtest. Es erfährt nicht, wem du zuhörst oder was gesagt wurde.',
  'pairings.crisis.confirmAsk.confirm': 'Jetzt fragen',
  'pairings.crisis.confirmAsk.deny': 'Jetzt nicht',
  'pairings.crisis.sharedWithYou': '*{listener}* hat diese Hilfsangebote mit dir geteilt:',
  'pairings.crisis.shared': 'Ich habe die Angebote unter deinem Pseudonym mit *{seeker}* geteilt.',
  'pairings.crisis.coordinatorAsked':
    'Ich habe das Koordinationsteam gebeten, dich zu unterstützen. Es weiß nur, dass du wegen eines Gesprächs fragst, nicht, wem du zuhörst oder was gesagt wurde.',
  'pairings.crisis.notYours': 'Nur die zuhörende Person in diesem Gespräch kann diesen Button verwenden.',
  // Anfragen: die Antworten der zuhörenden Person, und eine Anfrage, die vor einer Antwort geschlossen wurde (Issue 4)
  'offers.accepted': 'Danke für deine Zusage. Ich habe euch unten miteinander bekannt gemacht.',
  'offers.declined': 'Danke, dass du Bescheid gibst. Ich frage jemand anderen; du musst nichts erklären.',
  'offers.expired': 'Diese Anfrage wurde nicht rechtzeitig beantwortet, deshalb habe ich sie geschlossen und suche weiter für die Person. Das ist völlig in Ordnung.',
  'offers.gone': 'Diese Anfrage ist nicht mehr offen: Die Person hat sie vielleicht zurückgezogen, oder sie ist an jemand anderen gegangen.',
  'offers.withdrawn': 'Diese Anfrage wurde zurückgezogen: Die Person braucht kein Gespräch mehr. Danke, dass du da warst.',
  'offers.notYours': 'Diese Anfrage war für jemand anderen gedacht.',
  'pairings.alreadyEnded': 'Dieses Gespräch ist bereits beendet.',
  // Namen, nur geteilt, wenn beide es wollen (Issue 4), und ein gemeldetes Anliegen (Issue 15): in der Sprache jeder Seite
  'pairings.reveal.waiting': 'Danke. Dein Name wird nur angezeigt, wenn die andere Person ihren auch teilen möchte; ich habe ihr gesagt, dass du dazu bereit bist.',
  'pairings.reveal.offered':
    'Die andere Person ist bereit, dir ihren Namen zu zeigen. Wenn du deinen auch teilen möchtest, tippe auf *Meinen Namen zeigen*. Wenn nicht, ändert sich nichts.',
  'pairings.reveal.done': 'Ihr habt euch beide entschieden, eure Namen zu teilen: Du sprichst mit {user}.',
  'pairings.report.sent':
    'Danke, dass du es uns sagst. Das Koordinationsteam wurde unter deinem Pseudonym benachrichtigt; es sieht nie deinen Namen oder deine Nachrichten. Wenn jemand antwortet, kommt die Antwort hier an.',
};
