import { createRequestId } from './createRequestId.js';
import type { AcceptedOperation, Migration, MigrationStatus, StandardError } from './Migration.js';
import { mockErrorBody } from './mockErrorBody.js';
import type { OperationsScenario } from './MockScenario.js';

interface StoredMigration {
  id: string;
  name: string;
  status: MigrationStatus;
  createdAt: number;
  updatedAt: number;
  polls: number;
  total: number;
  completed: number;
  error?: StandardError;
}

/**
 * Result of `create`: the 202 body, and whether an idempotency key replayed it; `key-reused`
 * when the key came with a different body.
 */
export type CreateResult =
  | { kind: 'created' | 'replayed'; accepted: AcceptedOperation }
  | { kind: 'key-reused' };

const names = [
  'Import users',
  'Backfill invoices',
  'Rebuild search index',
  'Archive audit logs',
  'Normalize addresses',
  'Merge duplicate accounts',
];
// Seeded items get fixed timestamps so stories and snapshots are stable.
const seedEpoch = Date.UTC(2024, 0, 1);
const hour = 3_600_000;

/**
 * Migrations the mock server knows, and how created ones progress from poll to poll.
 *
 * Every migration has a sequence number `n` (id `mig_<n>`). Seeded ones are finished and never
 * change, so they are computed from `n` rather than stored: a list of 500,000 costs one number
 * each. Only created migrations, which move along, are kept as records.
 */
export class MigrationStore {
  /** Sequence numbers in list order (oldest first). */
  #order: number[] = [];
  #created = new Map<number, StoredMigration>();
  #removed = new Set<number>();
  #idempotency = new Map<string, { name: string; id: string }>();
  #sequence = 0;

  constructor(
    private readonly now: () => number,
    private readonly operations: () => OperationsScenario,
  ) {}

  get size(): number {
    return this.#order.length;
  }

  /** Drops everything, then seeds `count` completed migrations. */
  reset(count: number): void {
    this.#order = [];
    this.#created.clear();
    this.#removed.clear();
    this.#idempotency.clear();
    this.#sequence = 0;
    this.#seed(count);
  }

  /** Appends `count` completed migrations, as if created and finished earlier. */
  addItems(count: number): Migration[] {
    return this.#seed(count).map((n) => this.#toJson(seeded(n)));
  }

  /** Removes the last `count` migrations of the list; returns how many went. */
  deleteItems(count: number): number {
    const removed = this.#order.splice(Math.max(0, this.#order.length - Math.max(0, count)));
    for (const n of removed) this.#forget(n);
    return removed.length;
  }

  /** Creates a pending migration, or replays the one an idempotency key created. */
  create(name: string, idempotencyKey: string | null): CreateResult {
    if (idempotencyKey !== null) {
      const previous = this.#idempotency.get(idempotencyKey);
      if (previous) {
        if (previous.name !== name) return { kind: 'key-reused' };
        // A replay answers what the first request was answered, even if the migration moved on.
        return { kind: 'replayed', accepted: accepted(previous.id) };
      }
    }
    const n = this.#nextSequence();
    const now = this.now();
    const stored: StoredMigration = {
      id: migrationId(n),
      name,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      polls: 0,
      total: 1000,
      completed: 0,
    };
    this.#created.set(n, stored);
    this.#order.push(n);
    if (idempotencyKey !== null) this.#idempotency.set(idempotencyKey, { name, id: stored.id });
    return { kind: 'created', accepted: accepted(stored.id) };
  }

  /** The migration as a status GET sees it; `poll` counts the GET and moves it along. */
  get(id: string, { poll }: { poll: boolean }): Migration | undefined {
    const stored = this.#find(id);
    if (!stored) return undefined;
    this.#advance(stored, poll);
    return this.#toJson(stored);
  }

  /** One page of the list, oldest first; a page past the end is empty. */
  list(page: number, perPage: number): Migration[] {
    const start = (page - 1) * perPage;
    return this.#order.slice(start, start + perPage).map((n) => {
      const stored = this.#created.get(n) ?? seeded(n);
      this.#advance(stored, false);
      return this.#toJson(stored);
    });
  }

  delete(id: string): boolean {
    const n = sequenceOf(id);
    if (n === undefined || !this.#exists(n)) return false;
    this.#order.splice(this.#order.indexOf(n), 1);
    this.#forget(n);
    return true;
  }

  #seed(count: number): number[] {
    const added: number[] = [];
    for (let i = 0; i < count; i += 1) added.push(this.#nextSequence());
    for (const n of added) this.#order.push(n);
    return added;
  }

  #nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  #exists(n: number): boolean {
    return n >= 1 && n <= this.#sequence && !this.#removed.has(n);
  }

  #find(id: string): StoredMigration | undefined {
    const n = sequenceOf(id);
    if (n === undefined || !this.#exists(n)) return undefined;
    return this.#created.get(n) ?? seeded(n);
  }

  #forget(n: number): void {
    this.#removed.add(n);
    this.#created.delete(n);
  }

  #advance(stored: StoredMigration, poll: boolean): void {
    if (stored.status === 'completed' || stored.status === 'failed') return;
    const operations = this.operations();
    const now = this.now();
    if (poll) stored.polls += 1;

    let fraction: number;
    if (operations.completeAfterMs !== undefined) {
      fraction =
        operations.completeAfterMs <= 0 ? 1 : (now - stored.createdAt) / operations.completeAfterMs;
    } else if (poll) {
      fraction = stored.polls / Math.max(1, operations.pollsToComplete ?? 5);
    } else {
      return; // Without a clock, only status GETs move a migration along.
    }

    stored.updatedAt = now;
    if (fraction >= 1) {
      if ((operations.outcome ?? 'completed') === 'completed') {
        stored.status = 'completed';
        stored.completed = stored.total;
      } else {
        const custom = operations.error;
        stored.status = 'failed';
        stored.error = mockErrorBody(500, createRequestId(), {
          code: custom?.code ?? 'E5000',
          message: custom?.message ?? 'Migration failed: upstream connection lost',
          details: custom?.details ?? { migration_id: stored.id, step: 'copy_records' },
        }).error;
      }
      return;
    }
    stored.status = 'running';
    stored.completed = Math.floor(stored.total * Math.max(0, fraction));
  }

  #toJson(stored: StoredMigration): Migration {
    const migration: Migration = {
      id: stored.id,
      name: stored.name,
      status: stored.status,
      status_url: statusUrl(stored.id),
      created_at: new Date(stored.createdAt).toISOString(),
      updated_at: new Date(stored.updatedAt).toISOString(),
    };
    if (this.operations().progress ?? true) {
      migration.progress = {
        percent: Math.floor((stored.completed / stored.total) * 100),
        completed: stored.completed,
        total: stored.total,
      };
    }
    if (stored.status === 'completed') migration.result = { records_migrated: stored.total };
    if (stored.error) migration.error = { ...stored.error };
    return migration;
  }
}

/** Where a migration's status lives, as the API reports it. */
export function statusUrl(id: string): string {
  return `/v1/migrations/${id}`;
}

/** The seeded (finished, immutable) migration number `n`. */
function seeded(n: number): StoredMigration {
  const createdAt = seedEpoch + (n - 1) * hour;
  const total = (n % 10) * 100 + 100;
  return {
    id: migrationId(n),
    name: `${names[(n - 1) % names.length]} #${n}`,
    status: 'completed',
    createdAt,
    updatedAt: createdAt + 7 * 60_000,
    polls: 0,
    total,
    completed: total,
  };
}

function accepted(id: string): AcceptedOperation {
  return { id, status: 'pending', status_url: statusUrl(id) };
}

function migrationId(n: number): string {
  return `mig_${String(n).padStart(6, '0')}`;
}

/** `n` for a well-formed id (`mig_000042` → 42), else undefined. */
function sequenceOf(id: string): number | undefined {
  const digits = /^mig_(\d{6,})$/.exec(id)?.[1];
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) && migrationId(n) === id ? n : undefined;
}
