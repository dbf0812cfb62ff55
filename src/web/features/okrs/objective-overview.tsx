import { Card, Grid, Group, Text } from "@mantine/core";
import type { Objective } from "../../lib/types.ts";
import { AlignmentLinks } from "./alignment-links.tsx";
import { formatProgress, formatScore } from "./okr-format.ts";
import { OkrProgressBar } from "./okr-progress-bar.tsx";

/** How far the Objective has come against the cycle's pace, what it aligns with, and its retrospective. */
export function ObjectiveOverview({ slug, objective: o }: { slug: string; objective: Objective }) {
  const draft = o.state === "draft";
  return (
    <>
      <Grid gap="md" my="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm" h="100%">
            <Text size="xs" c="dimmed" fw={500} mb={4}>
              Progress
            </Text>
            <Group gap="sm" align="baseline" mb={6}>
              <Text fz={24} fw={600} className="keel-num" data-testid="objective-progress">
                {formatProgress(o.progress)}
              </Text>
              {!draft && (
                <Text size="sm" c="dimmed" className="keel-num">
                  expected by now {formatProgress(o.expectedProgress)}
                </Text>
              )}
              {o.grade !== null && (
                <Text size="sm" className="keel-num">
                  Grade {formatScore(o.grade)}
                </Text>
              )}
            </Group>
            <OkrProgressBar
              progress={o.progress}
              expected={draft ? null : o.expectedProgress}
              status={draft ? undefined : o.status}
              size="md"
              withLabel={false}
              label={`Progress of ${o.title}`}
            />
            <Text size="xs" c="dimmed" mt={6}>
              The weighted mean of its key results, each counted up to 100 %. The tick marks how much of the
              cycle has passed.
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AlignmentLinks slug={slug} objective={o} />
        </Grid.Col>
      </Grid>

      {o.retrospective && (
        <Card withBorder padding="sm" mb="md">
          <Text size="xs" c="dimmed" fw={500}>
            Retrospective
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {o.retrospective}
          </Text>
        </Card>
      )}
    </>
  );
}
