import type { ZodType, z } from "zod";
import type { FieldIssue } from "../../shared/errors.ts";
import { isApiError } from "./api-client.ts";

/** Errors under a form's fields, keyed by the field's path ("name", "keyResults.0.title"). */
export type FieldErrors = Record<string, string>;

/**
 * Values that failed the form's own checks: thrown before anything is sent, shown under
 * the fields (FormModal catches it).
 */
export class InvalidFields extends Error {
  readonly errors: FieldErrors;
  /** A problem the form's checks found that belongs to no field, shown above the buttons. */
  readonly general: string | null;
  constructor(errors: FieldErrors, general: string | null = null) {
    super("Some fields need attention.");
    this.errors = errors;
    this.general = general;
  }
}

/**
 * Parses a form's values with a shared zod schema and returns what zod produced (trimmed,
 * defaulted): what goes to the API. Throws `InvalidFields` with zod's issues under their
 * fields otherwise.
 *
 * @mantine/form 9 has `schemaResolver` for Standard Schema, and zod 4 is one, but it gives
 * errors only (not zod's output), reports fields a strict request schema refuses as an error
 * of the whole form, and keeps zod's lower-case wording; hence this small resolver.
 */
export function parseFields<S extends ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseKnownFields(schema, input);
  if (!result.success) throw new InvalidFields(issuesToErrors(result.error.issues));
  return result.data as z.output<S>;
}

/** For forms checked by rules of their own: throws `InvalidFields` unless `errors` is empty. */
export function assertNoErrors(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors);
}

/** zod's issues as field errors: the first issue of each path, phrased as a sentence. */
export function issuesToErrors(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>) {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (path && !errors[path]) errors[path] = sentence(issue.message);
  }
  return errors;
}

/** Where a server error goes: issues under the fields they name, the rest above the buttons. */
export type PlacedError = { errors: FieldErrors; formError: Error | null };

/**
 * Places an API error on a form. Its `details.issues` name fields by path, the same paths
 * the form's values have; an issue whose path the form does not hold (or an error without
 * issues) is shown above the buttons, so nothing the server said is lost.
 */
export function placeServerError(err: unknown, values: unknown): PlacedError {
  if (err instanceof InvalidFields)
    return { errors: err.errors, formError: err.general ? new Error(err.general) : null };
  if (!isApiError(err) || err.issues.length === 0) {
    return {
      errors: {},
      formError: err instanceof Error ? err : new Error("Something went wrong. Try again."),
    };
  }
  const errors: FieldErrors = {};
  let unplaced = false;
  for (const issue of err.issues) {
    if (holdsPath(values, issue.field)) errors[issue.field] ??= sentence(issue.message);
    else unplaced = true;
  }
  return { errors, formError: unplaced ? err : null };
}

/** Maps the issues of a request onto a form whose fields are not the request's (see drafts). */
export type IssueMapper<Values> = (
  issues: FieldIssue[],
  values: Values,
) => { errors: FieldErrors; unplaced: FieldIssue[] };

/** `placeServerError` with a form's own mapping of issues to fields. */
export function placeMappedError<Values>(
  err: unknown,
  values: Values,
  map: IssueMapper<Values>,
): PlacedError {
  if (!isApiError(err) || err.issues.length === 0) return placeServerError(err, values);
  const { errors, unplaced } = map(err.issues, values);
  return { errors, formError: unplaced.length > 0 || Object.keys(errors).length === 0 ? err : null };
}

/** API and zod messages are phrased as "must be …": capitalise them for display. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function holdsPath(values: unknown, path: string): boolean {
  if (!path) return false;
  let holder = values;
  for (const key of path.split(".")) {
    if (holder === null || typeof holder !== "object" || !(key in holder)) return false;
    holder = (holder as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Request schemas refuse unknown fields (the API answers 400 for them). A form's values may
 * carry fields of its own (a name shown beside an id): those are left out, not reported.
 */
function parseKnownFields(schema: ZodType, input: unknown) {
  let attempt = input;
  let result = schema.safeParse(attempt);
  for (let round = 0; round < 5 && !result.success; round++) {
    const unknown = result.error.issues.filter((i) => i.code === "unrecognized_keys");
    if (unknown.length === 0) break;
    attempt = structuredClone(attempt);
    for (const issue of unknown) {
      let holder = attempt as Record<string, unknown>;
      for (const key of issue.path) holder = holder?.[key as string] as Record<string, unknown>;
      for (const key of issue.keys) if (holder) delete holder[key];
    }
    result = schema.safeParse(attempt);
  }
  return result;
}
