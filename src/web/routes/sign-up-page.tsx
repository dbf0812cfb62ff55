import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconLock, IconMailForward } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, Navigate } from "react-router";
import { z } from "zod";
import type { ApiBody } from "../../shared/api/client.ts";
import { SignUpSchema } from "../../shared/schemas/auth.ts";
import { FormError } from "../components/form-error.tsx";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { QueryError } from "../components/query-error.tsx";
import { api } from "../lib/api-client.ts";
import { notify } from "../lib/notify.ts";
import { useSession } from "../lib/session.ts";
import { useResendVerification, useSignUpStatus } from "../lib/sign-up.ts";
import { useForm } from "../lib/use-form.ts";

const NewAccount = SignUpSchema.extend({ confirm: z.string() }).refine((v) => v.password === v.confirm, {
  path: ["confirm"],
  message: "does not match the password",
});

/** /sign-up: create your own account while this Keel lets everyone create organisations. */
export function SignUpPage() {
  const session = useSession();
  const status = useSignUpStatus();
  const form = useForm({ name: "", email: "", password: "", confirm: "" });
  const signUp = useMutation({
    mutationFn: (input: ApiBody<"/api/auth/sign-up", "post">) =>
      api.post("/api/auth/sign-up", { body: input, allowUnauthenticated: true }),
    onError: (err) => {
      form.showError(err);
      void status.refetch();
    },
  });
  const resend = useResendVerification();

  if (session.isPending || status.isPending) return <FullPageLoader />;
  if (session.data) return <Navigate to="/" replace />;
  if (status.isError) {
    return <QueryError error={status.error} onRetry={() => void status.refetch()} what="sign-up" />;
  }

  if (signUp.isSuccess) {
    const email = signUp.variables.email;
    return (
      <PublicLayout title="Check your email">
        <Alert color="teal" icon={<IconMailForward size={18} />} role="status">
          We sent a link to <strong>{email}</strong>. Open it within 24 hours to confirm the address; it signs
          you in.
        </Alert>
        <Text size="sm" c="dimmed">
          Nothing arrived after a few minutes? Check the spam folder, or have the link sent again.
        </Text>
        <Button
          variant="default"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(email, {
              onSuccess: () => notify(`If ${email} waits for a link, a new one is on its way.`),
              onError: (err) => notify(err.message, "error"),
            })
          }
        >
          Send the link again
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          Back to sign in
        </Anchor>
      </PublicLayout>
    );
  }

  if (!status.data.open) {
    return (
      <PublicLayout title="Create an account">
        <Alert color="gray" icon={<IconLock size={18} />} title="Sign-up is closed">
          On this Keel, its operators create organisations and admins invite people. Ask an admin of your
          organisation for an invitation.
        </Alert>
        <Button component={Link} to="/sign-in" variant="default">
          Sign in
        </Button>
      </PublicLayout>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(NewAccount);
    if (input) signUp.mutate({ name: input.name, email: input.email, password: input.password });
  };

  return (
    <PublicLayout
      title="Create an account"
      description="We email you a link to confirm your address; then you can create your organisation."
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Your name" autoComplete="name" data-autofocus autoFocus {...form.text("name")} />
          <TextInput label="Email" type="email" autoComplete="email" {...form.text("email")} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            {...form.text("password")}
          />
          <PasswordInput label="Confirm password" autoComplete="new-password" {...form.text("confirm")} />
          <FormError error={form.formError} />
          <Button type="submit" loading={signUp.isPending} fullWidth mt={4}>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{" "}
            <Anchor component={Link} to="/sign-in" underline="always">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
