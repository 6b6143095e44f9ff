/**
 * Wire shapes of the mock Sensei API, as the server sends them (snake_case). They model the
 * seed contract and are deliberately independent of `src/core`: the mock plays the server.
 */

/** Lifecycle of a migration (an async operation). `completed` and `failed` are terminal. */
export type MigrationStatus = 'pending' | 'running' | 'completed' | 'failed';

/** Progress reported by the status endpoint while a migration runs. */
export interface MigrationProgress {
  /** Whole percent, 0–100. */
  percent: number;
  /** Records migrated so far. */
  completed: number;
  /** Records to migrate in total. */
  total: number;
}

/** The `error` object of the standard error body. */
export interface StandardError {
  code: string;
  message: string;
  details: Record<string, unknown>;
  request_id: string;
}

/** The standard error body: `{ error: { code, message, details, request_id } }`. */
export interface StandardErrorBody {
  error: StandardError;
}

/** What a finished migration reports in `result`. */
export interface MigrationResult {
  records_migrated: number;
}

/** A migration as `GET /v1/migrations/:id` and the list return it. */
export interface Migration {
  id: string;
  name: string;
  status: MigrationStatus;
  status_url: string;
  progress?: MigrationProgress;
  created_at: string;
  updated_at: string;
  /** Present once `status` is `completed`. */
  result?: MigrationResult;
  /** Present once `status` is `failed`: the standard error object. */
  error?: StandardError;
}

/** The 202 body of `POST /v1/migrations`. */
export interface AcceptedOperation {
  id: string;
  status: 'pending';
  status_url: string;
}

/** The `pagination` object of a list response. */
export interface Pagination {
  total: number;
  page: number;
  per_page: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

/** The body of `GET /v1/migrations`. */
export interface MigrationListResponse {
  data: Migration[];
  pagination: Pagination;
}
