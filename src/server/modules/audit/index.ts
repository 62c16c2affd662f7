// What other modules may use of the audit module: recording an entry in the writer's transaction.
export { auditRoutes } from './audit.routes.js';
export { recordAudit, SYSTEM_ACTOR, type Actor, type AuditEntry } from './audit.service.js';
