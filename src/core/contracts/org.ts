// What the org-unit routes answer. The server declares these as response schemas (an answer that does not match
// is a 500, unknown keys are dropped); the web imports only the types, so zod stays out of the browser bundle.
import { z } from 'zod';
import { ORG_LEVELS } from '../org-levels.js';

/** A unit named in another answer: a role's scope, a township. */
export const orgUnitRef = z.object({ code: z.string(), name: z.string() });
export type OrgUnitRef = z.infer<typeof orgUnitRef>;

export const orgUnitAncestor = z.object({ code: z.string(), name: z.string(), level: z.enum(ORG_LEVELS) });
export type OrgUnitAncestor = z.infer<typeof orgUnitAncestor>;

export const orgUnit = z.object({
  id: z.number().int(),
  /** The 12-digit statistical code; villager groups and grids add 3 digits each. */
  code: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  levelName: z.string(),
  parentCode: z.string().nullable(),
  /** YYYY-MM-DD; 1900-01-01 for official divisions ("since always"). */
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Code of the group a merged villager group went into. */
  mergedInto: z.string().nullable(),
  /** Open units directly below. */
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

/** The single-unit read and search results: the unit with its ancestors, top first. */
export const orgUnitWithAncestors = orgUnit.extend({ ancestors: z.array(orgUnitAncestor) });
export type OrgUnitWithAncestors = z.infer<typeof orgUnitWithAncestors>;

export const orgUnitList = z.object({ items: z.array(orgUnit) });
export const orgUnitSearchResult = z.object({ items: z.array(orgUnitWithAncestors) });

export const orgImportResult = z.object({ imported: z.number().int(), skipped: z.number().int() });
export type OrgImportResult = z.infer<typeof orgImportResult>;

export const mergeProgressRow = z.object({
  code: z.string(),
  name: z.string(),
  groupsBefore: z.number().int(),
  groupsNow: z.number().int(),
  groupsPlanned: z.number().int().nullable(),
  done: z.boolean(),
});
export type MergeProgressRow = z.infer<typeof mergeProgressRow>;

export const mergeProgress = z.object({
  township: orgUnitRef,
  items: z.array(mergeProgressRow),
  totals: z.object({
    villages: z.number().int(),
    villagesDone: z.number().int(),
    /** null without villages. */
    villagesDonePercent: z.number().nullable(),
    groupsBefore: z.number().int(),
    groupsNow: z.number().int(),
    groupsPlanned: z.number().int(),
    mergedGroups: z.number().int(),
    /** null when nothing is planned to merge. */
    progressPercent: z.number().nullable(),
  }),
});
export type MergeProgress = z.infer<typeof mergeProgress>;

/** The answer to setting a village's planned number of groups. */
export const mergePlan = z.object({ code: z.string(), name: z.string(), plannedGroups: z.number().int() });
export type MergePlan = z.infer<typeof mergePlan>;
