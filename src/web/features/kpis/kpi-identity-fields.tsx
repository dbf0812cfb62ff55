import { Group, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { TeamNode } from "../../lib/types.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { type KpiDraft, keyFromName } from "./kpi-draft.ts";
import { mono } from "./kpi-form-fields.tsx";

type Props = { form: KeelForm<KpiDraft>; slug: string; roots: TeamNode[]; editing: boolean };

/** What the KPI is called, its key, and who answers for it: the first section of the KPI form. */
export function KpiIdentityFields({ form, slug, roots, editing }: Props) {
  // The key follows the name until the person types a key of their own.
  const [keyTouched, setKeyTouched] = useState(editing);
  const draft = form.values;

  return (
    <>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label="Name"
          placeholder="e.g. On-time delivery"
          {...form.getInputProps("name")}
          onChange={(e) => {
            const name = e.currentTarget.value;
            form.setFieldValue("name", name);
            if (!keyTouched) form.setFieldValue("key", keyFromName(name));
          }}
          style={{ flex: "2 1 300px" }}
          data-autofocus
        />
        <TextInput
          label="Key"
          description={editing ? "Fixed: formulas and the API use it" : "Used in formulas and the API"}
          {...form.getInputProps("key")}
          onChange={(e) => {
            setKeyTouched(true);
            form.setFieldValue("key", e.currentTarget.value);
          }}
          disabled={editing}
          styles={mono}
          style={{ flex: "1 1 200px" }}
        />
      </Group>
      <Textarea
        label="Description"
        placeholder="Optional: what it measures, where the number comes from"
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
          testId="kpi-team-select"
          description="Its board shows the KPI; its lead answers escalations"
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
          description="Enters the values and answers its escalations"
          clearable={false}
        />
      </Group>
    </>
  );
}
