// Supervision (督办) routes: tasks with their flow, updates and delays; goals; key projects and their board.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import * as c from '../../../core/contracts/supervision.js';
import { contextOf } from '../../http/context.js';
import { sendXlsx } from '../../http/xlsx.js';
import { groupBoard } from './group-board.service.js';
import { setTownshipClock, townshipClock } from './township-clock.service.js';
import {
  createGoal,
  createProject,
  getGoal,
  getProject,
  listGoals,
  listProjects,
  postProjectUpdate,
  projectBoard,
  updateGoal,
  updateProject,
} from './projects.service.js';
import * as s from './supervision.schemas.js';
import { exportGoals, exportProjects, exportTasks } from './supervision-export.service.js';
import { createTask, decideDelay, getTask, listTasks, postTaskUpdate, requestDelay, taskAssigners, transitionTask } from './tasks.service.js';

export async function supervisionRoutes(scope: FastifyInstance, { database }: AppDeps) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, database.db);
  const querystring = s.townshipQuery;
  const params = s.idParams;

  const tags = ['督办任务'];
  app.get('/api/tasks', { schema: { querystring: s.taskListQuery, response: { 200: c.taskList }, tags } }, (req) => listTasks(ctx(req), req.query));
  app.get('/api/tasks/export', { schema: { querystring: s.taskListQuery, tags } }, async (req, reply) => {
    const { today, buffer } = await exportTasks(ctx(req), req.query);
    return sendXlsx(reply, `督办台账-${today}.xlsx`, buffer);
  });
  app.post('/api/tasks', { schema: { querystring, body: s.createTaskBody, response: { 201: c.createdTasks }, tags } }, async (req, reply) => {
    reply.status(201);
    return createTask(ctx(req), req.body, req.query.township);
  });
  app.get('/api/tasks/assigners', { schema: { querystring, response: { 200: c.taskAssignerList }, tags } }, (req) =>
    taskAssigners(ctx(req), req.query.township),
  );
  app.get('/api/tasks/group-board', { schema: { querystring, response: { 200: c.groupBoard }, tags } }, (req) =>
    groupBoard(ctx(req), req.query.township),
  );
  app.get('/api/tasks/:id', { schema: { querystring, params, response: { 200: c.taskDetail }, tags } }, (req) =>
    getTask(ctx(req), req.params.id, req.query.township),
  );
  app.post('/api/tasks/:id/transitions', { schema: { querystring, params, body: s.transitionBody, response: { 200: c.taskDetail }, tags } }, (req) =>
    transitionTask(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.post('/api/tasks/:id/updates', { schema: { querystring, params, body: s.taskUpdateBody, response: { 200: c.taskDetail }, tags } }, (req) =>
    postTaskUpdate(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.post('/api/tasks/:id/delays', { schema: { querystring, params, body: s.delayRequestBody, response: { 200: c.taskDetail }, tags } }, (req) =>
    requestDelay(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.post(
    '/api/tasks/:id/delays/:delayId/decision',
    { schema: { querystring, params: s.delayParams, body: s.delayDecisionBody, response: { 200: c.taskDetail }, tags } },
    (req) => decideDelay(ctx(req), req.params.id, req.params.delayId, req.body, req.query.township),
  );

  const goalTags = ['重点工作'];
  app.get('/api/goals', { schema: { querystring: s.goalListQuery, response: { 200: c.goalList }, tags: goalTags } }, (req) =>
    listGoals(ctx(req), req.query),
  );
  app.get('/api/goals/export', { schema: { querystring: s.goalListQuery, tags: goalTags } }, async (req, reply) => {
    const { today, buffer } = await exportGoals(ctx(req), req.query);
    return sendXlsx(reply, `重点工作-${req.query.year ?? today.slice(0, 4)}.xlsx`, buffer);
  });
  app.post('/api/goals', { schema: { querystring, body: s.createGoalBody, response: { 201: c.goal }, tags: goalTags } }, async (req, reply) => {
    reply.status(201);
    return createGoal(ctx(req), req.body, req.query.township);
  });
  app.get('/api/goals/:id', { schema: { querystring, params, response: { 200: c.goal }, tags: goalTags } }, (req) =>
    getGoal(ctx(req), req.params.id, req.query.township),
  );
  app.patch('/api/goals/:id', { schema: { querystring, params, body: s.updateGoalBody, response: { 200: c.goal }, tags: goalTags } }, (req) =>
    updateGoal(ctx(req), req.params.id, req.body, req.query.township),
  );

  const projectTags = ['重点项目'];
  app.get('/api/projects', { schema: { querystring: s.projectListQuery, response: { 200: c.projectList }, tags: projectTags } }, (req) =>
    listProjects(ctx(req), req.query),
  );
  app.get('/api/projects/board', { schema: { querystring, response: { 200: c.projectBoard }, tags: projectTags } }, (req) =>
    projectBoard(ctx(req), req.query.township),
  );
  app.get('/api/projects/export', { schema: { querystring: s.projectExportQuery, tags: projectTags } }, async (req, reply) => {
    const { township, year, buffer } = await exportProjects(ctx(req), req.query.township, req.query.year);
    return sendXlsx(reply, `${township}${year}年重点项目推进表.xlsx`, buffer);
  });
  app.post(
    '/api/projects',
    { schema: { querystring, body: s.createProjectBody, response: { 201: c.projectDetail }, tags: projectTags } },
    async (req, reply) => {
      reply.status(201);
      return createProject(ctx(req), req.body, req.query.township);
    },
  );
  app.get('/api/projects/:id', { schema: { querystring, params, response: { 200: c.projectDetail }, tags: projectTags } }, (req) =>
    getProject(ctx(req), req.params.id, req.query.township),
  );
  app.patch(
    '/api/projects/:id',
    { schema: { querystring, params, body: s.updateProjectBody, response: { 200: c.projectDetail }, tags: projectTags } },
    (req) => updateProject(ctx(req), req.params.id, req.body, req.query.township),
  );
  app.post(
    '/api/projects/:id/updates',
    { schema: { querystring, params, body: s.projectUpdateBody, response: { 200: c.projectDetail }, tags: projectTags } },
    (req) => postProjectUpdate(ctx(req), req.params.id, req.body, req.query.township),
  );

  // The township's clock (a fixed date for the demo or a training deployment): read by all, set by administrators.
  app.get('/api/township-clock', { schema: { querystring, response: { 200: c.townshipClock }, tags } }, (req) =>
    townshipClock(ctx(req), req.query.township),
  );
  app.put('/api/township-clock', { schema: { querystring, body: s.clockBody, response: { 200: c.townshipClock }, tags } }, (req) =>
    setTownshipClock(ctx(req), req.body.today, req.query.township),
  );
}
