import { Button, Stack } from "@mantine/core";
import { IconBuildingCommunity } from "@tabler/icons-react";
import { useMemo } from "react";
import { Link, Outlet, useParams } from "react-router";
import { roleAtLeast } from "../../domain/roles.ts";
import { EmptyState } from "../components/empty-state.tsx";
import { AppLayout } from "../components/shell/app-layout.tsx";
import { OrgContext, type OrgContextValue } from "../lib/org-context.tsx";
import { useSession } from "../lib/session.ts";
import { useLiveEvents } from "../lib/use-live-events.ts";

/** /o/:org/…: the organisation must be one of yours; its role decides what you see. */
export function OrgLayout() {
  const { org: slug = "" } = useParams();
  const session = useSession().data!;
  const org = session.organizations.find((o) => o.slug === slug) ?? null;
  const value = useMemo<OrgContextValue | null>(
    () => (org ? { slug: org.slug, org, role: org.role, isAdmin: roleAtLeast(org.role, "admin") } : null),
    [org],
  );
  // Open pages of this organisation update as check-ins, values, flags and escalations land.
  useLiveEvents(org ? org.slug : null);

  if (!value) {
    const first = session.organizations[0];
    return (
      <AppLayout session={session} org={null} isAdmin={false}>
        <EmptyState
          icon={<IconBuildingCommunity size={24} />}
          title="Organisation not found"
          action={
            first && (
              <Button component={Link} to={`/o/${first.slug}`}>
                Go to {first.name}
              </Button>
            )
          }
        >
          <Stack gap={4}>
            <span>
              There is no organisation “{slug}”, or you are not a member of it. Ask one of its admins for an
              invitation, or pick one of your organisations.
            </span>
          </Stack>
        </EmptyState>
      </AppLayout>
    );
  }

  return (
    <OrgContext.Provider value={value}>
      <AppLayout session={session} org={value.org} isAdmin={value.isAdmin}>
        <Outlet />
      </AppLayout>
    </OrgContext.Provider>
  );
}
