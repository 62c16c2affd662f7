import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../core/report-template';
import { buildTemplateBody } from './build-template-body';

describe('buildTemplateBody', () => {
  it('replaces the chosen figures, keeps the others, and marks the title and headings', () => {
    const text = '川山坪镇2022年上半年工作汇报\n　　一、总体情况\n今年共计流转土地*亩，其中耕地120亩。\n（一）厕改\n*镇完成厕改*户。';
    const at = (s: string, from = 0) => text.indexOf(s, from);
    const body = buildTemplateBody(
      text,
      [
        { offset: at('*'), original: '*', placeholder: '{{value land_transferred period=ytd}}' },
        { offset: at('120'), original: '120', placeholder: '' },
        { offset: at('*镇'), original: '*', placeholder: '{{township short}}' },
        { offset: at('*户'), original: '*', placeholder: '' },
      ],
      '半年汇报',
    );
    expect(body).toBe(
      '# 川山坪镇2022年上半年工作汇报\n## 一、总体情况\n今年共计流转土地{{value land_transferred period=ytd}}亩，其中耕地120亩。\n### （一）厕改\n{{township short}}镇完成厕改{{unbound}}户。\n',
    );
    expect(parseTemplate(body).errors).toEqual([]);
  });

  it('uses the name as the title when the first line is a sentence', () => {
    const body = buildTemplateBody(
      '今年共计流转土地*亩，其中耕地*亩。',
      [{ offset: 8, original: '*', placeholder: '{{value land_transferred}}' }],
      '土地流转简报',
    );
    // a figure not among the candidates stays as written
    expect(body).toBe('# 土地流转简报\n\n今年共计流转土地{{value land_transferred}}亩，其中耕地*亩。\n');
    expect(parseTemplate(body).blocks[0]).toMatchObject({ type: 'title' });
  });
});
