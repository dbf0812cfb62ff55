import { Group, Select, Textarea, TextInput } from "@mantine/core";
import { useMemo } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { Objective, TeamNode } from "../../lib/types.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { useThemes } from "../themes/themes-api.ts";
import type { ObjectiveDraft } from "./objective-draft.ts";
import type { Visibility } from "./okrs-api.ts";

type Props = {
  form: KeelForm<ObjectiveDraft>;
  slug: string;
  roots: TeamNode[];
  /** Teams that run KPIs only: they hold no OKRs. */
  kpiOnly: Set<string>;
  objective?: Objective | null;
};

const visibilityOptions: Array<{ value: Visibility; label: string }> = [
  { value: "organization", label: "The whole organisation" },
  { value: "team", label: "The team, its leads above and admins" },
];
const PERSONAL = "No team: a personal Objective";

/** The Objective itself: title, why, team, owner, theme and who sees it. */
export function ObjectiveFields({ form, slug, roots, kpiOnly, objective }: Props) {
  const draft = form.values;
  const themes = useThemes(slug, "");
  // Archived themes are not offered, except the one the Objective already has.
  const themeOptions = useMemo(
    () =>
      themes.items
        .filter((t) => !t.archived || t.id === objective?.themeId)
        .map((t) => ({ value: t.id, label: t.name })),
    [themes.items, objective?.themeId],
  );

  return (
    <>
      <TextInput
        label="Title"
        description="Qualitative and specific: what must change this cycle, and for whom."
        placeholder="e.g. Deliver on the first attempt in every city"
        {...form.getInputProps("title")}
        data-autofocus
      />
      <Textarea
        label="Why it matters"
        placeholder="Optional: the problem behind it, in a sentence or two"
        autosize
        minRows={1}
        maxRows={4}
        {...form.getInputProps("description")}
      />
      <Group gap="sm" grow align="flex-start" wrap="wrap">
        <TeamSelect
          label="Team"
          roots={roots}
          {...form.getInputProps("teamId")}
          value={draft.teamId}
          exclude={kpiOnly}
          allowTopLevel
          topLevelLabel={PERSONAL}
          testId="objective-team-select"
        />
        <PersonSelect
          slug={slug}
          label="Owner"
          value={draft.ownerUserId}
          valueLabel={draft.ownerName}
          onChange={(id, name) => {
            form.setValues({ ownerUserId: id, ownerName: name });
            form.clearFieldError("ownerUserId");
          }}
          error={form.errors.ownerUserId}
          placeholder="No owner yet"
        />
      </Group>
      <Group gap="sm" grow align="flex-start" wrap="wrap">
        <Select
          label="Strategic theme"
          description="Why it matters: the theme it moves"
          placeholder="No theme"
          data={themeOptions}
          clearable
          {...form.getInputProps("themeId")}
        />
        <Select
          label="Visible to"
          description={
            draft.visibility === "team"
              ? "Others see that it exists and how it is doing, not its text"
              : "Everyone in the organisation reads it"
          }
          data={visibilityOptions}
          allowDeselect={false}
          {...form.getInputProps("visibility")}
        />
      </Group>
    </>
  );
}
