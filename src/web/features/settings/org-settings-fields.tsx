import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { TimeZoneSelect } from "../../components/time-zone-select.tsx";
import type { useForm } from "../../lib/use-form.ts";
import { monthOptions, type OrgSettings, weekdayOptions } from "./settings-api.ts";

type Form = ReturnType<typeof useForm<OrgSettings>>;

/** The fields shared by "Create organisation" and the settings page. */
export function OrgSettingsFields({ form, disabled }: { form: Form; disabled?: boolean }) {
  return (
    <>
      <TextInput label="Organisation name" disabled={disabled} data-autofocus {...form.text("name")} />
      <TimeZoneSelect
        value={form.values.timeZone}
        onChange={(v) => form.setField("timeZone", v)}
        error={form.errors.timeZone}
        disabled={disabled}
        description="Weeks, due dates and “this week” are computed in it"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label="Week starts on"
          data={weekdayOptions}
          value={String(form.values.weekStart)}
          onChange={(v) => v && form.setField("weekStart", Number(v))}
          allowDeselect={false}
          error={form.errors.weekStart}
          disabled={disabled}
        />
        <Select
          label="Fiscal year starts in"
          description="Used when generating fiscal years and quarters"
          data={monthOptions}
          value={String(form.values.fiscalYearStartMonth)}
          onChange={(v) => v && form.setField("fiscalYearStartMonth", Number(v))}
          allowDeselect={false}
          error={form.errors.fiscalYearStartMonth}
          disabled={disabled}
        />
      </SimpleGrid>
    </>
  );
}
