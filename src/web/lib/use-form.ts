import { type ChangeEvent, useCallback, useState } from "react";
import type { ZodType } from "zod";
import { ApiError, isApiError } from "./api-client.ts";

type Errors<T> = Partial<Record<keyof T & string, string>>;

/**
 * Small form state for Keel's dialogs: values, per-field errors from the shared zod
 * schemas (client side) and from the API's `details.issues` (server side), plus the
 * error that belongs to no field (shown above the buttons).
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Errors<T>>({});
  const [formError, setFormError] = useState<ApiError | Error | null>(null);

  const setField = useCallback(<K extends keyof T & string>(name: K, value: T[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  /** Props for a text-like Mantine input bound to `name`. */
  const text = <K extends keyof T & string>(name: K) => ({
    value: (values[name] ?? "") as string,
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setField(name, e.currentTarget.value as T[K]),
  });

  /** Parses `input` with `schema`; on failure shows each issue under its field and returns null. */
  function validate<S extends ZodType>(schema: S, input: unknown = values): ReturnType<S["parse"]> | null {
    const result = parseKnownFields(schema, input);
    if (result.success) {
      setFormError(null);
      return result.data as ReturnType<S["parse"]>;
    }
    const next: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !next[field]) next[field] = sentence(issue.message);
    }
    setErrors(next as Errors<T>);
    return null;
  }

  /** Shows an API error: field issues under their inputs, anything else above the buttons. */
  function showError(err: unknown) {
    if (isApiError(err) && err.issues.length > 0) {
      const next: Record<string, string> = {};
      let unmapped = false;
      for (const issue of err.issues) {
        if (issue.field in values) next[issue.field] = sentence(issue.message);
        else unmapped = true;
      }
      setErrors(next as Errors<T>);
      setFormError(unmapped ? err : null);
      return;
    }
    setFormError(err instanceof Error ? err : new Error("Something went wrong. Try again."));
  }

  function reset(next: T = initial) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return {
    values,
    setValues,
    setField,
    text,
    errors,
    setErrors,
    formError,
    setFormError,
    validate,
    showError,
    reset,
  };
}

/** API and zod messages are phrased as "must be …": capitalise them for display. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export { ApiError };

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
