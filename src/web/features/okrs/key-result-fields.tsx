import {
  ActionIcon,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { KeyResultKind } from "../../lib/types.ts";
import { KeyResultKpiPicker } from "../kpi-links/key-result-kpi-picker.tsx";
import { PeopleMultiSelect } from "../people/people-multi-select.tsx";
import { PersonSelect } from "../people/person-select.tsx";
import type { KeyResultDraft } from "./objective-draft.ts";
import { kindLabels } from "./okr-format.ts";
import type { Commitment } from "./okrs-api.ts";

const kindData = (["metric", "milestone", "percentage"] as const).map((k) => ({
  value: k,
  label: kindLabels[k],
}));

const kindHints: Record<KeyResultKind, string> = {
  metric: "From a start value to a target; decreasing works too (churn 40 → 20).",
  milestone: "Done or not done. Prefer outcomes over tasks: what does finishing it change?",
  percentage: "Progress judged directly as 0–100 %, for work that is estimated rather than counted.",
};

type Props = {
  slug: string;
  index: number;
  kr: KeyResultDraft;
  errors: Record<string, ReactNode>;
  onChange: (patch: Partial<KeyResultDraft>) => void;
  onRemove: () => void;
  autoFocus?: boolean;
};

/**
 * One Key Result in the Objective form: title, kind, start → target (metrics), owner, and
 * weight, commitment and contributors (everything the API takes for a KR).
 */
export function KeyResultFields({ slug, index, kr, errors, onChange, onRemove, autoFocus }: Props) {
  const err = (field: string) => errors[`kr:${kr.key}:${field}`];
  const existing = kr.id !== null;
  const toNumber = (v: string | number): number | "" =>
    v === "" || v === "-" ? "" : typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : "";
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="key-result-fields"
      aria-label={`Key result ${index + 1}`}
      role="group"
    >
      <Stack gap={6}>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label="Key result title"
            placeholder="e.g. On-time delivery rate from 91 % to 97 %"
            value={kr.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
            error={err("title")}
            style={{ flex: "1 1 260px" }}
            data-autofocus={autoFocus || undefined}
            autoFocus={autoFocus}
          />
          <Select
            label="Kind"
            data={kindData}
            value={kr.kind}
            onChange={(v) => v && onChange({ kind: v as KeyResultKind })}
            allowDeselect={false}
            disabled={existing}
            w={200}
            error={err("kind")}
            description={existing ? "Fixed once created" : undefined}
          />
          <Tooltip label={existing ? "Remove (archive) this key result" : "Remove this key result"}>
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={26}
              aria-label={`Remove key result ${index + 1}`}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap="xs" align="flex-start" wrap="wrap">
          {kr.kind === "metric" && (
            <>
              <NumberInput
                label="Start"
                value={kr.startValue}
                onChange={(v) => onChange({ startValue: toNumber(v) })}
                error={err("startValue")}
                w={110}
                hideControls
                decimalScale={4}
              />
              <NumberInput
                label="Target"
                value={kr.targetValue}
                onChange={(v) => onChange({ targetValue: toNumber(v) })}
                error={err("targetValue")}
                w={110}
                hideControls
                decimalScale={4}
              />
              <TextInput
                label="Unit"
                placeholder="%, €, ms…"
                value={kr.unit}
                onChange={(e) => onChange({ unit: e.currentTarget.value })}
                error={err("unit")}
                w={90}
              />
            </>
          )}
          <div style={{ flex: "1 1 200px", minWidth: 0 }}>
            <PersonSelect
              slug={slug}
              label="KR owner"
              value={kr.ownerUserId}
              valueLabel={kr.ownerName}
              onChange={(id, name) => onChange({ ownerUserId: id, ownerName: name })}
              error={err("ownerUserId")}
              placeholder="No owner yet"
            />
          </div>
        </Group>
        {kr.kind === "metric" && (
          <KeyResultKpiPicker
            slug={slug}
            kpiId={kr.kpiId}
            kpiRead={kr.kpiRead}
            error={err("kpiId")}
            onChange={onChange}
          />
        )}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <NumberInput
            label="Weight"
            description="In the Objective's progress"
            value={kr.weight}
            onChange={(v) => onChange({ weight: toNumber(v) })}
            error={err("weight")}
            min={0}
            max={100}
            decimalScale={2}
            w={130}
          />
          <div>
            <Text component="span" size="sm" fw={500} id={`kr-${kr.key}-commitment`}>
              Commitment
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {kr.commitment === "committed"
                ? "Must be met: missing it puts the Objective off track"
                : "A stretch: 0.6–0.7 is a good score"}
            </Text>
            <SegmentedControl
              aria-labelledby={`kr-${kr.key}-commitment`}
              size="xs"
              value={kr.commitment}
              onChange={(v) => onChange({ commitment: v as Commitment })}
              data={[
                { value: "aspirational", label: "Aspirational" },
                { value: "committed", label: "Committed" },
              ]}
            />
          </div>
          <div style={{ flex: "1 1 240px", minWidth: 0 }}>
            <PeopleMultiSelect
              slug={slug}
              label="Contributors"
              description="Check in besides the owner"
              value={kr.contributorUserIds}
              onChange={(ids) => onChange({ contributorUserIds: ids })}
              exclude={kr.ownerUserId ? [kr.ownerUserId] : []}
              placeholder="Nobody else"
              error={err("contributorUserIds")}
            />
          </div>
        </Group>
        <Text size="xs" c="dimmed">
          {kindHints[kr.kind]}
        </Text>
      </Stack>
    </Paper>
  );
}
