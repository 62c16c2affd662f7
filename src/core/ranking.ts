// Ranking rules of the boards (龙虎榜 / 红黑榜), pure so that the browser and the server rank alike.
// Equal values share a rank (1, 2, 2, 4); exempt subjects and subjects without a value get no rank.

/** Subjects tied across the N-th place: all join the board ('include'), or all stay off it ('exclude'). */
export const TIE_RULES = ['include', 'exclude'] as const;
export type TieRule = (typeof TIE_RULES)[number];
export const TIE_RULE_NAMES: Record<TieRule, string> = { include: '并列的一同上榜', exclude: '并列超出名额的都不上榜' };

export type BoardStyle = 'dragon_tiger' | 'red_black';
export const BOARD_NAMES: Record<BoardStyle, { top: string; bottom: string; title: string }> = {
  dragon_tiger: { top: '龙榜', bottom: '虎榜', title: '龙虎榜' },
  red_black: { top: '红榜', bottom: '黑榜', title: '红黑榜' },
};

/** A ranking as defined by the township: which indicator orders whom, and the rules of its boards. */
export interface RankingDefinition {
  key: string;
  name: string;
  indicator: string;
  subject: 'village' | 'cadre_group';
  style: BoardStyle;
  topN: number;
  bottomN: number;
  requireTarget: boolean;
  ties: TieRule;
  /** Subjects (village codes, cadre groups as cg<id>) kept off the board, each with its reason. */
  exemptions: { subject: string; reason: string }[];
}

export interface RankingRules {
  topN: number;
  bottomN: number;
  /** The top board also needs the target met (completion ≥ 100 %), the bottom board the target missed. */
  requireTarget: boolean;
  higherIsBetter: boolean;
  /** Default 'include'. */
  ties?: TieRule;
}

export interface Contestant {
  id: string;
  value: number | null;
  completion: number | null;
  exemption: string | null;
}

export interface Placed {
  id: string;
  rank: number | null;
  board: 'top' | 'bottom' | null;
}

/** Ranks the contestants and puts them on the boards. */
export function rankContestants(contestants: Contestant[], rules: RankingRules): Placed[] {
  const ranked = contestants
    .filter((c) => c.exemption === null && c.value !== null)
    .sort((a, b) => (rules.higherIsBetter ? b.value! - a.value! : a.value! - b.value!));
  const ranks = new Map<string, number>();
  ranked.forEach((c, i) => {
    const previous = ranked[i - 1];
    ranks.set(c.id, previous && previous.value === c.value ? ranks.get(previous.id)! : i + 1);
  });
  // How many ranked subjects share each value: a tie group spans the places rank … rank + size − 1.
  const groupSize = new Map<number, number>();
  for (const c of ranked) groupSize.set(ranks.get(c.id)!, (groupSize.get(ranks.get(c.id)!) ?? 0) + 1);
  const lastPlace = (rank: number) => rank + groupSize.get(rank)! - 1;
  const exclude = rules.ties === 'exclude';
  // Top N: the group starts within the first N places ('include') or lies wholly within them ('exclude').
  const inTop = (rank: number) => (exclude ? lastPlace(rank) <= rules.topN : rank <= rules.topN);
  // Bottom N: the group ends within the last N places ('include') or lies wholly within them ('exclude').
  const firstOfBottom = ranked.length - rules.bottomN + 1;
  const inBottom = (rank: number) =>
    rules.bottomN > 0 && ranked.length >= rules.bottomN && (exclude ? rank >= firstOfBottom : lastPlace(rank) >= firstOfBottom);
  const met = (c: Contestant) => c.completion !== null && c.completion >= 100;
  const missed = (c: Contestant) => c.completion !== null && c.completion < 100;
  return contestants.map((c) => {
    const rank = ranks.get(c.id) ?? null;
    if (rank === null) return { id: c.id, rank, board: null };
    const top = inTop(rank) && (!rules.requireTarget || met(c));
    const bottom = !top && inBottom(rank) && (!rules.requireTarget || missed(c));
    return { id: c.id, rank, board: top ? 'top' : bottom ? 'bottom' : null };
  });
}
