// What other modules may use of the auth module: sessions, password hashing, the accounts' roles and locks, and the
// grants a principal holds (principalOf) with a township's live accounts: who is told of a unit's tasks.
export { authRoutes } from './auth.routes.js';
export { isAdministrator, principalOf, resolveSession, revokeSessions, type SessionUser } from './auth.service.js';
export { twoFactorRoutes } from './two-factor.routes.js';
export { enrolBySystem, removeSecondFactor, requireFreshSecondFactor } from './two-factor.service.js';
export { twoFactorKeyLoaded, useTwoFactorKey } from './two-factor-key.js';
export { newTotpSecret, otpauthUri, totpCode } from './totp.js';
export { liveAccountIdsOfTownship } from './accounts.repository.js';
export { forgetLoginFailures, loginLocksOf, roleBindingsOf, secondFactorEnrolledOf, type RoleBinding } from './accounts.service.js';
export { describeRoles } from './me.service.js';
export { hashPassword, randomPassword } from './passwords.js';
