import { describe, expect, it } from 'vitest';
import { bigrams, KEEP_TEXT, longestCommon, periodFromWords, readUnit, suggestBindings, unitFit, type SuggestCatalogue } from './report-suggest.js';
import { parseTemplate } from './report-template.js';

const catalogue: SuggestCatalogue = {
  indicators: [
    { key: 'land_transferred', name: '土地流转面积', unit: '亩', aliases: ['流转土地', '土地流转'] },
    { key: 'land_transferred_cultivated', name: '耕地流转面积', unit: '亩', aliases: ['流转耕地'] },
    { key: 'land_transferred_forest', name: '林地流转面积', unit: '亩', aliases: ['流转林地'] },
    { key: 'booster_doses', name: '加强针接种剂次', unit: '剂', aliases: ['加强针'] },
    { key: 'assistance_paid', name: '社会救助发放金额', unit: '元', aliases: ['救助金额'] },
    { key: 'topic_meetings', name: '专题会议次数', unit: '次' },
    { key: 'epidemic_meetings', name: '疫情防控专题会议次数', unit: '次' },
  ],
  ledgers: [
    {
      key: 'industry_projects',
      name: '产业项目台账',
      fields: [
        { key: 'name', label: '项目名称', type: 'text' },
        { key: 'planned_investment', label: '计划总投资', type: 'decimal', unit: '万元' },
      ],
    },
  ],
  projects: ['芭蕉水示范河段', '青山中学运动场'],
  tasks: [{ title: '迎接电站专题现场评审', nodes: ['迎接专题现场评审'] }],
  villages: ['燕塘村', '三姊村'],
  townshipShort: '青山',
  townshipName: '青山镇',
  period: '2022S1',
  asOf: '2022-06-30',
};

const top = (text: string, i = 0) => suggestBindings(text, catalogue)[i].suggestions[0];

describe('pieces', () => {
  it('splits text into bigrams of Han runs and finds the longest shared run', () => {
    expect(bigrams('流转土地，□亩')).toEqual(['流转', '转土', '土地']);
    expect(longestCommon('芭蕉水示范河段', '启动芭蕉水示范段')).toBe(5);
  });

  it('reads the unit after a figure with its scale and 余', () => {
    expect(readUnit('余万元，')).toMatchObject({ approx: true, scale: '万', unit: '元' });
    expect(readUnit('万余劳动力')).toMatchObject({ approx: true, scale: '万', unit: '' });
    expect(readUnit('km的')).toMatchObject({ unit: '公里' });
    expect(readUnit('千斤')).toMatchObject({ scale: '千', unit: '斤' });
  });

  it('fits units with the options that show the figure so', () => {
    expect(unitFit(readUnit('余万元'), '元')).toEqual({ score: 1, options: { scale: '万', approx: '1' } });
    expect(unitFit(readUnit('亩'), '亩')).toEqual({ score: 1, options: {} });
    expect(unitFit(readUnit('余亩'), '亩').options).toEqual({ approx: '10' });
    expect(unitFit(readUnit('亿元'), '万元').options).toEqual({ scale: '万' });
    expect(unitFit(readUnit('万㎡'), '亩')).toEqual({ score: 0.55, options: { scale: '万', times: '666.67' } });
    expect(unitFit(readUnit('名'), '人').score).toBe(0.6);
    expect(unitFit(readUnit('亩'), '户').score).toBe(0);
  });

  it('reads period words before a figure', () => {
    expect(periodFromWords('加强针接种昨日', '2022S1')).toBe('yesterday');
    expect(periodFromWords('近七日累计', '2022S1')).toBe('last7');
    expect(periodFromWords('在去年', '2022S1')).toBe('ly');
    expect(periodFromWords('较去年同比增长', '2022S1')).toBeUndefined();
    expect(periodFromWords('今年共组织行动', '2022S1')).toBeUndefined();
    expect(periodFromWords('今年共组织行动', '2022Q3')).toBe('ytd');
  });
});

describe('suggestBindings', () => {
  it('places each candidate and always offers 保留原文 once', () => {
    const [c] = suggestBindings('第一行\n共计流转土地*亩。', catalogue);
    expect(c).toMatchObject({ index: 0, offset: 10, line: 2, column: 7, original: '*', before: '第一行\n共计流转土地', after: '亩。' });
    expect(c.suggestions.filter((s) => s.label === KEEP_TEXT && s.placeholder === '')).toHaveLength(1);
    for (const s of c.suggestions.filter((x) => x.placeholder)) expect(parseTemplate(`# t\n${s.placeholder}`).errors).toEqual([]);
  });

  it('binds figures by their words, the part after 其中 and the previous figure', () => {
    const text = '共计流转土地*亩，其中耕地*亩、林地*亩。';
    expect(suggestBindings(text, catalogue).map((c) => c.suggestions[0].placeholder)).toEqual([
      '{{value land_transferred}}',
      '{{value land_transferred_cultivated}}',
      '{{value land_transferred_forest}}',
    ]);
  });

  it('reads periods, scales and 余', () => {
    expect(top('加强针接种昨日*剂、近七日累计*剂。', 1).placeholder).toBe('{{value booster_doses period=last7}}');
    expect(top('拨付救助金额*余万元。').placeholder).toBe('{{value assistance_paid scale=万 approx=1}}');
    expect(top('拨付救助金额1,230余万元。').placeholder).toBe('{{value assistance_paid scale=万 approx=100}}');
    expect(top('去年流转土地*亩。').placeholder).toBe('{{value land_transferred period=ly}}');
  });

  it('prefers the specific indicator when the words name what it adds', () => {
    expect(top('抓好疫情防控。累计召开专题会议*次。').placeholder).toBe('{{value epidemic_meetings}}');
    expect(top('累计召开专题会议*次。').placeholder).toBe('{{value topic_meetings}}');
  });

  it('names the township, villages and the as-of date', () => {
    expect(top('今年，*镇牢牢把握').placeholder).toBe('{{township short}}');
    expect(top('建设幸福*。').placeholder).toBe('{{township short}}');
    expect(top('截止*月*日，全镇').placeholder).toBe('{{date asof format=month}}');
    expect(top('截止*月*日，全镇', 1).placeholder).toBe('{{date asof format=day}}');
    expect(top('于*月*日迎接专题现场评审工作。').placeholder).toBe('{{task 迎接电站专题现场评审 node=迎接专题现场评审 format=month}}');
    expect(top('启动*中学运动场建设。').placeholder).toBe('{{township short}}');
  });

  it('binds a figure of one named record to its field', () => {
    expect(top('建设“氢-农业”项目，总投资计划*万元。').placeholder).toBe('{{field industry_projects.planned_investment where=name~氢-农业}}');
  });

  it('leaves years, codes, ages, kinds and plans as text', () => {
    const keep = (text: string, i = 0) => expect(top(text, i).label, text).toBe(KEEP_TEXT);
    keep('2022年，全镇');
    keep('下水库至S308衔接道路');
    keep('*岁以上人群');
    keep('针对*类人群、*种情形');
    keep('后续还要再新增*-*处大棚');
    keep('日处理*m*污水', 1);
  });
});
