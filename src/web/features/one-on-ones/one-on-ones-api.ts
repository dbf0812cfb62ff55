import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";

export type {
  OneOnOneAgenda,
  OneOnOneItem,
  OneOnOnePair,
} from "../../../shared/schemas/one-on-ones.ts";

type Pair = { managerUserId: string; reportUserId: string };

/** 1:1 data is private to a pair: its own area, refreshed together after any change. */
export const oneOnOneKeys = {
  all: (slug: string) => ["org", slug, "one-on-ones"] as const,
  pair: (slug: string, pair: Pair) =>
    ["org", slug, "one-on-ones", pair.managerUserId, pair.reportUserId] as const,
};

/** My pairs: one per report I manage, and the one with my manager. */
export function useMyOneOnOnes(slug: string) {
  return useQuery({
    queryKey: [...oneOnOneKeys.all(slug), "mine"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/one-on-ones", { path: { org: slug }, signal }),
  });
}

/** The pair's next 1:1 (Keel brings its generated items up to date on every read). */
export function useOneOnOne(slug: string, pair: Pair) {
  return useQuery({
    queryKey: oneOnOneKeys.pair(slug, pair),
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/one-on-ones/{managerUserId}/{reportUserId}", {
        path: { org: slug, ...pair },
        signal,
      }),
  });
}

export function useOneOnOneHistory(slug: string, pair: Pair) {
  return useQuery({
    queryKey: [...oneOnOneKeys.pair(slug, pair), "history"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/one-on-ones/{managerUserId}/{reportUserId}/history", {
        path: { org: slug, ...pair },
        query: { limit: 20 },
        signal,
      }),
  });
}

function useRefresh(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: oneOnOneKeys.all(slug) });
}

export function useAddOneOnOneItem(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ agendaId, title }: { agendaId: string; title: string }) =>
      api.post("/api/orgs/{org}/one-on-one-agendas/{agendaId}/items", {
        path: { org: slug, agendaId },
        body: { title },
      }),
    onSuccess: refresh,
  });
}

export function useTickOneOnOneItem(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ agendaId, itemId, done }: { agendaId: string; itemId: string; done: boolean }) =>
      api.patch("/api/orgs/{org}/one-on-one-agendas/{agendaId}/items/{itemId}", {
        path: { org: slug, agendaId, itemId },
        body: { done },
      }),
    onSuccess: refresh,
  });
}

export function useCloseOneOnOne(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ agendaId, notes }: { agendaId: string; notes: string }) =>
      api.post("/api/orgs/{org}/one-on-one-agendas/{agendaId}/close", {
        path: { org: slug, agendaId },
        body: { notes },
      }),
    onSuccess: refresh,
  });
}
