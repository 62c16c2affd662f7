// What other modules may use of the notifications module: supervision tells it of a task's events in their
// transaction (notifyTaskEvent); the CLI and the server run the daily reminders and the outbox.
export { notificationsRoutes } from './notifications.routes.js';
export { notifyTaskEvent, type TaskNotice } from './notify-task-event.js';
export { runReminders, type ReminderRun } from './reminders.service.js';
export { deliverOutbox } from './outbox.service.js';
export { startNotificationJobs } from './scheduler.js';
