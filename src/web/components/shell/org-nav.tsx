import { Badge, NavLink, Stack, Text } from "@mantine/core";
import { IconBuildingCommunity, IconUserCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { NavLink as RouterLink, useLocation } from "react-router";
import { useMyInbox } from "../../features/my-home/my-home-api.ts";
import { followsAnyTeam } from "../../features/team-check-ins/team-check-ins-scope.ts";
import { useTeamTree } from "../../features/teams/teams-api.ts";
import { useSession } from "../../lib/session.ts";
import type { OrgSummary } from "../../lib/types.ts";
import { isActiveItem, orgUrl, visibleNavItems } from "./nav-items.ts";

type Props = { slug: string; isAdmin: boolean; onNavigate: () => void };

/** The organisation's areas; the administration block only for owners and admins. */
export function OrgNav({ slug, isAdmin, onNavigate }: Props) {
  const { pathname } = useLocation();
  const userId = useSession().data?.user.id ?? "";
  const tree = useTeamTree(slug);
  const items = visibleNavItems(isAdmin, followsAnyTeam(tree.data?.roots ?? [], userId, isAdmin));
  const main = items.filter((i) => !isAdmin || i.section === "main");
  const admin = isAdmin ? items.filter((i) => i.section === "admin") : [];
  // One count for everything owed (docs/inbox.md); red when something is urgent.
  const inbox = useMyInbox(slug).data;
  const owed = inbox?.total ?? 0;
  const urgent = (inbox?.counts.escalation ?? 0) > 0 || (inbox?.items ?? []).some((i) => i.overdue);
  const owedText = `${owed} thing${owed === 1 ? "" : "s"} you owe`;

  const render = (item: (typeof items)[number]) => {
    const to = orgUrl(slug, item.path);
    const active = isActiveItem(item, slug, pathname);
    const Icon = item.icon;
    return (
      <NavLink
        key={item.path}
        component={RouterLink}
        to={to}
        end={item.path === ""}
        label={item.label}
        leftSection={<Icon size={17} stroke={1.6} />}
        rightSection={
          item.badge === "inbox" && owed > 0 ? (
            <Badge
              size="sm"
              circle={owed < 10}
              color={urgent ? "red" : "indigo"}
              variant={urgent ? "filled" : "light"}
              className="keel-num"
              data-testid="inbox-count"
              aria-hidden
              title={owedText}
            >
              {owed}
            </Badge>
          ) : undefined
        }
        active={active}
        // Our rule decides (a team's KPI board belongs to KPIs, not Teams), not the router's prefix match.
        aria-current={active ? "page" : "false"}
        aria-describedby={item.badge === "inbox" && owed > 0 ? "inbox-count-description" : undefined}
        onClick={onNavigate}
        variant="light"
        styles={{
          root: { borderRadius: "var(--mantine-radius-sm)" },
          label: { fontSize: "var(--mantine-font-size-sm)" },
        }}
        py={6}
      />
    );
  };

  return (
    <Stack gap={2} component="nav" aria-label="Main">
      {owed > 0 && (
        <span id="inbox-count-description" hidden>
          {owedText}
        </span>
      )}
      {main.map(render)}
      {admin.length > 0 && (
        <>
          <NavHeading>Administration</NavHeading>
          {admin.map(render)}
        </>
      )}
    </Stack>
  );
}

/** A small heading between groups of links. */
function NavHeading({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" style={{ letterSpacing: 0.4 }}>
      {children}
    </Text>
  );
}

const linkStyles = {
  root: { borderRadius: "var(--mantine-radius-sm)" },
  label: { fontSize: "var(--mantine-font-size-sm)" },
};

/** Pages outside any organisation (the account page): your account and your organisations. */
export function AccountNav({
  organizations,
  onNavigate,
}: {
  organizations: OrgSummary[];
  onNavigate: () => void;
}) {
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="nav" aria-label="Main">
      <NavLink
        component={RouterLink}
        to="/account"
        label="Account"
        leftSection={<IconUserCircle size={17} stroke={1.6} />}
        active={pathname === "/account"}
        onClick={onNavigate}
        variant="light"
        styles={linkStyles}
        py={6}
      />
      <NavHeading>Organisations</NavHeading>
      {organizations.map((org) => (
        <NavLink
          key={org.id}
          component={RouterLink}
          to={`/o/${org.slug}`}
          label={org.name}
          leftSection={<IconBuildingCommunity size={17} stroke={1.6} />}
          onClick={onNavigate}
          styles={linkStyles}
          py={6}
        />
      ))}
    </Stack>
  );
}
