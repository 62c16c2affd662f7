import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './ledger-fields.js';
import { pinyinInitials, searchTextOf } from './search-text.js';

describe('pinyinInitials', () => {
  it('gives the initials of Han characters', () => {
    expect(pinyinInitials('燕塘村')).toBe('ytc');
    expect(pinyinInitials('新船山村')).toBe('xcsc');
    expect(pinyinInitials('abc')).toBe('');
  });
});

describe('searchTextOf', () => {
  const fields: FieldDefinition[] = [
    { key: 'owner', label: '户主', type: 'text' },
    { key: 'id', label: '身份证号码', type: 'idcard' },
    { key: 'kind', label: '类别', type: 'choice', choices: ['砖混', '土木'] },
    { key: 'area', label: '面积', type: 'decimal' },
  ];

  it('holds the unit, the texts and their initials, lowercased, but no ID number', () => {
    const text = searchTextOf(fields, { owner: '李建国', id: '430681199001011234', kind: '砖混', area: 120 }, '燕塘村');
    expect(text).toContain('燕塘村 ytc');
    expect(text).toContain('李建国 ljg');
    expect(text).toContain('砖混 zh');
    expect(text).not.toContain('4306811990');
    expect(text).not.toContain('120');
  });
});
