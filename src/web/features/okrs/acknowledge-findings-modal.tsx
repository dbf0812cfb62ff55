import { List, Text } from "@mantine/core";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { type ApiError, isApiError } from "../../lib/api-client.ts";

type OpenFinding = { objectiveId: string; rule: string; on: string; message: string };

/** The open warnings a 409 `open_findings` answer lists; empty for any other error. */
export function openFindingsOf(error: unknown): OpenFinding[] {
  if (!isApiError(error, "open_findings")) return [];
  const found = (error as ApiError).details.findings;
  return Array.isArray(found) ? (found as OpenFinding[]) : [];
}

type Props = {
  /** The refused activation's error; the modal is open while it is an open_findings answer. */
  error: unknown;
  /** What is being activated, for the question ("Activate “…”", "Start Q1 2027"). */
  action: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
};

/**
 * Activation with open linter warnings: lists them and asks whether to go ahead anyway
 * (the acknowledgement is recorded in the audit log), or to go back and fix or dismiss them.
 */
export function AcknowledgeFindingsModal({ error, action, onConfirm, onClose, loading }: Props) {
  const findings = openFindingsOf(error);
  const count = isApiError(error, "open_findings")
    ? Number((error as ApiError).details.count ?? findings.length)
    : 0;
  return (
    <ConfirmModal
      opened={count > 0}
      onClose={onClose}
      onConfirm={onConfirm}
      title={`${count} open linter warning${count === 1 ? "" : "s"}`}
      confirmLabel={`${action} anyway`}
      loading={loading ?? false}
    >
      <Text size="sm" mb="xs">
        Keel found mistakes that weaken these OKRs. Fix them in the editor, dismiss them with a reason on the
        health check, or go ahead: your acknowledgement is kept in the audit log.
      </Text>
      <List size="sm" spacing={4}>
        {findings.slice(0, 8).map((f) => (
          <List.Item key={`${f.objectiveId}:${f.on}:${f.rule}`}>{f.message}</List.Item>
        ))}
      </List>
      {findings.length > 8 && (
        <Text size="xs" c="dimmed" mt={4}>
          …and {count - 8} more.
        </Text>
      )}
    </ConfirmModal>
  );
}
