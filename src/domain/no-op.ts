/**
 * Whether an edit changes anything: an edit that would store what is already stored writes
 * no version and no audit entry (docs/API.md, "Edits"). Fields left out (undefined) are not
 * part of the edit; dates compare by instant, arrays and objects by their JSON.
 */
export function changedFields(patch: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.entries(patch)
    .filter(([key, value]) => value !== undefined && !sameValue(value, current[key]))
    .map(([key]) => key);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return a === b || (a === null && b === undefined) || (a === undefined && b === null);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
