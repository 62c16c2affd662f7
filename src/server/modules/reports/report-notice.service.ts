// The daily notice (每日通报) of a daily figure, as the township's dispatch (调度) reads it on a day: the township's
// total yesterday and over the last 7 days, its place among the county's townships where the county has others,
// the villages ranked with the first and last three named, the villages that sent nothing yesterday, and the
// tasks due tomorrow. The same document model as a report, so it exports the same ways.
import { addDays } from '../../../core/periods.js';
import { MISSING_TEXT, type ReportBlock, type ReportDocument, type Run } from '../../../core/report-document.js';
import { chineseDate, formatFigure, joinChinese } from '../../../core/report-format.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship, requireUnit } from '../../policy/access.js';
import { indicatorValues, siblingRank, type SiblingRank } from '../indicators/index.js';
import { townshipToday } from '../org/index.js';
import { tasksDueOn } from '../supervision/index.js';

const WINDOWS = ['YESTERDAY', 'LAST_7_DAYS'] as const;

export async function dailyNotice(ctx: ServiceContext, input: { indicator: string; asOf?: string }) {
  const township = await requireTownship(ctx, 'report.read', ctx.db, { what: '报告' });
  // a notice ranks every village: it is the township's, not one village's
  requireUnit(ctx, 'report.read', township);
  const asOf = input.asOf ?? (await townshipToday(ctx.db, township.code));
  const query = { keys: [input.indicator], period: [...WINDOWS], asOf };
  const [total, villages] = await Promise.all([
    indicatorValues(ctx, { ...query, orgUnit: township.code }),
    indicatorValues(ctx, { ...query, orgUnit: township.code, by: 'village' }),
  ]);
  const meta = total.indicators[0];
  if (!meta) throw notFound(`指标“${input.indicator}”`);
  const rank = (period: string) =>
    siblingRank(ctx, input.indicator, { orgUnit: township.code, period, asOf }).catch((e: unknown) => {
      if (e instanceof AppError && e.status < 500) return null;
      throw e;
    });
  const [rankYesterday, rank7, dueTomorrow] = await Promise.all([
    rank('YESTERDAY'),
    rank('LAST_7_DAYS'),
    tasksDueOn(ctx, addDays(asOf, 1), township.code),
  ]);

  const unit = meta.unit === '%' ? '%' : meta.unit;
  const figure = (orgUnit: string, period: string, index: number, withUnit = true): Run => {
    const source = total.items.concat(villages.items).find((i) => i.orgUnit === orgUnit && i.period === period);
    const value = source?.value ?? null;
    const text = formatFigure(value, { dp: meta.decimals });
    return {
      text: text === null ? MISSING_TEXT : withUnit ? `${text}${unit}` : text,
      figure: {
        index,
        placeholder: `{{value ${input.indicator} period=${period === 'YESTERDAY' ? 'yesterday' : 'last7'}}}`,
        source: { kind: 'value', target: input.indicator, orgUnit, period, value },
        missing: text === null || undefined,
      },
    };
  };
  const placeText = (r: SiblingRank | null, label: string) => (r?.rank && r.of >= 2 ? `${label}在${r.among}${r.of}个乡镇中排第${r.rank}位` : null);
  const places = [placeText(rankYesterday, '昨日'), placeText(rank7, '近7日')].filter((t): t is string => t !== null);

  const value = (code: string, period: string) => villages.items.find((i) => i.orgUnit === code && i.period === period)?.value ?? null;
  const ranked = villages.orgUnits
    .map((u) => ({ ...u, week: value(u.code, 'LAST_7_DAYS'), yesterday: value(u.code, 'YESTERDAY') }))
    .sort((a, b) => {
      if (a.week === null || b.week === null) return a.week === null ? (b.week === null ? 0 : 1) : -1;
      return meta.higherIsBetter ? b.week - a.week : a.week - b.week;
    });
  const withData = ranked.filter((r) => r.week !== null);
  const silent = ranked.filter((r) => r.yesterday === null).map((r) => r.name);
  const day = chineseDate(asOf, 'md');
  const tomorrow = chineseDate(addDays(asOf, 1), 'md');

  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      runs: [
        { text: `截至${day}，全镇${meta.name}昨日` },
        figure(township.code, 'YESTERDAY', 0),
        { text: '，近7日累计' },
        figure(township.code, 'LAST_7_DAYS', 1),
        { text: places.length ? `，${places.join('，')}。` : '。' },
      ],
    },
  ];
  if (withData.length >= 2) {
    const n = Math.min(3, Math.floor(withData.length / 2));
    blocks.push({
      type: 'paragraph',
      runs: [
        {
          text: `分村看，近7日${meta.name}居前${n}位的是${joinChinese(withData.slice(0, n).map((r) => r.name))}，居后${n}位的是${joinChinese(
            withData.slice(-n).map((r) => r.name),
          )}。`,
        },
      ],
    });
  }
  blocks.push({
    type: 'paragraph',
    runs: [{ text: silent.length ? `昨日未报送数据的村（社区）：${silent.join('、')}，请抓紧补报。` : '各村（社区）昨日均已报送数据。' }],
  });
  blocks.push({
    type: 'table',
    caption: `各村（社区）${meta.name}排名`,
    header: ['排名', '村（社区）', `昨日（${unit}）`, `近7日（${unit}）`],
    rows: ranked.map((r, i) => [
      { text: r.week === null ? MISSING_TEXT : String(withData.indexOf(r) + 1) },
      { text: r.name },
      figure(r.code, 'YESTERDAY', 2 + i * 2, false),
      figure(r.code, 'LAST_7_DAYS', 3 + i * 2, false),
    ]),
  });
  blocks.push({
    type: 'paragraph',
    runs: [
      {
        text: dueTomorrow.length
          ? `明日（${tomorrow}）任务：${dueTomorrow.map((t, i) => `${i + 1}. ${t.title}${t.leadName ? `（${t.leadName}）` : ''}`).join('；')}。`
          : `明日（${tomorrow}）暂无到期的督办任务。`,
      },
    ],
  });
  const document: ReportDocument = {
    title: `${township.name}${meta.name}每日通报`,
    subtitle: `（${chineseDate(asOf, 'full')}）`,
    blocks,
    warnings: [],
  };
  return { document, asOf, indicator: { key: meta.key, name: meta.name } };
}
