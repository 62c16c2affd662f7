// What other modules may use of the cadre module (组线包村).
export { cadreRoutes } from './cadre.routes.js';
export { createGroup, setMembers, setVillages } from './cadre.service.js';
export { createWorkLine } from './work-lines.service.js';
