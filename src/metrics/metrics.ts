import type { DispatchReport } from '../delivery/dispatcher.js';
import type { EndReason } from '../features/pairings/end.js';

// What the app counts for operators (issue 16, "Operations"): Slack Web API calls, deliveries, and how
// requests and pairings go, as plain per-process counts. Callers pass only a method name, an outcome,
// a queue or a reason, never a workspace, person, channel or initiative, so no label can name anyone.
// Services and listeners see only this interface; src/metrics/prometheus.ts implements it with
// prom-client, and `noMetrics` stands in when METRICS_PORT is unset.

/** How one HTTP request to Slack ended. `slack_error` is Slack's `ok: false`; `auth_error` a token problem. */
export type SlackCallOutcome = 'ok' | 'rate_limited' | 'auth_error' | 'slack_error' | 'http_error' | 'network_error';

export interface SlackCall {
  /** The Web API method (`chat.postMessage`), or `response_url` / `file_upload` for those URLs. */
  readonly method: string;
  readonly outcome: SlackCallOutcome;
  readonly seconds: number;
}

export interface Metrics {
  /** One HTTP request to Slack (each retry is a request of its own). */
  slackCall(call: SlackCall): void;
  /** What one dispatcher run did with a queue's rows (src/delivery/dispatcher.ts). */
  dispatched(queue: string, report: DispatchReport): void;
  /** A person asked for a listener (the request was stored). */
  requestCreated(): void;
  /** Offers made to listeners (after the claim committed). */
  offersMade(count: number): void;
  /** A listener accepted an offer: a pairing began. */
  pairingStarted(): void;
  /** Pairings that ended, and why. */
  pairingsEnded(reason: EndReason, count?: number): void;
}

/** When metrics are off: nothing is counted, and the Slack clients are not wrapped at all. */
export const noMetrics: Metrics = Object.freeze({
  slackCall: () => {},
  dispatched: () => {},
  requestCreated: () => {},
  offersMade: () => {},
  pairingStarted: () => {},
  pairingsEnded: () => {},
});
