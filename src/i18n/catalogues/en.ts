import { listenersEn } from './listeners.js';
import { myDataEn } from './my-data.js';
import { insightsEn } from './insights.js';
import { reportsEn } from './reports.js';
import { invitationsEn } from './invitations.js';
import { initiativesEn } from './initiatives.js';
import { setupEn } from './setup.js';
import { circlesEn } from './circles.js';
import { circlesRelayEn } from './circles-relay.js';
import { circlesSessionsEn } from './circles-sessions.js';
// English, the language the app was written in. Keys are `<capability>.<message>`; every other
// catalogue has exactly these keys, with the same arguments (test/i18n/catalogues.test.ts).
// ICU MessageFormat: {name} puts a value in, {n, plural, one {...} other {...}} counts, '#' is the number.

export const en = {
  ...listenersEn,
  ...myDataEn,
  ...insightsEn,
  ...reportsEn,
  ...invitationsEn,
  ...initiativesEn,
  ...setupEn,
  ...circlesEn,
  ...circlesRelayEn,
  ...circlesSessionsEn,
  // Check-ins (issue 5) and planned endings (issue 15)
  'checkIns.seekerQuestion': 'How is it going with *{listener}*? Whatever you choose is fine, and only you see this.',
  'checkIns.listenerQuestion': 'How are you doing? Listening can take a lot out of you. However you answer, thank you for being there for a colleague.',
  'checkIns.listenerLoad': "{conversations, plural, one {You're supporting # colleague at the moment.} other {You're supporting # colleagues at the moment.}}",
  'checkIns.waitingUpdate':
    "I'm still looking for a listener for you, and I haven't forgotten you. If things feel urgent, please don't wait: these are here for you now.",
  'checkIns.resourcesLead': '*Support and crisis resources*',
  'checkIns.answer.helpful': 'Helpful',
  'checkIns.answer.notYet': 'Not yet',
  'checkIns.answer.someoneElse': "I'd like someone else",
  'checkIns.answer.end': 'End',
  'checkIns.answer.fine': "I'm fine",
  'checkIns.answer.break': 'I need a break',
  'checkIns.answer.coordinator': 'Talk to a coordinator',
  'checkIns.answer.keepGoing': 'Keep going',
  'checkIns.answer.wrapUp': "Let's wrap up",
  'checkIns.thanks.helpful': "Thank you for letting me know. I'm glad it helps.",
  'checkIns.thanks.notYet': 'Thank you for telling me. It can take time; you can end or ask for someone else whenever you like.',
  'checkIns.thanks.someoneElse': "Of course. I've ended this conversation and I'm looking for someone else for you.",
  'checkIns.thanks.end': "I've ended the conversation. Thank you for reaching out; you can ask again any time with `/peer request`.",
  'checkIns.thanks.fine': 'Thank you. Glad to hear it.',
  'checkIns.thanks.break':
    "Take the time you need. You're paused: no new offers until you `/peer resume`, or choose a day below and I'll welcome you back then. Your current conversations carry on unless you end them.",
  'checkIns.thanks.coordinator': "I've let the coordinators know you'd like to talk. One of them will reach out to you.",
  'checkIns.thanks.keepGoing': 'Thank you for letting me know. Nothing changes: carry on as you are, and either of you can end whenever you like.',
  'checkIns.thanks.wrapUp': 'Thank you for the weeks you spent talking.',
  'checkIns.chooseReturnDate': "Choose when I'm back",
  'checkIns.alreadyWrappedUp': 'This conversation had already ended, so there was nothing to wrap up. Thank you for taking part.',
  'checkIns.reviewQuestion':
    "You and *{other}* have been talking for {weeks, plural, one {# week} other {# weeks}}. Would you like to keep going? There's no need to answer: if you don't, nothing changes.",
  'checkIns.confirmWrapUp.title': 'Wrap up this conversation?',
  'checkIns.confirmWrapUp.text':
    'This ends the conversation for both of you, and the other person is told kindly that it has come to a planned end. It cannot be undone.',
  'checkIns.confirmWrapUp.confirm': "Let's wrap up",
  'checkIns.confirmWrapUp.deny': 'Not yet',
  'checkIns.alreadyAnswered': 'Thank you, your answer was already noted.',
  // Help (/peer help)
  'help.intro':
    'Peer Support connects you, anonymously, with a colleague who has lived through something similar. It is peer support, not a crisis or clinical service.',
  'help.unknownCommand': "I didn't recognise `{typed}`. Here is what I can do:",
  'help.command.request': 'ask for an anonymous pairing with a listener',
  'help.command.listen': 'offer to listen to colleagues (volunteer as a listener)',
  'help.command.pause': 'pause new pairings while you take a break',
  'help.command.resume': 'take new conversations again after a pause',
  'help.command.stop': 'stop being a listener and remove your listener profile',
  'help.command.myData': 'see everything Peer Support stores about you',
  'help.command.deleteMyData': 'erase everything Peer Support stores about you',
  'help.command.setup': 'set up or edit a peer-support initiative (coordinators)',
  'help.command.insights': 'see anonymous uptake figures (coordinators and HR viewers)',
  'help.command.help': 'show this list',
  // The safety net (issue 14): a message to the app outside a conversation
  'safety.notificationText': 'Peer Support: support resources and how to ask for a listener',
  'safety.resourcesLead': '*If you need support right now*',
  'safety.calmLine':
    'You are not in a conversation at the moment, so this message was not passed on to anyone, and it was not kept. If you would like to talk, you can ask for an anonymous listener: a colleague who has lived through something similar.',
  'safety.urgentLine':
    "It sounds like things are really hard right now. You don't have to wait for a listener: please reach out to one of these now. If you are in danger, call your local emergency number. Your message was not passed on to anyone and was not kept; you can still ask for a listener too.",
  'safety.askForAListener': 'Ask for a listener',
  'safety.requestStatus':
    "Your request about *{topic}*: {status, select, waiting {we are looking for a listener} offered {a listener has been asked and we are waiting for their answer} other {you are talking with a listener: reply in that conversation's thread to reach them}}.",
  'safety.anyTopic': 'a topic',
  // Shared
  'common.crisisLineFallback':
    "If you need support right now, please use your organisation's support resources, call your local emergency number or a crisis line.",
  // Requests (issue 4)
  'requests.title': 'Ask for a listener',
  'requests.helpNowTitle': 'Help right now',
  'requests.sentTitle': 'Request sent',
  'requests.loading': 'One moment… If you are in danger right now, please call your local emergency number.',
  'requests.resourcesFirst':
    '*Before anything else:* if you are in danger or might harm yourself, please use these now. You do not have to wait for a listener.',
  'requests.helpNowButton': 'I need help right now',
  'requests.helpNowLead':
    '*You matter, and help is available right now.* Please reach out to one of these. If you are in immediate danger, call your local emergency number.',
  'requests.notACrisisService': 'Peer support is not a crisis service. You can come back and ask for a listener any time.',
  'requests.openResource': 'Open this resource',
  'requests.openNamedResource': 'Open: {name}',
  'requests.whatHappens':
    'A colleague who has lived through something similar will be asked to listen. They will not learn who you are unless you choose to tell them. You can end the conversation or ask for someone else at any time.',
  'requests.topicLabel': 'What would you like to talk about?',
  'requests.topicPlaceholder': 'Choose a topic',
  'requests.noteLabel': 'A note for your listener',
  'requests.noteHint': 'Optional, at most {max, number} characters. Your listener sees it with the offer. Please leave out names.',
  'requests.languageLabel': 'Preferred language',
  'requests.anyLanguage': 'Any language',
  'requests.timezoneLabel': 'Timezone',
  'requests.sameTimezone': 'I would prefer a listener in a similar timezone',
  'requests.consentFooter': 'Sending this request records your consent to the above for this request.',
  'requests.submit': 'Find a listener',
  'requests.sent':
    "*Thank you. Your request is sent.* I'm looking for a listener now, and you'll hear from me in your messages with the app: when someone says yes, and with updates while you wait. You can cancel there at any time.",
  'requests.whileYouWait': 'While you wait, these are here for you:',
  'requests.noInitiative':
    'There is no peer-support initiative in this workspace yet, so there are no listeners to ask. A workspace admin can start one with `/peer setup`.',
  'requests.error.topic': 'Please choose what you would like to talk about.',
  'requests.error.topicGone': 'That topic is no longer offered; please choose again.',
  'requests.error.noteTooLong': 'Please keep your note to {max, number} characters.',
  'requests.error.language': 'Please choose a language from the list.',
  'common.cancel': 'Cancel',
  'common.loading': 'One moment…',
  'common.pseudonym': 'a colleague ({name})',
  'common.close': 'Close',
  // The seeker's waiting message (issue 4), updated in place as things happen
  'waiting.received':
    "Thank you for reaching out. I'm looking for a listener who knows *{topic}* from their own life, and I'll message you here as soon as someone says yes. Nobody will learn who you are unless you choose to tell them.",
  'waiting.noListenerYet':
    "Thank you for reaching out. To be honest with you: no listener for *{topic}* is free right now. Your request is waiting, and I'll pair you as soon as someone is available. In the meantime, these are here for you:",
  'waiting.offHours':
    "The listeners for *{topic}* are outside their working hours right now. Your request is safe with us and goes to the first of them whose day begins; you'll hear from me here. If you need someone sooner, these are here for you any time:",
  'waiting.stillLooking':
    "I haven't been able to find a free listener for you just yet. Your request is waiting, and I'll pair you as soon as someone is available. In the meantime, these are here for you:",
  'waiting.offerNotTaken':
    "The listener I asked isn't able to talk just now. That happens, and it says nothing about you. I'm still looking, and your request stays open.",
  'waiting.paired': "Good news: a listener said yes. Their introduction follows below, and you can write to them whenever you're ready.",
  'waiting.cancelled': 'Your request is cancelled. You can ask again whenever you like.',
  'waiting.estimate': '{hours, plural, one {People here are usually paired within # hour.} other {People here are usually paired within # hours.}}',
  // An offer to a listener
  'offers.notification': 'Someone would like to talk (Peer Support)',
  'offers.header': 'Someone would like to talk',
  'offers.text': '*{pseudonym}* would like to talk with someone who has lived experience of *{topic}*. Would you like to listen?',
  'offers.anyTopic': 'a topic you listen on',
  'offers.theirNote': 'Their note:',
  'offers.expiry':
    "{hours, plural, one {If you don't answer within # hour, I'll ask another listener. Declining is always fine.} other {If you don't answer within # hours, I'll ask another listener. Declining is always fine.}}",
  'offers.accept': 'Accept',
  'offers.decline': 'Decline',
  'offers.pauseUntil': 'Pause until…',
  // Introductions when a pairing starts (issue 4), each side in their own language
  'pairings.introForSeeker':
    "You're now talking with *{listener}*, a colleague who knows this from their own life. Just write here: I'll pass your messages on under your pseudonym, and theirs to you. They don't know who you are unless you choose to tell them.",
  'pairings.listenerSays': '*{listener}* says:',
  'pairings.whatToExpect':
    'What to expect: your listener is a colleague, not a therapist. They listen and share what helped them. You decide what to talk about, you can end at any time, and you can ask for someone else without giving a reason. Messages are passed on, never stored. Files are not passed on, to keep you both anonymous. The app also watches your messages for words that suggest you may be in crisis: if it sees them, you get the support resources here, and your listener is told privately and gets the resources to share with you (once a day at most). Your words are not stored, and nobody else learns who you are.',
  'pairings.introForListener':
    "You're now listening to *{seeker}* about *{topic}*. Write here and I'll pass your messages on under your pseudonym. They don't know who you are unless you choose to tell them.",
  'pairings.introForListenerNoTopic':
    "You're now listening to *{seeker}*. Write here and I'll pass your messages on under your pseudonym. They don't know who you are unless you choose to tell them.",
  'pairings.introForListenerNotification': "You're now listening to {seeker} (Peer Support).",
  'pairings.guidelinesLead': '*A reminder of the guidelines*',
  'pairings.youAppearAs': 'You appear as *{name}*.',
  'pairings.button.end': 'End conversation',
  'pairings.button.someoneElse': 'Ask for someone else',
  'pairings.button.reveal': 'Reveal my name',
  'pairings.button.report': 'Report a concern',
  'pairings.confirmEnd.title': 'End this conversation?',
  'pairings.confirmEnd.text': 'The other person will be told the conversation has ended, and no more messages will be passed on. This cannot be undone.',
  'pairings.confirmEnd.confirm': 'End conversation',
  'pairings.confirmEnd.deny': 'Keep talking',
  'pairings.confirmSomeoneElse.title': 'Ask for someone else?',
  'pairings.confirmSomeoneElse.text':
    'This ends this conversation for good; your listener is told you asked for someone else, without any reason. I will then look for another listener for you.',
  'pairings.confirmSomeoneElse.confirm': 'End and ask again',
  'pairings.confirmSomeoneElse.deny': 'Stay in this one',
  'pairings.confirmReveal.title': 'Reveal your name?',
  'pairings.confirmReveal.text':
    'If they choose to share theirs too, the other person will see your Slack name and profile (your photo, title and anything else on it), and you will see theirs. Once shown, this cannot be undone.',
  'pairings.confirmReveal.confirm': 'Reveal my name',
  'pairings.confirmReveal.deny': 'Stay anonymous',
  'requests.cancelMyRequest': 'Cancel my request',
  // Home tab (issue 19: the language, chosen or from Slack)
  'home.language.fromSlack': '*Language*: {language}, the language of your Slack. You can choose another one below.',
  'home.language.chosen': '*Language*: {language}, as you chose.',
  'home.language.useSlack': 'Use my Slack language',
  // The Home tab (issue 15), in the person's language (issue 19)
  'home.header': 'Peer Support',
  'home.intro':
    'Talk, anonymously, with a colleague who has lived through something similar. Peer support complements professional care and is not a crisis service: if you are in crisis, please call your local emergency number or a crisis line now.',
  'home.noInitiative': 'There is no peer-support initiative in this workspace yet. Would you like to start one?',
  'home.setUpInitiative': 'Set up an initiative',
  'home.talk': '*Talk to someone*\nAsk for an anonymous pairing with a colleague who has lived through something similar. The support resources come first.',
  'home.request': 'Your request about *{topic}*: {status, select, paired {you are talking with a listener} other {waiting for a listener}}.',
  'home.cancelRequest': 'Cancel this request',
  'home.listeningHeading': '*Listening*',
  'home.volunteer': 'Have you lived through something that could help a colleague? Volunteer as a listener.',
  'home.becomeListener': 'Become a listener',
  'home.listening.pending': "You listen with *{initiative}*: waiting for a coordinator's approval.",
  'home.listening.pausedNoAnswer':
    'You listen with *{initiative}*: paused because three offers went unanswered (no harm done: you can resume any time).',
  'home.listening.pausedUntil': 'You listen with *{initiative}*: paused until {date} (you can resume sooner).',
  'home.listening.paused': 'You listen with *{initiative}*: paused (you can resume any time).',
  'home.listening.full': 'You listen with *{initiative}*: every place is taken, so no new offers until a conversation ends.',
  'home.listening.taking': 'You listen with *{initiative}*: taking new conversations.',
  'home.upToOnceApproved': 'Up to {capacity} at a time once approved.',
  'home.slotsUsed': '{used} of {capacity, plural, one {# conversation} other {# conversations}}',
  'home.noConversations': 'No conversations at the moment.',
  'home.duration.lessThanAnHour': 'less than an hour',
  'home.duration.hours': '{hours, plural, one {# hour} other {# hours}}',
  'home.duration.days': '{days, plural, one {# day} other {# days}}',
  'home.yourTopics': '*Your topics:* {topics}',
  'home.yourTopics.none': '*Your topics:* none chosen yet.',
  'home.hours.everyDay': 'every day',
  'home.hours.noDays': 'no days',
  'home.hours.dayRange': '{first} to {last}',
  'home.hours.anyTime': 'any time',
  'home.hours.timeRange': '{start} to {end}',
  'home.offersArrive': '*Offers arrive:* {hours} ({timezone})',
  'home.offersArrive.noTimezone': '*Offers arrive:* {hours} (UTC until Slack tells me your timezone)',
  'home.quietHours': 'quiet hours {start} to {end}',
  'home.yourCoordinators': '*Your coordinators:* {mentions}',
  'home.noCoordinator': '*Your coordinators:* none at the moment.',
  'home.andMore.topics': '{n, plural, one {…and # more topic} other {…and # more topics}}',
  'home.andMore.coordinators': '{n, plural, one {…and # more coordinator} other {…and # more coordinators}}',
  'home.andMore.listeners': '{n, plural, one {…and # more listener} other {…and # more listeners}}',
  'home.editProfile': 'Edit my listener profile',
  'home.pause': 'Pause…',
  'home.resume': 'Resume',
  'home.stop': 'Stop being a listener',
  'home.confirmStop.title': 'Stop being a listener?',
  'home.confirmStop.text':
    'Your listener profile in this initiative is removed and any conversations you are in are ended; the people you support are told you stepped back and are offered someone else. You can volunteer again later.',
  'home.confirmStop.confirm': 'Stop listening',
  'home.confirmStop.deny': 'Keep listening',
  'home.insights': '*Insights*\nAnonymous uptake: counts only, never a person.',
  'home.insightsButton': 'Insights: {name}',
  'home.yourData': '*Your data*',
  'home.seeMyData': 'See my data',
  'home.deleteMyData': 'Delete my data',
  'home.confirmDelete.title': 'Delete my data?',
  'home.confirmDelete.text':
    'This erases everything Peer Support stores about you in this workspace. It cannot be undone. The next step shows what goes and asks you once more.',
  'home.confirmDelete.confirm': 'Continue',
  'home.confirmDelete.deny': 'Cancel',
  'home.youCoordinate': '*{initiative}*: you coordinate this initiative',
  'home.listenerCounts': 'Listeners: {active} active, {paused} paused, {pending} waiting for approval.',
  'home.volunteered': '{user} volunteered and is waiting for approval.',
  'home.approve': 'Approve',
  'home.decline': 'Decline',
  'home.confirmDecline.title': 'Decline this volunteer?',
  'home.confirmDecline.text':
    'They are told kindly that they will not be added as a listener at this time, and their listener profile is removed. This cannot be undone.',
  'home.confirmDecline.confirm': 'Decline',
  'home.confirmDecline.deny': 'Not now',
  'home.morePending':
    '{count, plural, one {# more waiting for approval: the message I sent you about each one has Approve and Decline too.} other {# more waiting for approval: the message I sent you about each one has Approve and Decline too.}}',
  'home.editSettings': 'Edit settings',
  'home.listenerStatus.pending': 'waiting for approval',
  'home.listenerStatus.pausedNoAnswer': 'paused (no answer)',
  'home.listenerStatus.pausedUntil': 'paused until {date}',
  'home.listenerStatus.paused': 'paused',
  'home.listenerStatus.full': 'every place taken',
  'home.listenerStatus.taking': 'taking new conversations',
  'home.listenerLoad': '{used} of {capacity}',
  'home.waitingTopic': '{topic} {count} (oldest {duration})',
  'home.noTopic': 'No topic',
  'home.waitingHeading': '*Waiting for a listener ({total}):*',
  'home.nobodyWaiting': '*Waiting for a listener:* nobody at the moment.',
  // Notification previews (issue 14), on the Home tab
  'preferences.previews.off':
    '*Notifications*\nMessages in a conversation show on your phone or lock screen as "New message in Peer Support", so nobody glancing at your screen sees who wrote or what. Turn previews on to see the pseudonym and the words there too.',
  'preferences.previews.on':
    '*Notifications*\nPreviews are on: your phone or lock screen shows the pseudonym and the words of each message in a conversation, for anyone who can see your screen. Turn them off to show only "New message in Peer Support".',
  'preferences.previews.turnOn': 'Show message previews',
  'preferences.previews.turnOff': 'Hide message previews',
  // The end of a conversation (issues 4, 14, 15): rendered when sent, in each side's language
  'pairings.end.byYou': 'You have ended this conversation. Thank you for taking part; reaching out or listening takes courage.',
  'pairings.end.byOther': 'The other person has ended this conversation. That is their choice and nothing you need to carry.',
  'pairings.end.forSeekerByListener':
    'Your listener has ended this conversation. This is not about you, and you are welcome to ask for a listener again at any time with `/peer request`.',
  'pairings.end.someoneElseSeeker': "Of course. I've ended this conversation and I'm looking for someone else for you. I'll message you when they say yes.",
  'pairings.end.someoneElseListener': 'The colleague you were listening to has asked to talk with someone else. This happens, and it is not a judgement of you.',
  'pairings.end.listenerStoppedSeeker':
    "Your listener has had to step back from listening. This is not about you. I'm looking for someone else for you and will message you when they say yes; you can cancel any time.",
  'pairings.end.plannedByYou': "You chose to wrap up, so I've ended this conversation and let the other person know kindly.",
  'pairings.end.plannedForSeeker':
    'Your listener felt this was a good point to wrap up, so your conversation has come to its planned end. This is not about you, and you are welcome to ask for a listener again at any time with `/peer request`.',
  'pairings.end.plannedForListener':
    'The colleague you were listening to felt this was a good point to wrap up, so your conversation has come to its planned end. That is a good place to reach, and nothing you need to carry.',
  'pairings.end.listenerStoppedListener': "This conversation has ended, as you have stepped back from listening. I'm finding them someone else.",
  'pairings.end.listenerThanks': 'Thank you for being there for *{seeker}*. Your listening mattered.',
  'pairings.ending.resourcesLead': '*If you need support now or later*',
  'pairings.ending.askAgain': 'Ask for a listener again',
  'pairings.ending.question': '*Did this help?* One tap, only if you like. Your answer is only counted, anonymously: nobody sees who gave it, your listener included.',
  'pairings.ending.helped': 'Yes',
  'pairings.ending.notHelped': 'Not really',
  'pairings.ending.thanks': 'Thank you for telling us. It has been counted anonymously, and it helps the people who run this initiative.',
  'pairings.ending.alreadyAnswered': 'You have already answered, thank you. Only the first answer is counted.',
  'pairings.ending.gone':
    'Thank you. The record of this conversation has already been deleted, as it is after a while, so there is nothing left to count it against. You are always welcome to ask for a listener again.',
  'pairings.ending.notYours': 'This question is for the person who asked for support in this conversation, so nothing was counted.',
  // When something fails (answer-failures.ts): in the person's language where it is known at once
  'common.somethingWentWrong':
    "Sorry, something went wrong on our side and nothing was changed. Please try again in a moment. If you need support right now, please use your organisation's support resources or a crisis line.",
  'common.failedTitle': 'Something went wrong',
  'common.formNotSaved': 'Sorry, something went wrong on our side, and what you submitted was *not saved*. Please try again in a few minutes.',
  'common.resourcesStillHere': 'If you need support right now, you do not have to wait for us:',
  'common.messageNotPassedOn': 'Sorry, something went wrong on our side and your message was *not passed on*. Please send it again in a few minutes.',
  // In a conversation (the relay, issue 4; crisis notes, issue 14): in each recipient's language
  'pairings.relayedNotification': 'New message in Peer Support',
  'pairings.whichPairing':
    'You are in more than one conversation. Please reply in the thread of the conversation you mean, so I pass it to the right person. This message was not passed on.',
  'pairings.filesNotRelayed':
    'Files and images are not passed on, to keep you both anonymous (file names and details can identify people). Your text, if any, was passed on.',
  'pairings.crisis.seekerLead': 'If you are thinking about harming yourself or are in danger, please reach out now. You do not have to go through this alone:',
  'pairings.crisis.listenerNote':
    'Something in this conversation suggests the person may be at risk. Please follow your guidelines: gently encourage them to contact the crisis resources now, and talk to a coordinator. You are not expected to handle a crisis alone.',
  'pairings.crisis.resourcesLead': "*Your initiative's support and crisis resources*",
  'pairings.crisis.coordinators': 'Your coordinators: {mentions}. You can ask them for support now with the button below.',
  'pairings.crisis.noCoordinator': 'Your initiative has no coordinator at the moment: please use the resources above, and your guidelines.',
  'pairings.crisis.shareButton': 'Share resources with them',
  'pairings.crisis.askButton': 'Ask a coordinator now',
  'pairings.crisis.confirmShare.title': 'Share the resources?',
  'pairings.crisis.confirmShare.text': "The initiative's support and crisis resources will be sent to them under your pseudonym, in your conversation.",
  'pairings.crisis.confirmShare.confirm': 'Share',
  'pairings.crisis.confirmShare.deny': 'Not now',
  'pairings.crisis.confirmAsk.title': 'Ask a coordinator?',
  'pairings.crisis.confirmAsk.text':
    'The coordinators will be told that you ask for support with a conversation. They will not learn who you are listening to or what was said.',
  'pairings.crisis.confirmAsk.confirm': 'Ask now',
  'pairings.crisis.confirmAsk.deny': 'Not now',
  'pairings.crisis.sharedWithYou': '*{listener}* shared these resources with you:',
  'pairings.crisis.shared': "I've shared the resources with *{seeker}*, under your pseudonym.",
  'pairings.crisis.coordinatorAsked':
    "I've asked the coordinators to support you. They know only that you asked about a conversation, not who you are listening to or what was said.",
  'pairings.crisis.notYours': 'Only the listener in this conversation can use this button.',
  // Offers: the listener's answers, and an offer closed before it was answered (issue 4)
  'offers.accepted': "Thank you for saying yes. I've introduced you below.",
  'offers.declined': "Thank you for letting me know. I'll ask someone else; there is no need to explain.",
  'offers.expired': "This offer wasn't answered in time, so I've closed it and will keep looking for them. That's completely fine.",
  'offers.gone': 'This offer is no longer open: the colleague may have cancelled, or it has passed to another listener.',
  'offers.withdrawn': 'This offer was withdrawn: the colleague no longer needs a listener. Thank you for being there.',
  'offers.notYours': 'This offer was meant for someone else.',
  'pairings.alreadyEnded': 'This conversation has already ended.',
  // Names, shared only when both choose (issue 4), and a concern raised (issue 15): in each side's language
  'pairings.reveal.waiting': "Thank you. Your name will be shown only if they choose to share theirs too; I've let them know you are willing.",
  'pairings.reveal.offered':
    "The other person is willing to share their name with you. If you would like to share yours too, press *Reveal my name*. If you don't, nothing changes.",
  'pairings.reveal.done': "You have both chosen to share your names: you're talking with {user}.",
  'pairings.report.sent':
    'Thank you for telling us. The coordinators have been notified under your pseudonym; they never see your name or your messages. If one of them replies, it will arrive here.',
} as const;

export type MessageKey = keyof typeof en;
