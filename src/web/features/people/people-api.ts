import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiBody, ApiQuery } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type PeopleStatus = NonNullable<ApiQuery<"/api/orgs/{org}/people">["status"]>;

export function usePeople(slug: string, q: string, status: PeopleStatus, limit = 50, enabled = true) {
  return usePagedList(
    keys.people(slug),
    "/api/orgs/{org}/people",
    { path: { org: slug }, query: { q, status, limit } },
    { enabled },
  );
}

export type NewPerson = ApiBody<"/api/orgs/{org}/people", "post">;
export type PersonPatch = ApiBody<"/api/orgs/{org}/people/{userId}", "patch">;

function useInvalidatePeople(slug: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.people(slug) });
    // Names of leads and member counts in the team tree follow people.
    void client.invalidateQueries({ queryKey: keys.teams(slug) });
  };
}

export function useCreatePerson(slug: string) {
  const invalidate = useInvalidatePeople(slug);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPerson) =>
      api.post("/api/orgs/{org}/people", { path: { org: slug }, body: input }),
    onSuccess: () => {
      invalidate();
      // Adding a person is an invitation until they accept it.
      void client.invalidateQueries({ queryKey: keys.invitations(slug) });
    },
  });
}

export function useUpdatePerson(slug: string) {
  const invalidate = useInvalidatePeople(slug);
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: PersonPatch }) =>
      api.patch("/api/orgs/{org}/people/{userId}", { path: { org: slug, userId }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useIssueResetLink(slug: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post("/api/orgs/{org}/people/{userId}/password-reset", { path: { org: slug, userId } }),
  });
}

export function fetchPerson(slug: string, userId: string) {
  return api.get("/api/orgs/{org}/people/{userId}", { path: { org: slug, userId } });
}
