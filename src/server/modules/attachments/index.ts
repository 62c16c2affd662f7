// What other modules may use of the attachments module.
export { claimAttachments, missingAttachments } from './attachments.service.js';
