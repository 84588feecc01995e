import type { Routes } from '../../slack/routes.js';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { parseAction } from '../common/payloads.js';
import { PreferenceIds } from '../preferences/ids.js';
import { setPreviews } from '../preferences/service.js';
import { publishHome } from './publish.js';

const previewsValue = z.enum(['on', 'off']);

export function register(app: Routes, deps: FeatureDeps): void {
  // Previews on or off, for the person clicking only (whatever the button carries besides on/off).
  app.action(PreferenceIds.previews, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    const wanted = previewsValue.safeParse(a.value);
    if (!wanted.success) return;
    const services = serviceDeps(deps);
    await setPreviews(services.db, { userId: a.userId, previews: wanted.data === 'on', now: services.clock.now() });
    await publishHome(client, services, a.workspaceId, a.userId);
  });

  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, serviceDeps(deps), context.teamId ?? '', event.user);
  });
}
