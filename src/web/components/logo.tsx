import { Group, Text } from "@mantine/core";

/** Keel's mark (a boat and its keel) and word; the same drawing as the favicon. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-indigo-6)" />
        <path d="M15.2 4.5v8.5H8.4z" fill="#fff" />
        <path d="M17 6.5v6.5h5.4z" fill="#fff" opacity=".7" />
        <path d="M5 14.5h22l-2.6 4.6a3 3 0 0 1-2.6 1.5H10.2a3 3 0 0 1-2.6-1.5z" fill="#fff" />
        <path d="M14.6 20.6h2.8l-.9 6.2h-1z" fill="#fff" />
      </svg>
      <Text fw={700} size="md" c="var(--mantine-color-text)" style={{ letterSpacing: -0.2 }}>
        Keel
      </Text>
    </Group>
  );
}
