import { Select, SimpleGrid, TextInput } from "@mantine/core";
import type { KeelForm } from "../../components/form-modal.tsx";
import { TimeZoneSelect } from "../../components/time-zone-select.tsx";
import { monthOptions, type OrgSettings, weekdayOptions } from "./settings-api.ts";

/** The fields shared by "Create organisation" and the settings page. */
export function OrgSettingsFields({ form, disabled }: { form: KeelForm<OrgSettings>; disabled?: boolean }) {
  return (
    <>
      <TextInput
        label="Organisation name"
        disabled={disabled}
        data-autofocus
        {...form.getInputProps("name")}
      />
      <TimeZoneSelect
        value={form.values.timeZone}
        onChange={(v) => form.setFieldValue("timeZone", v)}
        error={form.errors.timeZone}
        disabled={disabled}
        description="Weeks, due dates and “this week” are computed in it"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label="Week starts on"
          data={weekdayOptions}
          value={String(form.values.weekStart)}
          onChange={(v) => v && form.setFieldValue("weekStart", Number(v))}
          allowDeselect={false}
          error={form.errors.weekStart}
          disabled={disabled}
        />
        <Select
          label="Fiscal year starts in"
          description="Used when generating fiscal years and quarters"
          data={monthOptions}
          value={String(form.values.fiscalYearStartMonth)}
          onChange={(v) => v && form.setFieldValue("fiscalYearStartMonth", Number(v))}
          allowDeselect={false}
          error={form.errors.fiscalYearStartMonth}
          disabled={disabled}
        />
      </SimpleGrid>
    </>
  );
}
