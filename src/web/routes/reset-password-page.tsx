import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { IconCircleCheck, IconLinkOff } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import { z } from "zod";
import { PasswordSchema } from "../../shared/schemas/auth.ts";
import { FormError } from "../components/form-error.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { api, isApiError } from "../lib/api-client.ts";
import { clearSession } from "../lib/session.ts";
import { useForm } from "../lib/use-form.ts";

const NewPassword = z
  .object({ newPassword: PasswordSchema, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, {
    path: ["confirm"],
    message: "does not match the new password",
  });

/** /reset-password/:token: the one-time link an admin handed out (also used to set a first password). */
export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const form = useForm({ newPassword: "", confirm: "" });
  const reset = useMutation({
    mutationFn: (newPassword: string) =>
      api.post("/api/auth/password-reset", { body: { token, newPassword }, allowUnauthenticated: true }),
    // The server signs out every session of the account; forget ours too.
    onSuccess: () => clearSession(),
    onError: form.showError,
  });

  if (reset.isSuccess) {
    return (
      <PublicLayout title="Password set">
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          Your new password is saved. Sign in with it now.
        </Alert>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </PublicLayout>
    );
  }

  const dead = isApiError(reset.error) && [404, 410].includes(reset.error.status);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(NewPassword);
    if (input) reset.mutate(input.newPassword);
  };

  return (
    <PublicLayout
      title="Choose a password"
      description="This link works once. Pick a password of at least 10 characters."
    >
      {dead ? (
        <Alert color="gray" icon={<IconLinkOff size={18} />} title="This link no longer works">
          It has expired or has already been used. Ask an admin of your organisation for a new one.
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              data-autofocus
              {...form.text("newPassword")}
            />
            <PasswordInput label="Confirm password" autoComplete="new-password" {...form.text("confirm")} />
            <FormError error={form.formError} />
            <Button type="submit" loading={reset.isPending} fullWidth>
              Set password
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
