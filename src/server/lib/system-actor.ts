import type { Actor } from "../context.ts";
import { type ActorOrgRow, actorOrg } from "./actor-org.ts";

/**
 * The actor for changes Keel makes by itself (a scheduled connector run, an escalation
 * opening or closing on a recompute): the audit log shows them as done by "Keel", with
 * no person and no token behind them.
 */
export function systemActor(org: ActorOrgRow, job: string): Actor {
  return {
    ...actorOrg(org),
    role: "owner",
    userId: null,
    tokenId: null,
    label: "Keel",
    requestId: `job:${job}`,
  };
}
