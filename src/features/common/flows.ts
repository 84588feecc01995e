import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { renderFailureModal } from './answer-failures.js';
import { loadingModal } from './blocks.js';
import type { Translate } from '../../i18n/translate.js';

// A flow that needs an initiative (listen, request, setup, insights) registers a purpose here; the
// initiative chooser, shown only when there is more than one initiative, hands the choice back to it.

export interface FlowContext {
  workspaceId: string;
  userId: string;
  initiativeId: string;
  /** The modal being replaced, for a flow that shows a placeholder and updates it when ready. */
  viewId: string;
  /** The request's own client: it carries the token of the workspace the person is in (issue 16). */
  client: WebClient;
}

export type NextView = (context: FlowContext) => Promise<ModalView>;

export class FlowRegistry {
  private readonly flows = new Map<string, NextView>();

  register(purpose: string, next: NextView): void {
    if (this.flows.has(purpose)) throw new Error(`flow ${purpose} registered twice`);
    this.flows.set(purpose, next);
  }

  get(purpose: string): NextView | undefined {
    return this.flows.get(purpose);
  }
}

/**
 * A trigger_id lasts 3 seconds and works once (DESIGN.md), so open a modal at once, then load what the
 * real view needs and replace it.
 */
export async function openThenUpdate(
  client: WebClient,
  triggerId: string,
  t: Translate,
  title: string,
  load: () => Promise<ModalView>,
  loadingText?: string,
): Promise<void> {
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(t, title, loadingText) });
  const viewId = opened.view?.id;
  if (!viewId) throw new Error('views.open returned no view id');
  let view: ModalView;
  try {
    view = await load();
  } catch (error) {
    // The open modal must not keep saying "one moment" (answer-failures.ts logs the error).
    await client.views.update({ view_id: viewId, view: renderFailureModal(t('common.somethingWentWrong'), null, t) });
    throw Object.assign(error instanceof Error ? error : new Error('load failed'), { answered: true });
  }
  await client.views.update({ view_id: viewId, view });
}
