// Response contracts of the reports module.
import { z } from 'zod';

const figureSource = z.object({
  kind: z.string(),
  target: z.string(),
  orgUnit: z.string().optional(),
  period: z.string().optional(),
  value: z.number().nullable().optional(),
});
const run = z.object({
  text: z.string(),
  figure: z.object({ index: z.number().int(), placeholder: z.string(), source: figureSource, missing: z.boolean().optional() }).optional(),
});
export const renderWarning = z.object({
  index: z.number().int().optional(),
  placeholder: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
});
export const reportDocument = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  blocks: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), runs: z.array(run) }),
      z.object({ type: z.literal('paragraph'), runs: z.array(run) }),
      z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(run)), caption: z.string().optional() }),
    ]),
  ),
  warnings: z.array(renderWarning),
});

export const renderedReport = z.object({
  document: reportDocument,
  template: z.object({ key: z.string().nullable(), name: z.string() }),
  period: z.object({ id: z.string(), label: z.string() }),
  asOf: z.string(),
  orgUnit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
});
export type RenderedReport = z.infer<typeof renderedReport>;

export const templateSummary = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  version: z.number().int(),
  placeholders: z.number().int(),
  updatedAt: z.string(),
});
export const templateList = z.object({ items: z.array(templateSummary), mayEdit: z.boolean() });
export const templateDetail = templateSummary.extend({ body: z.string(), mayEdit: z.boolean() });
export type TemplateSummary = z.infer<typeof templateSummary>;
export type TemplateDetail = z.infer<typeof templateDetail>;

export const versionSummary = z.object({
  id: z.number().int(),
  templateKey: z.string(),
  templateName: z.string(),
  number: z.number().int(),
  period: z.string(),
  periodLabel: z.string(),
  asOf: z.string(),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  note: z.string(),
  final: z.boolean(),
  finalizedBy: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  warnings: z.number().int(),
});
export const versionList = z.object({ items: z.array(versionSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const versionDetail = versionSummary.extend({ document: reportDocument, mayFinalize: z.boolean() });
export type VersionSummary = z.infer<typeof versionSummary>;
export type VersionDetail = z.infer<typeof versionDetail>;

export const figureChange = z.object({
  index: z.number().int(),
  placeholder: z.string(),
  /** The words before the figure, to find it in the text. */
  context: z.string(),
  before: z.string(),
  after: z.string(),
});
export const versionComparison = z.object({
  left: z.object({ label: z.string(), asOf: z.string() }),
  right: z.object({ label: z.string(), asOf: z.string() }),
  figures: z.number().int(),
  changes: z.array(figureChange),
  /** The right-hand document, its changed figures marked by index. */
  document: reportDocument,
});
export type VersionComparison = z.infer<typeof versionComparison>;

export const townshipProfile = z.object({
  name: z.string(),
  short: z.string(),
  goal: z.string(),
  motto: z.string(),
  campaign: z.string(),
  mayEdit: z.boolean(),
});
export type TownshipProfile = z.infer<typeof townshipProfile>;
