// Runtime configuration, read once from the environment.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  demoPassword?: string;
  /** Origins allowed to send mutations besides the request's own host, e.g. a reverse proxy's public URL. */
  allowedOrigins: string[];
  /** Minutes of inactivity after which a session expires. */
  sessionIdleMinutes: number;
  /** Hours after login at which a session ends however active it is (ZHENWU_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  /** Requests per minute from one address, all routes together. */
  requestRateLimitPerMinute: number;
  /** Largest ledger import file in bytes (ZHENWU_IMPORT_MAX_BYTES). */
  importMaxBytes: number;
  /** Most data rows in one ledger import, and in one ledger export (ZHENWU_IMPORT_MAX_ROWS). */
  importMaxRows: number;
  /** The key sealing TOTP secrets (ZHENWU_TWO_FACTOR_KEY, 32 bytes); without it, DATA_DIR/two-factor.key. */
  twoFactorKey?: string;
  /** The demo administrator's TOTP secret (ZHENWU_ADMIN_TOTP_SECRET, base32); without it, a random one, printed once. */
  adminTotpSecret?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ZHENWU_ADMIN_PASSWORD || undefined,
    demoPassword: env.ZHENWU_DEMO_PASSWORD || undefined,
    allowedOrigins: (env.ZHENWU_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionIdleMinutes: Number(env.ZHENWU_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.ZHENWU_SESSION_MAX_HOURS ?? 12),
    secureCookies: env.ZHENWU_SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: Number(env.ZHENWU_LOGIN_RATE_LIMIT ?? 30),
    requestRateLimitPerMinute: Number(env.ZHENWU_REQUEST_RATE_LIMIT ?? 6000),
    importMaxBytes: Number(env.ZHENWU_IMPORT_MAX_BYTES ?? 20 * 1024 * 1024),
    importMaxRows: Number(env.ZHENWU_IMPORT_MAX_ROWS ?? 200_000),
    twoFactorKey: env.ZHENWU_TWO_FACTOR_KEY || undefined,
    adminTotpSecret: env.ZHENWU_ADMIN_TOTP_SECRET || undefined,
  };
}
