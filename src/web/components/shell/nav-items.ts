import {
  IconAlertOctagon,
  IconBinaryTree,
  IconCalendarStats,
  IconChecklist,
  IconGauge,
  IconHierarchy2,
  IconHistory,
  IconInbox,
  IconKey,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconMailForward,
  IconMessages,
  IconPencilPlus,
  IconReportAnalytics,
  IconRoute,
  IconSettings,
  IconTarget,
  IconTargetArrow,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { ComponentType } from "react";

export type NavItem = {
  label: string;
  /** Relative to /o/:org. */
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Second key of the "g" shortcut. */
  goKey: string;
  section: "main" | "admin";
  /** Only owners and admins see it (the API refuses others). */
  adminOnly: boolean;
  /** Only team leads (and owners and admins) see it. */
  leadsOnly?: boolean;
  /** A count shown next to the label: the inbox's, the one count in the navigation. */
  badge?: "inbox";
};

// Only areas that work are listed; later features add their own entries here.
export const navItems: NavItem[] = [
  { label: "Overview", path: "", icon: IconLayoutDashboard, goKey: "o", section: "main", adminOnly: false },
  {
    label: "Inbox",
    path: "inbox",
    icon: IconInbox,
    goKey: "n",
    section: "main",
    adminOnly: false,
    badge: "inbox",
  },
  { label: "OKRs", path: "okrs", icon: IconTarget, goKey: "r", section: "main", adminOnly: false },
  {
    label: "My check-ins",
    path: "check-ins",
    icon: IconChecklist,
    goKey: "m",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Team check-ins",
    path: "team-check-ins",
    icon: IconUsersGroup,
    goKey: "w",
    section: "main",
    adminOnly: false,
    leadsOnly: true,
  },
  {
    label: "1:1s",
    path: "one-on-ones",
    icon: IconMessages,
    goKey: "1",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Alignment",
    path: "alignment",
    icon: IconBinaryTree,
    goKey: "l",
    section: "main",
    adminOnly: false,
  },
  { label: "KPIs", path: "kpis", icon: IconGauge, goKey: "b", section: "main", adminOnly: false },
  {
    label: "Enter KPI values",
    path: "kpi-entry",
    icon: IconPencilPlus,
    goKey: "v",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Escalations",
    path: "escalations",
    icon: IconAlertOctagon,
    goKey: "e",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Strategy board",
    path: "strategy",
    icon: IconLayoutKanban,
    goKey: "d",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Strategy map",
    path: "strategy-map",
    icon: IconRoute,
    goKey: "x",
    section: "main",
    adminOnly: false,
  },
  {
    label: "Reports",
    path: "reports",
    icon: IconReportAnalytics,
    goKey: "y",
    section: "main",
    adminOnly: false,
  },
  { label: "Teams", path: "teams", icon: IconHierarchy2, goKey: "t", section: "main", adminOnly: false },
  { label: "People", path: "people", icon: IconUsers, goKey: "p", section: "main", adminOnly: false },
  {
    label: "Invitations",
    path: "admin/invitations",
    icon: IconMailForward,
    goKey: "i",
    section: "admin",
    adminOnly: true,
  },
  {
    label: "Cycles",
    path: "admin/cycles",
    icon: IconCalendarStats,
    goKey: "c",
    section: "admin",
    adminOnly: true,
  },
  {
    label: "Themes",
    path: "admin/themes",
    icon: IconTargetArrow,
    goKey: "h",
    section: "admin",
    adminOnly: true,
  },
  {
    label: "Settings",
    path: "admin/settings",
    icon: IconSettings,
    goKey: "s",
    section: "admin",
    adminOnly: true,
  },
  // Everyone may hold personal API tokens; admins also manage service tokens here.
  {
    label: "API tokens",
    path: "admin/tokens",
    icon: IconKey,
    goKey: "k",
    section: "admin",
    adminOnly: false,
  },
  {
    label: "Audit log",
    path: "admin/audit",
    icon: IconHistory,
    goKey: "a",
    section: "admin",
    adminOnly: true,
  },
];

export function visibleNavItems(isAdmin: boolean, leadsATeam = false): NavItem[] {
  return navItems.filter((item) => isAdmin || (!item.adminOnly && (!item.leadsOnly || leadsATeam)));
}

export function orgUrl(slug: string, path = ""): string {
  return path ? `/o/${slug}/${path}` : `/o/${slug}`;
}

/**
 * Whether a nav entry is the current area; a team's KPI board (teams/:id/kpis) belongs to
 * KPIs, its check-ins (teams/:id/check-ins) to Team check-ins.
 */
export function isActiveItem(item: NavItem, slug: string, pathname: string): boolean {
  const to = orgUrl(slug, item.path);
  if (item.path === "") return pathname === to || pathname === `${to}/`;
  const teamBoard = /\/teams\/[^/]+\/kpis\/?$/.test(pathname);
  const teamCheckIns = /\/teams\/[^/]+\/check-ins\/?$/.test(pathname);
  if (item.path === "kpis" && teamBoard) return true;
  if (item.path === "team-check-ins" && teamCheckIns) return true;
  if (item.path === "teams" && (teamBoard || teamCheckIns)) return false;
  return pathname === to || pathname.startsWith(`${to}/`);
}
