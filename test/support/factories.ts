/**
 * Test data in the shape of the API's request bodies, with realistic names from a Dutch
 * logistics company. Every builder takes overrides; emails stay unique within a test file
 * (accounts are global, and each test file has a database of its own).
 */
import type { Role } from "../../src/domain/roles.ts";

const people = [
  "Lotte Visser",
  "Daan Bakker",
  "Sanne de Vries",
  "Milan Jansen",
  "Emma Smit",
  "Sem de Jong",
  "Julia Meijer",
  "Lucas van Dijk",
  "Tess Mulder",
  "Finn de Boer",
  "Noor Bos",
  "Levi Vos",
  "Fleur van Leeuwen",
  "Thijs Dekker",
  "Iris Brouwer",
  "Ruben de Wit",
  "Anouk Dijkstra",
  "Bram Smits",
  "Sophie de Graaf",
  "Luuk van der Meer",
];

const teams = [
  "Fleet Maintenance",
  "Hub Rotterdam",
  "Route Planning",
  "Customs Desk",
  "Warehouse Tilburg",
  "Last Mile Amsterdam",
  "Cold Chain",
  "Driver Academy",
  "Customer Service",
  "Finance & Control",
];

const organizations = [
  "Van der Berg Logistics",
  "Noordzee Freight",
  "Rijnmond Distribution",
  "Maas Cargo",
  "Delta Parcel Services",
  "Schelde Shipping",
];

let personIndex = 0;
let teamIndex = 0;
let orgIndex = 0;
const emailsHandedOut = new Set<string>();

/** The one password of every test account unless a test chooses another. */
export const DEFAULT_PASSWORD = "Harbour-lights-2026";

function emailFor(name: string, domain: string): string {
  const local = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
  let email = `${local}@${domain}`;
  for (let n = 2; emailsHandedOut.has(email); n++) email = `${local}${n}@${domain}`;
  emailsHandedOut.add(email);
  return email;
}

export type PersonInput = { name: string; email: string; password: string };

export function buildPerson(overrides: Partial<PersonInput> = {}): PersonInput {
  const name = overrides.name ?? people[personIndex++ % people.length]!;
  return {
    name,
    email: overrides.email ?? emailFor(name, "vdberg-logistics.test"),
    password: overrides.password ?? DEFAULT_PASSWORD,
  };
}

export type OrganizationInput = {
  name: string;
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
};

export function buildOrganization(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    name: organizations[orgIndex++ % organizations.length]!,
    timeZone: "Europe/Amsterdam",
    weekStart: 1,
    fiscalYearStartMonth: 1,
    ...overrides,
  };
}

export type TeamInput = {
  name: string;
  parentId?: string | null;
  kind?: string;
  methodology?: "okr" | "kpi" | "both";
  leadUserId?: string | null;
};

export function buildTeam(overrides: Partial<TeamInput> = {}): TeamInput {
  return {
    name: teams[teamIndex++ % teams.length]!,
    kind: "department",
    methodology: "both",
    ...overrides,
  };
}

export function buildCycle(overrides: Partial<{ name: string; startsOn: string; endsOn: string }> = {}): {
  name: string;
  startsOn: string;
  endsOn: string;
} {
  return { name: "Peak season 2026", startsOn: "2026-10-01", endsOn: "2026-12-31", ...overrides };
}

export function buildTheme(overrides: Partial<{ name: string; description: string }> = {}) {
  return {
    name: "Sustainable fleet",
    description: "Electric trucks and fewer empty kilometres.",
    ...overrides,
  };
}

export function buildInvitation(
  overrides: Partial<{ email: string; role: Role; expiresInDays: number }> = {},
) {
  return {
    email: overrides.email ?? buildPerson().email,
    role: overrides.role ?? ("member" as Role),
    expiresInDays: overrides.expiresInDays ?? 7,
  };
}

export function buildToken(
  overrides: Partial<{ kind: "personal" | "service"; name: string; role: Role }> = {},
): { kind: "personal" | "service"; name: string; role: Role } {
  return { kind: "personal", name: "Telematics feed", role: "member", ...overrides };
}

/** Start and end of a cycle placed around `today`: `elapsedDays` counted up to and including today. */
export function cycleAround(
  today: string,
  { elapsedDays = 45, lengthDays = 90 }: { elapsedDays?: number; lengthDays?: number } = {},
): { startsOn: string; endsOn: string } {
  const shift = (days: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  return { startsOn: shift(1 - elapsedDays), endsOn: shift(lengthDays - elapsedDays) };
}

export type KeyResultBody = {
  title: string;
  kind: "metric" | "milestone" | "percentage";
  ownerUserId?: string | null;
  contributorUserIds?: string[];
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string;
  weight?: number;
  commitment?: "committed" | "aspirational";
};

/** A metric KR, increasing unless start and target say otherwise. */
export function buildMetricKeyResult(overrides: Partial<KeyResultBody> = {}): KeyResultBody {
  return {
    title: "On-time deliveries from 82 % to 95 %",
    kind: "metric",
    startValue: 82,
    targetValue: 95,
    unit: "%",
    ...overrides,
  };
}

export function buildMilestoneKeyResult(overrides: Partial<KeyResultBody> = {}): KeyResultBody {
  return { title: "Live parcel tracking page launched", kind: "milestone", ...overrides };
}

export function buildPercentageKeyResult(overrides: Partial<KeyResultBody> = {}): KeyResultBody {
  return { title: "Dock scheduling rolled out to every gate", kind: "percentage", ...overrides };
}

export type ObjectiveBody = {
  cycleId: string;
  teamId?: string | null;
  ownerUserId?: string | null;
  title: string;
  description?: string;
  themeId?: string | null;
  visibility?: "organization" | "team";
  keyResults?: KeyResultBody[];
};

export function buildObjective(
  overrides: Partial<ObjectiveBody> & Pick<ObjectiveBody, "cycleId">,
): ObjectiveBody {
  return {
    title: "Become the carrier customers can set their watch by",
    description:
      "Late parcels are the first complaint in every customer survey; fix the cause, not the apology.",
    ...overrides,
  };
}
