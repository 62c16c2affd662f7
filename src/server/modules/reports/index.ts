// What other modules may use of the reports module.
export { reportsRoutes } from './reports.routes.js';
export { renderReport } from './report-render.service.js';
export { installDemoReports } from './demo-template/install.js';
export { reportCommand, REPORT_USAGE } from './report-cli.js';
