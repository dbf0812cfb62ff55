import { Navigate, Outlet, useLocation } from "react-router";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { QueryError } from "../components/query-error.tsx";
import { useSession } from "../lib/session.ts";

/** Signed-in pages: without a session, go to sign-in and come back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) {
    return (
      <div style={{ padding: 24 }}>
        <QueryError error={session.error} onRetry={() => void session.refetch()} what="your session" />
      </div>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
