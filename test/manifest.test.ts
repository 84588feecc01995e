import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/app-process.js';
import { SLACK_METHODS } from '../src/simulator/slack-methods.js';

// manifest.yml must create the app with every scope, command and event the code needs, and no scope it
// does not use (DESIGN.md). Methods are found by scanning src/ for Web API calls.

interface MethodInfo {
  readonly bot_scopes?: readonly string[];
}
interface Manifest {
  features: { slash_commands?: { command: string; url?: string }[]; app_home?: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string };
    event_subscriptions?: { request_url?: string; bot_events: string[] };
  };
}

const methods: Record<string, MethodInfo> = SLACK_METHODS;
const manifest = parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')) as Manifest;
const declared = new Set(manifest.oauth_config.scopes.bot);

// Scopes needed by a Slack feature rather than a Web API method.
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  // Sent to every app for its own uninstall and revoked tokens; no scope (issue 16).
  app_uninstalled: [],
  tokens_revoked: [],
  'message.im': ['im:history'],
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Generated clients, and the Slack simulator (it answers Web API calls, it does not make them).
    if (name === 'generated' || name === 'simulator') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// Client helpers that call several Web API methods.
const HELPERS: Record<string, string[]> = {
  'files.uploadV2': ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};

/** Web API methods the code calls, as `client.chat.postMessage(` or `.apiCall('chat.postMessage'`. */
export function calledMethods(): Set<string> {
  const found = new Set<string>();
  const call = /\b(?:client|slack|web)\.((?:[a-z]+\.)+[a-zA-Z0-9]+)\(/g;
  const apiCall = /apiCall\(\s*'([a-zA-Z.]+)'/g;
  for (const file of sourceFiles(join(REPO_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) for (const m of HELPERS[match[1]!] ?? [match[1]!]) found.add(m);
    for (const match of text.matchAll(apiCall)) found.add(match[1]!);
  }
  return found;
}

describe('manifest.yml', () => {
  const used = calledMethods();
  const events = manifest.settings.event_subscriptions?.bot_events ?? [];

  it('declares the /peer command and interactivity on the single Bolt endpoint', () => {
    const peer = manifest.features.slash_commands?.find((c) => c.command === '/peer');
    expect(peer?.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    if (manifest.settings.event_subscriptions) {
      expect(manifest.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    }
  });

  it('only names Web API methods that exist', () => {
    for (const method of used) expect(methods, `${method} is not a Slack Web API method`).toHaveProperty([method]);
  });

  it('declares a scope for every Web API method the code calls', () => {
    for (const method of used) {
      const needs = methods[method]?.bot_scopes ?? [];
      if (needs.length === 0) continue;
      expect(
        needs.some((scope) => declared.has(scope)),
        `${method} needs one of ${needs.join(', ')}`,
      ).toBe(true);
    }
  });

  it('declares the scopes its events need', () => {
    for (const event of events) {
      expect(EVENT_SCOPES, `no scope rule for event ${event}`).toHaveProperty([event]);
      for (const scope of EVENT_SCOPES[event]!) expect(declared, `${event} needs ${scope}`).toContain(scope);
    }
  });

  it('declares no scope the code does not use', () => {
    const justified = new Set<string>();
    if ((manifest.features.slash_commands ?? []).length > 0) justified.add('commands');
    for (const method of used) for (const scope of methods[method]?.bot_scopes ?? []) justified.add(scope);
    for (const event of events) for (const scope of EVENT_SCOPES[event] ?? []) justified.add(scope);
    for (const scope of declared) expect(justified, `${scope} is declared but unused`).toContain(scope);
  });
});
