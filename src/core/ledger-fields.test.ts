import { describe, expect, it } from 'vitest';
import { fieldList, NUMBER_LIMIT, validateValues, type FieldDefinition } from './ledger-fields.js';

// A hazard ledger (安全隐患台账) much like the built-in one will be.
const HAZARD: FieldDefinition[] = [
  { key: 'place', label: '隐患地点', type: 'text', required: true, maxLength: 50 },
  { key: 'kind', label: '隐患类别', type: 'choice', required: true, choices: ['消防', '交通', '自建房', '其他'] },
  { key: 'kind_other', label: '其他类别说明', type: 'text', required: true, when: { field: 'kind', equals: '其他' } },
  { key: 'found_on', label: '发现日期', type: 'date', required: true, minDate: '2020-01-01', maxDate: '2030-12-31' },
  { key: 'area', label: '涉及面积', type: 'decimal', unit: '亩', decimals: 2, min: 0, max: 10_000 },
  { key: 'people', label: '涉及人数', type: 'integer', min: 0 },
  { key: 'rectified', label: '是否已整改', type: 'boolean' },
  { key: 'measures', label: '整改措施', type: 'multichoice', choices: ['拆除', '加固', '搬离'], when: { field: 'rectified', equals: true } },
  { key: 'owner_id', label: '户主身份证号', type: 'idcard', unique: true },
  { key: 'owner_phone', label: '联系电话', type: 'mobile' },
  { key: 'company', label: '企业信用代码', type: 'uscc' },
  { key: 'village', label: '所在村', type: 'orgunit' },
  { key: 'photos', label: '现场照片', type: 'photos', maxFiles: 2 },
  { key: 'old_note', label: '旧备注', type: 'text', retired: true },
];

const valid = { place: '燕塘村三组', kind: '消防', found_on: '2022-05-03' };

describe('validateValues', () => {
  it('accepts a minimal valid record and keeps only the fields given', () => {
    expect(validateValues(HAZARD, valid)).toEqual({ values: valid, errors: [] });
  });

  it('normalises values the way an Excel import delivers them', () => {
    const { values, errors } = validateValues(HAZARD, {
      ...valid,
      area: '1,234.50',
      people: '12',
      rectified: '是',
      measures: '拆除、加固',
      owner_id: '11010519491231002x',
      owner_phone: '138 0000 1234',
      village: '430681105229',
    });
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      area: 1234.5,
      people: 12,
      rectified: true,
      measures: ['拆除', '加固'],
      owner_id: '11010519491231002X',
      owner_phone: '13800001234',
    });
  });

  it("reports every bad field at once, in Chinese, in the fields' order", () => {
    const { errors } = validateValues(HAZARD, {
      kind: '水灾',
      found_on: '2022-02-30',
      area: '三亩',
      people: 2.5,
      owner_id: '110105194912310021',
      owner_phone: '1380000',
      photos: ['a', 'b', 'c'],
    });
    expect(errors).toEqual([
      { field: 'place', message: '请填写隐患地点' },
      { field: 'kind', message: '隐患类别应为以下选项之一：消防、交通、自建房、其他' },
      { field: 'found_on', message: '发现日期日期格式应为 YYYY-MM-DD' },
      { field: 'area', message: '涉及面积应为数字' },
      { field: 'people', message: '涉及人数应为整数' },
      { field: 'owner_id', message: '身份证号码校验位不正确' },
      { field: 'owner_phone', message: expect.stringContaining('手机号码') },
      { field: 'photos', message: '现场照片最多2个附件' },
    ]);
  });

  it('checks ranges with the unit, decimals and date bounds', () => {
    const { errors } = validateValues(HAZARD, { ...valid, area: 10_001, people: -1, found_on: '2019-12-31' });
    expect(errors).toEqual([
      { field: 'found_on', message: '发现日期不能早于2020-01-01' },
      { field: 'area', message: '涉及面积不能大于10000亩' },
      { field: 'people', message: '涉及人数不能小于0' },
    ]);
    expect(validateValues(HAZARD, { ...valid, area: 1.234 }).errors).toEqual([{ field: 'area', message: '涉及面积最多保留2位小数' }]);
  });

  it('requires a conditional field only when its condition holds, and refuses it otherwise', () => {
    expect(validateValues(HAZARD, { ...valid, kind: '其他' }).errors).toEqual([{ field: 'kind_other', message: '请填写其他类别说明' }]);
    expect(validateValues(HAZARD, { ...valid, kind: '其他', kind_other: '山体滑坡' }).errors).toEqual([]);
    expect(validateValues(HAZARD, { ...valid, kind_other: '山体滑坡' }).errors).toEqual([
      { field: 'kind_other', message: '仅当“隐患类别”为“其他”时填写' },
    ]);
    expect(validateValues(HAZARD, { ...valid, measures: ['拆除'] }).errors).toEqual([{ field: 'measures', message: '仅当“是否已整改”为“是”时填写' }]);
    expect(validateValues(HAZARD, { ...valid, rectified: '是', measures: ['拆除', '填埋'] }).errors).toEqual([
      { field: 'measures', message: '整改措施选项不在列表中：填埋' },
    ]);
  });

  it('refuses unknown fields and values for retired fields', () => {
    expect(validateValues(HAZARD, { ...valid, color: 'red', old_note: 'x' }).errors).toEqual([
      { field: 'color', message: '台账中没有这个字段' },
      { field: 'old_note', message: '“旧备注”已停用，不能再填写' },
    ]);
  });

  it('applies a pattern with its own message', () => {
    const fields: FieldDefinition[] = [{ key: 'plate', label: '车牌', type: 'text', pattern: '湘[A-Z][A-Z0-9]{5}', patternMessage: '应为湘字车牌' }];
    expect(validateValues(fields, { plate: '湘F12345' }).errors).toEqual([]);
    expect(validateValues(fields, { plate: '粤B12345' }).errors).toEqual([{ field: 'plate', message: '车牌应为湘字车牌' }]);
  });
});

describe("fieldList (a ledger definition's fields)", () => {
  it('accepts the hazard ledger', () => {
    expect(fieldList.safeParse(HAZARD).success).toBe(true);
  });

  it('refuses duplicate keys, choices missing, conditions on later fields and bad patterns', () => {
    const result = fieldList.safeParse([
      { key: 'a', label: 'A', type: 'text', when: { field: 'b', equals: '1' } },
      { key: 'b', label: 'B', type: 'choice' },
      { key: 'b', label: 'B2', type: 'text', pattern: '([' },
    ]);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '0.when: 条件字段“b”必须是排在前面的字段',
        '1.choices: 单选/多选字段需要选项',
        '2.key: 字段标识“b”重复',
        '2.pattern: 格式规则不是有效的正则表达式',
      ]),
    );
  });

  it('refuses malformed fields with a message per property', () => {
    const result = fieldList.safeParse([{ key: 'C', label: '', type: 'money' }]);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(['0.key: 字段标识应以小写字母开头，只含小写字母、数字和下划线', '0.label: 请填写字段名称', '0.type: 字段类型不正确']);
  });
});

describe('number bounds', () => {
  const fields: FieldDefinition[] = [
    { key: 'n', label: '人数', type: 'integer' },
    { key: 'x', label: '金额', type: 'decimal', max: 500 },
  ];
  it('holds numbers up to 1,000 万亿 either way unless the field says less', () => {
    expect(validateValues(fields, { n: NUMBER_LIMIT, x: -NUMBER_LIMIT }).errors).toEqual([]);
    expect(validateValues(fields, { n: NUMBER_LIMIT + 1 }).errors).toEqual([{ field: 'n', message: '人数超出允许范围（绝对值不能超过1000万亿）' }]);
    expect(validateValues(fields, { n: -1e308 }).errors).toEqual([{ field: 'n', message: '人数超出允许范围（绝对值不能超过1000万亿）' }]);
    expect(validateValues(fields, { x: 501 }).errors).toEqual([{ field: 'x', message: '金额不能大于500' }]);
  });
  it('refuses a definition whose min or max lies past the bound', () => {
    const result = fieldList.safeParse([{ key: 'n', label: '人数', type: 'integer', min: -1e308, max: 1e16 }]);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['最小值超出允许范围', '最大值超出允许范围']);
  });
});
