import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { RowFormHeader, RowFormSaveBar, useFocusFirstRow, useRowForm } from "../../components/row-form.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { MyCheckInItem } from "../../lib/types.ts";
import { CalibrationCard, usePersonCalibration } from "./calibration-card.tsx";
import { initialRow, isTouched, rowProblem, toCheckInInput } from "./check-in-draft.ts";
import { CheckInRowFields } from "./check-in-row.tsx";
import { useCreateCheckIns, useMyCheckIns } from "./check-ins-api.ts";

/**
 * /o/:org/check-ins: the weekly check-in on every KR I own, in one form. Rows start from
 * the last values; only rows that were touched are saved (Ctrl/⌘ + Enter saves them all).
 * Made for the keyboard: focus starts in the first value, typing a number sets the
 * confidence and moves to the note, Enter in the note goes to the next row.
 */
export function MyCheckInsPage() {
  const { slug } = useOrg();
  const calibration = usePersonCalibration(slug, useSession().data?.user.id);
  const mine = useMyCheckIns(slug);
  const save = useCreateCheckIns(slug);
  const [filter, setFilter] = useState<"all" | "due">("all");
  const items = mine.data?.items ?? [];
  const form = useRowForm({
    items,
    keyOf: (item) => item.keyResult.id,
    initialRow: (item) => initialRow(item.keyResult),
    isDirty: (item, row) => isTouched(item.keyResult, row),
    problemOf: (item, row) => rowProblem(item.keyResult, row),
    toRequest: (item, row) => ({
      keyResultId: item.keyResult.id,
      input: toCheckInInput(item.keyResult, row),
    }),
    save,
    noun: "check-in",
    nothingChanged: "Nothing changed yet: edit a value, confidence or note, or tick “No change”.",
  });

  const formRef = useRef<HTMLFormElement>(null);
  // The page is for filling in the rows: start in the first one (no 20 Tabs through the shell).
  useFocusFirstRow(formRef, items.length > 0);

  const dueCount = items.filter((i) => i.due).length;
  const overdueCount = items.filter((i) => i.overdue).length;
  const shown = filter === "due" ? items.filter((i) => i.due || form.isDirty(i)) : items;

  // Grouped by Objective, in the order the API gives.
  const groups = useMemo(() => {
    const map = new Map<string, { objective: MyCheckInItem["objective"]; items: MyCheckInItem[] }>();
    for (const item of shown) {
      const g = map.get(item.objective.id) ?? { objective: item.objective, items: [] };
      g.items.push(item);
      map.set(item.objective.id, g);
    }
    return [...map.values()];
  }, [shown]);

  return (
    <>
      <PageHeader
        title="My check-ins"
        description="Every key result you own in running cycles. Update what moved, say how confident you are, note blockers."
      />
      {mine.isPending ? (
        <Card withBorder>
          <TableSkeleton rows={6} />
        </Card>
      ) : mine.isError ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} what="your key results" />
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconChecklist size={24} />}
            title="Nothing to check in on"
            action={
              <Button component={Link} to={`/o/${slug}/okrs`} variant="default">
                Go to OKRs
              </Button>
            }
          >
            You own no key results in a running cycle. When you own one, it appears here every week: the new
            value, a confidence from 0 to 10 and a note, all in one form.
          </EmptyState>
        </Card>
      ) : (
        <form {...form.formProps} ref={formRef} aria-label="Check-ins">
          <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
            <Text size="sm" data-testid="check-in-summary">
              {dueCount === 0 ? (
                "All checked in for this week."
              ) : (
                <>
                  <b className="keel-num">{dueCount}</b> due this week
                  {overdueCount > 0 && (
                    <>
                      {", "}
                      <Text span c="red" fw={600} size="sm">
                        {overdueCount} overdue
                      </Text>
                    </>
                  )}
                </>
              )}
              <Text span c="dimmed" size="sm">
                {" "}
                · {items.length} key result{items.length === 1 ? "" : "s"}
              </Text>
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Which key results"
              value={filter}
              onChange={(v) => setFilter(v as "all" | "due")}
              data={[
                { value: "all", label: "All" },
                { value: "due", label: `Due (${dueCount})` },
              ]}
            />
          </Group>
          <Stack gap="sm">
            {groups.map((g) => (
              <Card key={g.objective.id} withBorder padding={0}>
                <Group px="sm" py={8} gap="xs" justify="space-between" wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/o/${slug}/okrs/${g.objective.id}`}
                    fw={600}
                    size="sm"
                    c="var(--mantine-color-text)"
                  >
                    {g.objective.title}
                  </Anchor>
                  {g.objective.teamName && (
                    <Text size="xs" c="dimmed">
                      {g.objective.teamName}
                    </Text>
                  )}
                </Group>
                <RowFormHeader
                  columns={[
                    { label: "Key result", flex: "1 1 260px" },
                    { label: "Value", w: 120 },
                    { label: "Confidence", w: 130 },
                    { label: "Note", flex: "1 1 240px" },
                    { label: "", w: 84 },
                  ]}
                />
                {g.items.map((item) => (
                  <CheckInRowFields
                    key={item.keyResult.id}
                    item={item}
                    row={form.rowOf(item)}
                    touched={form.isDirty(item)}
                    error={form.errorOf(item)}
                    onChange={(patch) => form.change(item, patch)}
                    disabled={form.saving}
                  />
                ))}
              </Card>
            ))}
            {shown.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="md">
                Nothing is due this week. Switch to “All” to check in early.
              </Text>
            )}
          </Stack>
          <RowFormSaveBar
            form={form}
            idle="Untouched rows are not saved."
            saveLabel="Save check-ins"
            countTestId="touched-count"
          />
        </form>
      )}
      <CalibrationCard calibration={calibration.data} whose="your" />
    </>
  );
}
