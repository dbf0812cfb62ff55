import { Outlet } from "react-router";
import { AppLayout } from "../components/shell/app-layout.tsx";
import { useSession } from "../lib/session.ts";

/** Signed-in pages that belong to no organisation (the account page). */
export function SignedInLayout() {
  const session = useSession().data!;
  return (
    <AppLayout session={session} org={null} isAdmin={false}>
      <Outlet />
    </AppLayout>
  );
}
