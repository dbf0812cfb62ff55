import { Group, Text } from "@mantine/core";
import { IconCompass } from "@tabler/icons-react";
import { useThemes } from "./themes-api.ts";

/**
 * The strategic theme an Objective or KPI belongs to, named in its page header, so anyone
 * sees why it matters; "No theme" says one could be set.
 */
export function ThemeLabel({ slug, themeId }: { slug: string; themeId: string | null }) {
  const themes = useThemes(slug, "");
  const name = themeId ? themes.items.find((t) => t.id === themeId)?.name : null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="theme-label">
      <IconCompass size={14} color="var(--mantine-color-dimmed)" aria-hidden />
      <Text size="sm" c={themeId ? undefined : "dimmed"}>
        {themeId ? `Theme: ${name ?? "…"}` : "No theme"}
      </Text>
    </Group>
  );
}
