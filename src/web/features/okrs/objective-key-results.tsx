import { Button, Card, Stack, Title } from "@mantine/core";
import { IconTarget } from "@tabler/icons-react";
import { EmptyState } from "../../components/empty-state.tsx";
import type { CheckIn, Cycle, KeyResult, Objective } from "../../lib/types.ts";
import { KeyResultPanel } from "./key-result-panel.tsx";

type Props = {
  objective: Objective;
  keyResults: KeyResult[];
  cycle: Cycle | null;
  checkIns: Map<string, CheckIn[]>;
  /** Whether check-ins are open at all: an active Objective in a running, unfrozen cycle. */
  checkInsOpen: boolean;
  /** Null when the reader may not add key results (or the Objective is frozen). */
  onAdd: (() => void) | null;
  onCheckIn: (kr: KeyResult) => void;
  /** Null when the reader may not edit the Objective (or it is frozen). */
  onTurnIntoKpi?: ((kr: KeyResult) => void) | null;
};

/** The Objective's key results, each with its chart and check-in button, or the way to add the first. */
export function ObjectiveKeyResults({ objective: o, keyResults, cycle, checkIns, ...props }: Props) {
  return (
    <>
      <Title order={2} mb="xs" mt="md">
        Key results
      </Title>
      {keyResults.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconTarget size={22} />}
            title="No key results yet"
            action={
              props.onAdd && (
                <Button variant="default" onClick={props.onAdd}>
                  Add key results
                </Button>
              )
            }
          >
            Add 2–5 measurable key results: how will you know this Objective was reached?
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="sm">
          {keyResults.map((kr) => (
            <KeyResultPanel
              key={kr.id}
              kr={kr}
              expected={o.state === "draft" ? null : o.expectedProgress}
              cycle={cycle}
              checkIns={checkIns.get(kr.id)}
              canCheckIn={props.checkInsOpen && kr.can.checkIn}
              onCheckIn={() => props.onCheckIn(kr)}
              onTurnIntoKpi={
                props.onTurnIntoKpi && kr.kind === "metric" && !kr.archived
                  ? () => props.onTurnIntoKpi?.(kr)
                  : undefined
              }
            />
          ))}
        </Stack>
      )}
    </>
  );
}
