import { Button, Group, Switch, Text } from "@mantine/core";
import { IconHierarchy2, IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ListPage, useListSearch } from "../../components/list-page.tsx";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { TeamNode } from "../../lib/types.ts";
import { MoveTeamModal } from "./move-team-modal.tsx";
import { type TeamAction, TeamActionsMenu } from "./team-actions-menu.tsx";
import { TeamDrawer } from "./team-drawer.tsx";
import { TeamFormModal } from "./team-form-modal.tsx";
import { ancestorIds, filterTree, findTeam, flattenTree, idsToDepth } from "./team-tree-utils.ts";
import { TeamTreeView } from "./team-tree-view.tsx";
import { useTeamTree, useUpdateTeam } from "./teams-api.ts";

type Dialog =
  | { kind: "create"; parentId: string | null }
  | { kind: "edit"; id: string }
  | { kind: "move"; id: string }
  | { kind: "archive"; id: string }
  | null;

/** /o/:org/teams: the tree; admins create, rename, move, archive and staff teams from here. */
export function TeamsPage() {
  const { slug, isAdmin } = useOrg();
  const [showArchived, setShowArchived] = useState(false);
  const tree = useTeamTree(slug, showArchived);
  const update = useUpdateTeam(slug);
  const search = useListSearch(150);
  const query = search.q;
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const roots = tree.data?.roots ?? [];
  // "New sub-team" from a team's page arrives as ?newUnder=<team id>: open the form under it.
  const [params, setParams] = useSearchParams();
  const newUnder = params.get("newUnder");
  useEffect(() => {
    if (!newUnder || !tree.data || !isAdmin) return;
    setDialog({ kind: "create", parentId: findTeam(tree.data.roots, newUnder) ? newUnder : null });
    setParams(
      (p) => {
        p.delete("newUnder");
        return p;
      },
      { replace: true },
    );
  }, [newUnder, tree.data, isAdmin, setParams]);
  // Open the first two levels on first load; later the person's choice is kept.
  useEffect(() => {
    if (tree.data && expanded === null) setExpanded(idsToDepth(tree.data.roots, 2));
  }, [tree.data, expanded]);

  const filtered = useMemo(() => filterTree(roots, query), [roots, query]);
  const shownExpanded = query ? filtered.expand : (expanded ?? new Set<string>());
  const parents = useMemo(() => new Map(flattenTree(roots).map((f) => [f.team.id, f.parentName])), [roots]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev ?? []);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onAction = (action: TeamAction, team: TeamNode) => {
    if (action === "add-child") setDialog({ kind: "create", parentId: team.id });
    else if (action === "edit") setDialog({ kind: "edit", id: team.id });
    else if (action === "move") setDialog({ kind: "move", id: team.id });
    else if (action === "members") setOpenId(team.id);
    else if (action === "archive") setDialog({ kind: "archive", id: team.id });
    else if (action === "restore") {
      update.mutate(
        { id: team.id, patch: { version: team.version, archived: false } },
        {
          onSuccess: () => notify(`Restored “${team.name}”.`),
          onError: (e) => notifyFailure(e, () => void tree.refetch()),
        },
      );
    }
  };

  /** Opens the branch a team was just created or moved into, so it is visible at once. */
  const revealUnder = (parentId: string | null) => {
    if (!parentId) return;
    const path = [parentId, ...ancestorIds(roots, parentId)];
    setExpanded((prev) => new Set([...(prev ?? []), ...path]));
    search.clear();
  };

  const dialogTeam = dialog && dialog.kind !== "create" ? findTeam(roots, dialog.id) : null;
  const openTeam = openId ? findTeam(roots, openId) : null;
  const closeDialog = () => {
    setDialog(null);
    update.reset();
  };

  const noTeams = (
    <EmptyState
      icon={<IconHierarchy2 size={24} />}
      title="No teams yet"
      action={
        isAdmin && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ kind: "create", parentId: null })}
          >
            New team
          </Button>
        )
      }
    >
      Start with the whole company as the top team, then add divisions, departments and squads under it.
    </EmptyState>
  );

  return (
    <>
      <ListPage
        title="Teams"
        description="Company → division → department → squad. Each team runs OKRs, KPIs or both."
        actions={
          isAdmin && (
            <Button
              leftSection={<IconPlus size={16} />}
              // With a team open, a new team goes under it unless the admin picks another parent.
              onClick={() => setDialog({ kind: "create", parentId: openTeam?.archived ? null : openId })}
              data-shortcut-new
            >
              New team
            </Button>
          )
        }
        load={tree}
        what="the teams"
        skeletonRows={10}
        search={{ ...search, placeholder: "Find a team by name", label: "Search teams" }}
        searchAlways
        filters={
          <Group gap="md">
            <Group gap="xs" visibleFrom="xs">
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(idsToDepth(roots, 99))}>
                Expand all
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                Collapse all
              </Button>
            </Group>
            <Switch
              size="xs"
              label="Show archived"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
          </Group>
        }
        isEmpty={filtered.roots.length === 0}
        empty={noTeams}
        noMatch={
          roots.length === 0 ? (
            noTeams
          ) : (
            <EmptyState icon={<IconSearch size={24} />} title={`No team matches “${query}”`}>
              Check the spelling, or turn on “Show archived” if the team was archived.
            </EmptyState>
          )
        }
      >
        <TeamTreeView
          roots={filtered.roots}
          expanded={shownExpanded}
          onToggle={toggle}
          onOpen={(team) => setOpenId(team.id)}
          actions={isAdmin ? (team) => <TeamActionsMenu team={team} onAction={onAction} /> : undefined}
        />
      </ListPage>
      {!isAdmin && tree.isSuccess && roots.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Only admins change teams. Click a team to see its members.
        </Text>
      )}

      <TeamFormModal
        slug={slug}
        roots={roots}
        opened={dialog?.kind === "create" || (dialog?.kind === "edit" && dialogTeam !== null)}
        onClose={closeDialog}
        team={dialog?.kind === "edit" ? dialogTeam : null}
        parentId={dialog?.kind === "create" ? dialog.parentId : null}
        onReload={() => void tree.refetch()}
        onCreated={(created) => revealUnder(created.parentId)}
      />
      <MoveTeamModal
        slug={slug}
        roots={roots}
        team={dialog?.kind === "move" ? dialogTeam : null}
        onClose={closeDialog}
        onReload={() => void tree.refetch()}
        onMoved={revealUnder}
      />
      <ConfirmModal
        opened={dialog?.kind === "archive" && dialogTeam !== null}
        onClose={closeDialog}
        title={`Archive ${dialogTeam?.name ?? "team"}?`}
        confirmLabel="Archive team"
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => {
          if (!dialogTeam) return;
          update.mutate(
            { id: dialogTeam.id, patch: { version: dialogTeam.version, archived: true } },
            {
              onSuccess: () => {
                notify(`Archived “${dialogTeam.name}”. Turn on “Show archived” to restore it.`);
                closeDialog();
              },
            },
          );
        }}
      >
        It leaves the tree and the team pickers; its history stays. Its sub-teams are not archived: until you
        restore it, they show at the top level.
      </ConfirmModal>
      <TeamDrawer
        slug={slug}
        team={openTeam}
        parentName={openTeam ? (parents.get(openTeam.id) ?? null) : null}
        isAdmin={isAdmin}
        onClose={() => setOpenId(null)}
        onAction={onAction}
      />
    </>
  );
}
