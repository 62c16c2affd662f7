// What a route hands to a service: the database, the signed-in user with his grants, and the actor for audit.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import type { SessionUser } from '../modules/auth/index.js';
import type { Actor } from '../modules/audit/index.js';
import type { Principal } from '../policy/policy.js';
import { AppError } from './app-error.js';

export interface ServiceContext {
  db: Db;
  principal: Principal;
  actor: Actor;
  /** Township of the signed-in user (null for a deployment-wide administrator). */
  townshipId: number | null;
  /** The signed-in session, for what depends on it (a fresh second factor: auth/two-factor.service.ts); none for the system. */
  session?: SessionUser;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Reachable while the account still has to change its initial password. */
    beforePasswordChange?: boolean;
    /** Reachable by an administrator who has not yet enrolled a second factor (enrolment itself, me, logout). */
    beforeTwoFactorEnrolment?: boolean;
    /** Reachable by a login that waits for its second-factor code (the second step, logout). */
    secondFactorStep?: boolean;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.session?.user.id ?? null, username: request.session?.user.username ?? null, ip: request.ip };
}

export function contextOf(request: FastifyRequest, db: Db): ServiceContext {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { db, principal: session.principal, actor: actorOf(request), townshipId: session.user.townshipId, session };
}
