import { useMe } from '../../../app/auth';
import { useTownship } from '../../org/api/use-township';

/**
 * The `township` query parameter for cadre endpoints: only an administrator above townships must name
 * one (the server infers it for everyone else), so it is undefined for township users.
 */
export function useCadreTownship(): { township: string | undefined; ready: boolean } {
  const me = useMe();
  const fallback = useTownship();
  if (me.township) return { township: undefined, ready: true };
  return { township: fallback.code, ready: !!fallback.code };
}
