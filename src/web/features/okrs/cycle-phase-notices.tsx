import { Alert, Button, Group, Text } from "@mantine/core";
import { IconClipboardCheck, IconLock } from "@tabler/icons-react";
import { Link } from "react-router";
import { daysUntil, plural } from "../../lib/format.ts";
import type { Cycle } from "../../lib/types.ts";

type Props = { slug: string; cycle: Cycle | null; mayClose: boolean };

/**
 * What the cycle's phase means for the OKRs on the page: grading under way, the end
 * drawing near (for those who close cycles), or a closed, frozen cycle.
 */
export function CyclePhaseNotices({ slug, cycle, mayClose }: Props) {
  if (!cycle) return null;
  const closeWizard = `/o/${slug}/admin/cycles/${cycle.id}/close`;
  const daysLeft = daysUntil(cycle.endsOn);
  return (
    <>
      {cycle.state === "grading" && (
        <Alert
          color="yellow"
          icon={<IconClipboardCheck size={18} />}
          mb="md"
          title={`${cycle.name} is in grading`}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              Owners give each key result its final score (0.0–1.0) and each Objective its outcome. Closing
              the cycle then freezes them.
            </Text>
            {mayClose && (
              <Button component={Link} to={closeWizard} size="xs" variant="white" color="yellow">
                Open the close wizard
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {mayClose && cycle.state === "active" && daysLeft <= 14 && (
        <Alert color="blue" icon={<IconClipboardCheck size={18} />} mb="md">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              {daysLeft < 0
                ? `${cycle.name} has ended. Grade its OKRs and close it.`
                : `${cycle.name} ends in ${plural(daysLeft, "day")}. Grading comes next.`}
            </Text>
            <Button component={Link} to={closeWizard} size="xs" variant="white">
              Grade and close
            </Button>
          </Group>
        </Alert>
      )}
      {cycle.state === "closed" && (
        <Alert color="gray" icon={<IconLock size={18} />} mb="md">
          {cycle.name} is closed: its OKRs and check-ins are frozen. An admin can reopen it.
        </Alert>
      )}
    </>
  );
}
