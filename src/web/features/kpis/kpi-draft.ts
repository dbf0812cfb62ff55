import {
  FIELDS_BY_DIRECTION,
  THRESHOLD_FIELDS,
  type ThresholdField,
  usesBandField,
} from "../../../domain/kpi/bands.ts";
import type { FieldIssue } from "../../../shared/errors.ts";
import type { CreateKpiInput, UpdateKpiInput } from "../../../shared/schemas/kpis.ts";
import type { Kpi } from "./kpis-api.ts";

/** A number field while it is typed: empty until filled. */
export type NumberDraft = number | "";

export type BandField = "target" | ThresholdField;

export type BandDraft = {
  /** Stable React key and error key of the row (indexes change when rows are removed). */
  key: string;
  effectiveFrom: string;
  target: NumberDraft;
  greenMin: NumberDraft;
  greenMax: NumberDraft;
  redMin: NumberDraft;
  redMax: NumberDraft;
};

export type KpiDraft = {
  key: string;
  name: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  teamId: string | null;
  unit: Kpi["unit"];
  decimals: NumberDraft;
  currency: string;
  direction: Kpi["direction"];
  frequency: Kpi["frequency"];
  aggregation: Kpi["aggregation"];
  themeId: string | null;
  formula: string;
  closeAfterGreenPeriods: NumberDraft;
  bands: BandDraft[];
};

/** Errors by field name ("name") or band cell ("band:<row key>:redMin"). */
export type KpiDraftErrors = Record<string, string>;

/** What each threshold means, for the direction at hand. */
export const bandFieldLabels: Record<Kpi["direction"], Partial<Record<BandField, string>>> = {
  higher_is_better: { redMin: "Red below", greenMin: "Green at or above" },
  lower_is_better: { greenMax: "Green at or below", redMax: "Red above" },
  within_range: { redMin: "Red below", greenMin: "Green from", greenMax: "Green up to", redMax: "Red above" },
};

/**
 * The order the bands must keep, in the form's words ("red below ≤ green at or above"):
 * the direction's fields low to high, the order the KPI rules check.
 */
export function bandOrderInWords(direction: Kpi["direction"]): string {
  return FIELDS_BY_DIRECTION[direction]
    .map((f) => bandFieldLabels[direction][f]?.toLowerCase() ?? f)
    .join(" ≤ ");
}

let nextKey = 1;
const rowKey = () => `b${nextKey++}`;

/** First day of the current month: bands usually start with a month or quarter. */
export function firstOfMonth(today = new Date()): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-01`;
}

export function emptyBand(effectiveFrom: string): BandDraft {
  return { key: rowKey(), effectiveFrom, target: "", greenMin: "", greenMax: "", redMin: "", redMax: "" };
}

/** A new band row copies the latest row's numbers: a target series changes one number at a time. */
export function nextBand(rows: readonly BandDraft[], today = new Date()): BandDraft {
  const last = rows[rows.length - 1];
  if (!last) return emptyBand(firstOfMonth(today));
  const [y, m] = last.effectiveFrom.split("-").map(Number) as [number, number];
  const valid = Number.isFinite(y) && Number.isFinite(m) && m >= 1 && m <= 12;
  const month = valid ? (m % 12) + 1 : today.getMonth() + 1;
  const year = valid ? (m === 12 ? y + 1 : y) : today.getFullYear();
  return { ...last, key: rowKey(), effectiveFrom: `${year}-${String(month).padStart(2, "0")}-01` };
}

export function blankKpiDraft(
  teamId: string | null,
  owner: { id: string; name: string } | null,
  today = new Date(),
): KpiDraft {
  return {
    key: "",
    name: "",
    description: "",
    ownerUserId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    teamId,
    unit: "number",
    decimals: 0,
    currency: "",
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "sum",
    themeId: null,
    formula: "",
    closeAfterGreenPeriods: 2,
    // From the start of last year: values loaded for the recent past get a colour too.
    bands: [emptyBand(`${today.getFullYear() - 1}-01-01`)],
  };
}

const num = (n: number | null): NumberDraft => (n === null ? "" : n);

export function draftFromKpi(kpi: Kpi): KpiDraft {
  return {
    key: kpi.key,
    name: kpi.name,
    description: kpi.description,
    ownerUserId: kpi.ownerUserId,
    ownerName: kpi.ownerName,
    teamId: kpi.teamId,
    unit: kpi.unit,
    decimals: kpi.decimals,
    currency: kpi.currency ?? "",
    direction: kpi.direction,
    frequency: kpi.frequency,
    aggregation: kpi.aggregation,
    themeId: kpi.themeId,
    formula: kpi.formula ?? "",
    closeAfterGreenPeriods: kpi.closeAfterGreenPeriods,
    bands: kpi.bands.map((b) => ({
      key: rowKey(),
      effectiveFrom: b.effectiveFrom,
      target: num(b.target),
      greenMin: num(b.greenMin),
      greenMax: num(b.greenMax),
      redMin: num(b.redMin),
      redMax: num(b.redMax),
    })),
  };
}

const orNull = (n: NumberDraft): number | null => (n === "" ? null : n);

/** The bands as the API takes them: only the fields the direction uses, empty rows left out. */
export function bandsInput(draft: Pick<KpiDraft, "direction" | "bands">): CreateKpiInput["bands"] {
  const used = (field: ThresholdField, b: BandDraft) =>
    usesBandField(draft.direction, field) ? orNull(b[field]) : null;
  return keptBands(draft).map((b) => ({
    effectiveFrom: b.effectiveFrom,
    target: orNull(b.target),
    greenMin: used("greenMin", b),
    greenMax: used("greenMax", b),
    redMin: used("redMin", b),
    redMax: used("redMax", b),
  }));
}

/** Rows with no number at all are left out: an extra empty row does no harm. */
export function keptBands(draft: Pick<KpiDraft, "direction" | "bands">): BandDraft[] {
  const used: BandField[] = ["target", ...FIELDS_BY_DIRECTION[draft.direction]];
  return draft.bands.filter((b) => used.some((f) => b[f] !== ""));
}

export function toCreateInput(draft: KpiDraft): CreateKpiInput {
  return {
    key: draft.key.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    ownerUserId: draft.ownerUserId ?? "",
    teamId: draft.teamId ?? "",
    unit: draft.unit,
    decimals: draft.decimals === "" ? 0 : draft.decimals,
    currency: draft.unit === "currency" && draft.currency.trim() ? draft.currency.trim().toUpperCase() : null,
    direction: draft.direction,
    frequency: draft.frequency,
    aggregation: draft.aggregation,
    themeId: draft.themeId,
    formula: draft.formula.trim() ? draft.formula.trim() : null,
    closeAfterGreenPeriods: draft.closeAfterGreenPeriods === "" ? 2 : draft.closeAfterGreenPeriods,
    bands: bandsInput(draft),
  };
}

/** The fields that changed, with the version loaded (the bands replace the whole series). */
export function toUpdatePatch(kpi: Kpi, draft: KpiDraft): UpdateKpiInput | null {
  const next = toCreateInput(draft);
  const patch: UpdateKpiInput = { version: kpi.version };
  const set = <K extends keyof UpdateKpiInput>(name: K, value: UpdateKpiInput[K], before: unknown) => {
    if (JSON.stringify(value) !== JSON.stringify(before)) patch[name] = value;
  };
  set("name", next.name, kpi.name);
  set("description", next.description, kpi.description);
  set("ownerUserId", next.ownerUserId, kpi.ownerUserId);
  set("teamId", next.teamId, kpi.teamId);
  set("unit", next.unit, kpi.unit);
  set("decimals", next.decimals, kpi.decimals);
  set("currency", next.currency, kpi.currency);
  set("direction", next.direction, kpi.direction);
  set("aggregation", next.aggregation, kpi.aggregation);
  set("themeId", next.themeId, kpi.themeId);
  set("formula", next.formula, kpi.formula);
  set("closeAfterGreenPeriods", next.closeAfterGreenPeriods, kpi.closeAfterGreenPeriods);
  set("bands", next.bands, bandsInput({ direction: kpi.direction, bands: draftFromKpi(kpi).bands }));
  return Object.keys(patch).length > 1 ? patch : null;
}

const topFields = new Set([
  "key",
  "name",
  "description",
  "ownerUserId",
  "teamId",
  "unit",
  "decimals",
  "currency",
  "direction",
  "frequency",
  "aggregation",
  "themeId",
  "formula",
  "closeAfterGreenPeriods",
  "bands",
]);

/**
 * Places API (or zod) issues next to their fields. Band issues name the row by its index
 * in what was sent, as `bands[0].redMin` (the KPI rules) or `bands.0.redMin` (the schema).
 */
export function mapKpiIssues(
  issues: readonly FieldIssue[],
  sent: readonly BandDraft[],
  direction?: Kpi["direction"],
): { errors: KpiDraftErrors; unplaced: FieldIssue[] } {
  const errors: KpiDraftErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const message = readable(issue.message, direction);
    const band = /^bands(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(issue.field);
    if (band) {
      const row = sent[Number(band[1] ?? band[2])];
      const field = band[3] ?? "effectiveFrom";
      if (row) {
        errors[`band:${row.key}:${field}`] ??= message;
        continue;
      }
    }
    if (topFields.has(issue.field)) {
      errors[issue.field] ??= message;
      continue;
    }
    unplaced.push(issue);
  }
  return { errors, unplaced };
}

const thresholdFieldNames = new RegExp(`\\b(${THRESHOLD_FIELDS.join("|")})\\b`, "g");

/**
 * The KPI rules name thresholds by their API fields (redMin); the form names them by
 * what they mean for the direction ("Red below"), so messages use the form's words.
 */
export function readable(message: string, direction?: Kpi["direction"]): string {
  let text = message;
  if (direction) {
    const labels: Partial<Record<BandField, string>> = { target: "Target", ...bandFieldLabels[direction] };
    text = text.replace(thresholdFieldNames, (f) => {
      const label = labels[f as BandField];
      return label ? `“${label}”` : f;
    });
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Problems the form can see before asking the server. */
export function validateKpiDraft(draft: KpiDraft, creating: boolean): KpiDraftErrors {
  const errors: KpiDraftErrors = {};
  if (creating && !/^[a-z][a-z0-9_]{0,62}$/.test(draft.key.trim()))
    errors.key = "Start with a lower-case letter; use only a–z, 0–9 and _ (e.g. on_time_delivery).";
  if (!draft.name.trim()) errors.name = "Give the KPI a name.";
  if (!draft.ownerUserId) errors.ownerUserId = "Pick the person who answers for this KPI.";
  if (!draft.teamId) errors.teamId = "Pick the team whose board shows it.";
  if (draft.unit === "currency" && !/^[A-Za-z]{3}$/.test(draft.currency.trim()))
    errors.currency = "Use a three-letter code such as EUR or USD.";
  const used = FIELDS_BY_DIRECTION[draft.direction];
  for (const b of keptBands(draft)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(b.effectiveFrom))
      errors[`band:${b.key}:effectiveFrom`] = "Pick the first day these thresholds apply.";
    for (const f of used) if (b[f] === "") errors[`band:${b.key}:${f}`] = "Required for this direction.";
  }
  return errors;
}

/** Mantine's NumberInput hands strings while typing ("-", "1."): keep only real numbers. */
export function toNumberDraft(v: string | number): NumberDraft {
  if (v === "" || v === "-") return "";
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : "";
}

/** A key from a name: "On-time delivery %" → "on_time_delivery". */
export function keyFromName(name: string): string {
  const key = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 63);
  return /^[a-z]/.test(key) ? key : key ? `kpi_${key}`.slice(0, 63) : "";
}
