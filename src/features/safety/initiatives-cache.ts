import { FreshCache } from '../../domain/fresh-cache.js';

// A workspace's initiatives (name, resources, crisis words, language) as /peer help shows them, kept for a few
// seconds per process (issue 17): /peer help is answered before its acknowledgement, and a read of the
// database was most of what it cost beyond a bare Bolt app. The process that saves an initiative
// forgets its workspace at once; another replica may show the previous words for up to `freshMs`.

export interface CachedInitiative {
  id: string;
  name: string;
  resources: string;
  crisisWords: string;
  /** Resources and more in other languages, as stored (domain/initiative-texts.ts). */
  texts: string;
  /** The initiative's default language (issue 19). */
  language: string;
}

/** Keyed by workspace id. */
export class InitiativesCache extends FreshCache<CachedInitiative[]> {}
