import { ActionIcon, Button, Card, Group, Menu, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconArchive,
  IconDots,
  IconPencil,
  IconPlus,
  IconRestore,
  IconSearch,
  IconTargetArrow,
} from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { LoadMore } from "../../components/load-more.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { SearchInput } from "../../components/search-input.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Theme } from "../../lib/types.ts";
import { ThemeFormModal } from "./theme-form-modal.tsx";
import { perspectiveLabels, useThemes, useUpdateTheme } from "./themes-api.ts";

/** /o/:org/admin/themes: the strategic themes Objectives and KPIs link to. */
export function ThemesPage() {
  const { slug, isAdmin } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const themes = useThemes(slug, q);
  const update = useUpdateTheme(slug);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = themes.items.find((t) => t.id === editingId) ?? null;

  const setArchived = (theme: Theme, archived: boolean) =>
    update.mutate(
      { id: theme.id, patch: { version: theme.version, archived } },
      {
        onSuccess: () => notify(archived ? `Archived “${theme.name}”.` : `Restored “${theme.name}”.`),
        onError: (e) => notifyFailure(e, () => void themes.refetch()),
      },
    );

  return (
    <>
      <PageHeader
        title="Strategic themes"
        description="Why a metric matters. Keel starts with the four Balanced Scorecard perspectives; add your own."
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-shortcut-new>
              New theme
            </Button>
          )
        }
      />
      <Card withBorder padding={0}>
        <Group p="sm">
          <SearchInput
            value={search}
            onChange={setSearch}
            placeholder="Search by name"
            label="Search themes"
          />
        </Group>
        {themes.isPending ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton rows={4} />
          </div>
        ) : themes.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={themes.error} onRetry={() => void themes.refetch()} what="the themes" />
          </div>
        ) : themes.items.length === 0 ? (
          q ? (
            <EmptyState icon={<IconSearch size={24} />} title={`No theme matches “${q}”`}>
              Search looks at theme names.
            </EmptyState>
          ) : (
            <EmptyState icon={<IconTargetArrow size={24} />} title="No themes yet">
              Themes say why an Objective or KPI matters, such as “Customer” or “Sustainability”. Add the
              first one with “New theme”.
            </EmptyState>
          )
        ) : (
          <Stack gap={0}>
            {themes.items.map((theme) => (
              <Group
                key={theme.id}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                px="sm"
                py="xs"
                style={{
                  borderTop: "1px solid var(--mantine-color-default-border)",
                  opacity: theme.archived ? 0.65 : 1,
                }}
                data-testid="theme-row"
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {theme.name}
                    </Text>
                    {theme.perspective && (
                      <Text size="xs" c="dimmed">
                        {perspectiveLabels[theme.perspective] ?? theme.perspective} perspective
                      </Text>
                    )}
                    {theme.archived && (
                      <StatusBadge color="gray" icon={<IconArchive size={11} />}>
                        Archived
                      </StatusBadge>
                    )}
                  </Group>
                  <Text size="sm" c={theme.description ? undefined : "dimmed"}>
                    {theme.description || "No description yet."}
                  </Text>
                </Stack>
                {isAdmin && (
                  <Menu position="bottom-end" shadow="md" width={170}>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={`Actions for ${theme.name}`}
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditingId(theme.id)}
                      >
                        Edit
                      </Menu.Item>
                      {theme.archived ? (
                        <Menu.Item
                          leftSection={<IconRestore size={14} />}
                          onClick={() => setArchived(theme, false)}
                        >
                          Restore
                        </Menu.Item>
                      ) : (
                        <Menu.Item
                          leftSection={<IconArchive size={14} />}
                          color="red"
                          onClick={() => setArchived(theme, true)}
                        >
                          Archive
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                )}
              </Group>
            ))}
          </Stack>
        )}
        <LoadMore
          hasNextPage={themes.hasNextPage}
          isFetchingNextPage={themes.isFetchingNextPage}
          onLoadMore={() => void themes.fetchNextPage()}
          shown={themes.items.length}
          noun="themes"
        />
      </Card>
      <ThemeFormModal opened={creating} onClose={() => setCreating(false)} />
      <ThemeFormModal
        opened={editing !== null}
        onClose={() => setEditingId(null)}
        theme={editing}
        onReload={() => void themes.refetch()}
      />
    </>
  );
}
