import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody, ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";

export type ReportSchedule = ApiResponse<"/api/orgs/{org}/report-schedules">["items"][number];
export type ReportScheduleInput = ApiBody<"/api/orgs/{org}/report-schedules", "post">;
export type ReportSchedulePatch = ApiBody<"/api/orgs/{org}/report-schedules/{id}", "patch">;

const scheduleKeys = (slug: string) => ["org", slug, "report-schedules"] as const;

export function useReportSchedules(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys(slug),
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/report-schedules", { path: { org: slug }, signal }),
    enabled,
  });
}

function useScheduleMutation<T, R>(slug: string, fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys(slug) }),
  });
}

export const useCreateReportSchedule = (slug: string) =>
  useScheduleMutation(slug, (body: ReportScheduleInput) =>
    api.post("/api/orgs/{org}/report-schedules", { path: { org: slug }, body }),
  );

export const useUpdateReportSchedule = (slug: string) =>
  useScheduleMutation(slug, ({ id, body }: { id: string; body: ReportSchedulePatch }) =>
    api.patch("/api/orgs/{org}/report-schedules/{id}", { path: { org: slug, id }, body }),
  );

export const useDeleteReportSchedule = (slug: string) =>
  useScheduleMutation(slug, (id: string) =>
    api.delete("/api/orgs/{org}/report-schedules/{id}", { path: { org: slug, id } }),
  );
