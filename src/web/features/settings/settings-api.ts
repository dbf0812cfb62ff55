import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { refreshSession } from "../../lib/session.ts";
import type { Organization } from "../../lib/types.ts";

export type OrgSettings = { name: string; timeZone: string; weekStart: number; fiscalYearStartMonth: number };

export function useOrganization(slug: string) {
  return useQuery({
    queryKey: keys.settings(slug),
    queryFn: ({ signal }) => api.get<Organization>(orgPath(slug), { signal }),
  });
}

export function useUpdateOrganization(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      patch: Partial<OrgSettings> & { version: number; okrStatusSettings?: Record<string, number | ""> },
    ) => api.patch<Organization>(orgPath(slug), patch),
    onSuccess: (org) => {
      client.setQueryData(keys.settings(slug), org);
      // The name shows in the organisation switcher, which reads the session.
      void refreshSession();
    },
  });
}

export function useCreateOrganization() {
  return useMutation({
    mutationFn: (input: OrgSettings) => api.post<Organization>("/orgs", input),
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
