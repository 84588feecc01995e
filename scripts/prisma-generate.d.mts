// Types for scripts/prisma-generate.mjs, which stays plain JavaScript because it runs at `npm install`
// before TypeScript is compiled; test/db/migrations.test.ts imports it.
import type { DatabaseProvider } from '../src/config.js';

export declare const providers: DatabaseProvider[];
export declare function renderSchema(provider: DatabaseProvider, model: string): string;
