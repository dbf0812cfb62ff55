import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import {
  DEFAULT_STATUS_SETTINGS,
  resolveStatusSettings,
  type StatusSettings,
  validateStatusSettings,
} from "../../../domain/okr/status-settings.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Organization } from "../../lib/types.ts";
import { useFormSubmit } from "../../lib/use-form-submit.ts";
import { assertNoErrors, type FieldErrors, type IssueMapper, sentence } from "../../lib/zod-form.ts";
import { useUpdateOrganization } from "./settings-api.ts";

type Field = keyof StatusSettings;
type Values = Record<Field, number | "">;

/** Each band with its words; `step` and `decimals` follow what the API accepts. */
const fields: Array<{ name: Field; label: string; hint: string; decimals: number; step: number }> = [
  {
    name: "staleAfterDays",
    label: "Stale after (days)",
    hint: "No check-in for longer: grey",
    decimals: 0,
    step: 1,
  },
  {
    name: "paceGraceDays",
    label: "Pace grace (days)",
    hint: "From a cycle's start, judged on confidence alone",
    decimals: 0,
    step: 1,
  },
  {
    name: "onTrackPace",
    label: "On-track pace",
    hint: "Progress ÷ expected, at least",
    decimals: 2,
    step: 0.05,
  },
  { name: "offTrackPace", label: "Off-track pace", hint: "Below it: off track", decimals: 2, step: 0.05 },
  {
    name: "onTrackConfidence",
    label: "On-track confidence",
    hint: "Latest confidence (0–10), at least",
    decimals: 0,
    step: 1,
  },
  {
    name: "offTrackConfidence",
    label: "Off-track confidence",
    hint: "At or below it: off track",
    decimals: 0,
    step: 1,
  },
  {
    name: "objectiveOffTrackShare",
    label: "Objective off-track share",
    hint: "Off track when more of its KRs are",
    decimals: 2,
    step: 0.05,
  },
];

/** The API names a band "okrStatusSettings.<band>"; the form names it "<band>". */
const mapIssues: IssueMapper<Values> = (issues) => {
  const errors: FieldErrors = {};
  const unplaced = [];
  for (const issue of issues) {
    const name = issue.field.replace(/^okrStatusSettings\./, "");
    if (name in DEFAULT_STATUS_SETTINGS) errors[name] ??= sentence(issue.message);
    else unplaced.push(issue);
  }
  return { errors, unplaced };
};

/**
 * The organisation's OKR status bands (docs/okr-status.md): what turns pace and confidence
 * into on track, at risk, off track and stale. Only changed bands are sent; the rules the
 * API checks (ranges, off-track below on-track) are checked here first, by the same code.
 * The page keys it by the organisation's version, so a saved version starts it again.
 */
export function OkrStatusBands({
  slug,
  org,
  isAdmin,
}: {
  slug: string;
  org: Organization;
  isAdmin: boolean;
}) {
  const update = useUpdateOrganization(slug);
  const saved = resolveStatusSettings(org.okrStatusSettings as Partial<StatusSettings>);
  const form = useForm<Values>({ mode: "controlled", initialValues: saved });
  const changed = fields.filter((f) => form.values[f.name] !== saved[f.name]).map((f) => f.name);

  const { submit, pending, formError } = useFormSubmit(
    form,
    async (values) => {
      const problems: FieldErrors = {};
      for (const f of fields) if (values[f.name] === "") problems[f.name] = "Enter a number";
      assertNoErrors(problems);
      for (const issue of validateStatusSettings({ ...saved, ...values } as StatusSettings))
        problems[issue.field] ??= sentence(issue.message);
      assertNoErrors(problems);
      const okrStatusSettings = Object.fromEntries(changed.map((name) => [name, values[name]]));
      await update.mutateAsync({ version: org.version, okrStatusSettings });
      notify("Status bands saved: every OKR page uses them now.");
    },
    mapIssues,
  );

  return (
    <Card withBorder maw={640} padding="md" mt="md">
      <form onSubmit={submit} noValidate aria-labelledby="okr-status-bands-title">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="okr-status-bands-title">
              OKR status bands
            </Title>
            <Text size="xs" c="dimmed">
              When a key result reads on track, at risk, off track or stale. Defaults in brackets.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fields.map((f) => (
              <NumberInput
                key={f.name}
                label={f.label}
                description={`${f.hint} (${DEFAULT_STATUS_SETTINGS[f.name]})`}
                {...form.getInputProps(f.name)}
                onChange={(v) =>
                  form.setFieldValue(f.name, typeof v === "number" ? v : v === "" ? "" : Number(v))
                }
                decimalScale={f.decimals}
                step={f.step}
                min={0}
                disabled={!isAdmin}
              />
            ))}
          </SimpleGrid>
          <FormError error={formError} />
          {isAdmin && (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" disabled={changed.length === 0} onClick={form.reset}>
                Discard changes
              </Button>
              <Button type="submit" loading={pending} disabled={changed.length === 0}>
                Save bands
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
