import { Notification, Stack } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { dismiss, useToasts } from "../lib/notify.ts";

const look = {
  success: { color: "teal", icon: <IconCheck size={16} /> },
  error: { color: "red", icon: <IconAlertTriangle size={16} /> },
  info: { color: "indigo", icon: <IconInfoCircle size={16} /> },
} as const;

/** Bottom-right stack of short confirmations; announced to screen readers. */
export function Toasts() {
  const toasts = useToasts();
  return (
    <Stack
      gap="xs"
      role="status"
      aria-live="polite"
      style={{
        position: "fixed",
        right: 16,
        bottom: 16,
        zIndex: 1000,
        width: "min(360px, calc(100vw - 32px))",
      }}
    >
      {toasts.map((t) => (
        <Notification
          key={t.id}
          color={look[t.tone].color}
          icon={look[t.tone].icon}
          withBorder
          onClose={() => dismiss(t.id)}
          closeButtonProps={{ "aria-label": "Dismiss" }}
        >
          {t.message}
        </Notification>
      ))}
    </Stack>
  );
}
