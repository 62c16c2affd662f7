import { describe, expect, it } from 'vitest';
import { acceptedStep, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.js';
import { openSecret, sealSecret, useTwoFactorKey } from './two-factor-key.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NOW = Date.UTC(2026, 11, 3, 10, 0, 15);

describe('TOTP codes', () => {
  it('accept the code of the current step and one step either side, no further', () => {
    const step = totpStep(NOW);
    for (const delta of [-1, 0, 1]) expect(acceptedStep(SECRET, totpCode(SECRET, NOW + delta * 30_000), NOW, null)).toBe(step + delta);
    for (const delta of [-3, -2, 2, 3]) expect(acceptedStep(SECRET, totpCode(SECRET, NOW + delta * 30_000), NOW, null)).toBeNull();
  });

  it('refuse a code whose step (or a newer one) was already used', () => {
    const step = totpStep(NOW);
    const code = totpCode(SECRET, NOW);
    expect(acceptedStep(SECRET, code, NOW, step)).toBeNull();
    expect(acceptedStep(SECRET, totpCode(SECRET, NOW - 30_000), NOW, step)).toBeNull();
    expect(acceptedStep(SECRET, totpCode(SECRET, NOW + 30_000), NOW, step)).toBe(step + 1);
    expect(acceptedStep(SECRET, code, NOW, step - 1)).toBe(step);
  });

  it('refuse what is not six digits, and take spaces typed between them', () => {
    const code = totpCode(SECRET, NOW);
    expect(acceptedStep(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, NOW, null)).toBe(totpStep(NOW));
    expect(acceptedStep(SECRET, code.slice(0, 5), NOW, null)).toBeNull();
    expect(acceptedStep(SECRET, 'abcdef', NOW, null)).toBeNull();
  });

  it('make a new 160-bit secret each time and an otpauth URI the apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(otpauthUri(secret, 'zhangsan')).toMatch(new RegExp(`^otpauth://totp/.+:zhangsan\\?.*secret=${secret}`));
  });
});

describe('recovery codes', () => {
  it('are ten different codes whose hash ignores case, spaces and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const [code] = codes;
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toContain(code.replace(/-/g, ''));
  });
});

describe('sealed secrets', () => {
  it('open only for the user they were sealed for, and never hold the secret in clear', () => {
    useTwoFactorKey({ twoFactorKey: 'ab'.repeat(32), dataDir: '/nonexistent' });
    const sealed = sealSecret(7, SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(openSecret(7, sealed)).toBe(SECRET);
    expect(() => openSecret(8, sealed)).toThrow();
    expect(sealSecret(7, SECRET)).not.toBe(sealed);
  });
});
