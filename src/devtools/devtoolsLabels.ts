/** Every word of the devtools; replace them for another language. */
export interface SenseiDevtoolsLabels {
  /** The toggle button's text and the panel's name. @default 'Sensei devtools' */
  title: string;
  /** @default 'Close' */
  close: string;
  /** The resize handle's name. @default 'Resize the Sensei devtools' */
  resize: string;
  /** @default 'Rate limit' */
  rateLimit: string;
  /** @default 'Limit' */
  limit: string;
  /** @default 'Remaining' */
  remaining: string;
  /** @default 'Reset in' */
  resetIn: string;
  /** @default 'Retry-After' */
  retryAfter: string;
  /** @default 'Server clock' */
  serverClock: string;
  /** The server clock's offset. @default (ms) => `${ms} ms ahead` / `behind` / 'in step' */
  clockOffset: (ms: number, formatted: string) => string;
  /** @default 'Gate' */
  gate: string;
  /** @default 'open' */
  gateOpen: string;
  /** @default (until) => `closed until ${until}` */
  gateClosed: (until: string) => string;
  /** @default 'In flight' */
  inFlight: string;
  /** Where a value came from. @default (header) => `from ${header}` */
  from: (header: string) => string;
  /** An unknown value. @default '—' */
  unknown: string;
  /** @default 'Waiting at the gate' */
  waiting: string;
  /** @default 'No request is waiting.' */
  noneWaiting: string;
  /** @default 'Method' */
  method: string;
  /** @default 'Path' */
  path: string;
  /** @default 'Since' */
  since: string;
  /** @default 'Until' */
  until: string;
  /** @default 'Why' */
  why: string;
  /** @default 'rate limit' */
  whyRateLimit: string;
  /** @default 'in-flight budget' */
  whyBudget: string;
  /** @default 'Scheduled retries' */
  retries: string;
  /** @default 'No retry is scheduled.' */
  noneRetrying: string;
  /** @default (failures) => `${failures} failed` */
  failures: (count: string) => string;
  /** @default (countdown) => `next in ${countdown}` */
  nextIn: (countdown: string) => string;
  /** @default 'Retry now' */
  retryNow: string;
  /** @default 'Polled operations' */
  operations: string;
  /** @default 'No operation is polled.' */
  noneOperations: string;
  /** @default 'Status' */
  status: string;
  /** @default 'Next poll' */
  nextPoll: string;
  /** @default 'Leader' */
  leader: string;
  /** @default 'this tab' */
  thisTab: string;
  /** @default 'another tab' */
  otherTab: string;
  /** @default 'Recent errors' */
  errors: string;
  /** @default 'No error yet.' */
  noneErrors: string;
  /** @default 'Code' */
  code: string;
  /** @default 'Message' */
  message: string;
  /** @default 'Request ID' */
  requestId: string;
  /** @default 'Last minute' */
  traffic: string;
  /** @default 'Requests sent' */
  sent: string;
  /** @default '429s received' */
  limited: string;
  /** @default 'Mock API scenario' */
  mock: string;
  /** @default 'Could not reach the mock's control endpoint.' */
  mockUnreachable: string;
}

export const defaultDevtoolsLabels: SenseiDevtoolsLabels = Object.freeze({
  title: 'Sensei devtools',
  close: 'Close',
  resize: 'Resize the Sensei devtools',
  rateLimit: 'Rate limit',
  limit: 'Limit',
  remaining: 'Remaining',
  resetIn: 'Reset in',
  retryAfter: 'Retry-After',
  serverClock: 'Server clock',
  clockOffset: (ms: number, formatted: string) => (ms === 0 ? 'in step' : ms > 0 ? `${formatted} ms ahead` : `${formatted} ms behind`),
  gate: 'Gate',
  gateOpen: 'open',
  gateClosed: (until: string) => `closed until ${until}`,
  inFlight: 'In flight',
  from: (header: string) => `from ${header}`,
  unknown: '—',
  waiting: 'Waiting at the gate',
  noneWaiting: 'No request is waiting.',
  method: 'Method',
  path: 'Path',
  since: 'Since',
  until: 'Until',
  why: 'Why',
  whyRateLimit: 'rate limit',
  whyBudget: 'in-flight budget',
  retries: 'Scheduled retries',
  noneRetrying: 'No retry is scheduled.',
  failures: (count: string) => `${count} failed`,
  nextIn: (countdown: string) => `next in ${countdown}`,
  retryNow: 'Retry now',
  operations: 'Polled operations',
  noneOperations: 'No operation is polled.',
  status: 'Status',
  nextPoll: 'Next poll',
  leader: 'Leader',
  thisTab: 'this tab',
  otherTab: 'another tab',
  errors: 'Recent errors',
  noneErrors: 'No error yet.',
  code: 'Code',
  message: 'Message',
  requestId: 'Request ID',
  traffic: 'Last minute',
  sent: 'Requests sent',
  limited: '429s received',
  mock: 'Mock API scenario',
  mockUnreachable: "Could not reach the mock's control endpoint.",
});
