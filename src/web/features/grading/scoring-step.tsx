import { Anchor, Button, Card, Group, Progress, Stack, Text } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { messageOf } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import type { Objective, TeamNode } from "../../lib/types.ts";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { useSaveGradings } from "./grading-api.ts";
import {
  type GradingDraft,
  gradingProblems,
  gradingRequests,
  initialGrading,
  isGraded,
} from "./grading-draft.ts";
import { GradingFields } from "./grading-fields.tsx";

type Props = {
  slug: string;
  objectives: Objective[];
  roots: TeamNode[];
  /** Scores can be changed (the cycle is in grading). */
  editable: boolean;
};

/**
 * Step 2: every Objective of the cycle with its KR scores (suggestions prefilled) and
 * outcome. "Save scores" saves all that changed; rows with problems are pointed out.
 */
export function ScoringStep({ slug, objectives, roots, editable }: Props) {
  const [teamId, setTeamId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, GradingDraft>>({});
  const [problems, setProblems] = useState<Record<string, Record<string, string>>>({});
  const [failures, setFailures] = useState<Record<string, string>>({});
  const save = useSaveGradings(slug);
  const gradable = useMemo(() => objectives.filter((o) => o.state !== "draft" && !o.archived), [objectives]);
  const shown = teamId ? gradable.filter((o) => o.teamId === teamId) : gradable;
  const graded = gradable.filter(isGraded).length;
  const draftOf = (o: Objective) => drafts[o.id] ?? initialGrading(o);

  const onSave = () => {
    const found: Record<string, Record<string, string>> = {};
    const batch = [];
    // Everything shown is saved, including untouched suggestions: accepting them is the point.
    for (const o of shown) {
      const d = draftOf(o);
      const p = gradingProblems(o, d);
      if (Object.keys(p).length > 0) {
        found[o.id] = p;
        continue;
      }
      const requests = gradingRequests(o, d);
      if (requests.scores.length > 0 || requests.grade) batch.push({ objective: o, ...requests });
    }
    setProblems(found);
    setFailures({});
    if (batch.length === 0) {
      notify(
        Object.keys(found).length > 0 ? "Fix the marked scores first." : "Everything shown is saved already.",
        Object.keys(found).length > 0 ? "error" : "info",
      );
      return;
    }
    save.mutate(batch, {
      onSuccess: (results) => {
        const failed = results.filter((r) => r.error);
        setFailures(Object.fromEntries(failed.map((r) => [r.objectiveId, messageOf(r.error)])));
        setDrafts((all) => {
          const next = { ...all };
          for (const r of results) if (!r.error) delete next[r.objectiveId];
          return next;
        });
        const ok = results.length - failed.length;
        if (ok > 0) notify(`Saved the grading of ${ok} objective${ok === 1 ? "" : "s"}.`);
        if (failed.length > 0)
          notify(`${failed.length} could not be saved; see the marked objectives.`, "error");
        if (Object.keys(found).length > 0)
          notify(`${Object.keys(found).length} still need a fix before saving.`, "error");
      },
    });
  };

  if (gradable.length === 0) {
    return (
      <EmptyState icon={<IconDeviceFloppy size={22} />} title="Nothing to grade">
        This cycle has no active Objectives. Drafts are not graded.
      </EmptyState>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 240px" }}>
          <Text size="sm" className="keel-num" data-testid="graded-count">
            {graded} of {gradable.length} objectives graded
          </Text>
          <Progress
            value={(graded / gradable.length) * 100}
            size="sm"
            aria-label="Objectives graded"
            maw={320}
          />
        </Stack>
        <TeamSelect
          ariaLabel="Grade one team"
          roots={roots}
          value={teamId}
          onChange={setTeamId}
          allowTopLevel
          topLevelLabel="All teams"
          w={220}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Scores start from the suggestion: progress clamped to 0–1 and rounded to 0.1. A different score needs
        a comment. Outcome: achieved from 0.7 up, missed below; dropped when the Objective stopped mattering.
      </Text>
      {shown.map((o) => (
        <Card key={o.id} withBorder padding="sm" data-testid="grading-objective">
          <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
            <Stack gap={2} style={{ minWidth: 0, flex: "1 1 260px" }}>
              <Anchor
                component={Link}
                to={`/o/${slug}/okrs/${o.id}`}
                fw={600}
                size="sm"
                c="var(--mantine-color-text)"
              >
                {o.restricted ? "Objective visible to its team only" : o.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {o.teamName ?? "Personal"} · {o.ownerName ?? "No owner"}
              </Text>
            </Stack>
            <Group gap={6}>
              <OkrStatusBadge status={o.status} compact />
              <Text size="xs" c={isGraded(o) ? "green" : "dimmed"}>
                {isGraded(o) ? "Graded" : "Not graded"}
              </Text>
            </Group>
          </Group>
          <GradingFields
            objective={o}
            draft={draftOf(o)}
            onChange={(d) => setDrafts((all) => ({ ...all, [o.id]: d }))}
            problems={problems[o.id] ?? {}}
            disabled={!editable || save.isPending}
          />
          {failures[o.id] && (
            <Text size="sm" c="red" mt={4} role="alert">
              {failures[o.id]}
            </Text>
          )}
        </Card>
      ))}
      {editable && (
        <Card withBorder padding="sm" shadow="sm" style={{ position: "sticky", bottom: 12, zIndex: 5 }}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed">
              Saves every objective shown{teamId ? " for this team" : ""}, suggestions included.
            </Text>
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={onSave} loading={save.isPending}>
              Save scores
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
