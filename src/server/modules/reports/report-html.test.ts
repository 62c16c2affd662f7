import { describe, expect, it } from 'vitest';
import { MISSING_TEXT, type ReportDocument, type Run } from '../../../core/report-document.js';
import { reportHtml } from './report-html.js';

function figure(index: number, text: string, missing = false): Run {
  return {
    text: missing ? MISSING_TEXT : text,
    figure: { index, placeholder: `{{value f${index}}}`, source: { kind: 'indicator', target: `f${index}`, value: missing ? null : 1 }, missing },
  };
}

function buildReport(): ReportDocument {
  return {
    title: '关于2025年第三季度重点工作推进情况的报告',
    subtitle: '燕塘镇人民政府　2025年10月',
    warnings: [],
    blocks: [
      { type: 'heading', level: 1, runs: [{ text: '一、总体情况' }] },
      {
        type: 'paragraph',
        runs: [{ text: '全镇累计完成土地流转' }, figure(0, '1.2万亩'), { text: '，新开工项目' }, figure(1, '', true), { text: '个。' }],
      },
      { type: 'heading', level: 2, runs: [{ text: '（一）项目建设' }] },
      { type: 'paragraph', runs: [{ text: '<script>alert("x")</script> & 其他' }] },
      {
        type: 'table',
        caption: '附表：重点工程项目“龙虎榜”',
        header: ['序号', '项目', '完成率'],
        rows: Array.from({ length: 40 }, (_, i) => [{ text: String(i + 1) }, { text: `第${i + 1}号项目` }, figure(10 + i, `${i}%`)]),
      },
    ],
  };
}

describe('HTML report (print view)', () => {
  it('is a complete zh-CN page laid out on A4 with the official margins', () => {
    const html = reportHtml(buildReport());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>关于2025年第三季度重点工作推进情况的报告</title>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(
      /body \{[^}]*font-family: 'FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong'[^}]*font-size: 16pt; line-height: calc\(225mm \/ 22\);/,
    );
    expect(html).toMatch(/h1 \{ font-family: '方正小标宋简体'[^}]*font-size: 22pt; text-align: center; \}/);
    expect(html).toMatch(/h2 \{ font-family: 'SimHei', '黑体'/);
    expect(html).toMatch(/h3 \{ font-family: 'KaiTi_GB2312', '楷体_GB2312'/);
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(html).toMatch(/@page :left \{ @bottom-left \{ content: "— " counter\(page\) " —"/);
  });

  it('writes title, subtitle, headings and paragraphs in order, figures as plain text', () => {
    const html = reportHtml(buildReport());
    const order = [
      '<h1>关于2025年',
      '<p class="subtitle">燕塘镇人民政府',
      '<h2>一、总体情况</h2>',
      '<p>全镇累计完成土地流转1.2万亩，新开工项目—个。</p>',
      '<h3>（一）项目建设</h3>',
      '<table>',
    ];
    const positions = order.map((text) => html.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).not.toContain('class="figure');
  });

  it('escapes every text, so a <script> in a run is only text', () => {
    const doc = buildReport();
    doc.title = '标题</title><script>x()</script>';
    const html = reportHtml(doc);
    expect(html).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他</p>');
    expect(html).toContain('<title>标题&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });

  it('marks figures for the preview, the missing one with class missing', () => {
    const html = reportHtml(buildReport(), { preview: true });
    expect(html).toContain(
      '土地流转<span class="figure" data-index="0">1.2万亩</span>，新开工项目<span class="figure missing" data-index="1">—</span>个。',
    );
    expect(html).toContain('<td><span class="figure" data-index="49">39%</span></td>');
    expect(html.match(/class="figure"/g)).toHaveLength(41);
    expect(html.match(/class="figure missing"/g)).toHaveLength(1);
  });

  it('repeats the table header on every printed page, with the caption above', () => {
    const html = reportHtml(buildReport());
    expect(html).toContain('thead { display: table-header-group; }');
    const table = html.match(/<table>.*?<\/table>/s)![0];
    expect(table).toMatch(
      /^<table><caption>附表：重点工程项目“龙虎榜”<\/caption><thead><tr><th>序号<\/th><th>项目<\/th><th>完成率<\/th><\/tr><\/thead><tbody>/,
    );
    expect(table.match(/<tr>/g)).toHaveLength(41);
  });
});
