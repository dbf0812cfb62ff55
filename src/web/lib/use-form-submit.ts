import type { UseFormReturnType } from "@mantine/form";
import { type FormEvent, useState } from "react";
import { type IssueMapper, placeMappedError, placeServerError } from "./zod-form.ts";

/**
 * Submitting a Mantine form to Keel's API: `send` checks the values (`parseFields`) and
 * makes the request; while it runs the form is pending, and what it throws is placed on
 * the form: `InvalidFields` and the API's issues under their fields, the rest in
 * `formError` (shown above the buttons by FormError). `setFormError` shows there what a
 * dialog's other actions (Remove…) ran into.
 */
export function useFormSubmit<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  send: (values: Values) => Promise<unknown>,
  mapIssues?: IssueMapper<Values>,
) {
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<Error | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const values = form.getValues();
    setFormError(null);
    setPending(true);
    try {
      await send(values);
    } catch (err) {
      const placed = mapIssues ? placeMappedError(err, values, mapIssues) : placeServerError(err, values);
      form.setErrors(placed.errors);
      setFormError(placed.formError);
    } finally {
      setPending(false);
    }
  };

  return { submit, pending, formError, setFormError };
}
