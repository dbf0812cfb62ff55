import { orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { AuditEvent } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type AuditFilter = {
  entityType?: string | undefined;
  action?: string | undefined;
  actorUserId?: string | undefined;
};

/** Every change, newest first (admins only; others get 403). */
export function useAudit(slug: string, filter: AuditFilter) {
  return usePagedList<AuditEvent>(keys.audit(slug), orgPath(slug, "/audit"), { ...filter, limit: 50 });
}
