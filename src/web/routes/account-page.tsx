import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { Link, useNavigate } from "react-router";
import { z } from "zod";
import type { ApiBody } from "../../shared/api/client.ts";
import { PasswordSchema } from "../../shared/schemas/auth.ts";
import { FormError } from "../components/form-error.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { RoleBadge } from "../components/role-badge.tsx";
import { WeeklyDigestSwitch } from "../features/email/weekly-digest-switch.tsx";
import { InstanceSettingsCard } from "../features/settings/instance-settings-card.tsx";
import { api } from "../lib/api-client.ts";
import { notify } from "../lib/notify.ts";
import { useSession, useSignOut } from "../lib/session.ts";
import { useForm } from "../lib/use-form.ts";

const CreateOrganizationModal = lazy(() =>
  import("../features/settings/create-organization-modal.tsx").then((m) => ({
    default: m.CreateOrganizationModal,
  })),
);

const ChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: PasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, {
    path: ["confirm"],
    message: "does not match the new password",
  });

/** /account: who you are, your organisations, your password, signing out. */
export function AccountPage() {
  const session = useSession().data!;
  const navigate = useNavigate();
  const signOut = useSignOut();
  const form = useForm({ currentPassword: "", newPassword: "", confirm: "" });
  const [creating, setCreating] = useState(false);
  const change = useMutation({
    mutationFn: (input: ApiBody<"/api/auth/password", "post">) =>
      api.post("/api/auth/password", { body: input }),
    onSuccess: () => {
      form.reset();
      notify("Password changed. Your other sessions were signed out.");
    },
    onError: form.showError,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(ChangePassword);
    if (input) change.mutate({ currentPassword: input.currentPassword, newPassword: input.newPassword });
  };

  return (
    <>
      <PageHeader
        title="Account"
        description={`${session.user.name} · ${session.user.email}`}
        actions={
          <Button
            variant="default"
            leftSection={<IconLogout size={16} />}
            loading={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
            }
          >
            Sign out
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="md">
          <Title order={2} mb={4}>
            Change password
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Changing it signs you out everywhere else.
          </Text>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <PasswordInput
                label="Current password"
                autoComplete="current-password"
                {...form.text("currentPassword")}
              />
              <PasswordInput
                label="New password"
                description="At least 10 characters"
                autoComplete="new-password"
                {...form.text("newPassword")}
              />
              <PasswordInput label="Confirm password" autoComplete="new-password" {...form.text("confirm")} />
              <FormError error={form.formError} />
              <Group justify="flex-end">
                <Button type="submit" loading={change.isPending}>
                  Change password
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="md" style={{ alignSelf: "start" }}>
          <Title order={2} mb="sm">
            Your organisations
          </Title>
          {session.organizations.length === 0 ? (
            <Stack gap="sm" align="flex-start">
              <Text size="sm" c="dimmed">
                You belong to no organisation yet.{" "}
                {session.user.mayCreateOrganizations
                  ? "Create yours (you become its owner), or ask an admin of an existing one for an invitation."
                  : "Ask an admin of your organisation for an invitation."}
              </Text>
              {session.user.mayCreateOrganizations && (
                <Button onClick={() => setCreating(true)}>Create your organisation</Button>
              )}
            </Stack>
          ) : (
            <Table>
              <Table.Tbody>
                {session.organizations.map((org) => (
                  <Table.Tr key={org.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${org.slug}`} size="sm">
                        {org.name}
                      </Anchor>
                      {org.isDemo && (
                        <Badge ml={6} size="xs" color="grape">
                          Demo
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td w={110}>
                      <RoleBadge role={org.role} />
                    </Table.Td>
                    <Table.Td w={140}>
                      <WeeklyDigestSwitch slug={org.slug} orgName={org.name} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
      {session.user.isOperator && <InstanceSettingsCard />}
      {creating && (
        <Suspense fallback={null}>
          <CreateOrganizationModal opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
