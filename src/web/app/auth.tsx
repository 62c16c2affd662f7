// The signed-in user for every page under the shell. Pages read abilities from here and never
// re-implement a permission rule: the server computes them (and still enforces every request).
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMeQuery } from '../features/auth/api/get-me';
import { roleScope, type Me } from '../features/auth/api/types';
import { ApiErrorResult } from '../components/ApiErrorResult';
import { PageLoading } from '../components/PageLoading';

const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used under RequireAuth');
  return me;
}

export function RequireAuth({
  children,
  allowPasswordChange,
  allowTwoFactorEnrolment,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
  /** The enrolment page itself: an administrator without a second factor is sent there and may stay. */
  allowTwoFactorEnrolment?: boolean;
}) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  if (me.twoFactor.required && !me.twoFactor.enabled && !allowTwoFactorEnrolment && !allowPasswordChange) {
    return <Navigate to="/two-factor-setup" replace />;
  }
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Role names with their scope, e.g. 镇领导（川山坪镇）. */
export function describeRoles(me: Pick<Me, 'roles'>): string[] {
  return me.roles.map((r) => `${r.roleName}（${roleScope(r)}）`);
}
