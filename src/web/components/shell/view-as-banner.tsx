import { Button, Group, Text } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { notifyFailure } from "../../lib/notify.ts";
import type { Session } from "../../lib/types.ts";
import { useEndViewAs } from "../../lib/view-as.ts";

/**
 * Shown on every page while a demo's owner views Keel as one of its people: whose view it
 * is, that changes are recorded as theirs (naming the owner), and the way back.
 */
export function ViewAsBanner({ session }: { session: Session }) {
  const end = useEndViewAs();
  const navigate = useNavigate();
  const viewing = session.viewingAs;
  if (!viewing) return null;
  return (
    <Group
      role="region"
      aria-label="Viewing as someone else"
      justify="space-between"
      gap="xs"
      wrap="wrap"
      px="sm"
      py={6}
      mb="md"
      data-testid="view-as-banner"
      style={{
        background: "var(--mantine-color-grape-light)",
        border: "1px solid var(--mantine-color-grape-outline)",
        borderRadius: "var(--mantine-radius-sm)",
      }}
    >
      <Group gap={6} wrap="nowrap">
        <IconEye size={16} aria-hidden />
        <Text size="sm">
          You are viewing {viewing.organizationName} as <b>{session.user.name}</b>. What you change is
          recorded as theirs, naming you ({viewing.byName}).
        </Text>
      </Group>
      <Button
        size="xs"
        color="grape"
        loading={end.isPending}
        onClick={() =>
          end.mutate(undefined, {
            onSuccess: () => navigate(`/o/${viewing.organizationSlug}/people`),
            onError: (e) => notifyFailure(e),
          })
        }
      >
        Back to {viewing.byName}
      </Button>
    </Group>
  );
}
