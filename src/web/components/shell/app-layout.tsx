import { ActionIcon, AppShell, Burger, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKeyboard } from "@tabler/icons-react";
import { lazy, type ReactNode, Suspense } from "react";
import { Link, useNavigate } from "react-router";
import type { GoTarget } from "../../lib/shortcuts.ts";
import { useGlobalShortcuts } from "../../lib/shortcuts.ts";
import type { OrgSummary, Session } from "../../lib/types.ts";
import { Logo } from "../logo.tsx";
import { ColorSchemeToggle } from "./color-scheme-toggle.tsx";
import { orgUrl, visibleNavItems } from "./nav-items.ts";
import { AccountNav, OrgNav } from "./org-nav.tsx";
import { OrgSwitcherButton } from "./org-switcher-button.tsx";
import { UserMenuButton } from "./user-menu-button.tsx";
import { ViewAsBanner } from "./view-as-banner.tsx";

// Dropdowns, modals and tooltips need a positioning library and focus traps that would
// double the first download: the shell shows their buttons at once (disabled for the
// moment it takes) and the menus load right after; the shortcuts table when asked for.
const UserMenu = lazy(() => import("./user-menu.tsx").then((m) => ({ default: m.UserMenu })));
const OrgSwitcher = lazy(() => import("./org-switcher.tsx").then((m) => ({ default: m.OrgSwitcher })));
const ShortcutsHelp = lazy(() => import("./shortcuts-help.tsx").then((m) => ({ default: m.ShortcutsHelp })));

type Props = {
  session: Session;
  /** The organisation being viewed; null on pages that belong to no organisation (account). */
  org: OrgSummary | null;
  isAdmin: boolean;
  children: ReactNode;
};

/** The frame of every signed-in page: header, navigation (a drawer on phones), content. */
export function AppLayout({ session, org, isAdmin, children }: Props) {
  const [navOpened, nav] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const navigate = useNavigate();
  const fallbackOrg = org ?? session.organizations[0] ?? null;

  const goTargets: GoTarget[] = fallbackOrg
    ? visibleNavItems(org ? isAdmin : false).map((item) => ({
        key: item.goKey,
        label: item.label,
        path: orgUrl(fallbackOrg.slug, item.path),
      }))
    : [];
  useGlobalShortcuts({ goTargets, onGo: (path) => navigate(path), onHelp: help.open });

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      {/* The first stop of Tab: past the header and navigation to the page itself. */}
      {/* The fragment moves focus there: <main> takes focus (tabIndex -1). */}
      <a href="#main-content" className="keel-skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Link
              to={fallbackOrg ? orgUrl(fallbackOrg.slug) : "/account"}
              aria-label="Keel home"
              style={{ display: "flex", textDecoration: "none" }}
            >
              <Logo />
            </Link>
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={help.open}
              visibleFrom="sm"
            >
              <IconKeyboard size={18} />
            </ActionIcon>
            <ColorSchemeToggle />
            <Suspense fallback={<UserMenuButton user={session.user} disabled />}>
              <UserMenu user={session.user} onShowShortcuts={help.open} />
            </Suspense>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppShell.Section mb="sm">
          <Suspense fallback={<OrgSwitcherButton current={org} disabled />}>
            <OrgSwitcher organizations={session.organizations} current={org} onNavigate={nav.close} />
          </Suspense>
        </AppShell.Section>
        <AppShell.Section grow style={{ overflowY: "auto" }}>
          {org ? (
            <OrgNav slug={org.slug} isAdmin={isAdmin} onNavigate={nav.close} />
          ) : (
            <AccountNav organizations={session.organizations} onNavigate={nav.close} />
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            Press <b>?</b> for shortcuts
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: "none" }}>
        <div style={{ maxWidth: 1200, margin: "0 auto" }}>
          <ViewAsBanner session={session} />
          {children}
        </div>
      </AppShell.Main>
      {helpOpened && (
        <Suspense fallback={null}>
          <ShortcutsHelp opened onClose={help.close} goTargets={goTargets} />
        </Suspense>
      )}
    </AppShell>
  );
}
