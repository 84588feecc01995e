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
  return `Welcome back. You're taking new pairings again in *${e(initiative)}*.`;
}
export function notPaused(initiative: string, status: string): string {
  return status === 'pending'
    ? `Your listener profile in *${e(initiative)}* is still waiting for a coordinator's approval.`
    : `You're already taking new pairings in *${e(initiative)}*.`;
}
export function stopped(initiative: string): string {
  return `You've stopped being a listener with *${e(initiative)}*. Your consent is withdrawn and your listener profile is deleted. Thank you for the support you gave.`;
}
export function pendingCannotPause(initiative: string): string {
  return `Your listener profile in *${e(initiative)}* is waiting for approval, so there is nothing to pause yet.`;
}
export const CHOOSE_INITIATIVE = 'You listen in more than one initiative. Which one is this for?';
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
