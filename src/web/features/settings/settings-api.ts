import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { refreshSession } from "../../lib/session.ts";

/** The settings form holds every field, defaults included. */
export type OrgSettings = Required<ApiBody<"/api/orgs", "post">>;
export type OrganizationPatch = ApiBody<"/api/orgs/{org}", "patch">;

export function useOrganization(slug: string) {
  return useQuery({
    queryKey: keys.settings(slug),
    queryFn: ({ signal }) => api.get("/api/orgs/{org}", { path: { org: slug }, signal }),
  });
}

export function useUpdateOrganization(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganizationPatch) =>
      api.patch("/api/orgs/{org}", { path: { org: slug }, body: patch }),
    onSuccess: (org) => {
      client.setQueryData(keys.settings(slug), org);
      // The name shows in the organisation switcher, which reads the session.
      void refreshSession();
    },
  });
}

export function useCreateOrganization() {
  return useMutation({
    mutationFn: (input: OrgSettings) => api.post("/api/orgs", { body: input }),
    onSuccess: () => refreshSession(),
  });
}

export const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const weekdayOptions = weekdays.map((d, i) => ({ value: String(i + 1), label: d }));
export const monthOptions = months.map((m, i) => ({ value: String(i + 1), label: m }));
