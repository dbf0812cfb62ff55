import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { cycles, themes } from "../../db/schema.ts";
import { likePattern, type PageFilter } from "../lib/pagination.ts";
import { updateAtVersion } from "./versioned-update.ts";

/** Cycles and strategic themes: small per-organisation catalogues. */

/** Every cycle of the organisation (a few per year), newest first. */
export function listCycles(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(cycles)
    .where(eq(cycles.organizationId, organizationId))
    .orderBy(sql`${cycles.startsOn} desc`, sql`${cycles.endsOn} desc`, sql`${cycles.id} desc`);
}

/**
 * A page of cycles, newest first; of two starting the same day the longer comes first,
 * so a year precedes its first quarter. The cursor key is "start~end".
 */
export function pageCycles(q: Queryable, organizationId: string, f: PageFilter) {
  const conditions: SQL[] = [eq(cycles.organizationId, organizationId)];
  if (f.q) conditions.push(sql`${cycles.name} ilike ${likePattern(f.q)}`);
  if (f.after) {
    const [startsOn, endsOn] = f.after.k.split("~");
    conditions.push(
      sql`(${cycles.startsOn}, ${cycles.endsOn}, ${cycles.id}) < (${startsOn}::date, ${endsOn}::date, ${f.after.id}::uuid)`,
    );
  }
  return q
    .select()
    .from(cycles)
    .where(and(...conditions))
    .orderBy(sql`${cycles.startsOn} desc`, sql`${cycles.endsOn} desc`, sql`${cycles.id} desc`)
    .limit(f.limit + 1);
}

export function findCycle(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(cycles)
    .where(and(eq(cycles.organizationId, organizationId), eq(cycles.id, id)))
    .then((r) => r[0]);
}

export async function insertCycles(
  q: Queryable,
  rows: Array<{
    organizationId: string;
    name: string;
    kind: "quarter" | "year" | "custom";
    startsOn: string;
    endsOn: string;
    state?: "planning" | "active" | "grading" | "closed";
  }>,
) {
  if (rows.length === 0) return [];
  return q.insert(cycles).values(rows).returning();
}

export async function updateCycle(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<{
    name: string;
    startsOn: string;
    endsOn: string;
    state: "planning" | "active" | "grading" | "closed";
  }>,
) {
  const key = [eq(cycles.organizationId, organizationId), eq(cycles.id, id)];
  const [row] = await updateAtVersion(q, cycles, key, version, patch).returning();
  return row;
}

export function listThemes(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(themes)
    .where(eq(themes.organizationId, organizationId))
    .orderBy(themes.position, themes.id);
}

/** A page of themes in their set order; the cursor key is the position. */
export function pageThemes(q: Queryable, organizationId: string, f: PageFilter) {
  const conditions: SQL[] = [eq(themes.organizationId, organizationId)];
  if (f.q) conditions.push(sql`${themes.name} ilike ${likePattern(f.q)}`);
  if (f.after)
    conditions.push(sql`(${themes.position}, ${themes.id}) > (${f.after.k}::int, ${f.after.id}::uuid)`);
  return q
    .select()
    .from(themes)
    .where(and(...conditions))
    .orderBy(themes.position, themes.id)
    .limit(f.limit + 1);
}

export function findTheme(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(themes)
    .where(and(eq(themes.organizationId, organizationId), eq(themes.id, id)))
    .then((r) => r[0]);
}

export async function insertThemes(
  q: Queryable,
  rows: Array<{
    organizationId: string;
    name: string;
    description: string;
    perspective: string | null;
    position: number;
  }>,
) {
  return q.insert(themes).values(rows).returning();
}

export async function updateTheme(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<{ name: string; description: string; archivedAt: Date | null }>,
) {
  const key = [eq(themes.organizationId, organizationId), eq(themes.id, id)];
  const [row] = await updateAtVersion(q, themes, key, version, patch).returning();
  return row;
}
