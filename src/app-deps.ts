import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/metrics.js';
import type { Random } from './domain/pseudonyms.js';

/** What every capability is built from (STYLE.md: services take { db, slack, clock, logger }). */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Randomness (pseudonyms), injected so tests are repeatable. */
  readonly random: Random;
  /** Prometheus counters (METRICS_PORT); left out, nothing is counted and the Slack clients are not wrapped. */
  readonly metrics?: Metrics;
}

/** What each capability's `register(app, deps)` receives. */
export interface FeatureDeps extends AppDeps {
  readonly flows: import('./features/common/flows.js').FlowRegistry;
  /** Performs what use cases return (src/effects): the only way one capability sets off another. */
  readonly effects: import('./effects/effects.js').EffectRunner;
  /** Counters for operators (src/metrics/metrics.ts); a no-op when metrics are off. */
  readonly metrics: Metrics;
  /** Each workspace's bot token for work the app does on its own (src/slack/workspace-tokens.ts). */
  readonly workspaceTokens: import('./slack/workspace-tokens.js').WorkspaceTokens;
  /** The language to answer a person in (issue 19): their Slack locale, read only, kept in memory briefly. */
  readonly languages: import('./features/common/person-language.js').PersonLanguages;
  /** An initiative of this workspace was created or changed in this process (caches of it start afresh). */
  readonly initiativesChanged?: (workspaceId: string) => void;
}

/** The plain dependencies a capability's service takes (STYLE.md: no Slack types in services). */
export function serviceDeps(deps: AppDeps): { db: Database['db']; clock: Clock; logger: Logger; random: Random } {
  return { db: deps.database.db, clock: deps.clock, logger: deps.logger, random: deps.random };
}
