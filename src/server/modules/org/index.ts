// What other modules may use of the org module: a unit, its ancestors, the live units of a subtree, the villages of
// a township during a period, and the use cases the CLI and the demo loader run. The tree's tables are the org
// module's; others ask here.
export { orgRoutes } from './org.routes.js';
export { allTownships, ancestorsOf, findUnitRef as findUnit, unitsNamed, unitsUnder, villagesDuring, type OrgUnitRef } from './org.repository.js';
export { createUnit, listUnits } from './org.service.js';
export { importDivisions } from './org-import.service.js';
export { mergeFigures, mergeGroups, mergeProgress, setMergePlan } from './org-merge.service.js';
export { fixedDateOf, setFixedDate, townshipNow, townshipToday } from './township-clock.repository.js';
