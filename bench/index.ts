// `npm run bench`: prints the numbers behind our speed and memory targets. Each benchmark prints its own
// lines; BENCH=name runs just one.
import { benchCheckIns } from './check-ins.js';
import { benchInsights } from './insights.js';
import { benchLoad } from './load.js';
import { benchMatching } from './matching.js';
import { benchPromotion } from './promotion.js';
import { benchStartup } from './startup.js';

const benchmarks: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  matching: benchMatching,
  'check-ins': benchCheckIns,
  insights: benchInsights,
  load: benchLoad,
  promotion: benchPromotion,
};
/**
 * Run only when BENCH names them: `load` takes about 10 minutes a database and measures against bare Bolt;
 * `promotion` (about 1.5 minutes) looks for where the young generation's survivors come from.
 */
const explicitOnly = new Set(['load', 'promotion']);

const only = process.env.BENCH?.split(',');
for (const [name, run] of Object.entries(benchmarks)) {
  if (only ? !only.includes(name) : explicitOnly.has(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
