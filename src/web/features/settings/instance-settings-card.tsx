import { Alert, Card, Radio, Stack, Text, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryError } from "../../components/query-error.tsx";
import { api } from "../../lib/api-client.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { refreshSession } from "../../lib/session.ts";
import { signUpStatusKey } from "../../lib/sign-up.ts";

const instanceSettingsKey = ["instance-settings"] as const;

/**
 * For operators, on their account page: who may create organisations on this Keel. Opening
 * it to everyone opens self sign-up (docs/OPERATIONS.md), which needs email configured.
 */
export function InstanceSettingsCard() {
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: instanceSettingsKey,
    queryFn: ({ signal }) => api.get("/api/instance/settings", { signal }),
  });
  const update = useMutation({
    mutationFn: (organizationCreation: "operators" | "everyone") =>
      api.put("/api/instance/settings", { body: { organizationCreation } }),
    onSuccess: (saved) => {
      client.setQueryData(instanceSettingsKey, saved);
      void client.invalidateQueries({ queryKey: signUpStatusKey });
      void refreshSession();
      notify(
        saved.organizationCreation === "everyone"
          ? "Everyone may now create an account and an organisation."
          : "Only operators create organisations now; sign-up is closed.",
      );
    },
    onError: (e) => notifyFailure(e),
  });
  const s = settings.data;

  return (
    <Card withBorder padding="md" mt="lg" maw={640}>
      <Title order={2} mb={4} id="instance-settings-title">
        This Keel instance
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        You are an operator: this setting applies to every organisation on this server.
      </Text>
      {settings.isError && (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} what="instance settings" />
      )}
      {s && (
        <Stack gap="sm">
          <Radio.Group
            label="Who may create organisations"
            value={update.isPending ? update.variables : s.organizationCreation}
            onChange={(value) => update.mutate(value === "everyone" ? "everyone" : "operators")}
          >
            <Stack gap="xs" mt={6}>
              <Radio value="operators" label="Operators only" disabled={update.isPending} />
              <Radio
                value="everyone"
                label="Everyone: people create their own account (confirmed by an emailed link) and organisation"
                disabled={update.isPending || (!s.emailConfigured && s.organizationCreation !== "everyone")}
              />
            </Stack>
          </Radio.Group>
          {!s.emailConfigured && (
            <Alert color="gray" icon={<IconInfoCircle size={18} />}>
              Opening sign-up needs email: set KEEL_SMTP_HOST, KEEL_SMTP_FROM and KEEL_PUBLIC_URL on the
              server (docs/email.md) and restart Keel.
              {s.organizationCreation === "everyone" && " Until then sign-up stays closed."}
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
