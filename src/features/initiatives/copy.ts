export const SETUP_TITLE = 'Set up peer support';
export const EDIT_TITLE = 'Initiative settings';

export const DEFAULT_RESOURCES =
  '• In an emergency, call your local emergency number.\n' +
  '• Employee assistance line: <add your EAP phone number and hours>\n' +
  '• Crisis lines: <add your country\'s crisis line, e.g. Samaritans 116 123 in the UK and Ireland, 988 in the US>\n' +
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
  return `Thank you for setting up *${name}*. You are its coordinator.${invites} Colleagues can now volunteer with \`/peer listen\`.`;
}

export function saved(name: string, invited: number): string {
  const invites = invited > 0 ? ` Invitations went to ${invited} new colleague${invited === 1 ? '' : 's'}.` : '';
  return `Saved the settings of *${name}*.${invites}`;
}

export function roleName(role: 'coordinator' | 'hr_viewer'): string {
  return role === 'coordinator' ? 'a coordinator' : 'an HR viewer';
}

export function invitationText(inviterId: string, role: 'coordinator' | 'hr_viewer', initiative: string): string {
  const what =
    role === 'coordinator'
      ? 'Coordinators edit the settings, approve listeners and hear from listeners who need support. They never see who asked for support or what was said.'
      : 'HR viewers see anonymous uptake figures: counts only, never a person.';
  return `<@${inviterId}> invited you to be ${roleName(role)} of the peer-support initiative *${initiative}*. ${what}`;
}

export function roleAccepted(role: 'coordinator' | 'hr_viewer', initiative: string): string {
  return `Thank you. You are now ${roleName(role)} of *${initiative}*. Your tools are in the app's Home tab.`;
}

export const ROLE_DECLINED = 'No problem, nothing was stored about you. Thank you for letting us know.';
export const NOT_YOUR_INVITATION = 'This invitation is for someone else.';

export const CHOOSE_TITLE = 'Choose an initiative';
export const CHOOSE_PROMPT = 'Which peer-support initiative is this for?';
export const NEW_INITIATIVE_LABEL = 'Set up a new initiative';
export const NO_INITIATIVE =
  'There is no peer-support initiative in this workspace yet. Anyone can start one with `/peer setup`.';
