import {
  Badge,
  Box,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { ReactNode } from "react";

import type { Objective, ObjectiveOutcome } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { formatProgress, formatScore, scoreNeedsComment, suggestedScore } from "../okrs/okr-format.ts";
import { draftGrade, type GradingDraft, gradedKeyResults } from "./grading-draft.ts";

const outcomes: Array<{ value: ObjectiveOutcome; label: string }> = [
  { value: "achieved", label: "Achieved" },
  { value: "missed", label: "Missed" },
  { value: "dropped", label: "Dropped" },
];

type Props = {
  objective: Objective;
  draft: GradingDraft;
  onChange: (draft: GradingDraft) => void;
  problems: Record<string, ReactNode>;
  disabled?: boolean;
};

/**
 * Grading one Objective: a final score per KR (suggested: its progress clamped and
 * rounded to 0.1; a comment when it differs), then the outcome and a retrospective.
 */
export function GradingFields({ objective: o, draft, onChange, problems, disabled }: Props) {
  const bp = useBreakpoints();
  const krs = gradedKeyResults(o);
  const grade = draftGrade(o, draft);
  const setScore = (id: string, patch: Partial<GradingDraft["scores"][string]>) =>
    onChange({
      ...draft,
      scores: { ...draft.scores, [id]: { ...(draft.scores[id] ?? { score: "", comment: "" }), ...patch } },
    });

  return (
    <Stack gap="xs">
      <div className="keel-table-scroll">
        <Table verticalSpacing={6} withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key result</Table.Th>
              {bp.sm && <Table.Th w={90}>Progress</Table.Th>}
              {bp.sm && <Table.Th w={90}>Suggested</Table.Th>}
              <Table.Th w={100}>Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {krs.map((kr) => {
              const d = draft.scores[kr.id] ?? { score: "", comment: "" };
              const suggested = suggestedScore(kr.progress);
              const differs = d.score !== "" && scoreNeedsComment(d.score, suggested);
              return (
                <Table.Tr key={kr.id} data-testid="grading-row">
                  <Table.Td>
                    <Text size="sm">{kr.title}</Text>
                    {!bp.sm && (
                      <Text size="xs" c="dimmed" className="keel-num">
                        Progress {formatProgress(kr.progress)} · suggested {formatScore(suggested)}
                      </Text>
                    )}
                    {(differs || d.comment) && (
                      <TextInput
                        mt={4}
                        size="xs"
                        aria-label={`Why the score of ${kr.title} differs`}
                        placeholder={
                          suggested === null
                            ? "Why this score?"
                            : `Why not the suggested ${formatScore(suggested)}? (required)`
                        }
                        value={d.comment}
                        onChange={(e) => setScore(kr.id, { comment: e.currentTarget.value })}
                        error={problems[`${kr.id}:comment`]}
                        disabled={disabled}
                      />
                    )}
                  </Table.Td>
                  {bp.sm && (
                    <Table.Td className="keel-num" fz="sm">
                      {formatProgress(kr.progress)}
                    </Table.Td>
                  )}
                  {bp.sm && (
                    <Table.Td className="keel-num" fz="sm">
                      {formatScore(suggested)}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={`Score of ${kr.title}`}
                      value={d.score}
                      onChange={(v) => setScore(kr.id, { score: v === "" ? "" : Number(v) })}
                      min={0}
                      max={1}
                      step={0.1}
                      decimalScale={2}
                      fixedDecimalScale={false}
                      error={problems[`${kr.id}:score`]}
                      disabled={disabled}
                      w={84}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Group gap="md" wrap="wrap" align="flex-end">
        <Box>
          <Text size="xs" c="dimmed" mb={4} id={`outcome-${o.id}`}>
            Outcome
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`outcome-${o.id}`}
            data={outcomes}
            value={draft.outcome ?? ""}
            onChange={(v) => onChange({ ...draft, outcome: v as ObjectiveOutcome })}
            disabled={disabled}
          />
          {problems.outcome && (
            <Text size="xs" c="red" mt={2}>
              {problems.outcome}
            </Text>
          )}
        </Box>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Grade
          </Text>
          <Badge
            color={grade === null ? "gray" : grade >= 0.7 ? "green" : grade >= 0.4 ? "yellow" : "red"}
            className="keel-num"
          >
            {formatScore(grade)}
          </Badge>
          {grade !== null && grade >= 0.6 && grade <= 0.7 && (
            <Text size="xs" c="dimmed">
              the healthy spot for stretch goals
            </Text>
          )}
        </Group>
      </Group>
      <Textarea
        label="Retrospective"
        aria-label={`Retrospective of ${o.title}`}
        placeholder="What did we learn? What would we do differently next cycle?"
        autosize
        minRows={1}
        maxRows={5}
        value={draft.retrospective}
        onChange={(e) => onChange({ ...draft, retrospective: e.currentTarget.value })}
        disabled={disabled}
        size="xs"
      />
    </Stack>
  );
}
