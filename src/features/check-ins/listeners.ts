import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Routes } from '../../slack/routes.js';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { effects } from '../../effects/effects.js';
import { parseAction, parseJson } from '../common/payloads.js';
import { section } from '../common/blocks.js';
import { answerClick, answerClickWith } from '../common/reply.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import * as copy from './copy.js';
import { CHECK_IN_ANSWERS, CheckInIds, LISTENER_ANSWERS, REVIEW_ANSWERS, SEEKER_ANSWERS } from './ids.js';
import { answerCheckIn, type AnswerResult } from './service.js';
import { renderBreakReply } from './views.js';

const answerValue = z.object({ c: z.string(), a: z.enum([...SEEKER_ANSWERS, ...LISTENER_ANSWERS, ...REVIEW_ANSWERS]) });

/** What the person sees where they clicked: thanks, with a way to choose a return date after "I need a break". */
function replyTo(t: Translate, result: Extract<AnswerResult, { kind: 'answered' }>) {
  if (result.answer === 'break') return renderBreakReply(t, { initiativeId: result.initiativeId });
  // "Let's wrap up" on a conversation that had already ended: nothing was wrapped up.
  const text = result.answer === 'wrap_up' && !result.ended ? t('checkIns.alreadyWrappedUp') : t(copy.THANKS_KEYS[result.answer]);
  return { text, blocks: [section(text)] };
}

// Each answer's effect (issues 5 and 15) is one use case (answerCheckIn); this only acks, replies and runs effects.
export function register(app: Routes, deps: FeatureDeps): void {
  const services = serviceDeps(deps);

  const onAnswer = async ({ ack, body, client, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const a = parseAction(body);
    const value = parseJson(answerValue, a.value);
    if (!value) return;
    const [result, language] = await Promise.all([
      answerCheckIn(services, { checkInId: value.c, userId: a.userId, answer: value.a }),
      // The check-in went in the person's language (its send cached their locale): so does the reply.
      deps.languages.of(client, a.userId, { workspaceId: a.workspaceId }),
    ]);
    const t = translatorFor(language);
    if (result.kind === 'already-answered') {
      await answerClick(client, respond, body, a.userId, t('checkIns.alreadyAnswered'));
      return;
    }
    if (result.ended) deps.metrics.pairingsEnded(result.ended.reason);
    await answerClickWith(client, respond, body, a.userId, replyTo(t, result));
    await deps.effects.run([
      ...effects.send(result.outboxIds),
      ...(result.ended ? effects.afterPairingEnded(result.workspaceId, result.ended) : []),
      ...(result.paused ? effects.refreshHomes(result.workspaceId, [a.userId]) : []),
    ]);
  };
  // Each answer has its own action id, as Slack refuses repeated action ids in one block; the value names the answer.
  for (const answer of CHECK_IN_ANSWERS) app.action(CheckInIds.answer[answer], onAnswer);
}
