import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody, ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";

export type Webhook = ApiResponse<"/api/orgs/{org}/webhooks">["items"][number];
export type WebhookWithSecret = ApiResponse<"/api/orgs/{org}/webhooks", "post">;
export type WebhookDelivery = ApiResponse<"/api/orgs/{org}/webhooks/{id}/deliveries">["items"][number];
export type WebhookInput = ApiBody<"/api/orgs/{org}/webhooks", "post">;
export type WebhookPatch = ApiBody<"/api/orgs/{org}/webhooks/{id}", "patch">;

export const webhookKeys = {
  all: (slug: string) => ["org", slug, "webhooks"] as const,
  deliveries: (slug: string, id: string) => ["org", slug, "webhooks", "deliveries", id] as const,
};

export function useWebhooks(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: webhookKeys.all(slug),
    queryFn: () => api.get("/api/orgs/{org}/webhooks", { path: { org: slug } }),
    enabled,
  });
}

/** The delivery log; while something is pending it looks again every few seconds. */
export function useDeliveries(slug: string, id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(slug, id),
    queryFn: () =>
      api.get("/api/orgs/{org}/webhooks/{id}/deliveries", { path: { org: slug, id }, query: { limit: 20 } }),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === "pending") ? 3_000 : false),
  });
}

function useWebhookMutation<T, R>(slug: string, fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all(slug) }),
  });
}

export const useCreateWebhook = (slug: string) =>
  useWebhookMutation(slug, (body: WebhookInput) =>
    api.post("/api/orgs/{org}/webhooks", { path: { org: slug }, body }),
  );

export const useUpdateWebhook = (slug: string) =>
  useWebhookMutation(slug, ({ id, body }: { id: string; body: WebhookPatch }) =>
    api.patch("/api/orgs/{org}/webhooks/{id}", { path: { org: slug, id }, body }),
  );

export const useRotateSecret = (slug: string) =>
  useWebhookMutation(slug, (hook: Webhook) =>
    api.post("/api/orgs/{org}/webhooks/{id}/rotate-secret", {
      path: { org: slug, id: hook.id },
      body: { version: hook.version },
    }),
  );

export const useSendTest = (slug: string) =>
  useWebhookMutation(slug, (id: string) =>
    api.post("/api/orgs/{org}/webhooks/{id}/test", { path: { org: slug, id } }),
  );

export const useDeleteWebhook = (slug: string) =>
  useWebhookMutation(slug, (id: string) =>
    api.delete("/api/orgs/{org}/webhooks/{id}", { path: { org: slug, id } }),
  );
