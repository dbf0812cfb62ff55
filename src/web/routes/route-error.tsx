import { Alert, Button, Center, Code, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { isRouteErrorResponse, useRouteError } from "react-router";

/**
 * Last line of defence when a page crashes while rendering (or its code failed to load
 * after a new version was deployed): explain, and offer a reload.
 */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <Center mih="60vh" p="md">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title="This page ran into a problem"
        maw={520}
      >
        <Stack gap="sm">
          <span>
            Reloading usually fixes it (for example after Keel was updated). If it keeps happening, tell your
            administrator what you were doing and the message below.
          </span>
          <Code block>{message}</Code>
          <Button
            size="xs"
            variant="white"
            color="red"
            onClick={() => window.location.reload()}
            w="fit-content"
          >
            Reload the page
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
