import { describe, it } from 'vitest';
import { TEST_PROVIDERS } from '../support/databases.js';
import { describeMatrix } from './run-matrix.js';

// One file per provider, so the two run side by side (vitest runs files in parallel processes).
if (TEST_PROVIDERS.includes('sqlite')) describeMatrix('sqlite');
else describe.skip('authorization matrix on sqlite (not in TEST_DATABASES)', () => it('skipped', () => {}));
