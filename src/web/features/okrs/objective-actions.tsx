import { ActionIcon, Alert, Button, Group, List, Menu, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArchive,
  IconArrowBackUp,
  IconDots,
  IconLink,
  IconPencil,
  IconPlayerPlay,
  IconRestore,
} from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { type ApiError, isApiError } from "../../lib/api-client.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";
import type { Objective } from "../../lib/types.ts";
import { AcknowledgeFindingsModal, openFindingsOf } from "./acknowledge-findings-modal.tsx";
import { useUpdateObjective } from "./okrs-api.ts";

type Props = {
  slug: string;
  objective: Objective;
  onEdit: () => void;
  onAlign: () => void;
  /** Activation was refused: the page shows why (the server's field errors). */
  onActivateError: (err: ApiError | Error | null) => void;
  onReload?: () => void;
  size?: "compact" | "normal";
};

/**
 * What one can do with an Objective: activate a draft, align it, edit it; the rarer
 * moves (back to draft, archive, restore) sit in a menu. A closed cycle is frozen.
 */
export function ObjectiveActions(props: Props) {
  const { slug, objective, onEdit, onAlign, onActivateError, onReload, size = "normal" } = props;
  const update = useUpdateObjective(slug);
  const [archiving, setArchiving] = useState(false);
  // A refused activation with open linter warnings, waiting for "activate anyway".
  const [refusal, setRefusal] = useState<unknown>(null);
  if (objective.state === "closed" || objective.restricted) return null;
  const compact = size === "compact";
  const buttonSize = compact ? "compact-xs" : "xs";

  const patch = (
    changes: { state?: "draft" | "active"; archived?: boolean; acknowledgeFindings?: boolean },
    done: string,
  ) =>
    update.mutate(
      { id: objective.id, patch: { version: objective.version, ...changes } },
      {
        onSuccess: () => {
          onActivateError(null);
          notify(done);
          setArchiving(false);
          setRefusal(null);
        },
        onError: (err) => {
          if (changes.state === "active" && openFindingsOf(err).length > 0) setRefusal(err);
          else if (changes.state === "active" && isApiError(err, "validation_failed")) onActivateError(err);
          else notifyFailure(err, onReload);
        },
      },
    );

  return (
    <Group gap={compact ? 4 : 6} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <AcknowledgeFindingsModal
        error={refusal}
        action="Activate"
        loading={update.isPending}
        onClose={() => setRefusal(null)}
        onConfirm={() =>
          patch({ state: "active", acknowledgeFindings: true }, `Activated “${objective.title}”.`)
        }
      />
      {objective.state === "draft" && !objective.archived && (
        <Button
          size={buttonSize}
          variant="light"
          color="green"
          leftSection={<IconPlayerPlay size={13} />}
          loading={update.isPending && update.variables?.patch.state === "active"}
          onClick={() => patch({ state: "active" }, `Activated “${objective.title}”.`)}
        >
          Activate
        </Button>
      )}
      <Button
        size={buttonSize}
        variant={compact ? "subtle" : "default"}
        color={compact ? "gray" : undefined}
        leftSection={<IconLink size={13} />}
        onClick={onAlign}
      >
        Align
      </Button>
      <Button
        size={buttonSize}
        variant={compact ? "subtle" : "default"}
        color={compact ? "gray" : undefined}
        leftSection={<IconPencil size={13} />}
        onClick={onEdit}
      >
        Edit
      </Button>
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={compact ? "sm" : "md"}
            aria-label={`More actions for ${objective.title}`}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {objective.state === "active" && (
            <Menu.Item
              leftSection={<IconArrowBackUp size={14} />}
              onClick={() => patch({ state: "draft" }, `“${objective.title}” is a draft again.`)}
            >
              Back to draft
            </Menu.Item>
          )}
          {objective.archived ? (
            <Menu.Item
              leftSection={<IconRestore size={14} />}
              onClick={() => patch({ archived: false }, `Restored “${objective.title}”.`)}
            >
              Restore
            </Menu.Item>
          ) : (
            <Menu.Item color="red" leftSection={<IconArchive size={14} />} onClick={() => setArchiving(true)}>
              Archive…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={archiving}
        onClose={() => setArchiving(false)}
        title={`Archive “${objective.title}”?`}
        confirmLabel="Archive objective"
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => patch({ archived: true }, `Archived “${objective.title}”.`)}
      >
        It leaves the OKR pages and stops counting in roll-ups; its key results and check-ins are kept, and it
        can be restored.
      </ConfirmModal>
    </Group>
  );
}

const fieldWords: Record<string, string> = { ownerUserId: "Owner", state: "", teamId: "Team" };

/** Why a draft could not be activated, in the server's words, with the way to fix it. */
export function ActivationAlert({
  error,
  onDismiss,
  onEdit,
}: {
  error: ApiError | Error | null;
  onDismiss: () => void;
  onEdit: () => void;
}) {
  if (!error) return null;
  const issues = isApiError(error) && error.issues.length > 0 ? error.issues : null;
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title="Not ready to activate"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
      role="alert"
      data-testid="activation-error"
    >
      {issues ? (
        <List size="sm" spacing={2}>
          {issues.map((issue) => {
            const field = fieldWords[issue.field] ?? issue.field;
            const text = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
            return (
              <List.Item key={`${issue.field}:${issue.message}`}>
                {field ? `${field}: ${text}` : text}
              </List.Item>
            );
          })}
        </List>
      ) : (
        <Text size="sm">{error.message}</Text>
      )}
      <Button
        size="compact-xs"
        variant="white"
        color="yellow"
        mt={6}
        onClick={onEdit}
        leftSection={<IconPencil size={12} />}
      >
        Fix it in the form
      </Button>
    </Alert>
  );
}
