// What other modules may use of the ledgers module.
export { personalFieldsOfRecords } from './ledgers.repository.js';
