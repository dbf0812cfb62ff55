import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import type { ApiBody } from "../../shared/api/client.ts";
import { SignInSchema } from "../../shared/schemas/auth.ts";
import { FormError } from "../components/form-error.tsx";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { api } from "../lib/api-client.ts";
import { safeNext } from "../lib/safe-next.ts";
import { applySession, useSession, useSetupStatus } from "../lib/session.ts";
import { useForm } from "../lib/use-form.ts";

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const session = useSession();
  const setup = useSetupStatus();
  const form = useForm({ email: "", password: "" });
  const signIn = useMutation({
    mutationFn: (input: ApiBody<"/api/auth/sign-in", "post">) =>
      api.post("/api/auth/sign-in", { body: input, allowUnauthenticated: true }),
    onSuccess: (result) => {
      applySession(result);
      navigate(next, { replace: true });
    },
    onError: (err) => {
      form.showError(err);
      form.setField("password", "");
    },
  });

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
          <Button type="submit" loading={signIn.isPending} fullWidth mt={4}>
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? An admin of your organisation can give you a reset link.
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
