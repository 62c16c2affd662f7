// What other modules may use of the attachments module.
export { attachmentsRoutes } from './attachments.routes.js';
export { claimAttachments, missingAttachments } from './attachments.service.js';
