import { Button } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../components/empty-state.tsx";
import { useDocumentTitle } from "../lib/use-document-title.ts";

/** An address that leads nowhere: say so and offer the way back. */
export function NotFoundPage({ home = "/" }: { home?: string }) {
  useDocumentTitle("Not found");
  return (
    <EmptyState
      icon={<IconMapQuestion size={24} />}
      title="This page does not exist"
      action={
        <Button component={Link} to={home} variant="default">
          Back to the overview
        </Button>
      }
    >
      The address may be mistyped, or the page has moved. Use the navigation to find what you were looking
      for.
    </EmptyState>
  );
}
