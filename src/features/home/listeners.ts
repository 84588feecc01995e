import type { Routes } from '../../slack/routes.js';
import { z } from 'zod';
import { serviceDeps, type FeatureDeps } from '../../app-deps.js';
import { APP_LANGUAGES } from '../../domain/app-language.js';
import { parseAction } from '../common/payloads.js';
import { PreferenceIds, SLACK_LANGUAGE } from '../preferences/ids.js';
import { setLanguage, setPreviews } from '../preferences/service.js';
import { publishHome } from './publish.js';

const previewsValue = z.enum(['on', 'off']);
const languageValue = z.enum([...APP_LANGUAGES, SLACK_LANGUAGE]);

export function register(app: Routes, deps: FeatureDeps): void {
  const homeDeps = () => ({ ...serviceDeps(deps), languages: deps.languages });

  // Previews on or off, for the person clicking only (whatever the button carries besides on/off).
  app.action(PreferenceIds.previews, async ({ ack, body, client }) => {
    await ack();
    const a = parseAction(body);
    const wanted = previewsValue.safeParse(a.value);
    if (!wanted.success) return;
    const services = serviceDeps(deps);
    await setPreviews(services.db, { userId: a.userId, previews: wanted.data === 'on', now: services.clock.now() });
    await publishHome(client, homeDeps(), a.workspaceId, a.userId);
  });

  // The language the app writes to the person in (issue 19), or back to their Slack's. The tab is
  // published again in it at once; this process forgets what it kept of them, and another replica
  // within its few minutes of memory (src/features/common/person-language.ts).
  for (const actionId of Object.values(PreferenceIds.language)) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const a = parseAction(body);
      const wanted = languageValue.safeParse(a.value);
      if (!wanted.success) return;
      const services = serviceDeps(deps);
      await setLanguage(services.db, { userId: a.userId, language: wanted.data === SLACK_LANGUAGE ? null : wanted.data, now: services.clock.now() });
      deps.languages.forget(a.userId);
      await publishHome(client, homeDeps(), a.workspaceId, a.userId);
    });
  }

  app.event('app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, homeDeps(), context.teamId ?? '', event.user);
  });
}
