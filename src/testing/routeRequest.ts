import type { ActivityFeed } from './ActivityFeed.js';
import { errorResponse, jsonResponse } from './jsonResponse.js';
import type { MigrationListResponse } from './Migration.js';
import type { MigrationStore } from './MigrationStore.js';
import type { OperationsScenario } from './MockScenario.js';

/** What a route needs besides the request. */
export interface RouteContext {
  store: MigrationStore;
  activity: ActivityFeed;
  requestId: string;
  operations: OperationsScenario;
}

const defaultPerPage = 50;
const maxPerPage = 100;
const maxBodyBytes = 1_048_576;

/** Answers an authenticated request that no scenario intercepted: the API proper. */
export async function routeRequest(
  request: Request,
  path: string,
  context: RouteContext,
): Promise<Response> {
  const method = request.method.toUpperCase();
  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  const { requestId } = context;

  if (segments.length === 2 && segments[0] === 'v1' && segments[1] === 'activity') {
    if (method !== 'GET') return methodNotAllowed(method, path, ['GET'], requestId);
    return listPage(new URL(request.url).searchParams, requestId, context.activity.size, (page, perPage) => context.activity.list(page, perPage));
  }
  if (segments.length < 2 || segments[0] !== 'v1' || segments[1] !== 'migrations' || segments.length > 3) {
    return errorResponse(404, requestId, {
      message: `No route for ${method} ${path}`,
      details: { path },
    });
  }

  const id = segments[2];
  if (id === undefined) {
    if (method === 'GET') return listMigrations(new URL(request.url).searchParams, context);
    if (method === 'POST') return createMigration(request, context);
    return methodNotAllowed(method, path, ['GET', 'POST'], requestId);
  }
  const decodedId = safeDecode(id);
  if (method === 'GET') return getMigration(decodedId, context);
  if (method === 'DELETE') {
    return context.store.delete(decodedId)
      ? new Response(null, { status: 204 })
      : notFound(decodedId, requestId);
  }
  return methodNotAllowed(method, path, ['GET', 'DELETE'], requestId);
}

function listMigrations(params: URLSearchParams, { store, requestId }: RouteContext): Response {
  return listPage(params, requestId, store.size, (page, perPage) => store.list(page, perPage));
}

/** A page of any list in the seed's envelope; `page` and `per_page` are checked the same way everywhere. */
function listPage<T>(params: URLSearchParams, requestId: string, total: number, slice: (page: number, perPage: number) => T[]): Response {
  const page = positiveInteger(params, 'page', 1);
  if (typeof page === 'string') return invalidParameter('page', page, requestId);
  const requested = positiveInteger(params, 'per_page', defaultPerPage);
  if (typeof requested === 'string') return invalidParameter('per_page', requested, requestId);

  const perPage = Math.min(requested, maxPerPage);
  // An empty list still has one (empty) page, so "page 1 of 1" is always valid.
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const body: { data: T[]; pagination: MigrationListResponse['pagination'] } = {
    data: slice(page, perPage),
    pagination: {
      total,
      page,
      per_page: perPage,
      total_pages: totalPages,
      has_next: page < totalPages,
      has_prev: page > 1,
    },
  };
  return jsonResponse(200, body);
}

async function createMigration(request: Request, context: RouteContext): Promise<Response> {
  const { store, requestId, operations } = context;
  const contentType = request.headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    return errorResponse(415, requestId, {
      details: { expected: 'application/json', received: contentType },
    });
  }

  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > maxBodyBytes) {
    return errorResponse(413, requestId, {
      details: { max_bytes: maxBodyBytes, received_bytes: bytes.byteLength },
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return errorResponse(400, requestId, {
      message: 'Invalid request: body is not valid JSON',
      details: { reason: 'invalid_json' },
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return errorResponse(400, requestId, {
      message: 'Invalid request: body must be a JSON object',
      details: { reason: 'invalid_body' },
    });
  }

  const name: unknown = (body as Record<string, unknown>).name;
  if (name === undefined || name === null || (typeof name === 'string' && name.trim() === '')) {
    return errorResponse(422, requestId); // The seed's own example: E7003, field 'name' required.
  }
  if (typeof name !== 'string') {
    return errorResponse(422, requestId, {
      message: "Invalid request: field 'name' must be a string",
      details: { field: 'name', reason: 'invalid_type' },
    });
  }

  const key = request.headers.get('idempotency-key') || null;
  const created = store.create(name, key);
  if (created.kind === 'key-reused') {
    return errorResponse(422, requestId, {
      message: 'Invalid request: Idempotency-Key was already used with a different body',
      details: { field: 'Idempotency-Key', reason: 'mismatch' },
    });
  }
  const headers: Record<string, string> = { Location: created.accepted.status_url };
  const retryAfter = operations.retryAfterSeconds === undefined ? 1 : operations.retryAfterSeconds;
  if (retryAfter !== null) headers['Retry-After'] = String(retryAfter);
  if (created.kind === 'replayed') headers['Idempotent-Replayed'] = 'true';
  return jsonResponse(202, created.accepted, headers);
}

function getMigration(id: string, { store, requestId, operations }: RouteContext): Response {
  const migration = store.get(id, { poll: true });
  if (!migration) return notFound(id, requestId);
  const headers: Record<string, string> = {};
  const retryAfter = operations.retryAfterSeconds === undefined ? 1 : operations.retryAfterSeconds;
  // A finished migration needs no further polling, so it carries no Retry-After.
  const finished = migration.status === 'completed' || migration.status === 'failed';
  if (retryAfter !== null && !finished) headers['Retry-After'] = String(retryAfter);
  return jsonResponse(200, migration, headers);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // A malformed escape is just an id that does not exist.
  }
}

/** The parameter as a positive safe integer, its fallback when absent, or its raw bad value. */
function positiveInteger(params: URLSearchParams, name: string, fallback: number): number | string {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(value) && value >= 1 ? value : raw;
}

function invalidParameter(name: string, value: string, requestId: string): Response {
  return errorResponse(400, requestId, {
    message: `Invalid request: query parameter '${name}' must be a positive integer`,
    details: { parameter: name, reason: 'invalid', value },
  });
}

function notFound(id: string, requestId: string): Response {
  return errorResponse(404, requestId, {
    message: `Migration '${id}' not found`,
    details: { resource: 'migration', id },
  });
}

function methodNotAllowed(method: string, path: string, allow: string[], requestId: string): Response {
  return errorResponse(
    405,
    requestId,
    { message: `Method ${method} not allowed on ${path}`, details: { method, allowed: allow } },
    { allow },
  );
}
