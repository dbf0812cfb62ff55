import { Button, Group, Modal, type ModalProps, Stack } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { type ReactNode, useState } from "react";
import { useFormSubmit } from "../lib/use-form-submit.ts";
import type { IssueMapper } from "../lib/zod-form.ts";
import { FormError } from "./form-error.tsx";

type FormValues = Record<string, unknown>;
export type KeelForm<Values extends FormValues> = UseFormReturnType<Values>;

type Props<Values extends FormValues> = {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** What the form starts from; read each time the dialog opens and after a reload. */
  initialValues: () => Values;
  /** What is edited (an id): opening the dialog for another one starts the form again. */
  resetKey?: string | null;
  /** The edited record's version: "Reload their version" starts again from the one that arrives. */
  version?: number;
  onReload?: () => void;
  /**
   * Checks and sends the values (`parseFields`); what it throws is shown on the form:
   * `InvalidFields` and the API's issues under their fields, anything else above the buttons.
   */
  onSubmit: (values: Values) => Promise<unknown>;
  /** For forms whose fields are not the request's fields (drafts). */
  mapIssues?: IssueMapper<Values>;
  submitLabel: string;
  submitColor?: string;
  size?: ModalProps["size"];
  fullScreen?: boolean;
  testId?: string;
  /**
   * In place of the row of buttons, for dialogs with actions of their own (Remove…): gets
   * Cancel and submit to place, and shows what those actions ran into above the buttons.
   */
  footer?: (buttons: ReactNode, showError: (error: Error | null) => void) => ReactNode;
  children: (form: KeelForm<Values>) => ReactNode;
};

/**
 * A dialog holding one form: title, fields, the error that belongs to no field, Cancel and
 * the submit button (busy while the request runs). Each opening starts from fresh values, so
 * what was typed and abandoned last time never comes back; so does "Reload their version"
 * once the newer version has arrived. A new version arriving otherwise (the form's own save,
 * a refetch) leaves what the person typed alone.
 */
export function FormModal<Values extends FormValues>(props: Props<Values>) {
  const { opened, onClose, title, resetKey = null, version, onReload, size, fullScreen } = props;
  const [round, setRound] = useState<Round>({ count: 0, opened: false, resetKey, reloadingFrom: null });

  // Derived during render (not in an effect) so the fresh form is the first thing painted.
  let next = round;
  if (opened && (!round.opened || round.resetKey !== resetKey))
    next = { count: round.count + 1, opened: true, resetKey, reloadingFrom: null };
  else if (!opened && round.opened) next = { ...round, opened: false };
  if (next.reloadingFrom !== null && version !== next.reloadingFrom)
    next = { ...next, count: next.count + 1, reloadingFrom: null };
  if (next !== round) setRound(next);

  const reload = onReload
    ? () => {
        setRound((r) => ({ ...r, reloadingFrom: version ?? null }));
        onReload();
      }
    : undefined;

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={fullScreen}>
      <FormModalBody key={next.count} {...props} onReload={reload} />
    </Modal>
  );
}

type Round = { count: number; opened: boolean; resetKey: string | null; reloadingFrom: number | null };

function FormModalBody<Values extends FormValues>(props: Props<Values>) {
  const { initialValues, onSubmit, mapIssues, onClose, onReload, submitLabel, submitColor } = props;
  const [initial] = useState(initialValues);
  const form = useForm<Values>({ mode: "controlled", initialValues: initial });
  const { submit, pending, formError, setFormError } = useFormSubmit(form, onSubmit, mapIssues);
  const buttons = (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onClose}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} color={submitColor}>
        {submitLabel}
      </Button>
    </Group>
  );

  return (
    <form onSubmit={submit} noValidate data-testid={props.testId}>
      <Stack gap="sm">
        {props.children(form)}
        <FormError error={formError} onReload={onReload} />
        {props.footer ? props.footer(buttons, setFormError) : buttons}
      </Stack>
    </form>
  );
}
