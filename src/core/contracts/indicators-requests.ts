// What a client sends to the indicator, ranking and data-quality routes (docs/indicators.md). The server validates
// requests with these schemas (indicators.schemas.ts re-exports them); the web imports only the types, which are
// what a client sends (z.input) — the server works on what they parse to (z.output).
import { z } from 'zod';
import { AGGREGATES, FILTER_OPS, INDICATOR_KEY_PATTERN, SCALES } from '../indicators.js';
import { TIE_RULES } from '../ranking.js';
import { dateSchema } from './request-fields.js';

/** The levels a value can be split by: the township itself, its villages, groups, grids, or the cadre groups. */
export const SPLIT_LEVELS = ['town', 'village', 'group', 'grid', 'cadre_group'] as const;
export type SplitLevel = (typeof SPLIT_LEVELS)[number];

const ledgerKey = z.string({ error: '请选择台账' }).min(1, '请选择台账').max(60);
const fieldKey = z.string().min(1).max(40);

const filter = z.object({
  field: fieldKey,
  op: z.enum(FILTER_OPS, { error: '条件运算不正确' }),
  value: z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(200)]).optional(),
});

const recordsSource = z
  .object({
    type: z.literal('records'),
    ledger: ledgerKey,
    aggregate: z.enum(AGGREGATES, { error: '统计方式应为计数、求和、平均、最小值、最大值或去重计数' }),
    field: fieldKey.optional(),
    weightField: fieldKey.optional(),
    filters: z.array(filter).max(20, '条件不能超过20个').optional(),
    statuses: z.array(z.string().max(30)).max(20).optional(),
    dateField: fieldKey.optional(),
    timing: z.enum(['flow', 'stock'], { error: '口径应为期间发生(flow)或期末状态(stock)' }),
    since: dateSchema.optional(),
  })
  .strict();

const itemsSource = z
  .object({
    type: z.literal('items'),
    ledger: ledgerKey,
    item: fieldKey,
    aggregate: z.enum(['count', 'sum', 'avg', 'min', 'max'], { error: '统计方式应为计数、求和、平均、最小值或最大值' }),
    timing: z.enum(['flow', 'stock', 'cumulative'], { error: '口径应为期间发生、期末最新值或累计' }),
    since: dateSchema.optional(),
  })
  .strict();

const formulaSource = z.object({ type: z.literal('formula'), formula: z.string({ error: '请填写公式' }).max(500, '公式不能超过500个字符') }).strict();

export const source = z.discriminatedUnion('type', [recordsSource, itemsSource, formulaSource], { error: '来源类型应为 records、items 或 formula' });

const definitionFields = {
  name: z.string({ error: '请填写指标名称' }).trim().min(1, '请填写指标名称').max(60, '指标名称不能超过60个字'),
  description: z.string().trim().max(500, '说明不能超过500个字').optional(),
  workLine: z.string().max(40).nullable().optional(),
  unit: z.string().trim().max(10, '单位不能超过10个字').default(''),
  decimals: z.number().int().min(0, '小数位数为0到6').max(6, '小数位数为0到6').default(0),
  scale: z.enum(SCALES, { error: '换算应为 none、wan（万）或 yi（亿）' }).default('none'),
  higherIsBetter: z.boolean().default(true),
  source,
};

export const createIndicatorBody = z.object({
  /** Left out: made from the name's pinyin initials (重大隐患数 → zdyhs). */
  key: z.string().regex(INDICATOR_KEY_PATTERN, '指标标识应以小写字母开头，只含小写字母、数字和下划线，2到48个字符').optional(),
  ...definitionFields,
});
export type CreateIndicatorBody = z.input<typeof createIndicatorBody>;
/** A definition with its format filled in (unit, decimals, scale, direction), as the web's form sends it. */
export type FilledIndicatorBody = z.output<typeof createIndicatorBody>;
export const updateIndicatorBody = z.object(definitionFields);
export type UpdateIndicatorBody = z.input<typeof updateIndicatorBody>;

const commaList = (max: number, what: string) =>
  z
    .string({ error: `请指定${what}` })
    .trim()
    .min(1, `请指定${what}`)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, `请指定${what}`).max(max, `${what}不能超过${max}个`));

const orgUnitCode = z.string().regex(/^\d{12}(\d{3}){0,2}$/, '单位代码不正确');

/** Lists come comma-separated (`keys=a,b&period=2022,2023`); `targets=true` adds each value's target. */
export const valuesQuery = z.object({
  keys: commaList(200, '指标'),
  period: commaList(400, '期间'),
  asOf: dateSchema.optional(),
  orgUnit: orgUnitCode.optional(),
  by: z.enum(SPLIT_LEVELS, { error: '拆分层级应为 town、village、group、grid 或 cadre_group' }).optional(),
  targets: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ValuesQueryParams = z.input<typeof valuesQuery>;

export const explainQuery = z.object({
  period: z.string({ error: '请指定期间' }).min(1, '请指定期间').max(20),
  asOf: dateSchema.optional(),
  orgUnit: z.union([orgUnitCode, z.string().regex(/^cg\d+$/)]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
/** Paging is sent as numbers (the query string carries them as text). */
export type ExplainQueryParams = Omit<z.input<typeof explainQuery>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** A period of any type the indicators are computed for: 2022, 2022S1, 2022Q2, 202206. */
export const indicatorPeriod = z.string().regex(/^\d{4}(S[12]|Q[1-4]|W\d{2}|\d{2}|\d{4})?$/, '期间格式不正确，例如 2022、2022S1、2022Q2、202206');

export const targetsQuery = z.object({ period: indicatorPeriod });

export const targetsBody = z.object({
  items: z
    .array(z.object({ orgUnit: orgUnitCode, value: z.number({ error: '目标值应为数字' }).min(0, '目标值不能为负数').max(1e12).nullable() }))
    .min(1, '请填写目标值')
    .max(5000),
});
export type TargetsBody = z.input<typeof targetsBody>;

export const installLibraryBody = z.object({ keys: z.array(z.string().max(60)).max(500).optional() });
export type InstallLibraryBody = z.input<typeof installLibraryBody>;

const subjectCode = z.string().regex(/^(\d{12}|cg\d+)$/, '对象应为村代码或包村小组编号');
const rankingFields = {
  name: z.string({ error: '请填写排行榜名称' }).trim().min(1, '请填写排行榜名称').max(60, '名称不能超过60个字'),
  indicator: z.string({ error: '请选择指标' }).min(1, '请选择指标').max(60),
  subject: z.enum(['village', 'cadre_group'], { error: '排名对象应为村(village)或包村小组(cadre_group)' }),
  style: z.enum(['dragon_tiger', 'red_black'], { error: '榜单样式应为龙虎榜(dragon_tiger)或红黑榜(red_black)' }),
  topN: z.number().int().min(0, '上榜数为0到50').max(50, '上榜数为0到50').default(3),
  bottomN: z.number().int().min(0, '上榜数为0到50').max(50, '上榜数为0到50').default(3),
  requireTarget: z.boolean().default(false),
  ties: z.enum(TIE_RULES, { error: '并列规则应为 include（并列的一同上榜）或 exclude（并列超出名额的都不上榜）' }).default('include'),
  exemptions: z
    .array(z.object({ subject: subjectCode, reason: z.string({ error: '请填写豁免原因' }).trim().min(2, '请填写豁免原因').max(200) }))
    .max(100)
    .default([]),
};
export const createRankingBody = z.object({
  key: z.string({ error: '请填写排行榜标识' }).regex(INDICATOR_KEY_PATTERN, '标识应以小写字母开头，只含小写字母、数字和下划线'),
  ...rankingFields,
});
export type CreateRankingBody = z.input<typeof createRankingBody>;
export const updateRankingBody = z.object(rankingFields);
export type UpdateRankingBody = z.input<typeof updateRankingBody>;
export const boardQuery = z.object({ period: z.string({ error: '请指定期间' }).min(1, '请指定期间').max(20), asOf: dateSchema.optional() });
export type BoardQuery = z.input<typeof boardQuery>;

export const qualityRuleBody = z.object({
  name: z.string({ error: '请填写规则名称' }).trim().min(1, '请填写规则名称').max(60),
  left: z.string({ error: '请填写左边的公式' }).trim().min(1, '请填写左边的公式').max(500),
  operator: z.enum(['<=', '<', '=', '>=', '>', '!='], { error: '比较符应为 <=、<、=、>=、>、!= 之一' }),
  right: z.string({ error: '请填写右边的公式' }).trim().min(1, '请填写右边的公式').max(500),
});
export type QualityRuleBody = z.input<typeof qualityRuleBody>;

export const previewBody = z.object({
  key: z.string().regex(INDICATOR_KEY_PATTERN, '指标标识不正确').optional(),
  source,
  period: z.string({ error: '请指定期间' }).min(1, '请指定期间').max(20),
  asOf: dateSchema.optional(),
});
export type PreviewBody = z.input<typeof previewBody>;
