import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconLinkOff, IconMailOpened } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "zod";
import { PasswordSchema } from "../../shared/schemas/auth.ts";
import { nameSchema } from "../../shared/schemas/common.ts";
import { FormError } from "../components/form-error.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { TableSkeleton } from "../components/table-skeleton.tsx";
import { api, isApiError, messageOf } from "../lib/api-client.ts";
import { roleDescriptions, roleLabels } from "../lib/roles.ts";
import { applySession, useSession } from "../lib/session.ts";
import type { InvitationPreview, SessionWithOrg } from "../lib/types.ts";
import { useForm } from "../lib/use-form.ts";

const NewAccount = z.object({ name: nameSchema(120), password: PasswordSchema });
const ExistingAccount = z.object({ password: z.string().min(1, "Enter your password") });

/** /invite/:token: see what the invitation offers, then join (creating the account if needed). */
export function InvitePage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  });
  const form = useForm({ name: "", password: "" });
  const accept = useMutation({
    mutationFn: (input: { name?: string; password: string }) =>
      api.post<SessionWithOrg>(`/invitations/${encodeURIComponent(token)}/accept`, input, {
        allowUnauthenticated: true,
      }),
    onSuccess: (result) => {
      applySession(result);
      navigate(`/o/${result.organizationSlug}`, { replace: true });
    },
    onError: form.showError,
  });

  if (preview.isPending) {
    return (
      <PublicLayout title="Invitation">
        <TableSkeleton rows={3} />
      </PublicLayout>
    );
  }
  if (preview.isError) {
    const dead = isApiError(preview.error) && [404, 410].includes(preview.error.status);
    return (
      <PublicLayout title="Invitation">
        <Alert
          color={dead ? "gray" : "red"}
          icon={<IconLinkOff size={18} />}
          title={dead ? "This link no longer works" : "Could not open the invitation"}
        >
          {isApiError(preview.error, "gone")
            ? messageOf(preview.error)
            : dead
              ? "The link is not valid: check that it was copied whole, or ask the person who invited you for a new one."
              : messageOf(preview.error)}
        </Alert>
        <Button component={Link} to={session.data ? "/" : "/sign-in"} variant="default">
          {session.data ? "Open Keel" : "Go to sign in"}
        </Button>
      </PublicLayout>
    );
  }

  const invitation = preview.data;
  const signedInAs = session.data?.user.email;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(invitation.accountExists ? ExistingAccount : NewAccount);
    if (input) accept.mutate(input);
  };

  return (
    <PublicLayout
      title={`Join ${invitation.organizationName}`}
      description={
        <>
          You are invited as <b>{roleLabels[invitation.role]}</b> (
          {roleDescriptions[invitation.role].toLowerCase()}).
        </>
      }
    >
      <Group gap="xs" wrap="nowrap">
        <IconMailOpened size={18} style={{ flexShrink: 0 }} />
        <Text size="sm">
          Invitation for <b>{invitation.email}</b>
        </Text>
      </Group>
      {signedInAs && signedInAs !== invitation.email && (
        <Alert color="yellow">
          You are signed in as {signedInAs}. Accepting signs you in as {invitation.email} instead.
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {invitation.accountExists ? (
            <>
              <Text size="sm" c="dimmed">
                You already have a Keel account. Enter its password to add {invitation.organizationName} to
                it.
              </Text>
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                data-autofocus
                {...form.text("password")}
              />
            </>
          ) : (
            <>
              <TextInput label="Your name" autoComplete="name" data-autofocus {...form.text("name")} />
              <PasswordInput
                label="Password"
                description="At least 10 characters"
                autoComplete="new-password"
                {...form.text("password")}
              />
            </>
          )}
          <FormError error={form.formError} />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
