// What other modules may use of personal data at rest: sealing and opening record values and audit snapshots,
// the keyed hashes of exact values, and the process's keys.
export { isSealed, open as openSealed, DataKeyError } from './data-cipher.js';
export { dataKeys, useDataKeys, loadKeyRing, keySettingsOf, keyRingOf, TEST_DATA_KEY, type DataKeyRing } from './data-keys.js';
export { hashesOf, isPersonalField, openSnapshot, openValues, sealQueryFilters, sealValues } from './personal-values.js';
export { loadDataKeys, rotateKeyCommand, sealPersonalDataAtStart } from './personal-data.command.js';
export { rotateDataKey, sealPlainPersonalData } from './personal-data.service.js';
