import type { EntryItem, Kpi } from "./kpis-api.ts";

/** A realistic KPI as the API returns it, for the web app's unit tests. */
export function buildKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: "0b6f3c1e-5d2a-4f8e-9a61-1c2d3e4f5a6b",
    key: "on_time_delivery",
    name: "On-time delivery",
    description: "Parcels delivered within the promised window.",
    ownerUserId: "7a1e2c3d-4b5f-4a6e-8d9c-0b1a2c3d4e5f",
    ownerName: "Arjun Koch",
    teamId: "402c59b1-251a-4026-89ab-bc2a12fae0f3",
    teamName: "Urban Delivery",
    unit: "percent",
    decimals: 1,
    currency: null,
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "average",
    themeId: null,
    formula: null,
    formulaInputs: [],
    state: "active",
    closeAfterGreenPeriods: 2,
    bands: [
      { effectiveFrom: "2025-01-01", target: 96, greenMin: 95, greenMax: null, redMin: 93, redMax: null },
      { effectiveFrom: "2026-10-05", target: 97, greenMin: 95.5, greenMax: null, redMin: 93.5, redMax: null },
    ],
    bandsInForce: {
      effectiveFrom: "2026-10-05",
      target: 97,
      greenMin: 95.5,
      greenMax: null,
      redMin: 93.5,
      redMax: null,
    },
    current: { periodStart: "2026-11-09", value: 92.1, status: "red", unusual: null },
    trend: { direction: "down", slope: -1.2, improving: false },
    openEscalation: null,
    connector: null,
    can: { edit: true, archive: true, manageConnector: true, enterValues: true },
    version: 4,
    ...overrides,
  };
}

export function buildEntryItem(overrides: Partial<EntryItem> = {}): EntryItem {
  return {
    kpi: buildKpi(),
    periodStart: "2026-11-16",
    periodLabel: "Week of 2026-11-16",
    value: null,
    previous: { periodStart: "2026-11-09", value: 92.1 },
    ...overrides,
  };
}
