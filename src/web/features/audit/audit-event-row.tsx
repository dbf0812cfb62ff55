import { ActionIcon, Badge, Box, Code, Collapse, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconArrowRight, IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import type { AuditEvent } from "../../lib/types.ts";
import { actionLabel, changedFields, displayValue, entityLabel, fieldLabel } from "./audit-utils.ts";

/** One audit event: who did what to which thing, and on demand the before → after of each field. */
export function AuditEventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const changes = changedFields(event.before, event.after);
  const expandable = changes.length > 0 || Boolean(event.reason);
  return (
    <Box style={{ borderTop: "1px solid var(--mantine-color-default-border)" }} data-testid="audit-event">
      <Group gap="sm" wrap="nowrap" px="sm" py={6} align="flex-start">
        {expandable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-label={open ? "Hide the changes" : "Show the changes"}
            aria-expanded={open}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {event.actorLabel}
            </Text>
            <Text size="sm">{actionLabel(event.action).toLowerCase()}</Text>
            <Badge color="gray" variant="light" tt="none" data-testid="audit-entity">
              {entityLabel(event.entityType)}
            </Badge>
            {event.entityLabel && (
              <Text size="sm" fw={500} truncate>
                {event.entityLabel}
              </Text>
            )}
          </Group>
          {event.reason && (
            <Text size="xs" c="dimmed">
              Reason: {event.reason}
            </Text>
          )}
        </Box>
        <Tooltip label={formatDateTime(event.at)}>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatRelative(event.at)}
          </Text>
        </Tooltip>
      </Group>
      <Collapse expanded={open}>
        <Box px="sm" pb="sm" pl={44}>
          <Text size="xs" c="dimmed" mb={4}>
            <Code fz="xs">{event.action}</Code> · {formatDateTime(event.at)}
          </Text>
          {changes.length > 0 && (
            <div className="keel-table-scroll">
              <Table withTableBorder verticalSpacing={3} fz="xs" layout="fixed" miw={420}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="22%">Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th w={28} aria-label="becomes" />
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.field}>
                      <Table.Td c="dimmed">{fieldLabel(c.field)}</Table.Td>
                      <Table.Td style={{ wordBreak: "break-word" }}>{displayValue(c.before)}</Table.Td>
                      <Table.Td>
                        <IconArrowRight size={12} aria-hidden />
                      </Table.Td>
                      <Table.Td style={{ wordBreak: "break-word" }}>{displayValue(c.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Box>
      </Collapse>
    </Box>
  );
}
