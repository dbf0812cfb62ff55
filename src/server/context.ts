import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../db/client.ts";
import type { StatusSettings } from "../domain/okr/status-settings.ts";
import type { Role } from "../domain/roles.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./lib/logger.ts";
import type { MembershipOfSlug } from "./repositories/organization-repository.ts";

/** What every service and route needs; passed explicitly, never imported as a global. */
export type Deps = {
  db: Db;
  engine: "pglite" | "postgres";
  config: Config;
  logger: Logger;
  /** Injected so tests can move time (session expiry, invitation expiry). */
  now: () => Date;
  /**
   * The 32-byte key connector credentials are encrypted with (lib/secret-box.ts). A
   * function: the server resolves it at start, one-off CLI commands only when they need it.
   */
  secretKey: () => Buffer;
};

/** Who is calling: a signed-in person (cookie session) or an API token. */
export type Principal =
  | {
      kind: "session";
      userId: string;
      name: string;
      email: string;
      sessionHash: string;
      csrfToken: string;
      /**
       * Set while a demo organisation's owner views Keel as one of its people: `userId`,
       * `name` and `email` are then that person's, and `by` is the owner signed in.
       */
      viewAs?: { byUserId: string; byName: string; organizationId: string; orgSlug: string; orgName: string };
    }
  | {
      kind: "token";
      tokenId: string;
      tokenKind: "personal" | "service";
      organizationId: string;
      role: Role;
      userId: string | null;
      name: string;
    };

/** The caller inside one organisation, resolved from the path's {org}. */
export type Actor = {
  organizationId: string;
  orgSlug: string;
  orgName: string;
  timeZone: string;
  /** Day weeks start on (1 = Monday … 7 = Sunday), for check-ins due "this week". */
  weekStart: number;
  /** Month (1–12) the fiscal year starts in: where KPI quarters begin. */
  fiscalYearStartMonth: number;
  /**
   * The organisation's OKR status bands, resolved over the defaults. Read with the
   * organisation when the request's actor is resolved, so OKR pages need not read it again.
   */
  okrStatusSettings: StatusSettings;
  role: Role;
  userId: string | null;
  tokenId: string | null;
  /** Shown in the audit log: a person's name, or "token <name>". */
  label: string;
  requestId: string;
  /**
   * The app's clock, when the actor comes from a request: audit events are dated by the
   * same clock as the check-ins and values beside them, so "as of" reads them alike
   * (docs/as-of.md). Without it the database dates them.
   */
  clock?: () => Date;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal | null;
    actor: Actor;
    clientIp: string;
    /** The signed-in person's membership in the organisation of the path, read with the session. */
    membershipOfPath?: { slug: string; membership: MembershipOfSlug | null };
  };
};

export type Api = OpenAPIHono<AppEnv>;
