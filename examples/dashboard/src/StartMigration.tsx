import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  OperationProgress,
  senseiKeys,
  useAsyncOperation,
  useFieldErrors,
  useSenseiClient,
  useSenseiToast,
  type AsyncOperationStatus,
} from '../../../src/index.js';
import { MIGRATIONS_PATH, type Migration } from './migration.js';

/** Survives a reload: polling resumes where it was. */
const PERSIST_KEY = 'sensei-demo:migration';

function newIdempotencyKey(): string {
  // 127.0.0.1 is a secure context, so randomUUID exists; the fallback is for odd embeddings.
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `demo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const TERMINAL: ReadonlySet<AsyncOperationStatus> = new Set(['succeeded', 'failed', 'timed-out', 'cancelled']);

/**
 * "Start migration": `useAsyncOperation` POSTs (with an idempotency key, so a 5xx may be
 * retried safely), follows `status_url` until the migration ends, and resumes after a reload
 * (`persistKey`). A 422 puts its field errors next to the field.
 */
export function StartMigration() {
  const queryClient = useQueryClient();
  const client = useSenseiClient();
  const { toast } = useSenseiToast();
  const listKey = senseiKeys.lists(client, MIGRATIONS_PATH);
  // The body `start` sends and the operation the status endpoint returns, typed.
  const migration = useAsyncOperation<{ name: string }, Migration>({
    startPath: MIGRATIONS_PATH,
    persistKey: PERSIST_KEY,
    maxDuration: 5 * 60_000,
    // When the migration ends, the list shows its new state, and a toast says so.
    invalidates: [listKey],
    onSuccess: (result, operation) => {
      const count = result?.records_migrated;
      toast({
        id: 'migration-finished',
        variant: 'success',
        title: 'Migration completed',
        description: `${operation.name || 'The migration'} finished${count === undefined ? '' : `: ${count.toLocaleString()} records`}.`,
      });
    },
    // Failed on the server: it shows as failed in the list.
    onError: (_error, operation) => {
      if (operation) void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
  const [name, setName] = useState('Import users');
  const fieldErrors = useFieldErrors(migration.error);
  const nameError = fieldErrors.name;
  const inputId = useId();
  const errorId = useId();
  const { status } = migration;

  const running = status === 'starting' || status === 'polling';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running) return;
    migration
      .startAsync({ name: name.trim() }, { idempotencyKey: newIdempotencyKey() })
      // Started: it joins the list as pending.
      .then(() => queryClient.invalidateQueries({ queryKey: listKey }))
      .catch(() => {
        // Shown by <OperationProgress> and next to the field.
      });
  };

  return (
    <section className="demo-card demo-start" aria-labelledby="start-title">
      <div className="demo-card-header">
        <h2 id="start-title">Start a migration</h2>
      </div>
      <form className="demo-form" onSubmit={submit} noValidate>
        <div className="demo-field" data-invalid={nameError ? '' : undefined}>
          <label htmlFor={inputId}>Name</label>
          <input
            id={inputId}
            name="name"
            value={name}
            autoComplete="off"
            onChange={(event) => setName(event.currentTarget.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? errorId : undefined}
          />
          {nameError && (
            <p id={errorId} className="demo-field-error">
              {nameError}
            </p>
          )}
        </div>
        <div className="demo-form-actions">
          <button type="submit" className="demo-button" data-primary="" disabled={running}>
            Start migration
          </button>
          {TERMINAL.has(status) && (
            <button type="button" className="demo-button" onClick={migration.reset}>
              Clear
            </button>
          )}
        </div>
      </form>
      <OperationProgress
        operation={migration}
        className="demo-progress"
        // The card's title is an h2, so the error's title is an h3 (the default is h4).
        errorHeadingLevel={3}
        placeholder={<p className="demo-muted">No migration running. Start one: it is polled until it completes, even across a reload.</p>}
      />
      {migration.operation && (
        <p className="demo-muted demo-operation-id">
          Operation <code>{migration.operation.id}</code>
          {migration.operationStatus ? ` · server status: ${migration.operationStatus}` : ''}
        </p>
      )}
    </section>
  );
}
