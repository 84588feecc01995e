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
};
