// The reports module's answers and requests, typed from the server's contracts (core/contracts/reports*.ts).
export type {
  RenderedReport,
  TemplateDetail,
  TemplateSummary,
  TownshipProfile,
  VersionComparison,
  VersionDetail,
  VersionSummary,
} from '../../../../core/contracts/reports';
export type { NoticeBody, ProfileBody, RenderBody, SaveVersionBody } from '../../../../core/contracts/reports-requests';
export type { ReportDocument } from '../../../../core/report-document';

/** Query keys of the reports module: everything under ['reports'] is refetched after a save. */
export const reportKeys = {
  all: ['reports'] as const,
  render: (body: object) => ['reports', 'render', body] as const,
  templates: ['reports', 'templates'] as const,
  profile: ['reports', 'profile'] as const,
  versions: (query: object) => ['reports', 'versions', query] as const,
  version: (id: number) => ['reports', 'version', id] as const,
  compare: (id: number, other: number | 'today') => ['reports', 'compare', id, other] as const,
  notice: (indicator: string, asOf: string) => ['reports', 'notice', indicator, asOf] as const,
};
