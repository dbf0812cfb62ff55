import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import {
  IconArchive,
  IconArrowsMove,
  IconPencil,
  IconPlus,
  IconUserMinus,
  IconUsers,
} from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { FormError } from "../../components/form-error.tsx";
import { LoadMore } from "../../components/load-more.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useSession } from "../../lib/session.ts";
import type { TeamNode } from "../../lib/types.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { mayFollow } from "../team-check-ins/team-check-ins-scope.ts";
import type { TeamAction } from "./team-actions-menu.tsx";
import {
  methodologyLabels,
  useAddTeamMember,
  useRemoveTeamMember,
  useTeamMembers,
  useTeamTree,
} from "./teams-api.ts";

type Props = {
  slug: string;
  team: TeamNode | null;
  parentName: string | null;
  isAdmin: boolean;
  onClose: () => void;
  onAction: (action: TeamAction, team: TeamNode) => void;
};

/** One team: its details and members; admins add and remove members here. */
export function TeamDrawer({ slug, team, parentName, isAdmin, onClose, onAction }: Props) {
  const members = useTeamMembers(slug, team?.id ?? null);
  const add = useAddTeamMember(slug, team?.id ?? "");
  const remove = useRemoveTeamMember(slug, team?.id ?? "");
  const [picker, setPicker] = useState<string | null>(null);
  const userId = useSession().data?.user.id ?? "";
  const tree = useTeamTree(slug);
  // Leads of the team or a team above it, and admins, follow its check-ins (as the API allows).
  const mayFollowCheckIns = team !== null && mayFollow(tree.data?.roots ?? [], team.id, userId, isAdmin);

  const addMember = (userId: string | null, name: string | null) => {
    if (!userId) return;
    setPicker(userId);
    add.mutate(userId, {
      onSuccess: () => {
        notify(`Added ${name ?? "them"} to ${team?.name}.`);
        setPicker(null);
      },
      onError: () => setPicker(null),
    });
  };

  return (
    <Drawer opened={team !== null} onClose={onClose} position="right" size="md" title={team?.name ?? ""}>
      {team && (
        <Stack gap="md">
          <Table withRowBorders={false} verticalSpacing={3}>
            <Table.Tbody>
              <Detail label="Level">{team.kind}</Detail>
              <Detail label="Part of">{parentName ?? "Top level"}</Detail>
              <Detail label="Runs">{methodologyLabels[team.methodology]}</Detail>
              <Detail label="Lead">{team.leadName ?? "No lead"}</Detail>
              <Detail label="Status">
                {team.archived ? (
                  <Badge color="gray" leftSection={<IconArchive size={11} />}>
                    Archived
                  </Badge>
                ) : (
                  "Active"
                )}
              </Detail>
            </Table.Tbody>
          </Table>
          <Group gap="md">
            <Anchor component={Link} to={`/o/${slug}/okrs?team=${team.id}`} size="sm">
              Team page: OKRs and KPIs
            </Anchor>
            <Anchor component={Link} to={`/o/${slug}/teams/${team.id}/kpis`} size="sm">
              KPI board
            </Anchor>
            {mayFollowCheckIns && (
              <Anchor component={Link} to={`/o/${slug}/teams/${team.id}/check-ins`} size="sm">
                Team check-ins
              </Anchor>
            )}
          </Group>
          {isAdmin && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} />}
                onClick={() => onAction("edit", team)}
              >
                Edit details
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowsMove size={14} />}
                onClick={() => onAction("move", team)}
              >
                Move…
              </Button>
              {!team.archived && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => onAction("add-child", team)}
                >
                  New sub-team
                </Button>
              )}
            </Group>
          )}
          <Divider label={`Members (${team.memberCount})`} labelPosition="left" />
          {isAdmin && !team.archived && (
            <PersonSelect
              slug={slug}
              label="Add a member"
              value={picker}
              onChange={addMember}
              exclude={members.items.map((m) => m.userId)}
              clearable={false}
            />
          )}
          <FormError error={add.error ?? remove.error} />
          {members.isPending ? (
            <Stack gap={6}>
              <Skeleton height={22} />
              <Skeleton height={22} />
              <Skeleton height={22} />
            </Stack>
          ) : members.isError ? (
            <QueryError error={members.error} onRetry={() => void members.refetch()} what="the members" />
          ) : members.items.length === 0 ? (
            <EmptyState icon={<IconUsers size={22} />} title="No members yet">
              {isAdmin
                ? "Add people above. A person can belong to several teams."
                : "An admin adds people to teams. A person can belong to several teams."}
            </EmptyState>
          ) : (
            <Table verticalSpacing={4} highlightOnHover>
              <Table.Tbody>
                {members.items.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
                      <Text size="sm">
                        {m.name}
                        {m.userId === team.leadUserId && (
                          <Badge ml={6} size="xs" color="indigo">
                            Lead
                          </Badge>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    </Table.Td>
                    {isAdmin && (
                      <Table.Td w={40}>
                        {m.userId !== team.leadUserId && (
                          <Tooltip label="Remove from team">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Remove ${m.name} from ${team.name}`}
                              loading={remove.isPending && remove.variables === m.userId}
                              onClick={() =>
                                remove.mutate(m.userId, {
                                  onSuccess: () => notify(`Removed ${m.name} from ${team.name}.`),
                                })
                              }
                            >
                              <IconUserMinus size={15} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {members.hasNextPage && (
            <LoadMore
              hasNextPage
              isFetchingNextPage={members.isFetchingNextPage}
              onLoadMore={() => void members.fetchNextPage()}
              shown={members.items.length}
              noun="members"
            />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={90} c="dimmed" fz="sm">
        {label}
      </Table.Td>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}
