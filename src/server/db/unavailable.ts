// Whether an error means "the database cannot be reached right now" rather than "this request is wrong": a
// PostgreSQL restart, a cut connection, a server refusing connections, an embedded database that is closed. Such
// errors are answered 503 (DATABASE_UNAVAILABLE) instead of 500, and the next request tries again.

/** Socket errors of a connection that failed or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection exception),
 * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting down, in recovery),
 * 53300 too many connections.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres's and PGlite's own words for a connection that is gone. */
const GONE_MESSAGES = [
  /^Connection terminated/i, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/i, // pg-pool's connectionTimeoutMillis
  /^timeout expired$/i, // node-postgres's own connectionTimeoutMillis
  /is not queryable/i, // a client whose connection broke or was closed
  /^Client was closed/i,
  /^PGlite is clos(ed|ing)/i,
];

function unavailableItself(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return GONE_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when the error, or one it was caused by (the ORM wraps the driver's), says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (unavailableItself(current as { code?: unknown; message?: unknown })) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
