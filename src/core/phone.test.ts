import { describe, expect, it } from 'vitest';
import { mobileProblem, normalizeMobile } from './phone.js';

const MESSAGE = '手机号码应为11位，以1开头';

describe('mobileProblem', () => {
  it.each(['13800001234', '15912345678', '16612345678', '17012345678', '18800001111', '19912345678'])('%s is a mainland mobile number', (mobile) => {
    expect(mobileProblem(mobile)).toBeNull();
  });

  it.each([
    '138 0000 1234',
    '138-0000-1234',
    ' 13800001234 ',
    '+8613800001234',
    '+86 138 0000 1234',
    '8613800001234',
    '0086-138-0000-1234',
    '１３８００００１２３４',
  ])('%j is accepted after removing formatting', (mobile) => {
    expect(mobileProblem(mobile)).toBeNull();
  });

  it.each([
    '',
    '1380000123',
    '138000012345',
    '23800001234',
    '12800001234',
    '10800001234',
    '1380000123a',
    '(138)00001234',
    '138.0000.1234',
    '+8513800001234',
    '+86',
    '861380000123',
    '0731-84567890',
    '073184567890',
  ])('%j is refused', (mobile) => {
    expect(mobileProblem(mobile)).toBe(MESSAGE);
  });
});

describe('normalizeMobile', () => {
  it('removes spaces, hyphens and a leading country code', () => {
    expect(normalizeMobile('+86 138-0000-1234')).toBe('13800001234');
    expect(normalizeMobile('86 13800001234')).toBe('13800001234');
    expect(normalizeMobile('0086 13800001234')).toBe('13800001234');
  });

  it('keeps a leading 86 that is not a country code', () => {
    expect(normalizeMobile('86123')).toBe('86123');
    expect(normalizeMobile('8613800001')).toBe('8613800001');
  });
});
