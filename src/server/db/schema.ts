// Drizzle schema: the single source for migrations (drizzle-kit generate) and typed queries, one file per module
// in ./schema. Every data table carries township_id so that a province can shard by township (DESIGN.md §8).
export * from './schema/org.js';
export * from './schema/auth.js';
export * from './schema/audit.js';
export * from './schema/cadre.js';
export * from './schema/ledgers.js';
export * from './schema/attachments.js';
export * from './schema/indicators.js';
export * from './schema/supervision.js';
export * from './schema/notifications.js';
export * from './schema/reports.js';
