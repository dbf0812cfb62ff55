import { Text } from "@mantine/core";
import { useMemo } from "react";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { Team, TeamNode } from "../../lib/types.ts";
import { TeamSelect } from "./team-select.tsx";
import { findTeam, subtreeIds } from "./team-tree-utils.ts";
import { useUpdateTeam } from "./teams-api.ts";

type Props = {
  slug: string;
  roots: TeamNode[];
  team: Team | null;
  onClose: () => void;
  onReload?: () => void;
  /** The team now sits under `parentId` (null: top level). */
  onMoved?: (parentId: string | null) => void;
};

/** Moves a team (with everything under it) below another team; its own subtree is not offered. */
export function MoveTeamModal({ slug, roots, team, onClose, onReload, onMoved }: Props) {
  const update = useUpdateTeam(slug);
  const exclude = useMemo(() => {
    const node = team ? findTeam(roots, team.id) : null;
    return node ? subtreeIds(node) : new Set<string>(team ? [team.id] : []);
  }, [roots, team]);
  const currentParent = team?.parentId ? findTeam(roots, team.parentId) : null;

  return (
    <FormModal
      opened={team !== null}
      onClose={onClose}
      title={team ? `Move ${team.name}` : "Move team"}
      resetKey={team?.id}
      version={team?.version}
      onReload={onReload}
      initialValues={() => ({ parentId: team?.parentId ?? null })}
      onSubmit={async ({ parentId }) => {
        if (!team) return;
        if (parentId === team.parentId) {
          onClose();
          return;
        }
        const saved = await update.mutateAsync({ id: team.id, patch: { version: team.version, parentId } });
        const target = parentId ? findTeam(roots, parentId)?.name : null;
        notify(
          target ? `Moved “${saved.name}” under “${target}”.` : `Moved “${saved.name}” to the top level.`,
        );
        onClose();
        onMoved?.(parentId);
      }}
      submitLabel="Move team"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            Now under <b>{currentParent?.name ?? "nothing (top level)"}</b>. Its sub-teams move with it; a
            team cannot go inside itself, so its own sub-teams are not offered.
          </Text>
          <TeamSelect
            label="New parent team"
            roots={roots}
            exclude={exclude}
            allowTopLevel
            testId="move-parent-select"
            {...form.getInputProps("parentId")}
            value={form.values.parentId}
          />
        </>
      )}
    </FormModal>
  );
}
