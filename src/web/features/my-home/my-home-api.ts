import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

export type Inbox = ApiResponse<"/api/orgs/{org}/my/inbox", "get">;
export type InboxItem = Inbox["items"][number];
export type InboxKind = InboxItem["kind"];
export type MyHome = ApiResponse<"/api/orgs/{org}/my/home", "get">;

/**
 * What I owe. The navigation's count and the inbox share this one query; it refreshes
 * after every change (query-client.ts) and once a minute for what others do (an
 * escalation sent to me, an item put on my 1:1).
 */
export function useMyInbox(slug: string) {
  return useQuery({ ...myInboxQuery(slug), refetchInterval: 60_000 });
}

/** The inbox's query (the navigation's count): the hook's and the routes' that prefetch it. */
export function myInboxQuery(slug: string) {
  return queryOptions({
    queryKey: [...keys.my(slug), "inbox"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/my/inbox", { path: { org: slug }, signal }),
    staleTime: 15_000,
  });
}

/** My KRs in active cycles and my KPIs, with what is due. */
export function useMyHome(slug: string) {
  return useQuery(myHomeQuery(slug));
}

/** My home's query, for the hook and the route that prefetches it. */
export function myHomeQuery(slug: string) {
  return queryOptions({
    queryKey: [...keys.my(slug), "home"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/my/home", { path: { org: slug }, signal }),
  });
}

/** Marks one of my notifications read: it leaves the inbox. */
export function useReadNotification(slug: string) {
  return useMutation({
    mutationFn: (id: string) =>
      api.post("/api/orgs/{org}/my/notifications/{id}/read", { path: { org: slug, id } }),
  });
}
