import { Badge, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconCheck, IconPlus, IconSelector } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { CreateOrganizationModal } from "../../features/settings/create-organization-modal.tsx";
import { roleLabels } from "../../lib/roles.ts";
import { useSession } from "../../lib/session.ts";
import type { OrgSummary } from "../../lib/types.ts";
import { orgUrl } from "./nav-items.ts";

type Props = { organizations: OrgSummary[]; current: OrgSummary | null; onNavigate: () => void };

/** Which organisation you are in; switch to another or create one. */
export function OrgSwitcher({ organizations, current, onNavigate }: Props) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const isOperator = useSession().data?.user.isOperator === true;
  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton
            aria-label="Switch organisation"
            data-testid="org-switcher"
            p={6}
            w="100%"
            style={{
              borderRadius: "var(--mantine-radius-sm)",
              border: "1px solid var(--mantine-color-default-border)",
            }}
          >
            <Group gap={6} wrap="nowrap" justify="space-between">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {current?.name ?? "Choose an organisation"}
                </Text>
                {current && (
                  <Text size="xs" c="dimmed">
                    {roleLabels[current.role]}
                    {current.isDemo ? " · demo" : ""}
                  </Text>
                )}
              </div>
              <IconSelector size={16} style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
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
          {isOperator ? (
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
      <CreateOrganizationModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
