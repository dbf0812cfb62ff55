import { Box, Button, Card, Group, Kbd, Text } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useState,
} from "react";
import { notify } from "../lib/notify.ts";
import { useBreakpoints } from "../lib/use-breakpoints.ts";
import {
  countOf,
  type RowResult,
  rowProblems,
  saveOutcome,
  withoutKey,
  withoutKeys,
} from "./row-form-state.ts";

/**
 * A form of many rows, one per thing to update in one go (the week's check-in on each KR I
 * own, this period's value of each KPI I own), made for the keyboard: Tab walks the rows in
 * reading order, Enter in a row's last field goes to the next row, Ctrl/⌘ + Enter saves. Rows start from what is stored; only changed rows are
 * sent, each checked first with its problem shown on the row; after a save, saved rows
 * start again from the stored values and failed ones keep what was typed, with the
 * server's message.
 */

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export type RowFormOptions<Item, Row, Request, Result extends RowResult> = {
  items: readonly Item[];
  /** The key of an item's draft; it must survive a refetch of the items. */
  keyOf: (item: Item) => string;
  /** The row as the stored values have it. */
  initialRow: (item: Item) => Row;
  /** Whether the row was changed from its initial one; only those are saved. */
  isDirty: (item: Item, row: Row) => boolean;
  /** Why a changed row cannot be sent yet, or null. */
  problemOf: (item: Item, row: Row) => string | null;
  toRequest: (item: Item, row: Row) => Request;
  /** The batch mutation: one result per request, in the order of the requests. */
  save: {
    isPending: boolean;
    mutate(requests: Request[], options: { onSuccess: (results: Result[]) => void }): void;
  };
  /** What one row saves, for the messages ("value": "Saved 3 values."). */
  noun: string;
  /** The hint when there is nothing to save yet: what to change first. */
  nothingChanged: string;
};

export type RowForm<Item, Row> = {
  rowOf: (item: Item) => Row;
  /** The row's problem (before sending) or the server's message (after), or null. */
  errorOf: (item: Item) => string | null;
  /** The items whose rows were changed: what Save sends. */
  dirty: Item[];
  isDirty: (item: Item) => boolean;
  change: (item: Item, patch: Partial<Row>) => void;
  /** Every row back to the stored values. */
  reset: () => void;
  saving: boolean;
  noun: string;
  /** Spread on the <form>: submit and Ctrl/⌘ + Enter save; the rows do their own checks. */
  formProps: {
    onSubmit: (e: FormEvent) => void;
    onKeyDown: (e: KeyboardEvent<HTMLFormElement>) => void;
    noValidate: true;
  };
};

/** The state and the save of a many-rows form. */
export function useRowForm<Item, Row, Request, Result extends RowResult>(
  options: RowFormOptions<Item, Row, Request, Result>,
): RowForm<Item, Row> {
  const { items, keyOf, initialRow, isDirty, problemOf, toRequest, save, noun } = options;
  const [drafts, setDrafts] = useState<Record<string, Row>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rowOf = (item: Item) => drafts[keyOf(item)] ?? initialRow(item);
  const dirty = items.filter((item) => isDirty(item, rowOf(item)));

  const change = (item: Item, patch: Partial<Row>) => {
    const key = keyOf(item);
    setDrafts((all) => ({ ...all, [key]: { ...(all[key] ?? initialRow(item)), ...patch } }));
    // Typing into a row answers its problem; the others keep theirs.
    setErrors((all) => withoutKey(all, key));
  };

  const submit = () => {
    if (save.isPending) return;
    if (dirty.length === 0) {
      notify(options.nothingChanged, "info");
      return;
    }
    const problems = rowProblems(dirty, keyOf, (item) => problemOf(item, rowOf(item)));
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    const keys = dirty.map(keyOf);
    save.mutate(
      dirty.map((item) => toRequest(item, rowOf(item))),
      {
        onSuccess: (results) => {
          const { saved, errors: failed } = saveOutcome(keys, results);
          const failures = Object.keys(failed).length;
          setDrafts((all) => withoutKeys(all, saved));
          setErrors(failed);
          if (saved.length > 0) notify(`Saved ${countOf(saved.length, noun)}. Statuses are up to date.`);
          if (failures > 0)
            notify(`${countOf(failures, noun)} could not be saved; see the rows marked in red.`, "error");
        },
      },
    );
  };

  return {
    rowOf,
    errorOf: (item) => errors[keyOf(item)] || null,
    dirty,
    isDirty: (item) => isDirty(item, rowOf(item)),
    change,
    reset: () => setDrafts({}),
    saving: save.isPending,
    noun,
    formProps: {
      onSubmit: (e) => {
        e.preventDefault();
        submit();
      },
      onKeyDown: (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit();
        }
      },
      noValidate: true,
    },
  };
}

/** Spread on a row's first field: where Enter in the previous row's last field lands. */
export const rowStartProps = { "data-row-start": "" } as const;

/**
 * Enter in a row's last field (the note): focus the next row's first field, or Save after
 * the last row. So a keyboard user fills row after row without tabbing through the
 * row's optional controls.
 */
export function focusNextRow(from: HTMLElement) {
  const form = from.closest("form");
  const row = from.closest("[data-row]");
  if (!form || !row) return;
  const rows = [...form.querySelectorAll<HTMLElement>("[data-row]")];
  const next = rows[rows.indexOf(row as HTMLElement) + 1];
  const target =
    next?.querySelector<HTMLElement>("[data-row-start]:not(:disabled)") ??
    form.querySelector<HTMLElement>("[data-row-form-save]");
  target?.focus();
}

/** Once the rows are there, focus the first row's first field: the page is for filling them in. */
export function useFocusFirstRow(form: RefObject<HTMLFormElement | null>, ready: boolean) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!ready || done) return;
    form.current?.querySelector<HTMLElement>("[data-row] [data-row-start]")?.focus();
    setDone(true);
  }, [form, ready, done]);
}

/**
 * A field's name in a row. Wide, the column headers name the fields, so an input gets an
 * aria-label; narrow, the columns wrap and each field shows its label.
 */
export function rowFieldLabel(wide: boolean, text: string) {
  return wide ? { "aria-label": text } : { label: text };
}

/** The column headers above the rows, on wide screens only (narrow rows label their fields). */
export function RowFormHeader({
  columns,
  pt,
}: {
  /** Fixed width (px) or a flex basis, matching the row's fields; at most one blank label. */
  columns: Array<{ label: string; w?: number; flex?: string }>;
  pt?: number;
}) {
  const bp = useBreakpoints();
  if (!bp.md) return null;
  return (
    <Group gap="md" px="sm" pt={pt} pb={4} wrap="nowrap" aria-hidden>
      {columns.map((c) => (
        <Text
          key={c.label}
          size="xs"
          c="dimmed"
          w={c.w}
          style={c.flex ? { flex: c.flex } : { flexShrink: 0 }}
        >
          {c.label}
        </Text>
      ))}
    </Group>
  );
}

type RowProps = {
  /** The id of the element that names the row (its title), for the row's group. */
  titleId: string;
  testId: string;
  /** Changed rows carry an accent on the left: they are what Save sends. */
  changed: boolean;
  error: string | null;
  /** Shown under the fields when the row has no error (e.g. what a correction does). */
  hint?: ReactNode;
  /** The fields, side by side when wide, wrapped when narrow. */
  children: ReactNode;
};

/** One row: a group named by its title, so screen readers and tests find its fields. */
export function RowFormRow({ titleId, testId, changed, error, hint, children }: RowProps) {
  const bp = useBreakpoints();
  return (
    <Box
      role="group"
      aria-labelledby={titleId}
      data-row=""
      data-testid={testId}
      data-changed={changed || undefined}
      py="xs"
      px="sm"
      style={{
        borderTop: "1px solid var(--mantine-color-default-border)",
        borderLeft: `3px solid ${changed ? "var(--mantine-primary-color-filled)" : "transparent"}`,
      }}
    >
      <Group gap="md" wrap={bp.md ? "nowrap" : "wrap"} align="flex-start">
        {children}
      </Group>
      {!error && hint}
      {error && (
        <Text size="xs" c="red" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Box>
  );
}

type SaveBarProps = {
  form: Pick<RowForm<unknown, unknown>, "dirty" | "reset" | "saving" | "noun">;
  /** Says that rows left as they are are not saved. */
  idle: string;
  saveLabel: string;
  countTestId: string;
};

/** The bar under the rows, kept in view: how many rows Save sends, the shortcut, Reset, Save. */
export function RowFormSaveBar({ form, idle, saveLabel, countTestId }: SaveBarProps) {
  const bp = useBreakpoints();
  const count = form.dirty.length;
  return (
    <Card withBorder padding="sm" mt="md" shadow="sm" style={{ position: "sticky", bottom: 12, zIndex: 5 }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c={count > 0 ? undefined : "dimmed"} data-testid={countTestId}>
          {count === 0 ? idle : `${countOf(count, form.noun)} to save`}
        </Text>
        <Group gap="xs">
          {bp.sm && (
            <Text size="xs" c="dimmed" aria-hidden>
              <Kbd size="xs">{isMac ? "⌘" : "Ctrl"}</Kbd> + <Kbd size="xs">Enter</Kbd>
            </Text>
          )}
          {count > 0 && (
            <Button variant="subtle" color="gray" onClick={form.reset} disabled={form.saving}>
              Reset
            </Button>
          )}
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} />}
            loading={form.saving}
            data-row-form-save=""
          >
            {saveLabel}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
