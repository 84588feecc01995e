import type { Translate } from '../../i18n/translate.js';
import { escapeMrkdwn as e } from '../common/blocks.js';
import type { Role } from './service.js';

// The words of an invitation to be a coordinator or an HR viewer (issue 13), in the language `t` words
// them in (issue 19): the invitee's when the DM is sent, the same one stored with the invitation when it
// closes. Each function escapes the initiative's name, which a person typed, where it enters mrkdwn
// (never its callers).

/** The DM's text: who invited them, to what, and what the role means. */
export function invitationText(t: Translate, inviterId: string, role: Role, initiative: string): string {
  return t('invitations.text', { role, inviter: `<@${inviterId}>`, initiative: e(initiative) });
}

/** The DM once they accepted. */
export function roleAccepted(t: Translate, role: Role, initiative: string): string {
  return t('invitations.accepted', { role, initiative: e(initiative) });
}

/** The DM once they declined. */
export function roleDeclined(t: Translate): string {
  return t('invitations.declined');
}

/** Said only to someone who clicked a standing invitation made for another person. */
export function notYourInvitation(t: Translate): string {
  return t('invitations.notYours');
}

/** Said only to the clicker: no standing invitation with that id (withdrawn, answered, expired, never made). */
export function invitationGone(t: Translate): string {
  return t('invitations.gone');
}

/** The invitation DM once the coordinators took the person off the form before they answered. */
export function invitationWithdrawn(t: Translate, role: Role, initiative: string): string {
  return t('invitations.withdrawn', { role, initiative: e(initiative) });
}

/** The invitation DM once it went unanswered for 14 days (DESIGN.md invariant 3). */
export function invitationExpired(t: Translate, role: Role, initiative: string): string {
  return t('invitations.expired', { role, initiative: e(initiative) });
}
