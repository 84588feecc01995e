import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8's `gc()` without starting node with --expose-gc: the flag is read when a context is created, so it
// is set for one new context of our own, whose `gc` we keep, and unset again at once. Neither our global
// object nor any other context gets a `gc`. The context costs about 0.3 MiB, made at the first call.

type Gc = () => void;

let gc: Gc | undefined;

function exposedGc(): Gc {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as Gc;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as Gc;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/**
 * A full, blocking collection of the whole heap. When little was allocated in the 5 s before it (V8's
 * measure of a low allocation rate: under 1 MB a second), V8 also shrinks the young generation back to
 * its smallest, which is what gives the memory back; right after a burst it does not.
 */
export function fullCollection(): void {
  gc ??= exposedGc();
  gc();
}
