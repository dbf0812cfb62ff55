import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";

/**
 * The alignment tree's read: only the columns the tree shows or computes from, in raw SQL
 * (plain rows, no per-column mapping). A division's tree is hundreds of Objectives and
 * thousands of KRs.
 */

export type AlignmentObjectiveRow = {
  id: string;
  teamId: string | null;
  teamName: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  title: string;
  state: "draft" | "active" | "closed";
  visibility: "organization" | "team";
  /** What it contributes to, with weights (any cycle; the tree keeps those it shows). */
  parentIds: string[];
  parentWeights: number[];
  keyResults: AlignmentKeyResultRow[];
};

/**
 * The live Objectives of a cycle with their live KRs, or with `teamId` only that team's
 * and, transitively, everything in the cycle that contributes to them (a recursive query;
 * `union` stops at loops). One statement: each Objective's KRs come as a JSON array,
 * which costs the database little (an index scan per Objective) and is cheaper to read
 * on both engines than a row per KR. Ordered as lists are.
 */
export async function alignmentObjectives(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  teamId: string | undefined,
): Promise<AlignmentObjectiveRow[]> {
  const chosen = teamId
    ? // `= any(array(…))`: the planner cannot guess how big the subtree is, and guessing
      // small makes it read each Objective by its key rather than hash all 20,000.
      sql`o.id = any(array(
          with recursive tree(id) as (
            select o.id from objectives o
            where o.organization_id = ${organizationId} and o.cycle_id = ${cycleId}
              and o.team_id = ${teamId} and o.archived_at is null
            union
            select c.id from tree
            join objective_alignments a on a.organization_id = ${organizationId} and a.parent_id = tree.id
            join objectives c on c.organization_id = a.organization_id and c.id = a.child_id
            where c.cycle_id = ${cycleId} and c.archived_at is null
          )
          select id from tree))`
    : sql`o.cycle_id = ${cycleId} and o.archived_at is null`;
  const result = await q.execute(sql`
    select o.id, o.team_id as "teamId", t.name as "teamName", o.owner_user_id as "ownerUserId",
      u.name as "ownerName", o.title, o.state, o.visibility,
      array(select a.parent_id from objective_alignments a
            where a.organization_id = o.organization_id and a.child_id = o.id
            order by a.parent_id) as "parentIds",
      array(select a.weight from objective_alignments a
            where a.organization_id = o.organization_id and a.child_id = o.id
            order by a.parent_id) as "parentWeights",
      (select coalesce(json_agg(json_build_object(
          'id', k.id, 'title', k.title, 'kind', k.kind, 'startValue', k.start_value,
          'targetValue', k.target_value, 'currentValue', k.current_value, 'done', k.done,
          'unit', k.unit, 'weight', k.weight, 'commitment', k.commitment,
          'lastConfidence', k.last_confidence,
          'lastCheckInAtMs', floor(extract(epoch from k.last_check_in_at) * 1000),
          'createdAtMs', floor(extract(epoch from k.created_at) * 1000),
          'activeFrom', to_char(k.active_from, 'YYYY-MM-DD'))
          order by k.position, k.created_at, k.id), '[]')
        from key_results k
        where k.organization_id = o.organization_id and k.objective_id = o.id
          and k.archived_at is null) as "keyResults"
    from objectives o
    left join teams t on t.organization_id = o.organization_id and t.id = o.team_id
    left join users u on u.id = o.owner_user_id
    where o.organization_id = ${organizationId} and ${chosen}
    order by o.position, o.created_at, o.id`);
  return rowsOf<AlignmentObjectiveRow>(result);
}

/** A live KR of the tree, as the JSON of `alignmentObjectives` carries it. */
export type AlignmentKeyResultRow = {
  id: string;
  title: string;
  kind: "metric" | "milestone" | "percentage";
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  unit: string;
  weight: number;
  commitment: "committed" | "aspirational";
  lastConfidence: number | null;
  /** Milliseconds since the epoch: JSON has no dates. */
  lastCheckInAtMs: number | null;
  createdAtMs: number;
  /** The day the KR became active (YYYY-MM-DD), or null. */
  activeFrom: string | null;
};
