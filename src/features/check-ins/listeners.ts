import type { App } from '@slack/bolt';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { incrementCount } from '../common/anonymous-counts.js';
import { parseAction, parseJson } from '../common/payloads.js';
import { answerClick } from '../common/reply.js';
import { publishHome } from '../home/publish.js';
import { setPaused } from '../listeners/service.js';
import { announceEnd } from '../pairings/notify.js';
import { coordinatorsOf, endPairing, getPairing } from '../pairings/service.js';
import { rematchForSeeker } from '../requests/notify.js';
import * as copy from './copy.js';
import { CheckInIds, LISTENER_ANSWERS, SEEKER_ANSWERS } from './ids.js';
import { recordAnswer } from './service.js';

const answerValue = z.object({ c: z.string(), a: z.enum([...SEEKER_ANSWERS, ...LISTENER_ANSWERS]) });

// Each answer's effect (issue 5): stored as a choice, counted anonymously, and acted on.
export function register(app: App, deps: FeatureDeps): void {
  const services = serviceDeps(deps);

  app.action(CheckInIds.answer, async ({ ack, body, client, respond }) => {
    await ack();
    const a = parseAction(body);
    const value = parseJson(answerValue, a.value);
    if (!value) return;
    const answered = await recordAnswer(services, { checkInId: value.c, userId: a.userId, answer: value.a });
    if (!answered) {
      await answerClick(client, respond, body, a.userId, copy.ALREADY_ANSWERED);
      return;
    }
    await services.db.$transaction((tx) =>
      incrementCount(tx, { initiativeId: answered.initiativeId, metric: `checkin_${value.a}`, at: services.clock.now() }),
    );
    await answerClick(client, respond, body, a.userId, copy.THANKS[value.a]!);

    const pairing = answered.kind === 'waiting' ? null : await getPairing(services.db, answered.subjectId);
    if (!pairing) return;
    if (value.a === 'someone_else' || value.a === 'end') {
      const reason = value.a === 'someone_else' ? 'someone_else' : 'ended';
      const result = await endPairing(services, { pairingId: pairing.id, by: 'seeker', reason });
      if (result.kind === 'ended') {
        await announceEnd(client, result.pairing, 'seeker', reason);
        if (result.requeued) await rematchForSeeker(client, services, result.pairing.requestId);
      }
    } else if (value.a === 'break') {
      await setPaused(services, { initiativeId: pairing.initiativeId, userId: a.userId, paused: true });
      await publishHome(client, services, a.workspaceId, a.userId);
    } else if (value.a === 'coordinator') {
      // The coordinators learn which listener wants support, never whom they were supporting.
      const initiative = await services.db.initiative.findUniqueOrThrow({ where: { id: pairing.initiativeId }, select: { name: true } });
      for (const coordinator of await coordinatorsOf(services.db, pairing.initiativeId)) {
        await client.chat.postMessage({ channel: coordinator, text: copy.coordinatorNotice(a.userId, initiative.name) });
      }
    }
  });
}
