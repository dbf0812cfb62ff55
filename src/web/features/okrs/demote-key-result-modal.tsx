import {
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import {
  directionOfKeyResult,
  kpiUnitOfText,
  measurementsFromCheckIns,
  proposedBands,
  suggestKpiKey,
} from "../../../domain/kpi/kr-demotion.ts";
import { DemoteKeyResultSchema, type DemotionResult } from "../../../shared/schemas/kr-demotion.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { api } from "../../lib/api-client.ts";
import type { CheckIn, KeyResult, TeamNode } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useInvalidateKpis } from "../kpis/kpis-api.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { useOrganization } from "../settings/settings-api.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import { flattenTree } from "../teams/team-tree-utils.ts";

type Props = {
  slug: string;
  kr: KeyResult | null;
  objectiveTeamId: string | null;
  checkIns: CheckIn[] | undefined;
  roots: TeamNode[];
  onClose: () => void;
  onDone: () => void;
};

type NumberDraft = number | "";
type Values = {
  key: string;
  name: string;
  unit: "number" | "currency" | "percent" | "duration" | "count";
  currency: string;
  direction: "higher_is_better" | "lower_is_better";
  frequency: "daily" | "weekly" | "monthly" | "quarterly";
  teamId: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  target: NumberDraft;
  green: NumberDraft;
  red: NumberDraft;
};

const units = [
  { value: "number", label: "Number" },
  { value: "count", label: "Count" },
  { value: "percent", label: "Percent" },
  { value: "currency", label: "Currency" },
  { value: "duration", label: "Duration (hours)" },
];
const frequencies = ["daily", "weekly", "monthly", "quarterly"].map((f) => ({
  value: f,
  label: f[0]?.toUpperCase() + f.slice(1),
}));

/** "Turn into a KPI…": a metric KR that proved to be a standing metric moves to the KPI board. */
export function DemoteKeyResultModal({ slug, kr, objectiveTeamId, checkIns, roots, onClose, onDone }: Props) {
  const org = useOrganization(slug);
  const invalidate = useInvalidateKpis(slug);
  const [created, setCreated] = useState<DemotionResult | null>(null);
  const kpiTeams = flattenTree(roots).filter((f) => f.team.methodology !== "okr" && !f.team.archived);
  const defaultTeam = kpiTeams.some((f) => f.team.id === objectiveTeamId) ? objectiveTeamId : null;

  const finish = () => {
    setCreated(null);
    onDone();
  };
  if (created) {
    return (
      <Modal opened onClose={finish} title="The Key Result is now a KPI">
        <Text size="sm" mb="md">
          “{created.kpi.name}” has {created.measurements} value{created.measurements === 1 ? "" : "s"} from
          the Key Result's check-ins; the Key Result is archived with a note naming it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={finish}>
            Close
          </Button>
          <Anchor component={Link} to={`/o/${slug}/kpis/${created.kpi.id}`} onClick={finish}>
            Open the KPI
          </Anchor>
        </Group>
      </Modal>
    );
  }

  const send = async (v: Values) => {
    if (!kr) return;
    const higher = v.direction === "higher_is_better";
    const body = parseFields(DemoteKeyResultSchema, {
      key: v.key,
      name: v.name,
      unit: v.unit,
      currency: v.unit === "currency" ? v.currency || null : null,
      direction: v.direction,
      frequency: v.frequency,
      ...(v.teamId ? { teamId: v.teamId } : {}),
      ...(v.ownerUserId ? { ownerUserId: v.ownerUserId } : {}),
      bands: {
        target: v.target === "" ? null : v.target,
        [higher ? "greenMin" : "greenMax"]: v.green === "" ? null : v.green,
        [higher ? "redMin" : "redMax"]: v.red === "" ? null : v.red,
      },
    });
    const result = await api.post("/api/orgs/{org}/key-results/{keyResultId}/demote", {
      path: { org: slug, keyResultId: kr.id },
      body,
    });
    await invalidate();
    setCreated(result);
  };

  return (
    <FormModal
      opened={kr !== null}
      onClose={onClose}
      title={kr ? `Turn “${kr.title}” into a KPI` : ""}
      size="lg"
      resetKey={kr?.id ?? null}
      initialValues={(): Values => {
        const direction = directionOfKeyResult(kr?.startValue ?? null, kr?.targetValue ?? null);
        const unit = kpiUnitOfText(kr?.unit ?? "");
        const bands =
          kr?.targetValue != null ? proposedBands(direction, kr.startValue, kr.targetValue) : null;
        const higher = direction === "higher_is_better";
        return {
          key: suggestKpiKey(kr?.title ?? ""),
          name: kr?.title ?? "",
          unit: unit.unit,
          currency: unit.currency ?? "",
          direction,
          frequency: "weekly",
          teamId: defaultTeam,
          ownerUserId: kr?.ownerUserId ?? null,
          ownerName: kr?.ownerName ?? null,
          target: bands?.target ?? "",
          green: (higher ? bands?.greenMin : bands?.greenMax) ?? "",
          red: (higher ? bands?.redMin : bands?.redMax) ?? "",
        };
      }}
      onSubmit={send}
      submitLabel="Turn into a KPI"
      testId="demote-key-result-modal"
    >
      {(form) => {
        const valued = (checkIns ?? []).filter((c) => c.value !== null);
        const calendar = org.data
          ? {
              timeZone: org.data.timeZone,
              opts: { weekStart: org.data.weekStart, fiscalYearStartMonth: org.data.fiscalYearStartMonth },
            }
          : null;
        const periods = calendar
          ? measurementsFromCheckIns(
              valued.map((c) => ({ at: new Date(c.createdAt), value: c.value as number })),
              form.values.frequency,
              calendar,
            ).length
          : null;
        const higher = form.values.direction === "higher_is_better";
        return (
          <>
            <Text size="sm" c="dimmed">
              For a metric to keep watching rather than to move this cycle. The Key Result is archived with a
              note naming the KPI; {valued.length} check-in{valued.length === 1 ? "" : "s"} become
              {periods === null
                ? " values"
                : ` ${periods} ${form.values.frequency} value${periods === 1 ? "" : "s"}`}{" "}
              (the last of each period).
            </Text>
            <SimpleGrid cols={2}>
              <TextInput label="Name" {...form.getInputProps("name")} data-autofocus />
              <TextInput
                label="Key"
                description="Used in formulas and the API"
                {...form.getInputProps("key")}
              />
              <Select label="Unit" data={units} allowDeselect={false} {...form.getInputProps("unit")} />
              {form.values.unit === "currency" && (
                <TextInput label="Currency" placeholder="EUR" {...form.getInputProps("currency")} />
              )}
              <Select
                label="Direction"
                data={[
                  { value: "higher_is_better", label: "Higher is better" },
                  { value: "lower_is_better", label: "Lower is better" },
                ]}
                allowDeselect={false}
                {...form.getInputProps("direction")}
              />
              <Select
                label="Frequency"
                data={frequencies}
                allowDeselect={false}
                {...form.getInputProps("frequency")}
              />
            </SimpleGrid>
            <TeamSelect
              label="Team"
              description="A team that runs KPIs"
              roots={roots}
              value={form.values.teamId}
              onChange={(id) => form.setFieldValue("teamId", id)}
              error={form.errors.teamId}
            />
            <PersonSelect
              slug={slug}
              label="Owner"
              value={form.values.ownerUserId}
              valueLabel={form.values.ownerName}
              onChange={(id, name) => form.setValues({ ownerUserId: id, ownerName: name })}
              error={form.errors.ownerUserId}
            />
            <SimpleGrid cols={3}>
              <NumberInput
                label="Target"
                {...form.getInputProps("target")}
                error={form.errors["bands.target"]}
              />
              <NumberInput
                label={higher ? "Green from" : "Green up to"}
                {...form.getInputProps("green")}
                error={form.errors[higher ? "bands.greenMin" : "bands.greenMax"]}
              />
              <NumberInput
                label={higher ? "Red below" : "Red above"}
                {...form.getInputProps("red")}
                error={form.errors[higher ? "bands.redMin" : "bands.redMax"]}
              />
            </SimpleGrid>
          </>
        );
      }}
    </FormModal>
  );
}
