import { Badge, Group, Menu, Text } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { lazy, Suspense, useState } from "react";
import { useNavigate } from "react-router";
import { useSession } from "../../lib/session.ts";
import type { OrgSummary } from "../../lib/types.ts";
import { orgUrl } from "./nav-items.ts";
import { OrgSwitcherButton } from "./org-switcher-button.tsx";

// The form (and zod with it) loads when someone opens it, not with every page.
const CreateOrganizationModal = lazy(() =>
  import("../../features/settings/create-organization-modal.tsx").then((m) => ({
    default: m.CreateOrganizationModal,
  })),
);

type Props = { organizations: OrgSummary[]; current: OrgSummary | null; onNavigate: () => void };

/** Which organisation you are in; switch to another or create one. */
export function OrgSwitcher({ organizations, current, onNavigate }: Props) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const mayCreate = useSession().data?.user.mayCreateOrganizations === true;
  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md">
        <Menu.Target>
          <OrgSwitcherButton current={current} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your organisations</Menu.Label>
          {organizations.map((org) => (
            <Menu.Item
              key={org.id}
              onClick={() => {
                navigate(orgUrl(org.slug));
                onNavigate();
              }}
              rightSection={org.slug === current?.slug ? <IconCheck size={14} /> : null}
            >
              <Group gap={6} wrap="nowrap">
                <Text size="sm" truncate>
                  {org.name}
                </Text>
                {org.isDemo && (
                  <Badge size="xs" color="grape" variant="light">
                    Demo
                  </Badge>
                )}
              </Group>
            </Menu.Item>
          ))}
          <Menu.Divider />
          {mayCreate ? (
            <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              Create organisation
            </Menu.Item>
          ) : (
            <Text size="xs" c="dimmed" px="sm" py={6}>
              New organisations are created by the operators of this Keel instance. Ask one of them.
            </Text>
          )}
        </Menu.Dropdown>
      </Menu>
      {creating && (
        <Suspense fallback={null}>
          <CreateOrganizationModal opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
