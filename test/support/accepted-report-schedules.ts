/**
 * Requests Keel accepts for the report schedule routes (see accepted-requests.ts for the
 * shape of a builder). Each change works on a schedule of its own, so a delete does not
 * pull the world's schedule away from the other samples.
 */
import type { Builder } from "./accepted-requests.ts";

async function ownSchedule(c: Parameters<Builder>[0]) {
  const created = await c.h.ok(
    "POST",
    `${c.base}/report-schedules`,
    { as: c.w.owner, body: { frequency: "monthly", recipientUserIds: [c.w.person.id] } },
    201,
  );
  return created as { id: string; version: number };
}

export const reportScheduleBuilders: Record<string, Builder> = {
  "POST /api/orgs/{org}/report-schedules": async (c) => ({
    path: c.path,
    body: {
      teamId: c.w.team.id,
      frequency: "weekly",
      format: "csv",
      recipientUserIds: [c.w.person.id, c.w.owner.userId],
    },
    as: c.w.owner,
  }),
  "PATCH /api/orgs/{org}/report-schedules/{id}": async (c) => {
    const schedule = await ownSchedule(c);
    return {
      path: `${c.base}/report-schedules/${schedule.id}`,
      body: { version: schedule.version, frequency: "weekly", format: "csv", teamId: c.w.team.id },
      as: c.w.owner,
    };
  },
  "DELETE /api/orgs/{org}/report-schedules/{id}": async (c) => {
    const schedule = await ownSchedule(c);
    return { path: `${c.base}/report-schedules/${schedule.id}`, as: c.w.owner };
  },
};
