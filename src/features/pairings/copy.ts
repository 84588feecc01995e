import { displayPseudonym } from '../../domain/pseudonyms.js';
import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).

export function introForSeeker(listener: string): string {
  return `You're now talking with *${displayPseudonym(listener)}*, a colleague who knows this from their own life. Just write here: I'll pass your messages on under your pseudonym, and theirs to you. They don't know who you are unless you choose to tell them.`;
}

export const WHAT_TO_EXPECT =
  'What to expect: your listener is a colleague, not a therapist. They listen and share what helped them. You decide what to talk about, you can end at any time, and you can ask for someone else without giving a reason. Messages are passed on, never stored. Files are not passed on, to keep you both anonymous. ' +
  'The app also watches your messages for words that suggest you may be in crisis: if it sees them, you get the support resources here, and your listener is told privately and gets the resources to share with you (once a day at most). Your words are not stored, and nobody else learns who you are.';

export function introForListener(seeker: string, topic: string | null): string {
  return `You're now listening to *${displayPseudonym(seeker)}*${topic ? ` about *${e(topic)}*` : ''}. Write here and I'll pass your messages on under your pseudonym. They don't know who you are unless you choose to tell them.`;
}

export function guidelinesReminder(guidelines: string): string {
  return `*A reminder of the guidelines*\n${e(guidelines)}`;
}

export const YOUR_PSEUDONYM = (name: string) => `You appear as *${displayPseudonym(name)}*.`;

export const ENDED_BY_YOU = 'You have ended this conversation. Thank you for taking part; reaching out or listening takes courage.';
export const ENDED_BY_OTHER =
  'The other person has ended this conversation. That is their choice and nothing you need to carry. Thank you for being there.';
export const ENDED_FOR_SEEKER_BY_LISTENER =
  'Your listener has ended this conversation. This is not about you, and you are welcome to ask for a listener again at any time with `/peer request`.';
export const SOMEONE_ELSE_SEEKER = 'Of course. I\'ve ended this conversation and I\'m looking for someone else for you. I\'ll message you when they say yes.';
export const SOMEONE_ELSE_LISTENER =
  'The colleague you were listening to has asked to talk with someone else. This happens, and it is not a judgement of you. Thank you for listening.';
export const LISTENER_STOPPED_SEEKER =
  'Your listener has had to step back from listening. This is not about you. I\'m looking for someone else for you and will message you when they say yes; you can cancel any time.';
export const ALREADY_ENDED = 'This conversation has already ended.';

export const REVEAL_WAITING = 'Thank you. Your name will be shown only if they choose to share theirs too; I\'ve let them know you are willing.';
export const REVEAL_OFFERED = 'The other person is willing to share their name with you. If you would like to share yours too, press *Reveal my name*. If you don\'t, nothing changes.';
export function revealed(otherUserId: string): string {
  return `You have both chosen to share your names: you're talking with <@${otherUserId}>.`;
}

export const REPORT_TITLE = 'Report a concern';
export const REPORT_INTRO = 'Coordinators will get a short notice with the initiative, both pseudonyms and the reason you choose. They will not see your name or your messages.';
export const REPORT_BLOCK_LABEL = 'Do not pair us again (this ends the conversation)';
export const REPORT_SENT = 'Thank you for telling us. The coordinators have been notified; they never see your name or your messages.';
export function reportNotice(initiative: string, from: string, about: string, reason: string): string {
  return `A concern was reported in *${e(initiative)}*: *${displayPseudonym(from)}* reported *${displayPseudonym(about)}*. Reason: ${reason}. No names or messages are shared; please follow your initiative's guidance.`;
}

export const WHICH_PAIRING =
  'You are in more than one conversation. Please reply in the thread of the conversation you mean, so I pass it to the right person. This message was not passed on.';
export const FILES_NOT_RELAYED =
  'Files and images are not passed on, to keep you both anonymous (file names and details can identify people). Your text, if any, was passed on.';

export const CRISIS_NOTE_LISTENER =
  'Something in this conversation suggests the person may be at risk. Please follow your guidelines: gently encourage them to contact the crisis resources now, and talk to a coordinator. You are not expected to handle a crisis alone.';
export const CRISIS_NOTE_SEEKER_LEAD = 'If you are thinking about harming yourself or are in danger, please reach out now. You do not have to go through this alone:';
export const CRISIS_NOTE_RESOURCES_LEAD = '*Your initiative\'s support and crisis resources*';
/** Names the coordinators the listener can turn to (their own colleagues, never the seeker: invariant 1 holds). */
export function crisisCoordinators(coordinatorIds: readonly string[]): string {
  if (coordinatorIds.length === 0) return 'Your initiative has no coordinator at the moment: please use the resources above, and your guidelines.';
  return `Your coordinators: ${coordinatorIds.map((id) => `<@${id}>`).join(', ')}. You can ask them for support now with the button below.`;
}
export const SHARE_RESOURCES_BUTTON = 'Share resources with them';
export const ASK_COORDINATOR_BUTTON = 'Ask a coordinator now';
/** What the seeker sees when their listener shares the resources (in their conversation's thread). */
export function resourcesSharedWithYou(listener: string): string {
  return `*${displayPseudonym(listener)}* shared these resources with you:`;
}
export function resourcesShared(seeker: string): string {
  return `I've shared the resources with *${displayPseudonym(seeker)}*, under your pseudonym.`;
}
export const COORDINATOR_ASKED = 'I\'ve asked the coordinators to support you. They know only that you asked about a conversation, not who you are listening to or what was said.';
export const NOT_YOUR_CRISIS_NOTE = 'Only the listener in this conversation can use this button.';
/** To coordinators: names the listener (who asked), never the seeker or their pseudonym (invariant 5). */
export function crisisSupportNotice(listenerId: string, initiative: string): string {
  return `<@${listenerId}>, a listener with *${e(initiative)}*, asks for support with a conversation right now. Please reach out to them soon. (Nothing about the person they are listening to is shared.)`;
}
export const CONFIRM_SHARE_RESOURCES: ConfirmSpec = {
  title: 'Share the resources?',
  text: 'The initiative\'s support and crisis resources will be sent to them under your pseudonym, in your conversation.',
  confirm: 'Share',
  deny: 'Not now',
};
export const CONFIRM_ASK_COORDINATOR: ConfirmSpec = {
  title: 'Ask a coordinator?',
  text: 'The coordinators will be told that you ask for support with a conversation. They will not learn who you are listening to or what was said.',
  confirm: 'Ask now',
  deny: 'Not now',
};

export const ACCEPTED = 'Thank you for saying yes. I\'ve introduced you below.';

// Confirm dialogs: Slack asks these before the click reaches us, for steps that cannot be undone (issue 14).
export const CONFIRM_END: ConfirmSpec = {
  title: 'End this conversation?',
  text: 'The other person will be told the conversation has ended, and no more messages will be passed on. This cannot be undone.',
  confirm: 'End conversation',
  deny: 'Keep talking',
  danger: true,
};
export const CONFIRM_SOMEONE_ELSE: ConfirmSpec = {
  title: 'Ask for someone else?',
  text: 'This ends this conversation for good; your listener is told you asked for someone else, without any reason. I will then look for another listener for you.',
  confirm: 'End and ask again',
  deny: 'Stay in this one',
  danger: true,
};
export const CONFIRM_REVEAL: ConfirmSpec = {
  title: 'Reveal your name?',
  text: 'If they choose to share theirs too, the other person will see your Slack name and profile (your photo, title and anything else on it), and you will see theirs. Once shown, this cannot be undone.',
  confirm: 'Reveal my name',
  deny: 'Stay anonymous',
};

/** The notification text of a relayed message: what lock screens and push notifications show, so no words. */
export const RELAYED_NOTIFICATION = 'New message in Peer Support';

export function introForListenerNotification(seeker: string): string {
  return `You're now listening to ${displayPseudonym(seeker)} (Peer Support).`;
}

// A kind ending (issue 14): what the seeker's ending note adds, and the answers to "Did this help?".
export const ENDING_RESOURCES_LEAD = '*If you need support now or later*';
export const ASK_AGAIN = 'Ask for a listener again';
export const ENDING_QUESTION =
  '*Did this help?* One tap, only if you like. Your answer is only counted, anonymously: nobody sees who gave it, your listener included.';
export const ENDING_HELPED = 'Yes';
export const ENDING_NOT_HELPED = 'Not really';
export const ENDING_THANKS = 'Thank you for telling us. It has been counted anonymously, and it helps the people who run this initiative.';
export const ENDING_ALREADY_ANSWERED = 'You have already answered, thank you. Only the first answer is counted.';
export const ENDING_GONE =
  'Thank you. The record of this conversation has already been deleted, as it is after a while, so there is nothing left to count it against. You are always welcome to ask for a listener again.';
export const ENDING_NOT_YOURS = 'This question is for the person who asked for support in this conversation, so nothing was counted.';
