import { Alert, Button, Group, List, Text } from "@mantine/core";
import { IconCalendarPause, IconTargetArrow } from "@tabler/icons-react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle, Objective } from "../../lib/types.ts";
import { useUpdateCycle } from "../cycles/cycles-api.ts";
import { AcknowledgeFindingsModal, openFindingsOf } from "./acknowledge-findings-modal.tsx";
import { useInvalidateOkrs } from "./okrs-api.ts";

/**
 * Says when an Objective's cycle is still in planning (nobody is asked to check in until
 * it starts) and lets an admin start it from here.
 */
export function CycleNotStartedNotice({
  slug,
  objective,
  cycle,
  mayStartCycle,
}: {
  slug: string;
  objective: Objective;
  cycle: Cycle | null;
  /** Whether the reader's role manages cycles (src/domain/roles.ts). */
  mayStartCycle: boolean;
}) {
  const start = useUpdateCycle(slug);
  const refreshOkrs = useInvalidateOkrs(slug);
  if (objective.cycleStarted || objective.cycleState !== "planning") return null;
  const startCycle = (acknowledgeFindings: boolean) =>
    cycle &&
    start.mutate(
      {
        id: cycle.id,
        patch: {
          version: cycle.version,
          state: "active",
          ...(acknowledgeFindings ? { acknowledgeFindings } : {}),
        },
      },
      {
        onSuccess: () => {
          void refreshOkrs();
          notify(`${cycle.name} started.`);
        },
      },
    );
  return (
    <Alert
      color="blue"
      icon={<IconCalendarPause size={18} />}
      title={`${objective.cycleName} has not started`}
      mb="sm"
      data-testid="cycle-not-started"
    >
      <Text size="sm">
        The cycle is still in planning: nobody is asked to check in on its key results, and they do not appear
        under My check-ins, until it is started.
        {!mayStartCycle && " An admin can start it."}
      </Text>
      {mayStartCycle && cycle && (
        <Group mt="xs" gap="sm">
          <Button size="xs" loading={start.isPending} onClick={() => startCycle(false)}>
            Start cycle
          </Button>
          {openFindingsOf(start.error).length === 0 && <FormError error={start.error} />}
          <AcknowledgeFindingsModal
            error={start.error}
            action="Start the cycle"
            loading={start.isPending}
            onClose={() => start.reset()}
            onConfirm={() => startCycle(true)}
          />
        </Group>
      )}
    </Alert>
  );
}

/** Rolled-over KRs that reached their target already and wait for a new one. */
export function NewTargetNotice({
  objective,
  onEdit,
}: {
  objective: Objective;
  onEdit: (() => void) | null;
}) {
  const waiting = objective.keyResults.filter((k) => k.needsNewTarget && !k.archived);
  if (waiting.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconTargetArrow size={18} />}
      title="Set new targets before activating"
      mb="sm"
    >
      <Text size="sm">
        These key results reached their target last cycle; as rolled over they would run backwards:
      </Text>
      <List size="sm" spacing={2} mt={4}>
        {waiting.map((k) => (
          <List.Item key={k.id}>
            {k.title}: starts at {k.startValue}
            {k.unit ? ` ${k.unit}` : ""}, old target {k.targetValue}
            {k.unit ? ` ${k.unit}` : ""}
          </List.Item>
        ))}
      </List>
      {onEdit && (
        <Button size="xs" mt="xs" variant="light" onClick={onEdit}>
          Edit targets
        </Button>
      )}
    </Alert>
  );
}
