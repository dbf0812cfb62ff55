import { Anchor, Button, Divider, Group, Loader, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { KpiUnitFormat } from "../../../shared/kpi-format.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { InvalidFields } from "../../lib/zod-form.ts";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import { Sparkline } from "../kpis/sparkline.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { usePromoteKpi, usePromotionDraft } from "./kpi-links-api.ts";
import { PromoteKeyResultFields } from "./promote-key-result-fields.tsx";
import { PromoteObjectiveFields } from "./promote-objective-fields.tsx";
import {
  initialPromoteValues,
  type PromoteValues,
  type PromotionDraft,
  promoteIssueMapper,
  toPromoteRequest,
} from "./promotion-draft.ts";

type Props = {
  slug: string;
  kpiId: string;
  /** The KPI's unit as the page knows it (the draft does not carry the currency). */
  unit: KpiUnitFormat;
  opened: boolean;
  onClose: () => void;
};
type Done = { objectiveId: string; title: string };

/**
 * "Make it a Key Result": the KPI needs to change rather than hold for a cycle, so it
 * becomes a Key Result of an Objective (existing, or drafted from a problem statement).
 * The API decides who may; its refusal is shown above the buttons.
 */
export function PromoteKpiModal({ slug, kpiId, unit, opened, onClose }: Props) {
  const [cycleId, setCycleId] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const draft = usePromotionDraft(slug, kpiId, cycleId);
  const tree = useTeamTree(slug);
  const promote = usePromoteKpi(slug, kpiId);
  const close = () => {
    setDone(null);
    onClose();
  };

  if (done) {
    return (
      <Modal opened={opened} onClose={close} title="It is a Key Result now">
        <Stack gap="sm">
          <Text size="sm">“{done.title}” reads this KPI for the cycle.</Text>
          <Group justify="space-between">
            <Anchor component={Link} to={`/o/${slug}/okrs/${done.objectiveId}`} onClick={close}>
              Open the Objective
            </Anchor>
            <Button onClick={close}>Close</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  if (!draft.data) {
    return (
      <Modal opened={opened} onClose={close} title="Make it a Key Result">
        {draft.isError ? (
          <QueryError error={draft.error} onRetry={() => void draft.refetch()} what="the draft" />
        ) : (
          <Group justify="center" p="md">
            <Loader size="sm" aria-label="Loading the draft" />
          </Group>
        )}
      </Modal>
    );
  }
  const d = draft.data;
  const format = (value: number | null) => formatKpiValue(value, unit);

  const send = async (values: PromoteValues) => {
    const checked = toPromoteRequest(values);
    if (!checked.ok) throw new InvalidFields(checked.errors);
    const result = await promote.mutateAsync(checked.request);
    notify(`“${values.title.trim()}” is a Key Result now.`);
    setDone({ objectiveId: result.objectiveId, title: values.title.trim() });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={`Make ${d.kpi.name} a Key Result`}
      size="lg"
      resetKey={kpiId}
      initialValues={() => initialPromoteValues(d)}
      onSubmit={send}
      mapIssues={promoteIssueMapper}
      submitLabel="Make it a Key Result"
      testId="promote-kpi-form"
    >
      {(form) => (
        <>
          <KpiToday draft={d} format={format} />
          <PromoteObjectiveFields
            form={form}
            draft={d}
            roots={tree.data?.roots ?? []}
            loading={draft.isPlaceholderData}
            onCycleChange={setCycleId}
          />
          <Divider />
          <PromoteKeyResultFields form={form} draft={d} format={format} />
        </>
      )}
    </FormModal>
  );
}

/** Where the KPI stands: its recent trend, its value today and the value it needs. */
function KpiToday({ draft, format }: { draft: PromotionDraft; format: (v: number | null) => string }) {
  return (
    <Group gap="lg" wrap="nowrap" align="center">
      <Sparkline points={draft.trend} status={null} target={draft.target} label={`${draft.kpi.name} trend`} />
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          Today
        </Text>
        <Text fw={600}>{format(draft.latest)}</Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          Needs
        </Text>
        <Text fw={600}>{format(draft.target)}</Text>
      </Stack>
    </Group>
  );
}
