import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconTargetArrow } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { FIELDS_BY_DIRECTION } from "../../../domain/kpi/bands.ts";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { type BandField, bandFieldLabels, bandOrderInWords } from "../kpis/kpi-draft.ts";
import { type BaselineOffer, useBaselineOffers, useDecideBaseline } from "./kpi-links-api.ts";

type Numbers = Record<BandField, number | string>;

const fieldsOf = (offer: BaselineOffer): BandField[] => [
  "target",
  ...FIELDS_BY_DIRECTION[offer.kpiDirection],
];

/** Empty fields are sent as null: the API then says which threshold the direction needs. */
const toNumber = (v: number | string): number | null => (typeof v === "number" ? v : null);

/** The field a validation issue names ("bands.redMin" → redMin), for the number field's error. */
function issuesByField(error: Error | null): Partial<Record<string, string>> {
  if (!error || !isApiError(error, "validation_failed")) return {};
  const issues = (error.details?.issues ?? []) as Array<{ field: string; message: string }>;
  return Object.fromEntries(issues.map((i) => [i.field.replace(/^bands\./, ""), i.message]));
}

/**
 * A met promotion's offer of a new KPI baseline: what the KR achieved, the band entry in
 * force and the proposed one (target and thresholds moved by the same step, from the
 * KPI's next period on). Whoever may change the KPI's bands edits the numbers and accepts,
 * or declines with a note; everyone else it concerns (the KR's and KPI's owners) sees
 * that the decision is waiting.
 */
export function BaselineOfferCard({ slug, offer }: { slug: string; offer: BaselineOffer }) {
  const decide = useDecideBaseline(slug, offer.kpiId);
  const fields = fieldsOf(offer);
  const labels: Partial<Record<BandField, string>> = {
    target: "Target",
    ...bandFieldLabels[offer.kpiDirection],
  };
  const [numbers, setNumbers] = useState<Numbers>(() => {
    const start = { target: "", greenMin: "", greenMax: "", redMin: "", redMax: "" } as Numbers;
    for (const f of fields) start[f] = offer.proposed[f] ?? "";
    return start;
  });
  const [note, setNote] = useState("");
  const errors = issuesByField(decide.error);
  const label = `New baseline for ${offer.kpiName}`;

  const accept = () => {
    const bands = { target: null, greenMin: null, greenMax: null, redMin: null, redMax: null } as Record<
      BandField,
      number | null
    >;
    for (const f of fields) bands[f] = toNumber(numbers[f]);
    decide.mutate(
      { promotionId: offer.promotionId, decision: { decision: "accepted", bands } },
      { onSuccess: () => notify(`${offer.kpiName}: new baseline saved in its band history.`) },
    );
  };
  const decline = () =>
    decide.mutate(
      {
        promotionId: offer.promotionId,
        decision: { decision: "declined", ...(note.trim() ? { note: note.trim() } : {}) },
      },
      { onSuccess: () => notify(`${offer.kpiName} keeps its bands.`) },
    );

  return (
    <Card withBorder padding="sm" role="group" aria-label={label} data-testid="baseline-offer">
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconTargetArrow size={18} />
          <Text fw={600} size="sm">
            <Anchor component={Link} to={`/o/${slug}/kpis/${offer.kpiId}`}>
              {offer.kpiName}
            </Anchor>
            : make {offer.finalValue ?? "—"} the new baseline?
          </Text>
        </Group>
        <Text size="sm">
          “
          <Anchor component={Link} to={`/o/${slug}/okrs/${offer.objectiveId}`}>
            {offer.keyResultTitle}
          </Anchor>
          ” reached {offer.finalValue ?? "—"} in {offer.cycleName}
          {offer.oldTarget !== null ? ` (the KPI's target was ${offer.oldTarget})` : ""}. The new entry of the
          band series applies from {offer.proposed.effectiveFrom}; target and thresholds move by the same
          step.
        </Text>
        {offer.old !== null && offer.proposed.target === offer.oldTarget && (
          <Text size="xs" c="dimmed">
            {offer.finalValue} does not go beyond the KPI's target, so the offer keeps its bar: a new baseline
            never lowers it. Change the numbers to set another.
          </Text>
        )}
        {offer.canDecide ? (
          <>
            <Table aria-label={`${label}: thresholds`} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Threshold</Table.Th>
                  <Table.Th>Until now</Table.Th>
                  <Table.Th>From {offer.proposed.effectiveFrom}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.map((f) => (
                  <Table.Tr key={f}>
                    <Table.Td>{labels[f] ?? f}</Table.Td>
                    <Table.Td>{offer.old?.[f] ?? "—"}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label={`New ${(labels[f] ?? f).toLowerCase()}`}
                        value={numbers[f]}
                        onChange={(v) => setNumbers((n) => ({ ...n, [f]: v }))}
                        error={errors[f]}
                        decimalScale={6}
                        w={140}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              The thresholds keep their order: {bandOrderInWords(offer.kpiDirection)}.
            </Text>
            <TextInput
              size="xs"
              label="Why keep the bands (if you decline)"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={2000}
            />
            <FormError error={decide.error} />
            <Group gap="xs">
              <Button size="xs" loading={decide.isPending} onClick={accept}>
                Make it the new baseline
              </Button>
              <Button size="xs" variant="default" loading={decide.isPending} onClick={decline}>
                Keep the bands
              </Button>
            </Group>
          </>
        ) : (
          <Alert color="blue" p="xs">
            <Text size="sm">
              Proposed target {offer.oldTarget ?? "—"} → {offer.proposed.target ?? "—"}. The KPI's leads and
              admins decide whether it becomes the new baseline.
            </Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Open offers, one card each; nothing when there are none. */
export function BaselineOfferList({
  slug,
  offers,
  title,
}: {
  slug: string;
  offers: readonly BaselineOffer[];
  title: string;
}) {
  if (offers.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="baseline-offers">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {offers.map((o) => (
        <BaselineOfferCard key={o.promotionId} slug={slug} offer={o} />
      ))}
    </Stack>
  );
}

/**
 * The close wizard's last step: the cycle's Key Results that read a KPI and met their
 * target, each offering its KPI a new baseline. Admins may change any KPI's bands.
 */
export function CycleBaselineOffers({ slug, cycleId }: { slug: string; cycleId: string }) {
  const offers = useBaselineOffers(slug);
  const mine = (offers.data?.items ?? []).filter((o) => o.cycleId === cycleId);
  return (
    <BaselineOfferList
      slug={slug}
      offers={mine}
      title="Promoted KPIs that met their target: make the achieved level the new baseline?"
    />
  );
}

/**
 * On an Objective's page: its Key Results that met their target while reading a KPI, and
 * the baseline each offers the KPI. Keel has no notifications, so this is where the KR's
 * owner (and the KPI's owner, on the KPI page) learns of the offer.
 */
export function ObjectiveBaselineOffers({ slug, objectiveId }: { slug: string; objectiveId: string }) {
  const offers = useBaselineOffers(slug);
  const here = (offers.data?.items ?? []).filter((o) => o.objectiveId === objectiveId);
  if (here.length === 0) return null;
  return (
    <Box mb="sm">
      <BaselineOfferList slug={slug} offers={here} title="A Key Result here met the target its KPI read" />
    </Box>
  );
}
