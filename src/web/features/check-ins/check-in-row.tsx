import { Badge, Box, Checkbox, Group, NumberInput, Stack, Switch, Text, Textarea } from "@mantine/core";
import { IconCircleCheck, IconClockExclamation, IconPointFilled } from "@tabler/icons-react";
import { useId, useRef } from "react";
import { focusNextRow, RowFormRow, rowFieldLabel, rowStartProps } from "../../components/row-form.tsx";
import { formatRelative } from "../../lib/format.ts";
import type { MyCheckInItem } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { standingLabel } from "../okrs/okr-format.ts";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { CheckInRow as Row } from "./check-in-draft.ts";
import { ConfidenceInput } from "./confidence-input.tsx";

type Props = {
  item: MyCheckInItem;
  row: Row;
  touched: boolean;
  error: string | null;
  onChange: (patch: Partial<Row>) => void;
  disabled: boolean;
};

/** Due, overdue or done for this week: always a word and an icon. */
export function DueBadge({ item }: { item: MyCheckInItem }) {
  if (item.overdue)
    return (
      <Badge color="red" leftSection={<IconClockExclamation size={11} />} data-testid="due-badge">
        Overdue
      </Badge>
    );
  if (item.due)
    return (
      <Badge color="yellow" leftSection={<IconPointFilled size={11} />} data-testid="due-badge">
        Due this week
      </Badge>
    );
  return (
    <Badge color="green" leftSection={<IconCircleCheck size={11} />} data-testid="due-badge">
      Checked in
    </Badge>
  );
}

/**
 * One KR in the weekly form, as a group named by the KR's title: value (or done),
 * confidence and note. Tab moves through them in reading order.
 */
export function CheckInRowFields({ item, row, touched, error, onChange, disabled }: Props) {
  const kr = item.keyResult;
  const titleId = useId();
  const bp = useBreakpoints();
  const wide = bp.md;
  const label = (text: string) => rowFieldLabel(wide, text);
  const note = useRef<HTMLTextAreaElement>(null);
  const valueInput =
    kr.kind === "milestone" ? (
      <Switch
        {...rowStartProps}
        label="Done"
        checked={row.done}
        onChange={(e) => onChange({ done: e.currentTarget.checked })}
        disabled={disabled}
        mt={wide ? 8 : 30}
      />
    ) : (
      <NumberInput
        {...label("Value")}
        {...rowStartProps}
        value={row.value}
        onChange={(v) => onChange({ value: v === "" ? "" : Number(v) })}
        min={kr.kind === "percentage" ? 0 : undefined}
        max={kr.kind === "percentage" ? 100 : undefined}
        decimalScale={4}
        hideControls
        rightSection={
          kr.kind === "percentage" || kr.unit ? (
            <Text size="xs" c="dimmed" pr={6}>
              {kr.kind === "percentage" ? "%" : kr.unit}
            </Text>
          ) : undefined
        }
        rightSectionWidth={kr.unit.length > 2 ? 44 : 30}
        disabled={disabled}
        size="sm"
        w={120}
        error={error ? true : undefined}
      />
    );

  return (
    <RowFormRow titleId={titleId} testId="check-in-row" changed={touched} error={error}>
      <Stack gap={3} style={{ flex: "1 1 260px", minWidth: 0 }}>
        <Text size="sm" fw={500} id={titleId} style={{ overflowWrap: "anywhere" }}>
          {kr.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <DueBadge item={item} />
          <OkrStatusBadge status={kr.status} compact />
          <Text size="xs" c="dimmed" className="keel-num">
            {standingLabel(kr)}
            {" · "}
            {kr.lastCheckInAt ? `checked in ${formatRelative(kr.lastCheckInAt)}` : "no check-in yet"}
          </Text>
        </Group>
      </Stack>
      <Box w={120} style={{ flexShrink: 0 }}>
        {valueInput}
      </Box>
      <Box w={wide ? 130 : 150} style={{ flexShrink: 0 }} pt={wide ? 6 : 0}>
        <ConfidenceInput
          value={row.confidence}
          onChange={(confidence) => onChange({ confidence })}
          visibleLabel={!wide}
          unset={kr.lastConfidence === null && !touched}
          disabled={disabled}
          width={wide ? 100 : 120}
          onComplete={() => note.current?.focus()}
        />
      </Box>
      <Box style={{ flex: wide ? "1 1 240px" : "1 1 100%", minWidth: 0 }}>
        <Textarea
          ref={note}
          {...label("Note")}
          placeholder="Progress, next steps, blockers"
          autosize
          minRows={1}
          maxRows={4}
          value={row.note}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
          // Enter goes on to the next row (Shift + Enter starts a new line; Ctrl/⌘ + Enter saves).
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
            if (e.nativeEvent.isComposing) return;
            e.preventDefault();
            focusNextRow(e.currentTarget);
          }}
          aria-keyshortcuts="Enter Shift+Enter"
          disabled={disabled}
          size="sm"
        />
      </Box>
      <Box style={{ flexShrink: 0 }} pt={wide ? 8 : 0}>
        <Checkbox
          size="xs"
          label="No change"
          checked={row.unchanged}
          onChange={(e) => onChange({ unchanged: e.currentTarget.checked })}
          disabled={disabled}
          title="Check in with the same value and confidence: still worth a weekly check-in"
        />
      </Box>
    </RowFormRow>
  );
}
