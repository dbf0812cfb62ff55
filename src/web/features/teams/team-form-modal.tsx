import { Autocomplete, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreateTeamSchema, UpdateTeamSchema } from "../../../shared/schemas/teams.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Team, TeamNode } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { TeamSelect } from "./team-select.tsx";
import { methodologyLabels, useCreateTeam, useUpdateTeam } from "./teams-api.ts";

const kinds = ["company", "division", "department", "squad", "team"];
const methodologyData = (["okr", "kpi", "both"] as const).map((m) => ({
  value: m,
  label: methodologyLabels[m],
}));

type Props = {
  slug: string;
  roots: TeamNode[];
  opened: boolean;
  onClose: () => void;
  /** Editing this team; creating a new one when absent. */
  team?: Team | null;
  /** Parent preselected when creating ("Add sub-team"). */
  parentId?: string | null;
  /** Reload the team after a version conflict. */
  onReload?: () => void;
  /** A new team was created (the tree opens to show it). */
  onCreated?: (team: Team) => void;
};

/** Create a team (name, parent, level, methodology, lead) or edit one (all but the parent: see Move). */
export function TeamFormModal({ slug, roots, opened, onClose, team, parentId, onReload, onCreated }: Props) {
  const editing = Boolean(team);
  const form = useForm({
    name: "",
    parentId: null as string | null,
    kind: "team",
    methodology: "both" as Team["methodology"],
    leadUserId: null as string | null,
    leadName: null as string | null,
  });
  const create = useCreateTeam(slug);
  const update = useUpdateTeam(slug);

  // Start from the team (or a fresh form) each time the dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens or the team reloads
  useEffect(() => {
    if (!opened) return;
    form.reset({
      name: team?.name ?? "",
      parentId: team ? team.parentId : (parentId ?? roots[0]?.id ?? null),
      kind: team?.kind ?? "team",
      methodology: team?.methodology ?? "both",
      leadUserId: team?.leadUserId ?? null,
      leadName: team?.leadName ?? null,
    });
  }, [opened, team?.id, team?.version]);

  const pending = create.isPending || update.isPending;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { leadName: _ignored, ...values } = form.values;
    if (team) {
      const patch = form.validate(UpdateTeamSchema, {
        version: team.version,
        name: values.name,
        kind: values.kind,
        methodology: values.methodology,
        leadUserId: values.leadUserId,
      });
      if (!patch) return;
      update.mutate(
        { id: team.id, patch },
        {
          onSuccess: (saved) => {
            notify(`Saved “${saved.name}”.`);
            onClose();
          },
          onError: form.showError,
        },
      );
    } else {
      const input = form.validate(CreateTeamSchema, values);
      if (!input) return;
      create.mutate(input, {
        onSuccess: (created) => {
          notify(`Created “${created.name}”.`);
          onClose();
          onCreated?.(created);
        },
        onError: form.showError,
      });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit ${team?.name}` : "New team"}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" placeholder="e.g. Last Mile" data-autofocus {...form.text("name")} />
          {!editing && (
            <TeamSelect
              label="Parent team"
              roots={roots}
              value={form.values.parentId}
              onChange={(v) => form.setField("parentId", v)}
              allowTopLevel
              error={form.errors.parentId}
              testId="parent-team-select"
            />
          )}
          <Autocomplete
            label="Level"
            description="What this level is called in your organisation"
            data={kinds}
            value={form.values.kind}
            onChange={(v) => form.setField("kind", v)}
            error={form.errors.kind}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="methodology-label">
              Runs
            </Text>
            <SegmentedControl
              aria-labelledby="methodology-label"
              data={methodologyData}
              value={form.values.methodology}
              onChange={(v) => form.setField("methodology", v as Team["methodology"])}
              size="xs"
            />
          </Stack>
          <PersonSelect
            slug={slug}
            label="Lead"
            description="Optional. The lead becomes a member of the team."
            value={form.values.leadUserId}
            valueLabel={form.values.leadName}
            onChange={(id, name) => form.setValues((v) => ({ ...v, leadUserId: id, leadName: name }))}
            error={form.errors.leadUserId}
            placeholder="No lead"
          />
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {editing ? "Save changes" : "Create team"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
