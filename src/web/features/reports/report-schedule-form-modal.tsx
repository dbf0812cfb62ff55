import { SegmentedControl, Stack, Text } from "@mantine/core";
import {
  CreateReportScheduleSchema,
  UpdateReportScheduleSchema,
} from "../../../shared/schemas/report-schedules.ts";
import { FormModal } from "../../components/form-modal.tsx";
import type { TeamNode } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { PeopleMultiSelect } from "../people/people-multi-select.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import {
  type ReportSchedule,
  useCreateReportSchedule,
  useUpdateReportSchedule,
} from "./report-schedules-api.ts";

type Props = {
  slug: string;
  roots: TeamNode[];
  /** Admins may schedule the whole organisation's report; leads only their teams'. */
  isAdmin: boolean;
  /** The schedule to edit; null adds one. */
  editing: ReportSchedule | null;
  /** The team a new schedule starts with (the one the page shows). */
  teamId: string | null;
  opened: boolean;
  onClose: () => void;
};

/** Adds or edits a scheduled report: which teams, how often, as what, to whom. */
export function ReportScheduleFormModal({ slug, roots, isAdmin, editing, teamId, opened, onClose }: Props) {
  const create = useCreateReportSchedule(slug);
  const update = useUpdateReportSchedule(slug);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? "Edit scheduled report" : "Schedule a report"}
      resetKey={editing?.id ?? null}
      version={editing?.version}
      initialValues={() => ({
        teamId: editing ? editing.teamId : teamId,
        frequency: editing?.frequency ?? ("weekly" as ReportSchedule["frequency"]),
        format: editing?.format ?? ("pdf" as ReportSchedule["format"]),
        recipientUserIds: editing?.recipientUserIds ?? ([] as string[]),
      })}
      onSubmit={async (values) => {
        if (editing) {
          await update.mutateAsync({
            id: editing.id,
            body: parseFields(UpdateReportScheduleSchema, { version: editing.version, ...values }),
          });
        } else {
          await create.mutateAsync(parseFields(CreateReportScheduleSchema, values));
        }
        onClose();
      }}
      submitLabel={editing ? "Save" : "Schedule report"}
    >
      {(form) => (
        <>
          <TeamSelect
            label="Report of"
            roots={roots}
            allowTopLevel={isAdmin}
            topLevelLabel="Whole organisation"
            description="The team and every team below it"
            value={form.values.teamId}
            onChange={(v) => form.setFieldValue("teamId", v)}
            error={form.errors.teamId}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-schedule-frequency-label">
              How often
            </Text>
            <SegmentedControl
              aria-labelledby="report-schedule-frequency-label"
              size="xs"
              data={[
                { value: "weekly", label: "Weekly" },
                { value: "monthly", label: "Monthly" },
              ]}
              {...form.getInputProps("frequency")}
            />
            <Text size="xs" c="dimmed">
              {form.values.frequency === "weekly"
                ? "On the first day of each week, at the organisation's reminder hour."
                : "On the 1st of each month, at the organisation's reminder hour."}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-schedule-format-label">
              Attached as
            </Text>
            <SegmentedControl
              aria-labelledby="report-schedule-format-label"
              size="xs"
              data={[
                { value: "pdf", label: "PDF" },
                { value: "csv", label: "CSV (zip)" },
              ]}
              {...form.getInputProps("format")}
            />
          </Stack>
          <PeopleMultiSelect
            slug={slug}
            label="Recipients"
            description="Each gets the report with only what they may see in Keel."
            value={form.values.recipientUserIds}
            onChange={(ids) => form.setFieldValue("recipientUserIds", ids)}
            error={form.errors.recipientUserIds}
          />
        </>
      )}
    </FormModal>
  );
}
