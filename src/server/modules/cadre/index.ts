// What other modules may use of the cadre module (组线包村): the small groups and their villages (the subjects of
// indicator values by cadre group) and the use cases the demo runs.
export { cadreRoutes } from './cadre.routes.js';
export { listWorkLines, smallGroupsWithVillages, workLineNamed, workLineNames } from './cadre.repository.js';
export { createGroup, setMembers, setVillages } from './cadre.service.js';
export { createWorkLine } from './work-lines.service.js';
export { groupIdsOfUser, groupRef, memberUserIdsOfGroup } from './cadre-membership.repository.js';
