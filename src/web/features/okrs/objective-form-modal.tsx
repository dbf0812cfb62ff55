import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useSession } from "../../lib/session.ts";
import type { Cycle, Objective, TeamNode } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { flattenTree } from "../teams/team-tree-utils.ts";
import { useThemes } from "../themes/themes-api.ts";
import { KeyResultFields } from "./key-result-fields.tsx";
import {
  type DraftErrors,
  diffEdits,
  draftFromObjective,
  emptyKeyResult,
  type KeyResultDraft,
  keptKeyResults,
  mapIssues,
  type ObjectiveDraft,
  toCreateInput,
  validateDraft,
} from "./objective-draft.ts";
import { useCreateObjective, useSaveObjectiveEdits, type Visibility } from "./okrs-api.ts";

type Props = {
  slug: string;
  opened: boolean;
  onClose: () => void;
  cycle: Cycle | null;
  roots: TeamNode[];
  /** Team preselected when creating (the page's team). */
  teamId?: string | null;
  /** Editing this Objective; creating a new one when absent. */
  objective?: Objective | null;
  onCreated?: (objective: Objective) => void;
  onReload?: () => void;
};

const MAX_KEY_RESULTS = 20;
const visibilityOptions: Array<{ value: Visibility; label: string }> = [
  { value: "organization", label: "The whole organisation" },
  { value: "team", label: "The team, its leads above and admins" },
];
const PERSONAL = "No team: a personal Objective";

/**
 * Create an Objective with its Key Results (a draft: it may be incomplete), or edit one.
 * Blank KR rows are ignored, so adding a row too many does no harm.
 */
export function ObjectiveFormModal(props: Props) {
  const { slug, opened, onClose, cycle, roots, teamId, objective, onCreated, onReload } = props;
  const session = useSession().data;
  const me = session?.user ?? null;
  const bp = useBreakpoints();
  const create = useCreateObjective(slug);
  const themes = useThemes(slug, "");
  // Archived themes are not offered, except the one the Objective already has.
  const themeOptions = useMemo(
    () =>
      themes.items
        .filter((t) => !t.archived || t.id === objective?.themeId)
        .map((t) => ({ value: t.id, label: t.name })),
    [themes.items, objective?.themeId],
  );
  const save = useSaveObjectiveEdits(slug);
  const [draft, setDraft] = useState<ObjectiveDraft>(() => blankDraft(null, null, null));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<Error | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  // Teams that run KPIs only cannot hold OKRs (the API refuses): not offered.
  const kpiOnly = useMemo(
    () =>
      new Set(
        flattenTree(roots)
          .filter((f) => f.team.methodology === "kpi" && f.team.id !== objective?.teamId)
          .map((f) => f.team.id),
      ),
    [roots, objective?.teamId],
  );

  const start = () => {
    setDraft(
      objective
        ? draftFromObjective(objective)
        : blankDraft(teamId && !kpiOnly.has(teamId) ? teamId : null, me?.id ?? null, me?.name ?? null),
    );
    setErrors({});
    setFormError(null);
    setFocusKey(null);
  };

  // A fresh form each time the dialog opens. Not on every new version: saving changes the
  // version while the dialog is still open, and resetting then would drop the save's result.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened or another Objective is edited
  useEffect(() => {
    if (!opened) return;
    start();
    create.reset();
    save.reset();
  }, [opened, objective?.id]);

  // "Reload their version" after a conflict: start again from the version that arrives.
  const reloading = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a reloaded version restarts the form
  useEffect(() => {
    if (reloading.current && opened) {
      reloading.current = false;
      start();
    }
  }, [objective?.version]);
  const reload = () => {
    reloading.current = true;
    onReload?.();
  };

  const setField = <K extends keyof ObjectiveDraft>(name: K, value: ObjectiveDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: "" } : e));
  };
  const setKr = (key: string, patch: Partial<KeyResultDraft>) => {
    setDraft((d) => ({
      ...d,
      keyResults: d.keyResults.map((k) => (k.key === key ? { ...k, ...patch } : k)),
    }));
    setErrors((e) => {
      const next = { ...e };
      for (const field of Object.keys(patch)) delete next[`kr:${key}:${field}`];
      return next;
    });
  };
  const addKr = () => {
    const kr = emptyKeyResult(draft.ownerUserId, draft.ownerName);
    setDraft((d) => ({ ...d, keyResults: [...d.keyResults, kr] }));
    setFocusKey(kr.key);
  };
  const removeKr = (kr: KeyResultDraft) =>
    setDraft((d) => ({
      ...d,
      keyResults:
        kr.id === null
          ? d.keyResults.filter((k) => k.key !== kr.key)
          : d.keyResults.map((k) => (k.key === kr.key ? { ...k, removed: true } : k)),
    }));

  const shown = draft.keyResults.filter((k) => !k.removed);
  const counted = keptKeyResults(draft).length;

  /** `sent`: the KRs of a create request, whose issues say "keyResults.N.field". */
  const showServerError = (err: unknown, sent: KeyResultDraft[] | null) => {
    if (sent && isApiError(err) && err.issues.length > 0) {
      const { errors: mapped, unplaced } = mapIssues(err.issues, sent);
      setErrors(mapped);
      setFormError(unplaced.length > 0 ? err : null);
      return;
    }
    setFormError(err instanceof Error ? err : new Error("Something went wrong. Try again."));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateDraft(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    if (objective) {
      const edits = diffEdits(objective, draft);
      if (!edits.patch && edits.added.length === 0 && edits.changed.length === 0) {
        onClose();
        return;
      }
      save.mutate(
        { id: objective.id, ...edits },
        {
          onSuccess: () => {
            notify(`Saved “${draft.title.trim()}”.`);
            onClose();
          },
          // An edit is several requests; their issues name no row, so they show above the buttons.
          onError: (err) => showServerError(err, null),
        },
      );
      return;
    }
    if (!cycle) return;
    const sent = keptKeyResults(draft);
    create.mutate(toCreateInput(draft, cycle.id), {
      onSuccess: (created) => {
        notify(
          `Created the draft “${created.title}”. Activate it when its key results have owners and targets.`,
        );
        onClose();
        onCreated?.(created);
      },
      onError: (err) => showServerError(err, sent),
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={objective ? "Edit objective" : `New objective${cycle ? ` in ${cycle.name}` : ""}`}
      size={880}
      fullScreen={!bp.sm}
    >
      <form onSubmit={onSubmit} noValidate data-testid="objective-form">
        <Stack gap="sm">
          <TextInput
            label="Title"
            description="Qualitative and specific: what must change this cycle, and for whom."
            placeholder="e.g. Deliver on the first attempt in every city"
            value={draft.title}
            onChange={(e) => setField("title", e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <Textarea
            label="Why it matters"
            placeholder="Optional: the problem behind it, in a sentence or two"
            autosize
            minRows={1}
            maxRows={4}
            value={draft.description}
            onChange={(e) => setField("description", e.currentTarget.value)}
            error={errors.description}
          />
          <Group gap="sm" grow align="flex-start" wrap="wrap">
            <TeamSelect
              label="Team"
              roots={roots}
              value={draft.teamId}
              onChange={(v) => setField("teamId", v)}
              exclude={kpiOnly}
              allowTopLevel
              topLevelLabel={PERSONAL}
              error={errors.teamId}
              testId="objective-team-select"
            />
            <PersonSelect
              slug={slug}
              label="Owner"
              value={draft.ownerUserId}
              valueLabel={draft.ownerName}
              onChange={(id, name) => setDraft((d) => ({ ...d, ownerUserId: id, ownerName: name }))}
              error={errors.ownerUserId}
              placeholder="No owner yet"
            />
          </Group>
          <Group gap="sm" grow align="flex-start" wrap="wrap">
            <Select
              label="Strategic theme"
              description="Why it matters: the theme it moves"
              placeholder="No theme"
              data={themeOptions}
              value={draft.themeId}
              onChange={(v) => setField("themeId", v)}
              clearable
              error={errors.themeId}
            />
            <Select
              label="Visible to"
              description={
                draft.visibility === "team"
                  ? "Others see that it exists and how it is doing, not its text"
                  : "Everyone in the organisation reads it"
              }
              data={visibilityOptions}
              value={draft.visibility}
              onChange={(v) => v && setField("visibility", v as Visibility)}
              allowDeselect={false}
              error={errors.visibility}
            />
          </Group>

          <Fieldset
            legend="Key results"
            variant="unstyled"
            data-testid="key-results-section"
            styles={{ legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
          >
            <Stack gap="xs">
              <Group gap="xs" justify="space-between">
                <Text size="xs" c="dimmed">
                  2–5 measurable results that prove the Objective was reached. A draft may be incomplete; to
                  activate it, every key result needs an owner and a target.
                </Text>
                <Badge
                  color={counted >= 2 && counted <= 5 ? "green" : counted > 5 ? "yellow" : "gray"}
                  className="keel-num"
                >
                  {counted} of 2–5
                </Badge>
              </Group>
              {shown.map((kr, i) => (
                <KeyResultFields
                  key={kr.key}
                  slug={slug}
                  index={i}
                  kr={kr}
                  errors={errors}
                  onChange={(patch) => setKr(kr.key, patch)}
                  onRemove={() => removeKr(kr)}
                  autoFocus={kr.key === focusKey}
                />
              ))}
              {counted > 5 && (
                <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
                  More than 5 key results dilute focus: keep the ones that prove the Objective, and move the
                  rest to the KPI board.
                </Alert>
              )}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={addKr}
                  disabled={shown.length >= MAX_KEY_RESULTS}
                >
                  Add key result
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <FormError error={formError} onReload={onReload ? reload : undefined} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || save.isPending}>
              {objective ? "Save changes" : "Create objective"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function blankDraft(
  teamId: string | null,
  ownerUserId: string | null,
  ownerName: string | null,
): ObjectiveDraft {
  return {
    title: "",
    description: "",
    teamId,
    ownerUserId,
    ownerName,
    themeId: null,
    visibility: "organization",
    keyResults: [emptyKeyResult(ownerUserId, ownerName)],
  };
}
