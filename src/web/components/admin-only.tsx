import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useOrg } from "../lib/org-context.tsx";
import { EmptyState } from "./empty-state.tsx";
import { PageHeader } from "./page-header.tsx";

type Props = { title: string; what: string; children: ReactNode };

/**
 * Pages only owners and admins may use. Others (who reach them by a typed or shared
 * address; the navigation hides them) get an explanation instead of a failing page.
 */
export function AdminOnly({ title, what, children }: Props) {
  const { isAdmin, org } = useOrg();
  if (isAdmin) return children;
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={<IconLock size={24} />} title="Only owners and admins can see this page">
        Your role in {org.name} does not allow you to {what}. Ask one of its admins if you need it.
      </EmptyState>
    </>
  );
}
