import { Switch } from "@mantine/core";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { InvalidFields } from "../../lib/zod-form.ts";
import { type ConnectorDraft, draftFromConnector, runIntervalLabel, storedOf } from "./connector-draft.ts";
import { ConnectorRemoval } from "./connector-removal.tsx";
import { mapConnectorIssues, validateConnectorDraft } from "./connector-request.ts";
import { ConnectorSourceField } from "./connector-source-field.tsx";
import { HttpTargetFields, SqlTargetFields } from "./connector-target-fields.tsx";
import { type Connector, type Kpi, useRemoveConnector, useSaveConnector } from "./kpis-api.ts";

type Props = {
  slug: string;
  kpi: Kpi;
  opened: boolean;
  onClose: () => void;
  /** Editing this connector; adding one when null. */
  connector: Connector | null;
  /** After a version conflict: loads the connector someone else saved. */
  onReload: () => Promise<Connector | undefined>;
};

/**
 * Adds, edits or removes a KPI's connector. The API validates with the same shared schema
 * the form checks first; what only the server can judge (JSON path syntax, whether Keel
 * may reach the host) comes back naming its field and is shown there. Its sections: the
 * source, its target and credentials, the schedule, and removal beside the buttons.
 */
export function ConnectorFormModal({ slug, kpi, opened, onClose, connector, onReload }: Props) {
  const bp = useBreakpoints();
  const save = useSaveConnector(slug, kpi.id);
  const remove = useRemoveConnector(slug, kpi.id);
  const stored = storedOf(connector);

  const send = async (draft: ConnectorDraft) => {
    const checked = validateConnectorDraft(draft, stored, connector?.version);
    if (!checked.input) throw new InvalidFields(checked.errors, checked.general);
    const saved = await save.mutateAsync(checked.input);
    notify(
      saved.credentialsDropped
        ? "Saved the connector. Its stored headers were removed: they are only sent to the address they were entered for."
        : connector
          ? "Saved the connector."
          : saved.enabled
            ? "Added the connector. It runs within 15 seconds, or use Run now."
            : "Added the connector, paused: it runs only when someone uses Run now.",
    );
    onClose();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={connector ? `Edit the connector of ${kpi.name}` : `Add a connector to ${kpi.name}`}
      size={680}
      fullScreen={!bp.sm}
      testId="connector-form"
      version={connector?.version}
      onReload={() => void onReload()}
      initialValues={() => draftFromConnector(connector)}
      onSubmit={send}
      // Header issues name the header; the form names its rows by key.
      mapIssues={mapConnectorIssues}
      submitLabel={connector ? "Save changes" : "Add connector"}
      footer={(buttons, showError) => (
        <ConnectorRemoval
          removable={connector !== null}
          pending={remove.isPending}
          onRemove={async () => {
            try {
              await remove.mutateAsync(undefined);
              notify("Removed the connector. The values it wrote stay.");
              onClose();
            } catch (err) {
              showError(err instanceof Error ? err : new Error("Something went wrong. Try again."));
            }
          }}
        >
          {buttons}
        </ConnectorRemoval>
      )}
    >
      {(form) => (
        <>
          <ConnectorSourceField form={form} kpi={kpi} connector={connector} />
          {form.values.kind === "http_json" ? (
            <HttpTargetFields form={form} stored={stored} />
          ) : (
            <SqlTargetFields form={form} stored={stored} />
          )}
          <Switch
            label="Run on schedule"
            description={
              form.values.enabled
                ? `Runs ${runIntervalLabel(kpi.frequency)}. Turn off to pause it; Run now still works.`
                : "Paused: it runs only when someone uses Run now."
            }
            checked={form.values.enabled}
            onChange={(e) => form.setFieldValue("enabled", e.currentTarget.checked)}
            error={form.errors.enabled}
          />
        </>
      )}
    </FormModal>
  );
}
