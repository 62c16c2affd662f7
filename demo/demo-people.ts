// Synthetic people and organisations for the demo ledgers: names that read as anonymised (李某华), resident ID
// numbers of 汨罗市 with a correct GB 11643 check digit, mainland mobiles and unified social credit codes with
// correct check characters. Check characters are found with the core validators, so no rule is written twice.
import { idCardProblem } from '../src/core/id-card.js';
import { usccProblem } from '../src/core/uscc.js';
import type { seededRandom } from './seeded-random.js';

export type Random = ReturnType<typeof seededRandom>;

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '黄', '周', '吴', '徐', '罗', '彭', '任', '钟', '汤', '喻', '易', '邓', '胡', '许'];
const GIVEN = ['华', '平', '军', '英', '明', '芳', '强', '兰', '勇', '梅', '林', '秀', '斌', '红', '伟', '娟', '辉', '琴', '刚', '霞'];
const MOBILE_PREFIXES = ['138', '139', '135', '150', '151', '152', '158', '159', '173', '177', '180', '181', '187', '189', '199'];
const REGION = '430681'; // 汨罗市
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A person generator: every ID number it hands out is distinct. */
export function demoPeople(r: Random) {
  const issued = new Set<string>();
  return {
    /** 李某华: a surname, 某 and one given character, as names are written in published ledgers. */
    name: () => `${r.pick(SURNAMES)}某${r.pick(GIVEN)}`,
    /** An ID number of someone born between the two years (inclusive). */
    idNumber(bornFrom: number, bornTo: number): string {
      for (;;) {
        const birth = `${r.int(bornFrom, bornTo)}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}`;
        const first17 = `${REGION}${birth}${pad(r.int(0, 999), 3)}`;
        if (issued.has(first17)) continue;
        const id = [...'0123456789X'].map((c) => first17 + c).find((candidate) => idCardProblem(candidate) === null);
        if (!id) continue;
        issued.add(first17);
        return id;
      }
    },
    /** 139 0000 1234: a valid mobile whose four zeros mark it as made up. */
    mobile: () => `${r.pick(MOBILE_PREFIXES)}0000${pad(r.int(0, 9999), 4)}`,
    /** A unified social credit code of an enterprise registered in 汨罗市 (登记机关 9 市场监管, 类别 1 企业). */
    creditCode(): string {
      const body = `91${REGION}${pad(r.int(0, 99_999_999), 8)}`;
      for (const orgCheck of '0123456789X') {
        for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
          const code = `${body}${orgCheck}${last}`;
          if (usccProblem(code) === null) return code;
        }
      }
      throw new Error('no valid credit code');
    },
  };
}
export type DemoPeople = ReturnType<typeof demoPeople>;
