/**
 * The demo's KPIs, declared: what Nordwind Logistics watches week by week and month by
 * month, over its four divisions, with a revenue tree computed by formulas, two KPIs
 * that are red right now (their escalations are open), a past red spell that was
 * resolved, KPI floors for this quarter and a few corrected values. seed-kpis.ts turns
 * these into rows: ids, two years of history ending at the latest due period, bands.
 */
import type { Curve } from "./demo-kpi-history.ts";
import { corporateKpis, technologyKpis } from "./demo-kpis-corporate.ts";
import { operationsKpis } from "./demo-kpis-operations.ts";
import type { PersonRef, ThemeKey } from "./demo-okrs.ts";
import { demoCompanyName as company } from "./demo-structure.ts";

/** Target and thresholds; which fields count depends on the direction (src/domain/kpi/types.ts). */
export type DemoBandValues = {
  target: number | null;
  greenMin?: number;
  greenMax?: number;
  redMin?: number;
  redMax?: number;
};

export type DemoBands = DemoBandValues & {
  /** Added to every field at the start of each quarter: a target that steps up (or down). */
  stepPerQuarter?: number;
  /** Bands that take over when the active quarter starts (a target raised for this quarter). */
  thisQuarter?: DemoBandValues;
};

export type DemoKpi = {
  key: string;
  name: string;
  description: string;
  team: string;
  owner: PersonRef;
  unit: "number" | "currency" | "percent" | "duration" | "count";
  decimals: number;
  direction: "higher_is_better" | "lower_is_better" | "within_range";
  frequency: "daily" | "weekly" | "monthly";
  aggregation: "sum" | "average" | "last" | "min" | "max";
  theme: ThemeKey;
  bands: DemoBands;
  /** How values arrive: typed in, a finance CSV, the transport system's API, or a connector. */
  source?: "manual" | "import" | "api" | "connector";
  /** Computed from other KPIs (their keys); such a KPI has no curve. */
  formula?: string;
  curve?: Curve;
};

/** The company and the Commercial division: the revenue tree and the customer side. */
const commercialKpis: DemoKpi[] = [
  {
    key: "revenue",
    name: "Revenue",
    description: "All revenue booked in the month: parcel network plus contract logistics.",
    team: company,
    owner: company,
    unit: "currency",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    theme: "financial",
    formula: "parcel_revenue + contract_logistics_revenue",
    bands: { target: 6_300_000, greenMin: 6_000_000, redMin: 5_300_000, stepPerQuarter: 150_000 },
  },
  {
    key: "parcel_revenue",
    name: "Parcel revenue",
    description: "Parcels delivered times the average revenue per parcel.",
    team: "Commercial",
    owner: "Commercial",
    unit: "currency",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    theme: "financial",
    formula: "parcels_delivered * revenue_per_parcel",
    bands: { target: 4_700_000, greenMin: 4_400_000, redMin: 3_800_000, stepPerQuarter: 130_000 },
  },
  {
    key: "contract_logistics_revenue",
    name: "Contract logistics revenue",
    description: "Warehousing and fulfilment contracts with key accounts, from the monthly close.",
    team: "Key Accounts",
    owner: "Key Accounts",
    unit: "currency",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    theme: "financial",
    source: "import",
    bands: { target: 1_600_000, greenMin: 1_500_000, redMin: 1_300_000, stepPerQuarter: 35_000 },
    curve: { from: 1_560_000, to: 1_900_000, season: ["peak", 130_000], noise: 35_000 },
  },
  {
    key: "revenue_per_parcel",
    name: "Revenue per parcel",
    description: "Average net revenue per delivered parcel, surcharges included.",
    team: "Sales",
    owner: "Sales#3",
    unit: "currency",
    decimals: 2,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "average",
    theme: "financial",
    source: "import",
    bands: { target: 4.3, greenMin: 4.0, redMin: 3.85 },
    curve: { from: 4.08, to: 4.36, season: ["peak", 0.12], noise: 0.035 },
  },
  {
    key: "qualified_leads",
    name: "Qualified leads",
    description: "Inbound and outbound leads that sales accepted as qualified in the month.",
    team: "Sales",
    owner: "Sales#1",
    unit: "count",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    theme: "customer",
    bands: { target: 220, greenMin: 170, redMin: 120 },
    curve: { from: 182, to: 236, season: ["summer", -38], noise: 12 },
  },
  {
    key: "win_rate",
    name: "Win rate",
    description: "Share of qualified leads that signed, by the month they closed.",
    team: "Sales",
    owner: "Sales",
    unit: "percent",
    decimals: 1,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "average",
    theme: "customer",
    bands: { target: 22, greenMin: 20, redMin: 14 },
    curve: { from: 18.2, to: 22.1, noise: 1.3, min: 0, max: 100 },
  },
  {
    key: "avg_deal_size",
    name: "Average deal size",
    description: "Annual contract value of deals signed in the month.",
    team: "Sales",
    owner: "Sales#2",
    unit: "currency",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "average",
    theme: "financial",
    bands: { target: 42_000, greenMin: 39_000, redMin: 30_000 },
    curve: { from: 38_500, to: 44_000, noise: 2_200 },
  },
  {
    key: "new_business_acv",
    name: "New business (annual contract value)",
    description: "Qualified leads × win rate × average deal size: what new customers signed for a year.",
    team: "Sales",
    owner: "Sales",
    unit: "currency",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    theme: "financial",
    formula: "qualified_leads * win_rate / 100 * avg_deal_size",
    bands: { target: 1_900_000, greenMin: 1_300_000, redMin: 800_000 },
  },
  {
    key: "key_account_nps",
    name: "Key account NPS",
    description: "Net Promoter Score of the 40 largest accounts, from the monthly pulse survey.",
    team: "Key Accounts",
    owner: "Key Accounts#1",
    unit: "number",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "average",
    theme: "customer",
    bands: { target: 45, greenMin: 35, redMin: 25 },
    curve: { from: 31, to: 42, noise: 2.5, min: -100, max: 100, recent: [40, 41, 39] },
  },
  {
    key: "net_revenue_retention",
    name: "Net revenue retention, key accounts",
    description: "Revenue from key accounts now against the same accounts a year ago.",
    team: "Key Accounts",
    owner: "Key Accounts#3",
    unit: "percent",
    decimals: 1,
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "last",
    theme: "customer",
    source: "import",
    bands: { target: 105, greenMin: 100, redMin: 94 },
    curve: { from: 100.8, to: 103.9, noise: 1.0 },
  },
  {
    key: "customer_churn_rate",
    name: "Customer churn",
    description: "Share of paying customers who left in the month.",
    team: "Customer Success",
    owner: "Customer Success",
    unit: "percent",
    decimals: 2,
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    theme: "customer",
    bands: { target: 1.0, greenMax: 1.5, redMax: 2.2 },
    curve: { from: 1.62, to: 1.12, noise: 0.12, min: 0 },
  },
  {
    key: "first_response_time",
    name: "First response time",
    description: "Median hours from a customer's ticket to our first answer.",
    team: "Customer Success",
    owner: "Customer Success#1",
    unit: "duration",
    decimals: 1,
    direction: "lower_is_better",
    frequency: "weekly",
    aggregation: "average",
    theme: "customer",
    bands: { target: 3, greenMax: 4, redMax: 8 },
    curve: { from: 5.4, to: 3.2, season: ["peak", 2.4], noise: 0.45, min: 0.5 },
  },
  {
    key: "csat",
    name: "Customer satisfaction",
    description: "Share of ticket surveys answered 'satisfied' or better.",
    team: "Customer Success",
    owner: "Customer Success#2",
    unit: "percent",
    decimals: 1,
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "average",
    theme: "customer",
    bands: { target: 88, greenMin: 86, redMin: 80, stepPerQuarter: 0.25 },
    curve: { from: 86.2, to: 89.6, season: ["peak", -3], noise: 0.9, max: 100 },
  },
  {
    key: "tickets_per_1000_parcels",
    name: "Tickets per 1,000 parcels",
    description: "Customer tickets opened in the week per 1,000 parcels delivered.",
    team: "Customer Success",
    owner: "Customer Success#3",
    unit: "number",
    decimals: 2,
    direction: "lower_is_better",
    frequency: "weekly",
    aggregation: "average",
    theme: "internal_process",
    bands: { target: 5.5, greenMax: 7, redMax: 10 },
    curve: { from: 7.4, to: 5.8, season: ["peak", 2.0], noise: 0.35, min: 0 },
  },
  {
    key: "sme_new_accounts",
    name: "New SME accounts",
    description: "Small and mid-sized shippers who sent their first parcel this week.",
    team: "SME Sales",
    owner: "SME Sales",
    unit: "count",
    decimals: 0,
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "sum",
    theme: "customer",
    bands: { target: 12, greenMin: 8, redMin: 4 },
    curve: { from: 9, to: 13, season: ["summer", -4], noise: 2.2, min: 0 },
  },
];

/** Every demo KPI; formula KPIs after nothing in particular (the seeder orders them). */
export const demoKpis: DemoKpi[] = [
  ...commercialKpis,
  ...operationsKpis,
  ...technologyKpis,
  ...corporateKpis,
];
