import type { App } from '@slack/bolt';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { publishHome } from './publish.js';

export function register(app: App, deps: FeatureDeps): void {
  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, serviceDeps(deps), context.teamId ?? '', event.user);
  });
}
