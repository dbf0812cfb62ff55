import { Navigate } from "react-router";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { QueryError } from "../components/query-error.tsx";
import { useSession, useSetupStatus } from "../lib/session.ts";

/** `/`: setup on a fresh install, else sign-in, else the first organisation. */
export function RootRedirect() {
  const setup = useSetupStatus();
  const session = useSession();
  if (setup.isPending || session.isPending) return <FullPageLoader />;
  if (setup.isError)
    return <QueryError error={setup.error} onRetry={() => void setup.refetch()} what="Keel" />;
  if (setup.data.needsSetup) return <Navigate to="/setup" replace />;
  if (session.isError) {
    return <QueryError error={session.error} onRetry={() => void session.refetch()} what="your session" />;
  }
  if (!session.data) return <Navigate to="/sign-in" replace />;
  const first = session.data.organizations[0];
  return <Navigate to={first ? `/o/${first.slug}` : "/account"} replace />;
}
