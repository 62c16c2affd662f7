// What other parts of the server use of the backup module: the CLI commands, the route, and what the server
// starts beside itself (the control channel of an embedded database, the presence on PostgreSQL).
export { backupCommand, restoreCommand } from './backup-command.js';
export { backupRoutes } from './backup.routes.js';
export { openControlChannel } from './control-channel.js';
export { dumpPglite } from './pglite-backup.js';
export { holdServerPresence } from './server-presence.js';
