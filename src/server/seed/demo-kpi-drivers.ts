/**
 * The demo's driver tree (KPIs that move a KPI without arithmetic), by KPI key: what
 * moves the key accounts' NPS and the ticket surveys' satisfaction, across Customer
 * Success, Key Accounts, Operations and Urban Delivery. Drivers in the order shown.
 */
export const demoKpiDrivers: ReadonlyArray<{ kpi: string; drivers: readonly string[] }> = [
  { kpi: "key_account_nps", drivers: ["csat", "on_time_delivery"] },
  {
    kpi: "csat",
    drivers: ["on_time_delivery", "damage_claims_rate", "first_response_time", "first_attempt_delivery_rate"],
  },
  { kpi: "on_time_delivery", drivers: ["fleet_availability", "first_attempt_delivery_rate"] },
];
