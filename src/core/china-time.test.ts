import { describe, expect, it } from 'vitest';
import { chinaDateTime } from './china-time.js';

describe('chinaDateTime', () => {
  it('writes an instant in China Standard Time, across the date line of UTC', () => {
    expect(chinaDateTime('2022-01-15T02:00:00.000Z')).toBe('2022-01-15 10:00:00');
    expect(chinaDateTime(new Date('2022-06-30T16:30:05Z'))).toBe('2022-07-01 00:30:05');
    expect(chinaDateTime('2022-01-15T10:00:00+08:00')).toBe('2022-01-15 10:00:00');
  });
});
