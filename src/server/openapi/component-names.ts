import { getRefId, zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as audit from "../../shared/schemas/audit.ts";
import * as auth from "../../shared/schemas/auth.ts";
import * as checkInLists from "../../shared/schemas/check-in-lists.ts";
import * as checkInNotes from "../../shared/schemas/check-in-notes.ts";
import * as common from "../../shared/schemas/common.ts";
import * as confidenceCalibration from "../../shared/schemas/confidence-calibration.ts";
import * as connectors from "../../shared/schemas/connectors.ts";
import * as cycles from "../../shared/schemas/cycles.ts";
import * as email from "../../shared/schemas/email.ts";
import * as escalations from "../../shared/schemas/escalations.ts";
import * as healthKpis from "../../shared/schemas/health-kpis.ts";
import * as instance from "../../shared/schemas/instance.ts";
import * as keyResultFlags from "../../shared/schemas/key-result-flags.ts";
import * as kpiAnomalies from "../../shared/schemas/kpi-anomalies.ts";
import * as kpiDrivers from "../../shared/schemas/kpi-drivers.ts";
import * as kpiEntry from "../../shared/schemas/kpi-entry.ts";
import * as kpiImpact from "../../shared/schemas/kpi-impact.ts";
import * as kpiLinks from "../../shared/schemas/kpi-links.ts";
import * as kpis from "../../shared/schemas/kpis.ts";
import * as leadership from "../../shared/schemas/leadership.ts";
import * as liveEvents from "../../shared/schemas/live-events.ts";
import * as myHome from "../../shared/schemas/my-home.ts";
import * as notifications from "../../shared/schemas/notifications.ts";
import * as okrForecasts from "../../shared/schemas/okr-forecasts.ts";
import * as okrLint from "../../shared/schemas/okr-lint.ts";
import * as okrReviews from "../../shared/schemas/okr-reviews.ts";
import * as okrs from "../../shared/schemas/okrs.ts";
import * as oneOnOnes from "../../shared/schemas/one-on-ones.ts";
import * as organizations from "../../shared/schemas/organizations.ts";
import * as people from "../../shared/schemas/people.ts";
import * as reportSchedules from "../../shared/schemas/report-schedules.ts";
import * as reports from "../../shared/schemas/reports.ts";
import * as strategy from "../../shared/schemas/strategy.ts";
import * as system from "../../shared/schemas/system.ts";
import * as teams from "../../shared/schemas/teams.ts";
import * as themes from "../../shared/schemas/themes.ts";
import * as tokens from "../../shared/schemas/tokens.ts";
import * as webhooks from "../../shared/schemas/webhooks.ts";

const modules = [
  audit,
  auth,
  checkInLists,
  checkInNotes,
  common,
  confidenceCalibration,
  connectors,
  cycles,
  email,
  escalations,
  instance,
  healthKpis,
  keyResultFlags,
  kpiDrivers,
  kpiImpact,
  kpiAnomalies,
  kpiEntry,
  kpiLinks,
  kpis,
  leadership,
  myHome,
  liveEvents,
  notifications,
  okrForecasts,
  okrLint,
  okrReviews,
  okrs,
  oneOnOnes,
  organizations,
  people,
  reports,
  reportSchedules,
  strategy,
  system,
  teams,
  themes,
  tokens,
  webhooks,
];

/** Query and path parameters are spelled out as parameters, never referenced as one schema. */
const parameterSchema = /(Query|Params?)Schema$/;

/** What deserves a name of its own: records, choices and lists, not a bare string or number. */
function isNamedShape(schema: z.ZodType): boolean {
  return (
    schema instanceof z.ZodObject ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodUnion ||
    schema instanceof z.ZodArray
  );
}

/**
 * A component is written once, so it must read the same as a request body and as an
 * answer. A schema with defaults or coercions does not (`formula` with a default is
 * optional to send and always present in the answer): it stays spelled out where used,
 * where the generator knows which side it is on.
 */
function readsTheSameBothWays(schema: z.ZodType): boolean {
  // zod closes every object of an answer; the generator decides that from the schema alone.
  const side = (io: "input" | "output") =>
    JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any" })).replaceAll(
      ',"additionalProperties":false',
      "",
    );
  try {
    return side("input") === side("output");
  } catch {
    return false;
  }
}

/**
 * Gives every exported schema of src/shared/schemas its export name (without "Schema") as
 * its OpenAPI component: the document then says `Kpi` once and refers to it everywhere,
 * instead of spelling the same shape out in every operation. Clients generated from
 * /api/openapi.json get named types, and the document and Keel's own generated types stay
 * a fraction of their inlined size.
 *
 * The name goes on the existing instances, in the generator's own registry: `.meta()` or
 * `.openapi("Name")` would make copies that the routes do not use, and the shared schemas
 * stay free of server libraries (the web app imports them).
 */
export function nameSchemaComponents(): void {
  const taken = new Map<string, z.ZodType>();
  for (const module of modules) {
    for (const [exportName, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType) || !exportName.endsWith("Schema")) continue;
      if (parameterSchema.test(exportName) || !isNamedShape(value) || !readsTheSameBothWays(value)) continue;
      if (getRefId(value)) continue;
      const id = exportName.slice(0, -"Schema".length);
      const holder = taken.get(id);
      if (holder && holder !== value) throw new Error(`Two schemas want the component name ${id}`);
      taken.set(id, value);
      const current = zodToOpenAPIRegistry.get(value);
      zodToOpenAPIRegistry.remove(value);
      zodToOpenAPIRegistry.add(value, { ...current, _internal: { ...current?._internal, refId: id } });
    }
  }
}
