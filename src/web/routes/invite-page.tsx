import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { IconLinkOff, IconMailOpened } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "zod";
import type { ApiBody } from "../../shared/api/client.ts";
import { PasswordSchema } from "../../shared/schemas/auth.ts";
import { nameSchema } from "../../shared/schemas/common.ts";
import { FormError } from "../components/form-error.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { TableSkeleton } from "../components/table-skeleton.tsx";
import { api, isApiError, messageOf } from "../lib/api-client.ts";
import { roleDescriptions, roleLabels } from "../lib/roles.ts";
import { applySession, useSession } from "../lib/session.ts";
import { useForm } from "../lib/use-form.ts";

const NewAccount = z.object({ name: nameSchema(120), password: PasswordSchema });
const ExistingAccount = z.object({ password: z.string().min(1, "Enter your password") });

type Mode = "new" | "existing";

/**
 * /invite/:token: see what the invitation offers, then join: create an account, or sign in
 * with the one you have. The page is not told whether the address has an account (that
 * would let anyone holding a link learn who uses Keel), so the person says which.
 */
export function InvitePage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get("/api/invitations/{token}", { path: { token } }),
  });
  const form = useForm({ name: "", password: "" });
  const [chosen, setChosen] = useState<Mode | null>(null);
  const offeredName = preview.data?.name;
  const { setField } = form;
  // The name the admin typed when adding the person, offered for a new account.
  useEffect(() => {
    if (offeredName) setField("name", offeredName);
  }, [offeredName, setField]);
  const accept = useMutation({
    mutationFn: (input: ApiBody<"/api/invitations/{token}/accept", "post">) =>
      api.post("/api/invitations/{token}/accept", {
        path: { token },
        body: input,
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
  // Someone signed in under the invited address has an account; others are most often new.
  const mode: Mode = chosen ?? (signedInAs === invitation.email ? "existing" : "new");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input =
      mode === "existing"
        ? form.validate(ExistingAccount, { password: form.values.password })
        : form.validate(NewAccount);
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
          <SegmentedControl
            fullWidth
            value={mode}
            onChange={(m) => setChosen(m as Mode)}
            data={[
              { value: "new", label: "I am new to Keel" },
              { value: "existing", label: "I have a Keel account" },
            ]}
          />
          {mode === "existing" ? (
            <>
              <Text size="sm" c="dimmed">
                Enter the password of your Keel account ({invitation.email}) to add{" "}
                {invitation.organizationName} to it.
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
              <Text size="sm" c="dimmed">
                Create your account: your name and a password for {invitation.email}.
              </Text>
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
