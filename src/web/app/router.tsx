import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { setAuthRedirects } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { meQueryKey } from '../features/auth/api/get-me';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { PageLoading } from '../components/PageLoading';
import { RequireAuth } from './auth';

// The login page is all a first visit loads (docs/benchmarks.md, "Web"): the shell, the 工作台 and every other page
// load when first shown, so their antd components (layout, menu, tables, date pickers) stay out of the first chunk.
const named = <K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const AppLayout = named(() => import('./AppLayout'), 'AppLayout');
const HomePage = named(() => import('../features/home/pages/HomePage'), 'HomePage');
const ChangePasswordPage = named(() => import('../features/auth/pages/ChangePasswordPage'), 'ChangePasswordPage');
const NotFoundPage = named(() => import('../features/placeholder/pages/NotFoundPage'), 'NotFoundPage');
// asks for a two-factor code when an action needs a fresh one (H3): only under the shell, not on the login page
const StepUpPrompt = named(() => import('../features/auth/components/StepUpPrompt'), 'StepUpPrompt');

// Heavier pages load on first visit.
const OrgPage = lazy(() => import('../features/org/pages/OrgPage'));
const MergeProgressPage = lazy(() => import('../features/org/pages/MergeProgressPage'));
const CadrePage = lazy(() => import('../features/cadre/pages/CadrePage'));
const UsersPage = lazy(() => import('../features/users/pages/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage'));
const BackupPage = lazy(() => import('../features/system/pages/BackupPage'));
const LedgersPage = lazy(() => import('../features/ledgers/pages/LedgersPage'));
const LedgerDefinitionPage = lazy(() => import('../features/ledgers/pages/LedgerDefinitionPage'));
const LedgerRecordsPage = lazy(() => import('../features/ledgers/pages/LedgerRecordsPage'));
const LedgerGridPage = lazy(() => import('../features/ledgers/pages/LedgerGridPage'));
const IndicatorsPage = lazy(() => import('../features/indicators/pages/IndicatorsPage'));
const IndicatorDetailPage = lazy(() => import('../features/indicators/pages/IndicatorDetailPage'));
const IndicatorFormPage = lazy(() => import('../features/indicators/pages/IndicatorFormPage'));
const TargetsPage = lazy(() => import('../features/indicators/pages/TargetsPage'));
const RankingsPage = lazy(() => import('../features/indicators/pages/RankingsPage'));
const RankingBoardPage = lazy(() => import('../features/indicators/pages/RankingBoardPage'));
const QualityPage = lazy(() => import('../features/indicators/pages/QualityPage'));
const DispatchPage = lazy(() => import('../features/indicators/pages/DispatchPage'));
const VillagePage = lazy(() => import('../features/indicators/pages/VillagePage'));
const TasksPage = lazy(() => import('../features/supervision/pages/TasksPage'));
const TaskDetailPage = lazy(() => import('../features/supervision/pages/TaskDetailPage'));
const ProjectsPage = lazy(() => import('../features/supervision/pages/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../features/supervision/pages/ProjectDetailPage'));
const GoalsPage = lazy(() => import('../features/supervision/pages/GoalsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/pages/NotificationsPage'));
const NotificationChannelsPage = lazy(() => import('../features/notifications/pages/NotificationChannelsPage'));
const ReportsPage = lazy(() => import('../features/reports/pages/ReportsPage'));
const VersionPage = lazy(() => import('../features/reports/pages/VersionPage'));
const TemplateEditorPage = lazy(() => import('../features/reports/pages/TemplateEditorPage'));
const ImportReportPage = lazy(() => import('../features/reports/pages/ImportReportPage'));
// two-factor login (H3): the forced enrolment of an administrator, and 账户安全
const TwoFactorSetupPage = lazy(() => import('../features/auth/pages/TwoFactorSetupPage'));
const AccountSecurityPage = lazy(() => import('../features/auth/pages/AccountSecurityPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireAuth allowPasswordChange>
        <Suspense fallback={<PageLoading />}>
          <ChangePasswordPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/two-factor-setup',
    element: (
      <RequireAuth allowTwoFactorEnrolment>
        <Suspense fallback={<PageLoading />}>
          <TwoFactorSetupPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading />}>
          <StepUpPrompt />
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'org', element: <OrgPage /> },
      { path: 'org/merge-progress', element: <MergeProgressPage /> },
      { path: 'org/:code', element: <OrgPage /> },
      { path: 'cadre', element: <CadrePage /> },
      { path: 'ledgers', element: <LedgersPage /> },
      { path: 'ledgers/new', element: <LedgerDefinitionPage /> },
      { path: 'ledgers/:key', element: <LedgerRecordsPage /> },
      { path: 'ledgers/:key/definition', element: <LedgerDefinitionPage /> },
      { path: 'ledgers/:key/grid', element: <LedgerGridPage /> },
      { path: 'indicators', element: <IndicatorsPage /> },
      { path: 'indicators/new', element: <IndicatorFormPage /> },
      { path: 'indicators/rankings', element: <RankingsPage /> },
      { path: 'indicators/rankings/:key', element: <RankingBoardPage /> },
      { path: 'indicators/quality', element: <QualityPage /> },
      { path: 'indicators/dispatch', element: <DispatchPage /> },
      { path: 'indicators/:key', element: <IndicatorDetailPage /> },
      { path: 'indicators/:key/edit', element: <IndicatorFormPage /> },
      { path: 'indicators/:key/targets', element: <TargetsPage /> },
      { path: 'villages/:code', element: <VillagePage /> },
      { path: 'supervision', element: <TasksPage /> },
      { path: 'supervision/tasks/:id', element: <TaskDetailPage /> },
      { path: 'supervision/projects', element: <ProjectsPage /> },
      { path: 'supervision/projects/:id', element: <ProjectDetailPage /> },
      { path: 'supervision/goals', element: <GoalsPage /> },
      { path: 'supervision/notification-channels', element: <NotificationChannelsPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/versions/:id', element: <VersionPage /> },
      { path: 'reports/templates/new', element: <TemplateEditorPage /> },
      { path: 'reports/templates/:key', element: <TemplateEditorPage /> },
      { path: 'reports/import', element: <ImportReportPage /> },
      { path: 'system/users', element: <UsersPage /> },
      { path: 'system/audit', element: <AuditPage /> },
      { path: 'system/backup', element: <BackupPage /> },
      { path: 'system/account', element: <AccountSecurityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setAuthRedirects({
  unauthenticated: () => {
    queryClient.setQueryData(meQueryKey, null);
    const from = window.location.pathname + window.location.search;
    void router.navigate('/login', { replace: true, state: { from } });
  },
  passwordChangeRequired: () => void router.navigate('/change-password', { replace: true }),
  twoFactorEnrolmentRequired: () => void router.navigate('/two-factor-setup', { replace: true }),
});
