import { randomUUID } from 'node:crypto';
// Before Bolt: Socket Mode's and OAuth's modules load only if they are used (issue 17, start-up).
import './slack/lazy-bolt-modules.js';
// Bolt's global middleware get their arguments in one shape, not a new hidden class each (issue 17).
import './slack/bolt-middleware-args.js';
import { createRequire } from 'node:module';
import type { App, Logger as BoltLogger, Receiver } from '@slack/bolt';
import { LogLevel } from '@slack/web-api';
import type { AppDeps, FeatureDeps } from './app-deps.js';
import type { PacedSender } from './delivery/dispatcher.js';
import type { EffectRunner } from './effects/effects.js';
import { createEffectRunner } from './effects/run-effects.js';
import { answerFailures, codeOf } from './features/common/answer-failures.js';
import { createBulkSender } from './slack/bulk-sender.js';
import { singleTokenWorkspaces, type WorkspaceTokens } from './slack/workspace-tokens.js';
import { register as registerWorkspaces } from './features/workspaces/listeners.js';
import { uninstallWorkspace } from './features/workspaces/service.js';
import { observeSlackCalls } from './slack/observed-fetch.js';
import { boundedCalls } from './slack/fetch-within.js';
import { tokenAuthorize } from './slack/token-authorize.js';
import { oauthInstalls } from './installations/oauth.js';
import { noMetrics, type Metrics } from './metrics/metrics.js';
import { register as registerCheckIns } from './features/check-ins/listeners.js';
import { FlowRegistry } from './features/common/flows.js';
import { register as registerHome } from './features/home/listeners.js';
import { register as registerInitiatives } from './features/initiatives/listeners.js';
import { register as registerInsights } from './features/insights/listeners.js';
import { register as registerListeners } from './features/listeners/listeners.js';
import { register as registerMyData } from './features/my-data/listeners.js';
import { register as registerPairings } from './features/pairings/listeners.js';
import { register as registerRelay } from './features/relay/listeners.js';
import { register as registerRequests } from './features/requests/listeners.js';
import { register as registerCommands } from './features/commands/listeners.js';
import { register as registerCircles } from './features/circles/handlers.js';
import { register as registerCircleRelay } from './features/circles/relay.js';
import { InitiativesCache } from './features/safety/initiatives-cache.js';
import { personLanguages, type PersonLanguages } from './features/common/person-language.js';
import { loadResources, readInitiatives } from './features/safety/service.js';
import { claimEvent, claimLater, type EventClaim } from './features/events/dedupe.js';
import { healthRoutes } from './http/health.js';
import { SlackRoutes } from './slack/routes.js';
import type { Logger } from './logger.js';

// Bolt's App alone, required as CommonJS (the same module whichever loader runs us): the package's index
// also loads the Express and AWS Lambda receivers, which the app never uses (issue 17, start-up).
const BoltApp = (createRequire(import.meta.url)('@slack/bolt/dist/App.js') as typeof import('@slack/bolt/dist/App.js')).default;

const INTERACTIVE_TIMEOUT_MS = 5_000;

// Builds the Bolt app: registers every capability and the cross-cutting middleware. It does not start it.


/** How long a failure note waits for the person's language before it answers in English (issue 19). */
const FAILURE_LANGUAGE_MS = 300;
export interface BuiltApp {
  readonly app: App;
  /** The paced Web API client for sends that can wait (check-ins, the outbox). */
  readonly sender: PacedSender;
  readonly effects: EffectRunner;
  /** This process's name on leases. */
  readonly owner: string;
  /** What the app counts (a no-op without METRICS_PORT); the scheduler counts its deliveries here. */
  readonly metrics: Metrics;
  /** People's languages (issue 19): the scheduler's outbox sends word offers and waiting messages in them. */
  readonly languages: PersonLanguages;
  /** Every button, modal, command and event the capabilities registered (src/slack/routes.ts). */
  readonly routes: SlackRoutes;
  /** Resolves when no listener is running; used by graceful shutdown. */
  whenIdle(): Promise<void>;
}

export interface BuildAppOptions {
  /** Tests deliver payloads in process through their own receiver (bolt-js test/unit/helpers/receivers.ts). */
  receiver?: Receiver;
}

export function buildApp(deps: AppDeps, options: BuildAppOptions = {}): BuiltApp {
  const { config, database, logger } = deps;
  const metrics = deps.metrics ?? noMetrics;
  // Every Web API call of both clients (and Bolt's respond()) passes this one fetch; unwrapped when metrics are off.
  const fetch = deps.metrics ? observeSlackCalls((call) => metrics.slackCall(call)) : undefined;
  // OAuth installs (issue 16): Bolt serves /slack/install and /slack/oauth_redirect on our installation
  // store and authorizes each request from it. Null with SLACK_BOT_TOKEN (one workspace).
  // This process's name on leases (rows it sends, a token it refreshes).
  const owner = randomUUID();
  const installs = oauthInstalls(deps, { owner, fetch, customReceiver: options.receiver !== undefined });
  const app: App = new BoltApp({
    // One workspace: its token, with the bot's ids asked of Slack on the first request, not at start-up.
    ...(installs ? installs.appOptions : { authorize: tokenAuthorize(config.slack.botToken!, () => app.client) }),
    ...(options.receiver
      ? { receiver: options.receiver }
      : config.mode === 'socket'
        ? { socketMode: true, appToken: config.slack.appToken }
        : { signingSecret: config.slack.signingSecret, customRoutes: healthRoutes(database.db) }),
    // Interactive calls (views.open within a trigger's 3 seconds, replies to the person who acted) fail
    // fast rather than wait: bounded time, one quick retry, and a 429 is an answer, never a pause of
    // the whole client. Bulk sends have a client of their own (src/slack/bulk-sender.ts).
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      ...boundedCalls(INTERACTIVE_TIMEOUT_MS, fetch),
      retryConfig: { retries: 1, factor: 1, minTimeout: 300, maxTimeout: 300 },
      rejectRateLimitedCalls: true,
    },
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
    // No per-process conversation store: replicas share nothing but the database (issue 16).
    convoStore: false,
  });

  const inFlight = trackInFlight();
  app.use(async ({ next }) => inFlight.run(next));
  // Before anything that can fail (the event dedupe reads the database), so every failure is answered.
  app.use(answerFailures(logger, (client, workspaceId, userId) => languages.of(client, userId, { workspaceId, withinMs: FAILURE_LANGUAGE_MS })));

  // Deduplicate Events API deliveries by event_id across retries and replicas (DESIGN.md).
  app.use(async ({ body, context, next }) => {
    const eventId = typeof body === 'object' && body !== null && 'event_id' in body ? body.event_id : undefined;
    if (typeof eventId === 'string') {
      // Bolt has already acknowledged an event (it does so before any middleware): all that follows is
      // work after the ack, and its database reads run synchronously on SQLite. Requests that arrived
      // meanwhile are acknowledged first (issue 17: a burst of messages held other acks back).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (claimLater(database.db, (body as { event?: unknown }).event)) {
        // Claimed by the relay's first statement, before it does anything (src/features/events/dedupe.ts).
        const claim: EventClaim = { eventId, receivedAt: deps.clock.now() };
        context.eventClaim = claim;
        await next();
        return;
      }
      if (!(await claimEvent(database.db, eventId, deps.clock.now()))) {
        logger.debug({ eventId }, 'duplicate event skipped');
        return;
      }
    }
    await next();
  });

  // Work the app does on its own sends with each workspace's token; Slack refusing one stops that workspace.
  const tokens: WorkspaceTokens = installs ? installs.tokens : singleTokenWorkspaces(config.slack.botToken ?? '', database.db, deps.clock);
  const revoked = async (workspaceId: string) => {
    await uninstallWorkspace({ db: database.db, clock: deps.clock, logger }, { workspaceId, graceDays: config.uninstallGraceDays, reason: 'token_refused' });
  };
  const sender = createBulkSender({ tokens, revoked, slackApiUrl: config.slack.apiUrl, logger, ...(fetch ? { fetch } : {}) });
  // /peer help's resources, a few seconds per process (issue 17); saving an initiative here forgets them.
  const initiativesCache = new InitiativesCache({
    read: (workspaceId) => readInitiatives(database.db, workspaceId),
    freshMs: 5_000,
    maxEntries: 1_000,
    now: () => deps.clock.now().getTime(),
  });
  const languages = personLanguages({ db: database.db, logger, now: () => deps.clock.now(), initiatives: (workspaceId) => initiativesCache.get(workspaceId) });
  const effects = createEffectRunner({ db: database.db, clock: deps.clock, logger, random: deps.random, sender, owner, metrics, languages });
  const featureDeps: FeatureDeps = {
    ...deps,
    languages,
    flows: new FlowRegistry(),
    effects,
    metrics,
    workspaceTokens: tokens,
    initiativesChanged: (workspaceId) => initiativesCache.forget(workspaceId),
  };
  // Every capability's buttons, modals, command and events, found by id in one step (src/slack/routes.ts).
  const routes = new SlackRoutes();
  registerHome(routes, featureDeps);
  const initiatives = registerInitiatives(routes, featureDeps);
  const listeners = registerListeners(routes, featureDeps);
  const myData = registerMyData(routes, featureDeps);
  const requests = registerRequests(routes, featureDeps);
  registerPairings(routes, featureDeps);
  registerRelay(routes, featureDeps);
  registerCheckIns(routes, featureDeps);
  const insights = registerInsights(routes, featureDeps);
  const circles = registerCircles(routes, featureDeps);
  registerCircleRelay(routes, featureDeps);
  registerWorkspaces(routes, featureDeps);
  registerCommands(routes, { ...initiatives, ...listeners, ...myData, ...requests, ...insights, ...circles }, {
    resourcesFor: async (workspaceId, userId) => (await loadResources(database.db, workspaceId, userId, (id) => initiativesCache.get(id))).resources,
    languageOf: (client, workspaceId, userId, withinMs) => languages.of(client, userId, { workspaceId, withinMs }),
    logger,
  });
  app.use(routes.dispatch());

  app.error(async (error) => {
    logger.error({ err: error, code: codeOf(error) }, 'unhandled error in a listener');
  });

  return { app, sender, effects, owner, metrics, languages, routes, whenIdle: inFlight.whenIdle };
}

function trackInFlight() {
  let running = 0;
  let waiters: (() => void)[] = [];
  return {
    async run(next: () => Promise<void>): Promise<void> {
      running += 1;
      try {
        await next();
      } finally {
        running -= 1;
        if (running === 0) {
          for (const resolve of waiters) resolve();
          waiters = [];
        }
      }
    },
    whenIdle(): Promise<void> {
      return running === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

const BOLT_LEVELS: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's own log lines go through pino, without payloads (they can hold message text). Bolt's level is
 * honoured whatever LOG_LEVEL says: the web client's debug lines quote every request and response body,
 * which carry introductions and relayed messages (DESIGN.md invariant 2).
 */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = LogLevel.WARN;
  const enabled = (at: LogLevel) => BOLT_LEVELS.indexOf(at) >= BOLT_LEVELS.indexOf(level);
  // An error's message can quote a payload or a query's arguments: log its name and code instead.
  const text = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? `${m.name}${(m as { code?: unknown }).code ? ` (${String((m as { code?: unknown }).code)})` : ''}` : typeof m === 'string' ? m : '[object]'))
      .join(' ');
  return {
    debug: (...msg) => {
      if (enabled(LogLevel.DEBUG)) child.debug(text(msg));
    },
    info: (...msg) => {
      if (enabled(LogLevel.INFO)) child.info(text(msg));
    },
    warn: (...msg) => {
      if (enabled(LogLevel.WARN)) child.warn(text(msg));
    },
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
