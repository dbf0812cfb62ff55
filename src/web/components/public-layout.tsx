import { Box, Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useDocumentTitle } from "../lib/use-document-title.ts";
import { Logo } from "./logo.tsx";
import { ColorSchemeToggle } from "./shell/color-scheme-toggle.tsx";

type Props = { title: string; description?: ReactNode; children: ReactNode; width?: number };

/** Pages before sign-in (setup, sign in, invitation, reset): one calm card in the middle. */
export function PublicLayout({ title, description, children, width = 420 }: Props) {
  useDocumentTitle(title);
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" style={{ position: "relative" }}>
      <Box style={{ position: "absolute", top: 10, right: 10 }}>
        <ColorSchemeToggle />
      </Box>
      <Center mih="100vh" px="sm" py={48}>
        <Stack w="100%" maw={width} gap="md">
          <Center>
            <Logo size={28} />
          </Center>
          <Paper withBorder p={{ base: "md", xs: "xl" }} radius="md" shadow="xs">
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {title}
                </Title>
                {description && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {description}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
