// What other modules may use of the users module.
export { usersRoutes } from './users.routes.js';
export { createUser } from './users.service.js';
export type { RoleInput } from './users.schemas.js';
