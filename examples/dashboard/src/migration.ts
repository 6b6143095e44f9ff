/** A migration as the Sensei API lists it (the fields this dashboard shows). */
export interface Migration {
  id: string;
  name: string;
  status: string;
  progress?: { percent: number; completed: number; total: number };
  created_at: string;
  updated_at: string;
  result?: { records_migrated?: number };
  error?: { code?: string; message?: string; request_id?: string };
}

export const MIGRATIONS_PATH = '/v1/migrations';
