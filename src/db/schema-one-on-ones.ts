/**
 * 1:1 agendas (re-exported by schema.ts). For each manager–report pair there is at most
 * one open agenda: "the next 1:1". Closing it with the meeting's notes starts the next
 * one; when a person's manager changes, the old pair's open agenda is archived and its
 * open generated items move to the new pair's agenda. Private to the two people (and
 * admins by policy, docs/one-on-ones.md). Same conventions as schema.ts.
 */
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./schema-columns.ts";
import { memberships } from "./schema-identity.ts";

export const oneOnOneAgendas = pgTable(
  "one_on_one_agendas",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    managerUserId: uuid("manager_user_id").notNull(),
    reportUserId: uuid("report_user_id").notNull(),
    /** open: the next 1:1; closed: a meeting that was held; archived: the pair ended. */
    status: text("status", { enum: ["open", "closed", "archived"] })
      .notNull()
      .default("open"),
    /** The meeting's notes, written when it is closed (either person may draft them). */
    notes: text("notes").notNull().default(""),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByUserId: uuid("closed_by_user_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("one_on_one_agendas_one_open_key")
      .on(t.organizationId, t.managerUserId, t.reportUserId)
      .where(sql`status = 'open'`),
    index("one_on_one_agendas_report_idx").on(t.organizationId, t.reportUserId, t.createdAt),
    index("one_on_one_agendas_manager_idx").on(t.organizationId, t.managerUserId, t.createdAt),
    foreignKey({
      name: "one_on_one_agendas_manager_fk",
      columns: [t.organizationId, t.managerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    foreignKey({
      name: "one_on_one_agendas_report_fk",
      columns: [t.organizationId, t.reportUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
  ],
);

/**
 * One item on an agenda. Generated items (a flagged KR with its quoted sentence, an
 * overdue check-in, an open KPI escalation of the report, a KR whose forecast turned
 * unlikely) carry `sourceKey`, which names the event ("flag:<id>", "forecast:<kr>:<date>",
 * …) so the same event is put on a pair's agenda once; items people add have none.
 * `subjectKind`/`subjectId` say what the item is about (no foreign key: an item outlives
 * a deleted KR as a line of history).
 */
export const oneOnOneItems = pgTable(
  "one_on_one_items",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    agendaId: uuid("agenda_id").notNull(),
    kind: text("kind", {
      enum: ["risk_flag", "overdue_check_in", "kpi_escalation", "forecast_unlikely", "added"],
    }).notNull(),
    sourceKey: text("source_key"),
    subjectKind: text("subject_kind"),
    subjectId: uuid("subject_id"),
    title: text("title").notNull(),
    /** A quoted sentence (risk flags); shown only to people who may see its Objective. */
    quote: text("quote"),
    addedByUserId: uuid("added_by_user_id"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneByUserId: uuid("done_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("one_on_one_items_source_key")
      .on(t.organizationId, t.agendaId, t.sourceKey)
      .where(sql`source_key is not null`),
    index("one_on_one_items_agenda_idx").on(t.organizationId, t.agendaId, t.createdAt),
    foreignKey({
      name: "one_on_one_items_agenda_fk",
      columns: [t.organizationId, t.agendaId],
      foreignColumns: [oneOnOneAgendas.organizationId, oneOnOneAgendas.id],
    }).onDelete("cascade"),
  ],
);
