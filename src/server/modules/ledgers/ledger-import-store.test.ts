import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJob, findJob, IMPORT_TTL_MS, IMPORTS_PER_USER } from './ledger-import-store.js';

const job = (userId: number) => createJob({ userId, townshipId: 1, ledgerId: 1, ledgerKey: 'households', definitionVersion: 1, fileName: 'a.xlsx' });

afterEach(() => vi.useRealTimers());

describe('parsed imports in memory', () => {
  it('keeps an import for its uploader only', () => {
    const mine = job(101);
    expect(findJob(mine.id, 101)).toBe(mine);
    expect(findJob(mine.id, 102)).toBeUndefined();
  });

  it('keeps at most three per user, dropping the oldest that is not being committed', () => {
    const [first, second] = [job(201), job(201)];
    first.phase = 'committing';
    const rest = Array.from({ length: IMPORTS_PER_USER }, () => job(201));
    expect(findJob(first.id, 201)).toBe(first);
    expect(findJob(second.id, 201)).toBeUndefined();
    expect(rest.every((j) => findJob(j.id, 201))).toBe(true);
    // Another user's imports are not touched; the next upload drops the oldest again.
    const other = job(202);
    job(201);
    expect(findJob(other.id, 202)).toBe(other);
    expect(findJob(rest[0].id, 201)).toBeUndefined();
    expect(findJob(rest[1].id, 201)).toBe(rest[1]);
  });

  it('forgets an import 30 minutes after its upload', () => {
    vi.useFakeTimers();
    const old = job(301);
    vi.advanceTimersByTime(IMPORT_TTL_MS - 1000);
    expect(findJob(old.id, 301)).toBe(old);
    vi.advanceTimersByTime(2000);
    expect(findJob(old.id, 301)).toBeUndefined();
  });
});
