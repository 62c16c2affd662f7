// Some services read enum-like text columns (a ledger's kind, a ranking's style) as plain strings, while the
// contract in core/contracts names the values. The serializer checks every answer against the route's response
// schema before it leaves (a value outside the enum is a 500, never sent), so a route may hand such an answer on
// typed as its contract. Only string literals are taken on trust here; every other part must still type-check.
import type { z } from 'zod';

/** T with every string-literal type widened to string. */
export type WidenedStrings<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? WidenedStrings<U>[]
    : T extends object
      ? { [K in keyof T]: WidenedStrings<T[K]> }
      : T;

/**
 * The service's answer typed as the contract's output. Validates nothing itself: the serializer does, with the
 * same schema, which the route also declares as its response.
 */
export function asContract<S extends z.ZodType>(_contract: S, answer: Promise<WidenedStrings<z.output<S>>>): Promise<z.output<S>> {
  return answer as Promise<z.output<S>>;
}
