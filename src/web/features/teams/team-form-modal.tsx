import { Autocomplete, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { CreateTeamSchema, UpdateTeamSchema } from "../../../shared/schemas/teams.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { Team, TeamNode } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
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
  const create = useCreateTeam(slug);
  const update = useUpdateTeam(slug);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={team ? `Edit ${team.name}` : "New team"}
      resetKey={team?.id}
      version={team?.version}
      onReload={onReload}
      initialValues={() => ({
        name: team?.name ?? "",
        parentId: team ? team.parentId : (parentId ?? roots[0]?.id ?? null),
        kind: team?.kind ?? "team",
        methodology: team?.methodology ?? ("both" as Team["methodology"]),
        leadUserId: team?.leadUserId ?? null,
        leadName: team?.leadName ?? null,
      })}
      onSubmit={async ({ leadName: _shownOnly, ...values }) => {
        if (team) {
          const patch = parseFields(UpdateTeamSchema, {
            version: team.version,
            name: values.name,
            kind: values.kind,
            methodology: values.methodology,
            leadUserId: values.leadUserId,
          });
          const saved = await update.mutateAsync({ id: team.id, patch });
          notify(`Saved “${saved.name}”.`);
          onClose();
          return;
        }
        const created = await create.mutateAsync(parseFields(CreateTeamSchema, values));
        notify(`Created “${created.name}”.`);
        onClose();
        onCreated?.(created);
      }}
      submitLabel={team ? "Save changes" : "Create team"}
    >
      {(form) => (
        <>
          <TextInput
            label="Name"
            placeholder="e.g. Last Mile"
            data-autofocus
            {...form.getInputProps("name")}
          />
          {!team && (
            <TeamSelect
              label="Parent team"
              roots={roots}
              allowTopLevel
              testId="parent-team-select"
              {...form.getInputProps("parentId")}
              value={form.values.parentId}
            />
          )}
          <Autocomplete
            label="Level"
            description="What this level is called in your organisation"
            data={kinds}
            {...form.getInputProps("kind")}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="methodology-label">
              Runs
            </Text>
            <SegmentedControl
              aria-labelledby="methodology-label"
              data={methodologyData}
              size="xs"
              {...form.getInputProps("methodology")}
            />
          </Stack>
          <PersonSelect
            slug={slug}
            label="Lead"
            description="Optional. The lead becomes a member of the team."
            value={form.values.leadUserId}
            valueLabel={form.values.leadName}
            onChange={(id, name) => {
              form.setValues({ leadUserId: id, leadName: name });
              form.clearFieldError("leadUserId");
            }}
            error={form.errors.leadUserId}
            placeholder="No lead"
          />
        </>
      )}
    </FormModal>
  );
}
