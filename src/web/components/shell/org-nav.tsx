import { Badge, NavLink, Stack, Text } from "@mantine/core";
import { IconBuildingCommunity, IconUserCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { NavLink as RouterLink, useLocation } from "react-router";
import { useMyCheckIns } from "../../features/check-ins/check-ins-api.ts";
import { useMyEscalationCount } from "../../features/escalations/escalations-api.ts";
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
  const mine = useMyCheckIns(slug);
  const due = (mine.data?.items ?? []).filter((i) => i.due).length;
  const overdue = (mine.data?.items ?? []).some((i) => i.overdue);
  const escalations = useMyEscalationCount(slug);

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
          item.badge === "dueCheckIns" && due > 0 ? (
            <Badge
              size="sm"
              circle={due < 10}
              color={overdue ? "red" : "indigo"}
              variant={overdue ? "filled" : "light"}
              className="keel-num"
              data-testid="due-check-ins-count"
              aria-hidden
              title={`${due} key result${due === 1 ? "" : "s"} to check in on this week`}
            >
              {due}
            </Badge>
          ) : item.badge === "myEscalations" && escalations.count > 0 ? (
            <Badge
              size="sm"
              circle={escalations.count < 10 && !escalations.more}
              color="red"
              variant={escalations.open > 0 ? "filled" : "light"}
              className="keel-num"
              data-testid="my-escalations-count"
              aria-hidden
              title={`${escalations.count}${escalations.more ? "+" : ""} unresolved escalation${escalations.count === 1 ? "" : "s"} sent to you`}
            >
              {escalations.count}
              {escalations.more ? "+" : ""}
            </Badge>
          ) : undefined
        }
        active={active}
        // Our rule decides (a team's KPI board belongs to KPIs, not Teams), not the router's prefix match.
        aria-current={active ? "page" : "false"}
        aria-describedby={
          item.badge === "dueCheckIns" && due > 0
            ? "due-check-ins-description"
            : item.badge === "myEscalations" && escalations.count > 0
              ? "my-escalations-description"
              : undefined
        }
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
      {due > 0 && (
        <span id="due-check-ins-description" hidden>
          {due} key result{due === 1 ? "" : "s"} to check in on this week
        </span>
      )}
      {escalations.count > 0 && (
        <span id="my-escalations-description" hidden>
          {escalations.count}
          {escalations.more ? " or more" : ""} unresolved escalation{escalations.count === 1 ? "" : "s"} sent
          to you
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
