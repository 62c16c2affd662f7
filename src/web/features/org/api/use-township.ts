import { useMe } from '../../../app/auth';
import { useOrgChildren } from './get-org-children';

/**
 * The township a page works on: the user's own, or for users above townships (an administrator
 * scoped to a county) the first township under their scope roots.
 */
export function useTownship(): { code: string | undefined; name: string | undefined; isPending: boolean } {
  const me = useMe();
  const roots = useOrgChildren(null, {}, !me.township);
  const firstRoot = roots.data?.items[0];
  const below = useOrgChildren(firstRoot?.code ?? null, {}, !me.township && !!firstRoot && firstRoot.level !== 'town');
  if (me.township) return { ...me.township, isPending: false };
  if (firstRoot?.level === 'town') return { code: firstRoot.code, name: firstRoot.name, isPending: false };
  const town = below.data?.items.find((u) => u.level === 'town');
  return { code: town?.code, name: town?.name, isPending: roots.isPending || (!!firstRoot && below.isPending) };
}
