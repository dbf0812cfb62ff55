import { MultiSelect, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_KPI_HEADLINES, SetKpiHeadlinesSchema } from "../../../shared/schemas/leadership.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { api } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { keys } from "../../lib/query-keys.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useKpiList } from "../kpis/kpis-api.ts";

type Props = {
  slug: string;
  opened: boolean;
  onClose: () => void;
};

/**
 * Admins choose the headline KPIs of the strip, in order (the order they are picked in).
 * Choosing none returns the strip to its default: company KPIs and red ones.
 */
export function HeadlineKpisModal({ slug, opened, onClose }: Props) {
  const kpis = useKpiList(slug, {}, opened);
  // The whole chosen list, whatever theme the strip is filtered by.
  const headlines = useQuery({
    queryKey: [...keys.okrs(slug), "kpi-headlines"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/kpi-headlines", { path: { org: slug }, signal }),
    enabled: opened,
  });
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { kpiIds: string[] }) =>
      api.put("/api/orgs/{org}/kpi-headlines", { path: { org: slug }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.okrs(slug) }),
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Headline KPIs"
      // Starts again once the chosen list has arrived.
      resetKey={headlines.isSuccess ? "loaded" : "loading"}
      initialValues={() => ({ kpiIds: headlines.data?.kpiIds ?? [] })}
      onSubmit={async (values) => {
        await save.mutateAsync(parseFields(SetKpiHeadlinesSchema, values));
        notify(values.kpiIds.length === 0 ? "The strip shows its default KPIs." : "Saved the headline KPIs.");
        onClose();
      }}
      submitLabel="Save"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            Up to {MAX_KPI_HEADLINES} KPIs, shown in the order you pick them. With none, the strip shows the
            company team's KPIs and every red KPI in the leader's scope.
          </Text>
          <MultiSelect
            label="KPIs"
            data={kpis.items.map((k) => ({ value: k.id, label: `${k.name} (${k.teamName})` }))}
            searchable
            maxValues={MAX_KPI_HEADLINES}
            nothingFoundMessage="No active KPI matches"
            {...form.getInputProps("kpiIds")}
          />
        </>
      )}
    </FormModal>
  );
}
