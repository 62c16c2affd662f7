// The running server's mark on a PostgreSQL database: one connection named 'zhenwu-server' kept open for the
// life of the process (reopened after a restart of PostgreSQL), so that `zhenwu restore` sees a server even when
// its pool has closed every idle connection.
import pg from 'pg';

const RETRY_MS = 5000;

/** Holds the presence connection until the returned function is called. */
export function holdServerPresence(url: string): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    if (stopped) return;
    timer = setTimeout(connect, RETRY_MS);
    timer.unref();
  };
  const connect = () => {
    const next = new pg.Client({ connectionString: url, application_name: 'zhenwu-server', connectionTimeoutMillis: 10_000 });
    client = next;
    // A cut connection (restart, failover) is opened again; it never takes the process down.
    let ended = false;
    const again = () => {
      if (ended) return;
      ended = true;
      retry();
    };
    next.on('error', () => undefined);
    next.on('end', again);
    next.connect().catch(again);
  };
  connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
