// What other modules may use of the supervision module (督办): its routes. Reports will read goals, projects and
// tasks through here.
export { supervisionRoutes } from './supervision.routes.js';
export { refreshChildCounts, refreshNodeSummary } from './tasks.repository.js';
export { projectFacts, taskCatalogue, tasksDueOn, tasksTitled, type ProjectFact, type TaskFact } from './report-facts.service.js';
