import type { KnownBlock } from '@slack/types';
import { consentText } from '../../domain/consent.js';
import type { Translate } from '../../i18n/translate.js';
import { actions, header, section } from '../common/blocks.js';
import { InitiativeIds } from './ids.js';
import { invitationText } from './invitation-copy.js';
import type { Role } from './service.js';

/**
 * The invitation DM, in the invitee's language with the consent text in that language (issue 19): the
 * words they agree to are the ones recorded when they accept. Its buttons carry only the invitation's
 * id: who is invited, to what and in which role is read from the stored Invitation when they answer
 * (issue 13), never from the button.
 */
export function renderInvitation(t: Translate, input: { inviterId: string; invitation: { id: string; role: Role; initiativeName: string } }) {
  const { invitation } = input;
  const value = invitation.id;
  const text = invitationText(t, input.inviterId, invitation.role, invitation.initiativeName);
  return {
    text,
    blocks: [
      header(t('invitations.header')),
      section(text),
      section(consentText(invitation.role, t.language).text),
      actions([
        { actionId: InitiativeIds.acceptRole, text: t('invitations.accept'), style: 'primary', value },
        { actionId: InitiativeIds.declineRole, text: t('invitations.decline'), value },
      ]),
    ] as KnownBlock[],
  };
}

/** The invitation DM replaced by what became of it (accepted, declined, withdrawn, expired); `text` is worded already. */
export function renderInvitationAnswer(text: string) {
  return { text, blocks: [section(text)] as KnownBlock[] };
}
