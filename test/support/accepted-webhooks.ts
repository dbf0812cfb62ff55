/**
 * Requests Keel accepts for the webhook routes (see accepted-requests.ts for the shape of
 * a builder). Each write works on a webhook of its own, so a delete or a new URL does not
 * pull the world's webhook away from the other samples.
 */
import type { Builder } from "./accepted-requests.ts";
import { unique } from "./accepted-setups.ts";

const hookUrl = () => `https://hooks-${unique()}.vdberg-logistics.test/keel`;

async function ownWebhook(c: Parameters<Builder>[0]) {
  const created = await c.h.ok(
    "POST",
    `${c.base}/webhooks`,
    { as: c.w.owner, body: { url: hookUrl(), events: ["cycle.closed"] } },
    201,
  );
  return created as { id: string; version: number };
}

export const webhookBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/webhooks": async (c) => ({
    path: c.path,
    body: { url: hookUrl(), events: ["escalation.opened", "kpi.status_changed"], format: "slack" },
    as: c.w.owner,
  }),
  "PATCH /api/orgs/{org}/webhooks/{id}": async (c) => {
    const hook = await ownWebhook(c);
    return {
      path: `${c.base}/webhooks/${hook.id}`,
      body: { version: hook.version, url: hookUrl(), enabled: false },
      as: c.w.owner,
    };
  },
  "POST /api/orgs/{org}/webhooks/{id}/rotate-secret": async (c) => {
    const hook = await ownWebhook(c);
    return {
      path: `${c.base}/webhooks/${hook.id}/rotate-secret`,
      body: { version: hook.version },
      as: c.w.owner,
    };
  },
  "DELETE /api/orgs/{org}/webhooks/{id}": async (c) => {
    const hook = await ownWebhook(c);
    return { path: `${c.base}/webhooks/${hook.id}`, as: c.w.owner };
  },
  "POST /api/orgs/{org}/webhooks/{id}/test": async (c) => ({ path: c.path, as: c.w.owner }),
};
