import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title.ts";

type Props = { title: string; description?: ReactNode; actions?: ReactNode };

/** Title, one line saying what the page is for, and the page's main actions on the right. */
export function PageHeader({ title, description, actions }: Props) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
      <Stack gap={2} style={{ minWidth: 0, flex: "1 1 260px" }}>
        <Title order={1}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
