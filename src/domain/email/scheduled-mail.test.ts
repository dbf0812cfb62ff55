import { describe, expect, it } from "vitest";
import { dueSlots, localHourIn, type ScheduleOrganization } from "./scheduled-mail.ts";

const berlin: ScheduleOrganization = {
  id: "org-1",
  timeZone: "Europe/Berlin",
  weekStart: 1,
  reminderHour: 9,
};

describe("localHourIn", () => {
  it("reads the hour in the organisation's time zone", () => {
    // 07:30 UTC in winter is 08:30 in Berlin and 02:30 in New York.
    const at = new Date("2026-12-07T07:30:00Z");
    expect(localHourIn("Europe/Berlin", at)).toBe(8);
    expect(localHourIn("America/New_York", at)).toBe(2);
    expect(localHourIn("UTC", new Date("2026-12-07T00:10:00Z"))).toBe(0);
  });
});

describe("dueSlots", () => {
  it("has nothing before the reminder hour", () => {
    expect(dueSlots(berlin, new Date("2026-12-07T07:59:00Z"))).toEqual([]);
  });

  it("has today's reminders and this week's digest from the hour on", () => {
    const slots = dueSlots(berlin, new Date("2026-12-07T08:00:00Z"));
    expect(slots).toEqual([
      {
        kind: "check_in_reminders",
        slotKey: "check-in-reminders:org-1:2026-12-07",
        today: "2026-12-07",
        weekStartsOn: "2026-12-07",
      },
      {
        kind: "weekly_digest",
        slotKey: "weekly-digest:org-1:2026-12-07",
        today: "2026-12-07",
        weekStartsOn: "2026-12-07",
      },
    ]);
  });

  it("keeps the week's digest slot on later days, and gives each day its own reminder slot", () => {
    const wednesday = dueSlots(berlin, new Date("2026-12-09T15:00:00Z"));
    expect(wednesday.map((s) => s.slotKey)).toEqual([
      "check-in-reminders:org-1:2026-12-09",
      "weekly-digest:org-1:2026-12-07",
    ]);
  });

  it("counts the day and the week in local time across midnight UTC", () => {
    // Sunday 23:30 UTC is already Monday 08:30 in Tokyo (+9), past an 8 o'clock hour.
    const tokyo = { ...berlin, timeZone: "Asia/Tokyo", reminderHour: 8 };
    const [reminders] = dueSlots(tokyo, new Date("2026-12-06T23:30:00Z"));
    expect(reminders).toMatchObject({ today: "2026-12-07", weekStartsOn: "2026-12-07" });
  });

  it("follows the organisation's week start", () => {
    const sundays = { ...berlin, weekStart: 7 as const };
    const [reminders] = dueSlots(sundays, new Date("2026-12-09T15:00:00Z"));
    expect(reminders?.weekStartsOn).toBe("2026-12-06");
  });
});
