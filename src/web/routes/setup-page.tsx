import { Button, Divider, Fieldset, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { IconBuildingSkyscraper, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate } from "react-router";
import type { ApiBody } from "../../shared/api/client.ts";
import { SetupSchema } from "../../shared/schemas/organizations.ts";
import { FormError } from "../components/form-error.tsx";
import { FullPageLoader } from "../components/full-page-loader.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { QueryError } from "../components/query-error.tsx";
import { TimeZoneSelect } from "../components/time-zone-select.tsx";
import { api } from "../lib/api-client.ts";
import { applySession, useSetupStatus } from "../lib/session.ts";
import { browserTimeZone } from "../lib/time-zones.ts";
import { useForm } from "../lib/use-form.ts";

type Start = "own" | "demo";

const legendStyles = {
  legend: {
    fontSize: "var(--mantine-font-size-xs)",
    fontWeight: 600,
    textTransform: "uppercase" as const,
    letterSpacing: 0.4,
    color: "var(--mantine-color-dimmed)",
    marginBottom: 6,
  },
};

/** First run: create your organisation and owner account, or open the demo organisation. */
export function SetupPage() {
  const status = useSetupStatus();
  const navigate = useNavigate();
  const [start, setStart] = useState<Start>("own");
  const form = useForm({
    organizationName: "",
    timeZone: browserTimeZone(),
    name: "",
    email: "",
    password: "",
    setupCode: "",
  });
  const setup = useMutation({
    mutationFn: (input: ApiBody<"/api/setup", "post">) => api.post("/api/setup", { body: input }),
    onSuccess: (result) => {
      applySession(result);
      navigate(`/o/${result.organizationSlug}`, { replace: true });
    },
    onError: form.showError,
  });

  if (status.isPending) return <FullPageLoader />;
  if (status.isError)
    return <QueryError error={status.error} onRetry={() => void status.refetch()} what="Keel" />;
  if (!status.data.needsSetup) return <Navigate to="/" replace />;
  const codeRequired = status.data.setupCodeRequired;

  function submit(kind: Start) {
    setStart(kind);
    const v = form.values;
    const input = {
      start: kind,
      organizationName: kind === "own" ? v.organizationName : undefined,
      timeZone: v.timeZone,
      name: v.name,
      email: v.email,
      password: v.password,
      setupCode: codeRequired ? v.setupCode.trim() : undefined,
    };
    const parsed = form.validate(SetupSchema, input);
    if (!parsed) return;
    if (kind === "own" && !v.organizationName.trim()) {
      form.setErrors({ organizationName: "Name your organisation, or open the demo instead" });
      return;
    }
    if (codeRequired && !v.setupCode.trim()) {
      form.setErrors({ setupCode: "Enter the setup code from Keel's log" });
      return;
    }
    setup.mutate(input);
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit("own");
  };

  return (
    <PublicLayout
      title="Set up Keel"
      width={520}
      description="Create the first account. You become the owner and can invite everyone else afterwards."
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Fieldset legend="Your account" variant="unstyled" styles={legendStyles}>
            <Stack gap="sm">
              <TextInput label="Your name" autoComplete="name" {...form.text("name")} data-autofocus />
              <TextInput label="Email" type="email" autoComplete="email" {...form.text("email")} />
              <PasswordInput
                label="Password"
                description="At least 10 characters"
                autoComplete="new-password"
                {...form.text("password")}
              />
              {codeRequired && (
                <TextInput
                  label="Setup code"
                  description="You are not on the server's machine, so Keel asks for the one-time code printed in its log."
                  autoComplete="off"
                  {...form.text("setupCode")}
                />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend="Your organisation" variant="unstyled" styles={legendStyles}>
            <Stack gap="sm">
              <TextInput
                label="Organisation name"
                placeholder="e.g. Acme Logistics"
                {...form.text("organizationName")}
              />
              <TimeZoneSelect
                value={form.values.timeZone}
                onChange={(v) => form.setField("timeZone", v)}
                error={form.errors.timeZone}
                description="Weeks, due dates and “this week” are computed in it"
              />
              <FormError error={form.formError} />
              <Button
                type="submit"
                leftSection={<IconBuildingSkyscraper size={16} />}
                loading={setup.isPending && start === "own"}
                disabled={setup.isPending}
              >
                Create organisation
              </Button>
            </Stack>
          </Fieldset>

          <Divider label="or explore first" labelPosition="center" />
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              The demo is a made-up logistics company with teams, people and cycles already in place. Your
              account above becomes its owner; you can create your own organisation later.
            </Text>
            <Button
              variant="default"
              leftSection={<IconPlayerPlay size={16} />}
              loading={setup.isPending && start === "demo"}
              disabled={setup.isPending}
              onClick={() => submit("demo")}
            >
              Open the demo organisation
            </Button>
          </Stack>
        </Stack>
      </form>
    </PublicLayout>
  );
}
