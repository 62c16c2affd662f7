// What other modules may use of the indicators module.
export { indicatorsRoutes } from './indicators.routes.js';
export { rankingsRoutes } from './rankings.routes.js';
export { qualityAfterImport } from './quality-rules.service.js';
export { installBuiltinIndicators } from './library/install-library.js';
export { indicatorValues } from './indicator-values.service.js';
export { siblingRank, type SiblingRank } from './indicator-rank.service.js';
export { indicatorCatalogue, type CatalogueIndicator } from './indicator-catalogue.js';
