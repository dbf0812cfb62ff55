import { Anchor, Box, Button, Card, Group, Kbd, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconChecklist, IconDeviceFloppy } from "@tabler/icons-react";
import { type FormEvent, type KeyboardEvent, useMemo, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { messageOf } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { MyCheckInItem } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { type CheckInRow, initialRow, isTouched, rowProblem, toCheckInInput } from "./check-in-draft.ts";
import { CheckInRowFields } from "./check-in-row.tsx";
import { useCreateCheckIns, useMyCheckIns } from "./check-ins-api.ts";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * /o/:org/check-ins: the weekly check-in on every KR I own, in one form. Rows start from
 * the last values; only rows that were touched are saved (Ctrl/⌘ + Enter saves them all).
 */
export function MyCheckInsPage() {
  const { slug } = useOrg();
  const bp = useBreakpoints();
  const mine = useMyCheckIns(slug);
  const save = useCreateCheckIns(slug);
  const [rows, setRows] = useState<Record<string, CheckInRow>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState<"all" | "due">("all");
  const items = mine.data?.items ?? [];

  const rowOf = (item: MyCheckInItem) => rows[item.keyResult.id] ?? initialRow(item.keyResult);
  const touched = items.filter((i) => isTouched(i.keyResult, rowOf(i)));
  const dueCount = items.filter((i) => i.due).length;
  const overdueCount = items.filter((i) => i.overdue).length;
  const shown = filter === "due" ? items.filter((i) => i.due || isTouched(i.keyResult, rowOf(i))) : items;

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

  const change = (item: MyCheckInItem, patch: Partial<CheckInRow>) => {
    const id = item.keyResult.id;
    setRows((all) => ({ ...all, [id]: { ...(all[id] ?? initialRow(item.keyResult)), ...patch } }));
    setErrors((e) => {
      if (!e[id]) return e;
      const next = { ...e };
      delete next[id];
      return next;
    });
  };

  const submit = () => {
    if (save.isPending) return;
    if (touched.length === 0) {
      notify("Nothing changed yet: edit a value, confidence or note, or tick “No change”.", "info");
      return;
    }
    const problems: Record<string, string> = {};
    for (const item of touched) {
      const problem = rowProblem(item.keyResult, rowOf(item));
      if (problem) problems[item.keyResult.id] = problem;
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    save.mutate(
      touched.map((item) => ({
        keyResultId: item.keyResult.id,
        input: toCheckInInput(item.keyResult, rowOf(item)),
      })),
      {
        onSuccess: (results) => {
          const failed = results.filter((r) => !r.ok);
          const ok = results.length - failed.length;
          // Saved rows start again from their new values; failed rows keep what was typed.
          setRows((all) => {
            const next = { ...all };
            for (const r of results) if (r.ok) delete next[r.keyResultId];
            return next;
          });
          setErrors(Object.fromEntries(failed.map((r) => [r.keyResultId, r.ok ? "" : messageOf(r.error)])));
          if (ok > 0) notify(`Saved ${ok} check-in${ok === 1 ? "" : "s"}. Statuses are up to date.`);
          if (failed.length > 0)
            notify(
              `${failed.length} check-in${failed.length === 1 ? "" : "s"} could not be saved; see the rows marked in red.`,
              "error",
            );
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

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
        <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="Check-ins">
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
                {bp.md && (
                  <Group gap="md" px="sm" pb={4} wrap="nowrap" aria-hidden>
                    <Text size="xs" c="dimmed" style={{ flex: "1 1 260px" }}>
                      Key result
                    </Text>
                    <Text size="xs" c="dimmed" w={120} style={{ flexShrink: 0 }}>
                      Value
                    </Text>
                    <Text size="xs" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                      Confidence
                    </Text>
                    <Text size="xs" c="dimmed" style={{ flex: "1 1 240px" }}>
                      Note
                    </Text>
                    <Box w={84} />
                  </Group>
                )}
                {g.items.map((item) => (
                  <CheckInRowFields
                    key={item.keyResult.id}
                    item={item}
                    row={rowOf(item)}
                    touched={isTouched(item.keyResult, rowOf(item))}
                    error={errors[item.keyResult.id] || null}
                    onChange={(patch) => change(item, patch)}
                    disabled={save.isPending}
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
          <Card
            withBorder
            padding="sm"
            mt="md"
            shadow="sm"
            style={{ position: "sticky", bottom: 12, zIndex: 5 }}
          >
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" c={touched.length > 0 ? undefined : "dimmed"} data-testid="touched-count">
                {touched.length === 0
                  ? "Untouched rows are not saved."
                  : `${touched.length} check-in${touched.length === 1 ? "" : "s"} to save`}
              </Text>
              <Group gap="xs">
                {bp.sm && (
                  <Text size="xs" c="dimmed" aria-hidden>
                    <Kbd size="xs">{isMac ? "⌘" : "Ctrl"}</Kbd> + <Kbd size="xs">Enter</Kbd>
                  </Text>
                )}
                {touched.length > 0 && (
                  <Button
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() => setRows({})}
                    disabled={save.isPending}
                  >
                    Reset
                  </Button>
                )}
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
                  Save check-ins
                </Button>
              </Group>
            </Group>
          </Card>
        </form>
      )}
    </>
  );
}
