import type { ApiQuery } from "../../../shared/api/client.ts";
import { keys } from "../../lib/query-keys.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type AuditFilter = Omit<ApiQuery<"/api/orgs/{org}/audit">, "cursor" | "limit">;

/** Every change, newest first (admins only; others get 403). */
export function useAudit(slug: string, filter: AuditFilter) {
  return usePagedList(keys.audit(slug), "/api/orgs/{org}/audit", {
    path: { org: slug },
    query: { ...filter, limit: 50 },
  });
}
