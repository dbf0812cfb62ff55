import { Skeleton, Stack } from "@mantine/core";

/** Placeholder rows while a list loads, so the page does not jump when it arrives. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap={8} role="status" aria-busy="true" aria-label="Loading" data-testid="loading">
      <Skeleton height={14} width="40%" />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={i} height={28} />
      ))}
    </Stack>
  );
}
