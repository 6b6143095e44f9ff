/** One event of the activity feed (`GET /v1/activity`), newest first. */
export interface ActivityEvent {
  id: string;
  type: ActivityType;
  message: string;
  created_at: string;
}

export type ActivityType = 'migration.started' | 'migration.completed' | 'migration.failed' | 'key.rotated' | 'member.invited';

const kinds: ReadonlyArray<[ActivityType, (n: number) => string]> = [
  ['migration.completed', (n) => `Migration mig_${String(n).padStart(6, '0')} completed`],
  ['migration.started', (n) => `Migration mig_${String(n).padStart(6, '0')} started`],
  ['member.invited', (n) => `A member was invited to team ${(n % 7) + 1}`],
  ['migration.failed', (n) => `Migration mig_${String(n).padStart(6, '0')} failed: upstream connection lost`],
  ['key.rotated', (n) => `API key ${(n % 3) + 1} was rotated`],
];
// Seeded events get fixed times a minute apart, so stories and snapshots are stable.
const seedEpoch = Date.UTC(2024, 0, 1);
const minute = 60_000;

/**
 * The events of the mock's activity feed, newest first. Event `n` (id `evt_<n>`) is computed
 * from `n`, so a feed of 500,000 costs nothing; `add` puts new events at the top, which moves
 * every event already listed one slot down, into the next page, as a live feed does.
 */
export class ActivityFeed {
  #count = 0;
  readonly #addedAt = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  get size(): number {
    return this.#count;
  }

  /** Drops everything, then seeds `count` events. */
  reset(count: number): void {
    this.#count = Math.max(0, Math.floor(count));
    this.#addedAt.clear();
  }

  /** Adds `count` events at the top of the feed. */
  add(count: number): ActivityEvent[] {
    const added: ActivityEvent[] = [];
    for (let i = 0; i < Math.max(0, Math.floor(count)); i += 1) {
      this.#count += 1;
      this.#addedAt.set(this.#count, this.now());
      added.unshift(this.#event(this.#count));
    }
    return added;
  }

  /** One page, newest first; a page past the end is empty. */
  list(page: number, perPage: number): ActivityEvent[] {
    const events: ActivityEvent[] = [];
    const newest = this.#count - (page - 1) * perPage;
    for (let n = newest; n > Math.max(0, newest - perPage); n -= 1) events.push(this.#event(n));
    return events;
  }

  #event(n: number): ActivityEvent {
    const [type, message] = kinds[n % kinds.length]!;
    return {
      id: `evt_${String(n).padStart(6, '0')}`,
      type,
      message: message(n),
      created_at: new Date(this.#addedAt.get(n) ?? seedEpoch + n * minute).toISOString(),
    };
  }
}
