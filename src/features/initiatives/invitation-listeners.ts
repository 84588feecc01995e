import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { effects } from '../../effects/effects.js';
import { translatorFor } from '../../i18n/translate.js';
import type { Routes } from '../../slack/routes.js';
import { LANGUAGE_WITHIN_MS, translatorOf } from '../common/person-language.js';
import { parseAction } from '../common/payloads.js';
import { InitiativeIds } from './ids.js';
import * as copy from './invitation-copy.js';
import { answerInvitation } from './invitations.js';
import { renderInvitationAnswer } from './invitation-views.js';

/**
 * The answers to an invitation DM's buttons (issue 13), in the clicker's language (issue 19). The buttons
 * carry only the invitation's id; the stored invitation decides who, what and which role. The invitee's
 * answer replaces their DM in the language it was worded in; anyone else (someone else's invitation, or
 * none standing) is answered in their own.
 */
export function registerInvitationAnswers(app: Routes, deps: FeatureDeps): void {
  const services = serviceDeps(deps);

  for (const [actionId, accepting] of [
    [InitiativeIds.acceptRole, true],
    [InitiativeIds.declineRole, false],
  ] as const) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const a = parseAction(body);
      if (!a.value) return;
      const result = await answerInvitation(services, { workspaceId: a.workspaceId, invitationId: a.value, userId: a.userId, accept: accepting });
      const stored = result.kind === 'accepted' || result.kind === 'declined' ? result.language : null;
      const t = stored
        ? translatorFor(stored)
        : await translatorOf(deps.languages, client, a.userId, {
            workspaceId: a.workspaceId,
            initiativeId: result.kind === 'not-yours' ? result.initiativeId : null,
            withinMs: LANGUAGE_WITHIN_MS,
          });
      const refuse = async (text: string) => {
        // Said only to the person who clicked; the invitation message stays as it is.
        if (a.message) await client.chat.postEphemeral({ channel: a.message.channel, user: a.userId, text });
        else await client.chat.postMessage({ channel: a.userId, text });
      };
      if (result.kind === 'not-yours') return refuse(copy.notYourInvitation(t));
      if (result.kind === 'gone') return refuse(copy.invitationGone(t));
      const text = result.kind === 'declined' ? copy.roleDeclined(t) : copy.roleAccepted(t, result.role, result.initiativeName);
      if (a.message) await client.chat.update({ channel: a.message.channel, ts: a.message.ts, ...renderInvitationAnswer(text) });
      else await client.chat.postMessage({ channel: a.userId, ...renderInvitationAnswer(text) });
      if (result.kind === 'accepted') await deps.effects.run(effects.refreshHomes(a.workspaceId, [a.userId]));
    });
  }
}
