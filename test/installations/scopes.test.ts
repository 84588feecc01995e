import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../src/installations/scopes.js';
import { REPO_ROOT } from '../support/app-process.js';

describe('BOT_SCOPES', () => {
  it("asks an OAuth install for exactly manifest.yml's bot scopes, in its order", () => {
    const manifest = parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
      oauth_config: { scopes: { bot: string[]; user?: string[] } };
    };
    expect([...BOT_SCOPES]).toEqual(manifest.oauth_config.scopes.bot);
    // No user token is ever asked for (the store drops one if Slack sends it anyway).
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });
});
