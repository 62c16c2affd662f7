// What other modules may use of the auth module: sessions, password hashing, and the accounts' roles and locks.
export { authRoutes } from './auth.routes.js';
export { resolveSession, revokeSessions, type SessionUser } from './auth.service.js';
export { forgetLoginFailures, loginLocksOf, roleBindingsOf, type RoleBinding } from './accounts.service.js';
export { describeRoles } from './me.service.js';
export { hashPassword, randomPassword } from './passwords.js';
