import { describe, expect, it } from 'vitest';
import { errorText, parseTemplate, parseWhere, placeholderText, type Placeholder } from './report-template.js';

const only = (text: string): Placeholder => {
  const parsed = parseTemplate(`# 标题\n${text}`);
  expect(parsed.errors).toEqual([]);
  expect(parsed.placeholders).toHaveLength(1);
  return parsed.placeholders[0];
};

describe('report template grammar', () => {
  it('reads the blocks: title, two heading levels, paragraphs and a table line', () => {
    const parsed = parseTemplate(
      [
        '# 关于上半年工作的汇报',
        '',
        '## 一、围绕“方向更明”',
        '### （一）抓项目',
        '共流转土地{{value land_transferred}}亩。',
        '{{table projects}}',
      ].join('\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual(['title', 'h1', 'h2', 'paragraph', 'table']);
    const paragraph = parsed.blocks[3];
    expect(paragraph.type === 'paragraph' && paragraph.segments.map((s) => ('text' in s ? s.text : s.placeholder.kind))).toEqual([
      '共流转土地',
      'value',
      '亩。',
    ]);
  });

  it('reads the kind, target, options with quotes and flags, and numbers placeholders in order', () => {
    const parsed = parseTemplate(
      '# T\n{{township short}}镇 {{value education_funds_raised scale=万 approx=10 sep}} {{field industry_projects.planned_investment where=“name~氢-农业”}}',
    );
    expect(parsed.errors).toEqual([]);
    const [a, b, c] = parsed.placeholders;
    expect(a).toMatchObject({ index: 0, kind: 'township', target: 'short', line: 2, column: 1 });
    expect(b).toMatchObject({ index: 1, kind: 'value', target: 'education_funds_raised', options: { scale: '万', approx: '10' }, flags: ['sep'] });
    expect(c.options.where).toBe('name~氢-农业');
    expect(c.raw).toBe('{{field industry_projects.planned_investment where=“name~氢-农业”}}');
  });

  it('writes a placeholder back as text that parses to the same thing', () => {
    const p = only('{{project 绿色建材产业园 figure="调规 指标"}}');
    expect(p.options.figure).toBe('调规 指标');
    const again = only(placeholderText(p));
    expect({ kind: again.kind, target: again.target, options: again.options, flags: again.flags }).toEqual({
      kind: p.kind,
      target: p.target,
      options: p.options,
      flags: p.flags,
    });
  });

  it.each([
    ['{{valu land_transferred}}', '没有“valu”这种占位符'],
    ['{{value}}', '缺少指标键'],
    ['{{value Land}}', '不是有效的指标键'],
    ['{{value land_transferred dp=9}}', '选项 dp=9 有误：应为 0 到 4 之间的整数'],
    ['{{value land_transferred period=tomorrow}}', '选项 period=tomorrow 有误'],
    ['{{value land_transferred colour=red}}', '没有“colour”选项'],
    ['{{value land_transferred dp=1 dp=2}}', '写了两次'],
    ['{{value a_b c_d}}', '“c_d”多余'],
    ['{{township mayor}}', '应为 unit、name、short、goal、motto、campaign 之一'],
    ['{{field land_transfer.area where=area>3}}', '应为 字段:值'],
    ['{{project 玉池 figure="主洞}}', '引号没有闭合'],
    ['{{}}', '占位符是空的'],
  ])('refuses %s with its position', (text, message) => {
    const parsed = parseTemplate(`# T\n前文${text}`);
    expect(parsed.placeholders).toHaveLength(0);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ line: 2, column: 3, offset: 6 });
    expect(parsed.errors[0].message).toContain(message);
    expect(errorText(parsed.errors[0])).toMatch(/^第2行第3列（\{\{/);
  });

  it('finds an unclosed placeholder and a stray closing brace, and keeps parsing after them', () => {
    const parsed = parseTemplate('# T\n甲{{value land_transferred 乙\n丙}}丁\n{{value houses_inspected}}');
    expect(parsed.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 2],
      [3, 2],
    ]);
    expect(parsed.placeholders.map((p) => p.target)).toEqual(['houses_inspected']);
  });

  it('wants a title and tables on their own line', () => {
    expect(parseTemplate('正文').errors[0].message).toContain('缺少标题');
    const parsed = parseTemplate('# T\n见下表{{table projects}}');
    expect(parsed.errors[0].message).toBe('表格占位符应单独占一行');
  });

  it('keeps text without placeholders as it is, braces in single form included', () => {
    const parsed = parseTemplate('# T\n指标 {a} 与 }x{ 都是正文');
    expect(parsed.errors).toEqual([]);
    const p = parsed.blocks[1];
    expect(p.type === 'paragraph' && p.segments).toEqual([{ text: '指标 {a} 与 }x{ 都是正文' }]);
  });

  it('reads where conditions: equals and contains, Chinese punctuation allowed', () => {
    expect(parseWhere('type:沥青路面,stage：在建，name~中学')).toEqual([
      { field: 'type', op: 'eq', value: '沥青路面' },
      { field: 'stage', op: 'eq', value: '在建' },
      { field: 'name', op: 'contains', value: '中学' },
    ]);
    expect(parseWhere('')).toBeNull();
    expect(parseWhere('type=x')).toBeNull();
  });

  it('accepts an unbound figure with or without its original text', () => {
    expect(only('{{unbound}}')).toMatchObject({ kind: 'unbound', target: '' });
    expect(only('{{unbound 7900}}')).toMatchObject({ kind: 'unbound', target: '7900' });
  });
});
