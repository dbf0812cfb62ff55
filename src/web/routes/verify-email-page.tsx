import { Alert, Button, Loader, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconLinkOff } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { PublicLayout } from "../components/public-layout.tsx";
import { api, isApiError } from "../lib/api-client.ts";
import { applySession } from "../lib/session.ts";

const CreateOrganizationModal = lazy(() =>
  import("../features/settings/create-organization-modal.tsx").then((m) => ({
    default: m.CreateOrganizationModal,
  })),
);

/**
 * /verify-email/:token: the link of the confirmation mail. Opening it confirms the address
 * and signs the person in; from here they create their organisation.
 */
export function VerifyEmailPage() {
  const { token = "" } = useParams();
  const [creating, setCreating] = useState(false);
  const verify = useMutation({
    mutationFn: () => api.post("/api/auth/verify-email", { body: { token }, allowUnauthenticated: true }),
    onSuccess: (session) => applySession(session),
  });
  // The link works once: confirm it once, even when React runs the effect twice.
  const sent = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);

  if (verify.isError) {
    const used = isApiError(verify.error, "link_used");
    return (
      <PublicLayout title={used ? "Address already confirmed" : "This link does not work"}>
        <Alert color="gray" icon={<IconLinkOff size={18} />} role="alert">
          {verify.error.message}
        </Alert>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </PublicLayout>
    );
  }

  if (!verify.isSuccess) {
    return (
      <PublicLayout title="Confirming your address">
        <Stack align="center" py="md">
          <Loader aria-label="Confirming" />
        </Stack>
      </PublicLayout>
    );
  }

  const session = verify.data;
  const first = session.organizations[0];
  return (
    <PublicLayout title="Address confirmed">
      <Alert color="teal" icon={<IconCircleCheck size={18} />} role="status">
        Thank you, {session.user.name}: {session.user.email} is confirmed and you are signed in.
      </Alert>
      {first ? (
        <Button component={Link} to={`/o/${first.slug}`}>
          Open {first.name}
        </Button>
      ) : session.user.mayCreateOrganizations ? (
        <>
          <Text size="sm">
            Next, create your organisation: you become its owner and invite your colleagues from there.
          </Text>
          <Button onClick={() => setCreating(true)}>Create your organisation</Button>
          <Button component={Link} to="/account" variant="subtle">
            Later: go to my account
          </Button>
        </>
      ) : (
        <>
          <Text size="sm">
            You belong to no organisation yet. Ask an admin of your organisation for an invitation.
          </Text>
          <Button component={Link} to="/account">
            Go to my account
          </Button>
        </>
      )}
      {creating && (
        <Suspense fallback={null}>
          <CreateOrganizationModal opened onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </PublicLayout>
  );
}
