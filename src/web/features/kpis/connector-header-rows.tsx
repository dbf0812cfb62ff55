import { ActionIcon, Button, Group, PasswordInput, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { type HeaderRow, headerRow } from "./connector-draft.ts";
import { mono } from "./kpi-form-fields.tsx";

type Props = {
  rows: HeaderRow[];
  /** Errors of a cell by "header:<row key>:name" or ":value". */
  errors: Record<string, ReactNode>;
  setRows: (rows: HeaderRow[]) => void;
};

/** Headers typed in full, name and value, one row each (at most 20, as the API takes). */
export function HeaderRows({ rows, errors, setRows }: Props) {
  const update = (key: string, patch: Partial<HeaderRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((row, i) => (
        <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Header ${i + 1} name`}
            placeholder="Authorization"
            value={row.name}
            onChange={(e) => update(row.key, { name: e.currentTarget.value })}
            error={errors[`header:${row.key}:name`]}
            styles={mono}
            autoComplete="off"
            style={{ flex: "2 1 0" }}
          />
          <PasswordInput
            aria-label={`Header ${i + 1} value`}
            placeholder="Bearer …"
            value={row.value}
            onChange={(e) => update(row.key, { value: e.currentTarget.value })}
            error={errors[`header:${row.key}:value`]}
            styles={mono}
            autoComplete="new-password"
            style={{ flex: "3 1 0" }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove header ${i + 1}`}
            onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRows([...rows, headerRow()])}
          disabled={rows.length >= 20}
        >
          Add header
        </Button>
      </Group>
    </>
  );
}
