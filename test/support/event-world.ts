/**
 * An organisation for the webhook and live-event tests: a team with a lead and a member,
 * a person outside the team, and two active Objectives of the team (one the whole
 * organisation reads, one only the team reads), each with a metric KR the member owns.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./factories.ts";
import type { Harness, Json, Member, OrgRef, SessionClient } from "./harness.ts";
import { okrApi } from "./okr-api.ts";
import { pinToNoon } from "./world.ts";

export type EventWorld = {
  org: OrgRef;
  owner: SessionClient;
  admin: Member;
  /** Member of the team; owns both KRs. */
  member: Member;
  /** Member of the organisation, not of the team. */
  outsider: Member;
  okr: ReturnType<typeof okrApi>;
  cycle: Json;
  /** KR of the Objective everyone reads. */
  openKr: Json;
  /** KR of the team-only Objective. */
  teamKr: Json;
};

export async function buildEventWorld(h: Harness, orgName: string): Promise<EventWorld> {
  const today = pinToNoon(h);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ilse Vermeulen" },
    org: { name: orgName },
  });
  const okr = okrApi(h, org);
  const admin = await h.addPerson(owner, org, "admin", { name: "Joris Peeters" });
  const member = await h.addPerson(owner, org, "member", { name: "Fenna Kuiper" });
  const outsider = await h.addPerson(owner, org, "member", { name: "Bram Willems" });
  const team = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Cross-dock Venlo", leadUserId: admin.id }),
  });
  await h.ok("POST", `${okr.base}/teams/${team.id}/members`, { as: owner, body: { userId: member.id } });
  const cycle = await okr.createCycle(owner, { name: "Winter quarter", ...cycleAround(today) });
  const objective = async (title: string, visibility: "organization" | "team", krTitle: string) => {
    const draft = await okr.createObjective(
      owner,
      buildObjective({
        cycleId: cycle.id,
        teamId: team.id,
        ownerUserId: admin.id,
        title,
        visibility,
        keyResults: [buildMetricKeyResult({ title: krTitle, ownerUserId: member.id })],
      }),
    );
    return (await okr.activate(owner, draft.id)).keyResults[0];
  };
  const openKr = await objective(
    "Ship every pallet the day it lands",
    "organization",
    "Same-day pallets from 70 % to 90 %",
  );
  const teamKr = await objective(
    "Fix the night shift hand-over",
    "team",
    "Hand-over errors from 12 to 3 a week",
  );
  return { org, owner, admin, member, outsider, okr, cycle, openKr, teamKr };
}

export type ReceivedRequest = { headers: http.IncomingHttpHeaders; body: string };

/**
 * A webhook receiver on a real port: records every request and answers with what
 * `answer` says next (a status, or "hang" to never answer).
 */
export async function startReceiver() {
  const received: ReceivedRequest[] = [];
  let answers: Array<number | "hang"> = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = answers.shift() ?? 200;
      if (answer === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(answer, { "content-type": "text/plain" });
      res.end(answer < 300 ? "thanks" : `receiver says ${answer}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/keel`,
    received,
    /** The next requests' answers, in order; afterwards 200. */
    answerWith(...next: Array<number | "hang">) {
      answers = next;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
