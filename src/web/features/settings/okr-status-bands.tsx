import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import {
  DEFAULT_STATUS_SETTINGS,
  resolveStatusSettings,
  type StatusSettings,
  validateStatusSettings,
} from "../../../domain/okr/status-settings.ts";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import type { Organization } from "../../lib/types.ts";
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

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The organisation's OKR status bands (docs/okr-status.md): what turns pace and confidence
 * into on track, at risk, off track and stale. Only changed bands are sent; the rules the
 * API checks (ranges, off-track below on-track) are checked here first, by the same code.
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
  const [values, setValues] = useState<Values>(saved);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<Error | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when a new version arrives
  useEffect(() => {
    setValues(resolveStatusSettings(org.okrStatusSettings as Partial<StatusSettings>));
    setErrors({});
  }, [org.version]);

  const changed = fields.filter((f) => values[f.name] !== saved[f.name]).map((f) => f.name);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    for (const f of fields) if (values[f.name] === "") next[f.name] = "Enter a number";
    if (Object.keys(next).length === 0) {
      const candidate = { ...saved, ...values } as StatusSettings;
      for (const issue of validateStatusSettings(candidate)) next[issue.field] = sentence(issue.message);
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const okrStatusSettings = Object.fromEntries(changed.map((name) => [name, values[name]]));
    update.mutate(
      { version: org.version, okrStatusSettings },
      {
        onSuccess: () => notify("Status bands saved: every OKR page uses them now."),
        onError: (err) => {
          if (isApiError(err) && err.issues.length > 0) {
            const mapped: Partial<Record<Field, string>> = {};
            for (const issue of err.issues) {
              const name = issue.field.replace(/^okrStatusSettings\./, "") as Field;
              if (name in DEFAULT_STATUS_SETTINGS) mapped[name] = sentence(issue.message);
            }
            setErrors(mapped);
          }
          setFormError(err instanceof Error ? err : new Error("Something went wrong. Try again."));
        },
      },
    );
  };

  return (
    <Card withBorder maw={640} padding="md" mt="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby="okr-status-bands-title">
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
                value={values[f.name]}
                onChange={(v) => {
                  setValues((old) => ({
                    ...old,
                    [f.name]: typeof v === "number" ? v : v === "" ? "" : Number(v),
                  }));
                  setErrors((old) => ({ ...old, [f.name]: undefined }));
                }}
                error={errors[f.name]}
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
              <Button
                variant="default"
                disabled={changed.length === 0}
                onClick={() => {
                  setValues(saved);
                  setErrors({});
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" loading={update.isPending} disabled={changed.length === 0}>
                Save bands
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
