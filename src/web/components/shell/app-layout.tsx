import { ActionIcon, AppShell, Burger, Group, ScrollArea, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKeyboard } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import type { GoTarget } from "../../lib/shortcuts.ts";
import { useGlobalShortcuts } from "../../lib/shortcuts.ts";
import type { OrgSummary, Session } from "../../lib/types.ts";
import { Logo } from "../logo.tsx";
import { ColorSchemeToggle } from "./color-scheme-toggle.tsx";
import { orgUrl, visibleNavItems } from "./nav-items.ts";
import { AccountNav, OrgNav } from "./org-nav.tsx";
import { OrgSwitcher } from "./org-switcher.tsx";
import { ShortcutsHelp } from "./shortcuts-help.tsx";
import { UserMenu } from "./user-menu.tsx";
import { ViewAsBanner } from "./view-as-banner.tsx";

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
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label="Keyboard shortcuts"
                onClick={help.open}
                visibleFrom="sm"
              >
                <IconKeyboard size={18} />
              </ActionIcon>
            </Tooltip>
            <ColorSchemeToggle />
            <UserMenu user={session.user} onShowShortcuts={help.open} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppShell.Section mb="sm">
          <OrgSwitcher organizations={session.organizations} current={org} onNavigate={nav.close} />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} type="never">
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

      <AppShell.Main>
        <div style={{ maxWidth: 1200, margin: "0 auto" }}>
          <ViewAsBanner session={session} />
          {children}
        </div>
      </AppShell.Main>
      <ShortcutsHelp opened={helpOpened} onClose={help.close} goTargets={goTargets} />
    </AppShell>
  );
}
