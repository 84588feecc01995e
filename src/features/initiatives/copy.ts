import { escapeMrkdwn as e } from '../common/blocks.js';

// Functions here build mrkdwn: each escapes the names people typed that it puts in (never its callers).

export const SETUP_TITLE = 'Set up peer support';
export const EDIT_TITLE = 'Initiative settings';

/**
 * A template to complete: saving is refused while a placeholder is left (src/domain/resources.ts).
 * One resource per line as "Name: phone or link (hours)", so each can be checked and shown.
 */
export const DEFAULT_RESOURCES =
  '• In an emergency, call your local emergency number.\n' +
  '• Employee assistance line: <your EAP phone number> (<its hours>)\n' +
  '• Your GP or doctor can help with ongoing support.';

export const DEFAULT_GUIDELINES =
  'Listen more than you speak, and walk alongside rather than fix. Share your own experience only when it helps. ' +
  'Keep what you hear confidential, except where someone\'s life is at risk: then encourage them to use the crisis resources, and talk to a coordinator. ' +
  'You are not a therapist: point people to professional help when it is needed. Look after yourself too: pause whenever you need to.';

export const COORDINATOR_CONSENT_LABEL = 'I agree to be this initiative\'s coordinator on these terms';
export const APPROVAL_LABEL = 'New listeners need a coordinator\'s approval';

export const NOT_COORDINATOR =
  'Only the coordinators of this initiative can change its settings. If you would like to help run it, please ask one of its coordinators.';
export const INITIATIVE_GONE = 'That initiative no longer exists.';

export function created(name: string, invited: number): string {
  const invites = invited > 0 ? ` I've invited the ${invited} colleague${invited === 1 ? '' : 's'} you named; they'll be added when they accept.` : '';
  return `Thank you for setting up *${e(name)}*. You are its coordinator.${invites} Colleagues can now volunteer with \`/peer listen\`.`;
}

export function saved(name: string, invited: number): string {
  const invites = invited > 0 ? ` Invitations went to ${invited} new colleague${invited === 1 ? '' : 's'}.` : '';
  return `Saved the settings of *${e(name)}*.${invites}`;
}

export function roleName(role: 'coordinator' | 'hr_viewer'): string {
  return role === 'coordinator' ? 'a coordinator' : 'an HR viewer';
}

export function invitationText(inviterId: string, role: 'coordinator' | 'hr_viewer', initiative: string): string {
  const what =
    role === 'coordinator'
      ? 'Coordinators edit the settings, approve listeners and hear from listeners who need support. They never see who asked for support or what was said.'
      : 'HR viewers see anonymous uptake figures: counts only, never a person.';
  return `<@${inviterId}> invited you to be ${roleName(role)} of the peer-support initiative *${e(initiative)}*. ${what}`;
}

export function roleAccepted(role: 'coordinator' | 'hr_viewer', initiative: string): string {
  return `Thank you. You are now ${roleName(role)} of *${e(initiative)}*. Your tools are in the app's Home tab.`;
}

export const ROLE_DECLINED = 'No problem, nothing was stored about you. Thank you for letting us know.';
export const NOT_YOUR_INVITATION = 'This invitation is for someone else.';
export const INVITATION_GONE =
  'This invitation is no longer open: it was withdrawn, already answered, or more than 14 days old. If you would like to help, please ask one of the initiative\'s coordinators.';

/** The invitation DM once the coordinators took the person off the form before they answered. */
export function invitationWithdrawn(role: 'coordinator' | 'hr_viewer', initiative: string): string {
  return `The invitation to be ${roleName(role)} of *${e(initiative)}* was withdrawn by its coordinators. Nothing about you was kept.`;
}

/** The invitation DM once it went unanswered for 14 days (DESIGN.md invariant 3). */
export function invitationExpired(role: 'coordinator' | 'hr_viewer', initiative: string): string {
  return `The invitation to be ${roleName(role)} of *${e(initiative)}* has closed after 14 days without an answer, and nothing about you was kept. A coordinator can invite you again.`;
}

export const MAX_PEOPLE_PER_PICKER = 10;
export const TOO_MANY_PEOPLE = `Please choose at most ${MAX_PEOPLE_PER_PICKER} people at a time. You can add more after saving.`;

/** A kind refusal naming who can set up an initiative (issue 13). */
export function notAllowedToCreate(creators: readonly string[]): string {
  const named = creators.length > 0 ? `, the people named in this app's settings (${creators.map((id) => `<@${id}>`).join(', ')})` : '';
  return (
    `Thank you for wanting to start peer support. New initiatives are set up by workspace admins and owners${named}, ` +
    'and by the coordinators of an existing initiative. Please ask one of them to set it up, or to name you as a coordinator; ' +
    'you can still volunteer as a listener with `/peer listen` once there is an initiative.'
  );
}

export const NO_INITIATIVE =
  'There is no peer-support initiative in this workspace yet. A workspace admin can start one with `/peer setup`.';

/** Template text is still in the resources: a person in crisis would be shown it. */
export function placeholderLeft(placeholder: string): string {
  const shown = placeholder.length > 60 ? `${placeholder.slice(0, 59)}…` : placeholder;
  return `Please replace "${shown}" with your organisation's own details, or remove that line: people asking for help see these first.`;
}

export const NO_RESOURCE_CONTACT =
  'Please add at least one resource with a phone number or a link, one per line, for example: Employee assistance line: 0800 123 4567 (24 hours).';

export const RESOURCE_LINES_LABEL = 'Add widely known crisis lines';
export const RESOURCE_LINES_HINT =
  'These are public lines, not your organisation\'s own: add them if they fit where your colleagues live, alongside your own employee assistance line.';

export const PREVIEW_BUTTON = 'Preview as a seeker';
export const PREVIEW_TITLE = 'Preview';
export const PREVIEW_CLOSE = 'Close preview';
export const PREVIEW_BACK = 'Back';
export const PREVIEW_LEAD = 'This is what a colleague asking for support sees, with what you have typed so far (not saved yet). Resources come first.';
export const PREVIEW_NO_NAME = 'Your initiative';
export const PREVIEW_NO_RESOURCES = '(No resources yet: they will appear here, first.)';
export const PREVIEW_NO_TOPICS = '(Your topics will be listed here)';

export const LANGUAGE_LABEL = 'Default language';
export const LANGUAGE_HINT =
  'The app answers each person in their Slack language when it speaks it (English, Deutsch, Español), or in the one they choose on their Home tab. This one is for everyone else.';

export const TEXTS_HEADER = '*In other languages* (optional)';
export const TEXTS_HINT =
  'Each person sees the text in their language where you have written one here, and the text above where not. Leave a field empty to show the text above.';
export const textsLabel = (what: 'resources' | 'guidelines' | 'topics', language: string) =>
  ({ resources: `Support and crisis resources in ${language}`, guidelines: `Listener guidelines in ${language}`, topics: `Topics in ${language}` })[what];
export const TOPICS_IN_LANGUAGE_HINT = 'One per line, in the same order as the topics above.';
export const topicLinesMismatch = (count: number) =>
  `Please give one line per topic, in the same order as the topics above (${count} ${count === 1 ? 'topic' : 'topics'}), or leave this empty.`;
