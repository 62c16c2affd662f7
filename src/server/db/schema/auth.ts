// Accounts: users, their roles bound to org-unit scopes, sessions, failed logins by username, and second factors.
import { bigint, boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cadreGroups } from './cadre.js';
import { orgUnits } from './org.js';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id'),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    // null only for a deployment-wide administrator
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
    cadreGroupId: integer('cadre_group_id').references(() => cadreGroups.id),
    // null: a grant carrying personal.read that an administrator without it requested, waiting for a leader
    // of that scope to approve; the account cannot use it until then (users.service.ts).
    approvedAt: timestamp('approved_at', { withTimezone: true }).defaultNow(),
    approvedBy: integer('approved_by'),
    requestedBy: integer('requested_by'),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

// Failed logins counted by the username typed, whether or not such an account exists: unknown usernames lock
// exactly like real ones, so the answers cannot tell them apart (auth.service.ts).
export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('login_throttle_last_attempt_idx').on(t.lastAttemptAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token; the token itself is never stored
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // true from a correct password until the second factor is given: such a session may only finish the login
    twoFactorPending: boolean('two_factor_pending').notNull().default(false),
    // the last time this session proved the second factor (login or step-up): actions that hand out household
    // data ask for one within the last minutes (two-factor.service.ts)
    twoFactorAt: timestamp('two_factor_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// A user's TOTP authenticator. The secret is sealed with AES-256-GCM under the server's two-factor key
// (two-factor-key.ts) and never sent again after enrolment; confirmed_at is null until the first code proves the
// app holds it. last_used_step is the newest 30-second step whose code was accepted: older and equal steps are
// refused, so a code seen over someone's shoulder cannot be used again.
export const twoFactor = pgTable('two_factor', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// One-time recovery codes: sha256 of a random 60-bit code (only the hash is kept), used_at set when spent.
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('two_factor_recovery_codes_uq').on(t.userId, t.codeHash)],
);

export type UserRow = typeof users.$inferSelect;
