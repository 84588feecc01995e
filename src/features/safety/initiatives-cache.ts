// A workspace's initiatives (name, resources, crisis words) as /peer help shows them, kept for a few
// seconds per process (issue 17): /peer help is answered before its acknowledgement, and a read of the
// database was most of what it cost beyond a bare Bolt app. The process that saves an initiative
// forgets its workspace at once; another replica may show the previous words for up to `freshMs`.
// No Slack or Prisma here: the read is injected.

export interface CachedInitiative {
  id: string;
  name: string;
  resources: string;
  crisisWords: string;
}

export interface InitiativesCacheOptions {
  read(workspaceId: string): Promise<CachedInitiative[]>;
  /** How long a read stays good, in ms. */
  freshMs: number;
  /** Workspaces kept at most; the least recently read go first. */
  maxWorkspaces: number;
  /** The time in ms (the app's Clock; by default a monotonic clock). */
  now?: () => number;
}

export class InitiativesCache {
  private readonly entries = new Map<string, { at: number; rows: Promise<CachedInitiative[]> }>();
  private readonly now: () => number;

  constructor(private readonly options: InitiativesCacheOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The workspace's initiatives, oldest first: from memory while fresh, else read once (concurrent callers share the read). */
  get(workspaceId: string): Promise<CachedInitiative[]> {
    const now = this.now();
    const entry = this.entries.get(workspaceId);
    if (entry && now - entry.at < this.options.freshMs) {
      // Most recently read last: the first key is the one to drop.
      this.entries.delete(workspaceId);
      this.entries.set(workspaceId, entry);
      return entry.rows;
    }
    const rows = this.options.read(workspaceId);
    // A failed read is not kept: the next caller reads again.
    rows.catch(() => {
      if (this.entries.get(workspaceId)?.rows === rows) this.entries.delete(workspaceId);
    });
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, { at: now, rows });
    while (this.entries.size > this.options.maxWorkspaces) this.entries.delete(this.entries.keys().next().value as string);
    return rows;
  }

  /** An initiative of this workspace was created, changed or removed here: read it afresh next time. */
  forget(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }
}
