import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { CreatedInvitation, Person, ResetLink, Role } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type PeopleStatus = "active" | "deactivated" | "all";

export function usePeople(slug: string, q: string, status: PeopleStatus, limit = 50, enabled = true) {
  return usePagedList<Person>(keys.people(slug), orgPath(slug, "/people"), { q, status, limit }, { enabled });
}

export type NewPerson = {
  name: string;
  email: string;
  role: Role;
  title?: string | undefined;
  managerUserId?: string | null | undefined;
};

export type PersonPatch = {
  version: number;
  role?: Role;
  title?: string | null;
  managerUserId?: string | null;
  status?: Person["status"];
};

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
    mutationFn: (input: NewPerson) => api.post<CreatedInvitation>(orgPath(slug, "/people"), input),
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
      api.patch<Person>(orgPath(slug, `/people/${userId}`), patch),
    onSuccess: invalidate,
  });
}

export function useIssueResetLink(slug: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<ResetLink>(orgPath(slug, `/people/${userId}/password-reset`), {}),
  });
}

export function fetchPerson(slug: string, userId: string) {
  return api.get<Person>(orgPath(slug, `/people/${userId}`));
}
