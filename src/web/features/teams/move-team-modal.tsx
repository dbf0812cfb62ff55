import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Team, TeamNode } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
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
  const [parentId, setParentId] = useState<string | null>(null);
  const form = useForm({ parentId: null as string | null });
  const update = useUpdateTeam(slug);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another team (or version) is chosen
  useEffect(() => {
    if (team) {
      setParentId(team.parentId);
      form.reset({ parentId: team.parentId });
    }
  }, [team?.id, team?.version]);

  const exclude = useMemo(() => {
    const node = team ? findTeam(roots, team.id) : null;
    return node ? subtreeIds(node) : new Set<string>(team ? [team.id] : []);
  }, [roots, team]);
  const currentParent = team?.parentId ? findTeam(roots, team.parentId) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!team) return;
    if (parentId === team.parentId) {
      onClose();
      return;
    }
    update.mutate(
      { id: team.id, patch: { version: team.version, parentId } },
      {
        onSuccess: (saved) => {
          const target = parentId ? findTeam(roots, parentId)?.name : null;
          notify(
            target ? `Moved “${saved.name}” under “${target}”.` : `Moved “${saved.name}” to the top level.`,
          );
          onClose();
          onMoved?.(parentId);
        },
        onError: form.showError,
      },
    );
  };

  return (
    <Modal opened={team !== null} onClose={onClose} title={team ? `Move ${team.name}` : "Move team"}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Now under <b>{currentParent?.name ?? "nothing (top level)"}</b>. Its sub-teams move with it; a
            team cannot go inside itself, so its own sub-teams are not offered.
          </Text>
          <TeamSelect
            label="New parent team"
            roots={roots}
            value={parentId}
            onChange={setParentId}
            exclude={exclude}
            allowTopLevel
            error={form.errors.parentId}
            testId="move-parent-select"
          />
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Move team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
