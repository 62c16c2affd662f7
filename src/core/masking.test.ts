import { describe, expect, it } from 'vitest';
import { maskIdCard, maskMobile, maskName, maskPersonalValues } from './masking.js';

describe('maskIdCard', () => {
  it('keeps the first six and the last four characters', () => {
    expect(maskIdCard('430681199001011234')).toBe('430681********1234');
    expect(maskIdCard('11010519491231002x')).toBe('110105********002X');
    expect(maskIdCard(' 110105 19491231 002X ')).toBe('110105********002X');
  });

  it('masks malformed values as far as they go and never shows more than two thirds', () => {
    expect(maskIdCard('430681850715001')).toBe('430681*****5001'); // 15-digit legacy number
    expect(maskIdCard('4306811990')).toBe('43****1990');
    expect(maskIdCard('12345')).toBe('**345');
    expect(maskIdCard('1')).toBe('*');
    expect(maskIdCard('')).toBe('');
  });

  it('tolerates values that are not strings', () => {
    expect(maskIdCard(null)).toBe('');
    expect(maskIdCard(undefined)).toBe('');
    expect(maskIdCard(42 as unknown as string)).toBe('*2');
    expect(maskIdCard({} as unknown as string)).toBe('');
  });
});

describe('maskMobile', () => {
  it('keeps the first three and the last four digits', () => {
    expect(maskMobile('13800001234')).toBe('138****1234');
    expect(maskMobile('+86 138-0000-1234')).toBe('138****1234');
  });

  it('masks malformed values as far as they go', () => {
    expect(maskMobile('1380000123')).toBe('13****0123');
    expect(maskMobile('0731-84567890')).toBe('073*****7890');
    expect(maskMobile('1234')).toBe('**34');
    expect(maskMobile('')).toBe('');
    expect(maskMobile(null)).toBe('');
    expect(maskMobile(13800001234 as unknown as string)).toBe('138****1234');
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('阿卜杜·热合曼')).toBe('阿******');
    expect(maskName(' 王五 ')).toBe('王*');
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('张𠮷')).toBe('张*');
  });

  it('hides a one-character name entirely and tolerates empty or missing names', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(undefined)).toBe('');
    expect(maskName(7 as unknown as string)).toBe('');
  });
});

describe('maskPersonalValues', () => {
  const fields = [
    { key: 'name', type: 'text' },
    { key: 'id', type: 'idcard' },
    { key: 'tel', type: 'mobile' },
  ];

  it('masks ID numbers and mobiles and leaves other values alone', () => {
    const values = { name: '张三', id: '430681199001011234', tel: '13800001234' };
    expect(maskPersonalValues(fields, values)).toEqual({ name: '张三', id: '430681********1234', tel: '138****1234' });
    expect(values.id).toBe('430681199001011234');
  });

  it('returns the same object when there is nothing to mask', () => {
    const values = { name: '张三' };
    expect(maskPersonalValues(fields, values)).toBe(values);
  });
});
