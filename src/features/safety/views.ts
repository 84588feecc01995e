import type { KnownBlock } from '@slack/types';
import { actions, divider, escapeMrkdwn, section } from '../common/blocks.js';
import { RequestIds } from '../requests/ids.js';
import type { OpenRequest } from '../requests/service.js';
import type { Translate } from '../../i18n/translate.js';
import * as copy from './copy.js';
import { resourcesIn } from '../../domain/initiative-texts.js';

// Pure views of the safety net (issue 14). The resources always come first (DESIGN.md invariant 6).

export interface InitiativeResources {
  id: string;
  name: string;
  resources: string;
  /** The resources in other languages, as stored: each person sees theirs where written (issue 19). */
  texts?: string;
}

// At most a few lines about open requests, so the message stays well inside 50 blocks.
const MAX_REQUESTS_SHOWN = 5;

/** The resources of the initiatives given (already chosen and capped), or a generic crisis line without any. */
export function renderResourceBlocks(t: Translate, initiatives: readonly InitiativeResources[]): KnownBlock[] {
  if (initiatives.length === 0) return [section(t('common.crisisLineFallback'))];
  return [section(t('safety.resourcesLead')), ...initiatives.map((i) => section(`*${escapeMrkdwn(i.name)}*\n${escapeMrkdwn(resourcesIn(i, t.language))}`))];
}

/**
 * The answer to a message written to the app outside a conversation: resources, a kind line (more
 * urgent when `crisis`), where the person's open requests stand, and the way to ask for a listener.
 * It never quotes what they wrote (invariant 2), in its text or its blocks.
 */
export function renderSafetyNet(t: Translate, input: { resources: readonly InitiativeResources[]; crisis: boolean; requests: readonly OpenRequest[] }) {
  const blocks: KnownBlock[] = [
    ...renderResourceBlocks(t, input.resources),
    divider(),
    section(t(input.crisis ? 'safety.urgentLine' : 'safety.calmLine')),
    ...input.requests.slice(0, MAX_REQUESTS_SHOWN).map((r) => section(copy.requestStatusLine(t, r.topic, r.status))),
    actions([{ actionId: RequestIds.requestButton, text: t('safety.askForAListener'), style: 'primary' }]),
  ];
  return { text: t('safety.notificationText'), blocks };
}
