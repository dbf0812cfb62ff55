import { Anchor, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Objective } from "../../lib/types.ts";
import { findNode } from "../alignment/alignment-utils.ts";
import { formatProgress } from "./okr-format.ts";
import { OkrStatusIcon } from "./okr-status-badge.tsx";
import { useAlignment } from "./okrs-api.ts";

/**
 * Alignment up (what this Objective contributes to, with its weights) and down (what
 * contributes to it in its cycle, from the alignment tree), with the aligned progress.
 */
export function AlignmentLinks({ slug, objective: o }: { slug: string; objective: Objective }) {
  // The subtree of the Objective's team holds it and everything contributing to it, at a
  // fraction of the whole cycle's tree (a personal Objective still needs the whole cycle).
  const alignment = useAlignment(slug, o.cycleId, o.teamId);
  const node = alignment.data ? findNode(alignment.data.roots, o.id) : null;
  const children = node?.children ?? [];
  const aligned = node?.alignedProgress ?? null;
  const link = (id: string) => `/o/${slug}/okrs/${id}`;
  return (
    <Card withBorder padding="sm" h="100%" data-testid="alignment-links">
      <Stack gap="sm">
        <div>
          <Group gap={4} mb={4}>
            <IconArrowUpRight size={14} aria-hidden />
            <Text size="xs" c="dimmed" fw={500}>
              Contributes to
            </Text>
          </Group>
          {o.parents.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing yet. Use Align to connect it to the level above.
            </Text>
          ) : (
            <Stack gap={2}>
              {o.parents.map((p) => (
                <div key={p.objectiveId}>
                  <Anchor component={Link} to={link(p.objectiveId)} size="sm" lineClamp={2}>
                    {p.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="keel-num">
                    weight {p.weight}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Group gap={4} mb={4} justify="space-between">
            <Group gap={4}>
              <IconArrowDownRight size={14} aria-hidden />
              <Text size="xs" c="dimmed" fw={500}>
                Contributions from
              </Text>
            </Group>
            {aligned !== null && (
              <Text size="xs" c="dimmed" className="keel-num">
                aligned progress {formatProgress(aligned)}
              </Text>
            )}
          </Group>
          {alignment.isPending ? (
            <Skeleton height={20} />
          ) : children.length === 0 ? (
            <Text size="sm" c="dimmed">
              No Objective of this cycle contributes to it yet.
            </Text>
          ) : (
            <Stack gap={2}>
              {children.map((c) => (
                <Group key={c.id} gap={6} wrap="nowrap" align="flex-start">
                  <span style={{ marginTop: 2 }}>
                    <OkrStatusIcon status={c.status} size={14} />
                  </span>
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={link(c.id)} size="sm" lineClamp={2}>
                      {c.restricted ? "Visible to its team only" : c.title}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="keel-num">
                      {c.teamName ? `${c.teamName} · ` : ""}
                      {formatProgress(c.progress)} · weight {c.contributionWeight}
                    </Text>
                  </div>
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
