import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import type { ApiBody } from "../../shared/api/client.ts";
import { SignInSchema } from "../../shared/schemas/auth.ts";
import { FormError } from "../components/form-error.tsx";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { api, isApiError } from "../lib/api-client.ts";
import { notify } from "../lib/notify.ts";
import { safeNext } from "../lib/safe-next.ts";
import { applySession, useSession, useSetupStatus } from "../lib/session.ts";
import { useResendVerification, useSignUpStatus } from "../lib/sign-up.ts";
import { useForm } from "../lib/use-form.ts";

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const session = useSession();
  const setup = useSetupStatus();
  const signUpStatus = useSignUpStatus();
  const resend = useResendVerification();
  const form = useForm({ email: "", password: "" });
  const signIn = useMutation({
    mutationFn: (input: ApiBody<"/api/auth/sign-in", "post">) =>
      api.post("/api/auth/sign-in", { body: input, allowUnauthenticated: true }),
    onSuccess: (result) => {
      applySession(result);
      navigate(next, { replace: true });
    },
    onError: (err) => {
      // Not confirmed yet: said apart from the form's errors, with a way to get the link again.
      if (!isApiError(err, "email_not_verified")) form.showError(err);
      form.setField("password", "");
    },
  });
  const unverified = isApiError(signIn.error, "email_not_verified") ? signIn.variables?.email : undefined;

  if (session.isPending || setup.isPending) return <FullPageLoader />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data && !signIn.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(SignInSchema);
    if (input) signIn.mutate(input);
  };

  return (
    <PublicLayout title="Sign in to Keel">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            data-autofocus
            autoFocus
            {...form.text("email")}
          />
          <PasswordInput label="Password" autoComplete="current-password" {...form.text("password")} />
          <FormError error={form.formError} />
          {unverified && !signIn.isPending && (
            <Alert
              color="yellow"
              icon={<IconMailForward size={18} />}
              title="Confirm your email address first"
              role="alert"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  Open the link we sent to {unverified} when you created the account. Links expire after 24
                  hours.
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={resend.isPending}
                  onClick={() =>
                    resend.mutate(unverified, {
                      onSuccess: () => notify(`A new link is on its way to ${unverified}.`),
                      onError: (err) => notify(err.message, "error"),
                    })
                  }
                >
                  Send the link again
                </Button>
              </Stack>
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth mt={4}>
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? An admin of your organisation can give you a reset link.
          </Text>
          {signUpStatus.data?.open && (
            <Text size="sm" ta="center">
              New to Keel?{" "}
              <Anchor component={Link} to="/sign-up" underline="always">
                Create an account
              </Anchor>
            </Text>
          )}
        </Stack>
      </form>
    </PublicLayout>
  );
}
