import { escapeMrkdwn as e, type ConfirmSpec } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names and text people typed that it puts in (never its callers).

export const LISTEN_TITLE = 'Become a listener';
export const EDIT_TITLE = 'Your listener profile';
export const CONSENT_LABEL = 'I have read the guidelines and give my consent on these terms';

export const INTRO_HINT =
  'Optional, at most 280 characters. Shown to the people you support, with your pseudonym. Please leave out your name and anything that identifies you.';

export function welcomeActive(initiative: string): string {
  return `Thank you for volunteering as a listener with *${e(initiative)}*. You'll get a message here when a colleague who shares one of your topics asks for support, and you can accept or decline each time. Pause whenever you need to with \`/peer pause\`.`;
}

export function welcomePending(initiative: string): string {
  return `Thank you for volunteering as a listener with *${e(initiative)}*. A coordinator will review your profile; I'll tell you here as soon as they have.`;
}

export function profileSaved(initiative: string): string {
  return `Your listener profile for *${e(initiative)}* is saved.`;
}

export function approvalRequest(listenerId: string, initiative: string, topics: string): string {
  return `<@${listenerId}> has volunteered as a listener with *${e(initiative)}* and is waiting for approval.\nTopics: ${e(topics)}`;
}

export function approvedForListener(initiative: string): string {
  return `Good news: a coordinator approved your listener profile for *${e(initiative)}*. You'll get a message here when a colleague asks for support on one of your topics. Thank you.`;
}

export function declinedForListener(initiative: string): string {
  return `Thank you for offering to listen with *${e(initiative)}*. A coordinator has decided not to add you as a listener at this time, and your listener profile has been removed. If you'd like to know more, please talk to one of the initiative's coordinators.`;
}

export function approvedByYou(listenerId: string, initiative: string): string {
  return `You approved <@${listenerId}> as a listener with *${e(initiative)}*.`;
}

export function declinedByYou(listenerId: string, initiative: string): string {
  return `You declined <@${listenerId}> as a listener with *${e(initiative)}*. They have been told kindly.`;
}

/**
 * What every coordinator's copy of an approval request becomes once one of them decided (issue 15), the
 * decider's own too. The date is Slack's, so each reader sees it in their own timezone.
 */
export function approvalDecided(input: { listenerId: string; coordinatorId: string; initiative: string; approved: boolean; at: Date }): string {
  const date = `<!date^${Math.floor(input.at.getTime() / 1000)}^{date_long}|${input.at.toISOString().slice(0, 10)}>`;
  return `<@${input.listenerId}> was ${input.approved ? 'approved' : 'declined'} as a listener with *${e(input.initiative)}* by <@${input.coordinatorId}> on ${date}.`;
}

export const ALREADY_DECIDED = 'Another coordinator has already decided on this volunteer, or they withdrew.';
export const NOT_COORDINATOR = 'Only this initiative\'s coordinators can approve listeners.';

export const NOT_A_LISTENER = 'You are not a listener at the moment. If you would like to volunteer, use `/peer listen`.';
export function paused(initiative: string): string {
  return `You're paused in *${e(initiative)}*: you won't get new offers until you resume with \`/peer resume\`. Take the time you need.`;
}
export function alreadyPaused(initiative: string): string {
  return `You're already paused in *${e(initiative)}*. Resume any time with \`/peer resume\`.`;
}
export function resumed(initiative: string): string {
  return `Welcome back. You're taking new conversations again in *${e(initiative)}*.`;
}
export function notPaused(initiative: string, status: string): string {
  return status === 'pending'
    ? `Your listener profile in *${e(initiative)}* is still waiting for a coordinator's approval.`
    : `You're already taking new conversations in *${e(initiative)}*.`;
}
export function stopped(initiative: string): string {
  return `You've stopped being a listener with *${e(initiative)}*. Your consent is withdrawn and your listener profile is deleted. Thank you for the support you gave.`;
}
export function pendingCannotPause(initiative: string): string {
  return `Your listener profile in *${e(initiative)}* is waiting for approval, so there is nothing to pause yet.`;
}
export const CHOOSE_INITIATIVE = 'You listen in more than one initiative. Which one is this for?';

// Pausing until a date (issue 15). Kind and plain: a pause is never a failing, and nothing is asked of them.
export const PAUSE_TITLE = 'Pause new offers';
export const PAUSE_SUBMIT = 'Pause';
export const PAUSE_DATE_LABEL = 'Pause until';
export const PAUSE_DATE_PLACEHOLDER = 'Choose a day';
export const PAUSE_DATE_HINT =
  'Optional. Offers start again at the beginning of the day you choose, in your own timezone. Leave it empty to stay paused until you resume.';
export const PAUSE_BUTTON = 'Pause until…';
export const PAUSE_FROM_OFFER = 'The offer you have open now passes to another listener when you pause; there is no need to explain.';
export const PAUSE_DATE_NOT_AFTER_TODAY = 'Please choose a day after today, or leave it empty to stay paused until you resume.';
export const PAUSE_DATE_TOO_FAR = 'Please choose a day within the next year, or leave it empty to stay paused until you resume.';
export const PAUSE_DATE_NOT_A_DATE = 'Please choose a day from the calendar.';
export function pauseIntro(initiative: string): string {
  return `Taking a break is part of listening well. While you're paused in *${e(initiative)}*, no new offers come to you. The conversations you're already in carry on as usual, and you can resume any time with \`/peer resume\`.`;
}
/** What the form says about a pause already in place; `until` is a date as people say it. */
export function currentlyPaused(until: string | null): string {
  return until ? `You're paused now until ${e(until)}. Choose another day, or leave it empty to stay paused until you resume.` : "You're paused now, with no date set. You can choose a day to come back on.";
}
export function pausedUntilDate(initiative: string, until: string): string {
  return `You're paused in *${e(initiative)}* until ${e(until)}. No new offers until then; your current conversations carry on. I'll let you know here when offers start again, and you can come back sooner with \`/peer resume\`. Take the time you need.`;
}
export function welcomeBack(initiative: string): string {
  return `Welcome back: you are taking new conversations again in *${e(initiative)}*. If you need longer, pause again any time.`;
}
export const PAUSE_AGAIN_BUTTON = 'Pause again…';
export function pausedForNoAnswer(initiative: string): string {
  return `Three offers in a row went unanswered, so I've paused new offers for you in *${e(initiative)}*, no harm done. Nothing changes in your current conversations. When you're ready, press Resume below or type \`/peer resume\`.`;
}
export const NO_INITIATIVE = 'There is no peer-support initiative in this workspace yet. A workspace admin can start one with `/peer setup`.';

// Confirm dialogs: Slack asks these before the click reaches us, for steps that cannot be undone (issue 14).
export const CONFIRM_STOP: ConfirmSpec = {
  title: 'Stop being a listener?',
  text: 'Your listener profile in this initiative is removed and any conversations you are in are ended; the people you support are told you stepped back and are offered someone else. You can volunteer again later.',
  confirm: 'Stop listening',
  deny: 'Keep listening',
  danger: true,
};
export const CONFIRM_DECLINE: ConfirmSpec = {
  title: 'Decline this volunteer?',
  text: 'They are told kindly that they will not be added as a listener at this time, and their listener profile is removed. This cannot be undone.',
  confirm: 'Decline',
  deny: 'Not now',
  danger: true,
};
