import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { Link } from "react-router";
import { fixLabel, type LintFinding } from "./lint-draft.ts";
import type { FixLink } from "./lint-fix-links.ts";

/** How each rule is named next to its finding (ids are stable, names are for people). */
export const RULE_NAMES: Record<LintFinding["rule"], string> = {
  "business-as-usual": "Business as usual",
  recycled: "Recycled key result",
  "too-many": "Too many",
  "number-as-objective": "A number, not an Objective",
  "cascaded-mirror": "Mirrors the parent",
  sandbagging: "Always 1.0",
  "no-floor": "No KPI floor",
  "missing-pieces": "Missing pieces",
  "generic-objective": "Too generic",
  "activity-as-key-result": "An activity, not an outcome",
};

type Props = {
  findings: LintFinding[];
  /** Applies the finding's fix in the form; absent where fixes cannot be applied. */
  onFix?: (finding: LintFinding) => void;
  /** A fix made on another page (the KPI board, the floor); opened in a new tab so the draft stays. */
  linkOf?: (finding: LintFinding) => FixLink | null;
};

/**
 * The linter's findings on one field (the Objective, or one key result): each says why,
 * and offers its fix as one button where the form can apply it. A live region, so screen
 * readers hear a finding appear as the user types.
 */
export function LintFindings({ findings, onFix, linkOf }: Props) {
  return (
    <Stack gap={4} aria-live="polite" data-testid="lint-findings">
      {findings.map((finding) => {
        const label = finding.fix ? fixLabel(finding.fix) : null;
        const link = linkOf?.(finding) ?? null;
        const warning = finding.severity === "warning";
        return (
          <Alert
            key={`${finding.rule}:${finding.on}:${finding.message.slice(0, 40)}`}
            color={warning ? "yellow" : "blue"}
            variant="light"
            p="xs"
            icon={warning ? <IconAlertTriangle size={16} /> : <IconInfoCircle size={16} />}
            title={RULE_NAMES[finding.rule]}
            data-rule={finding.rule}
          >
            <Stack gap={4}>
              <Text size="sm">{finding.message}</Text>
              {((label && onFix) || link) && (
                <Group gap="sm">
                  {label && onFix && (
                    <Button size="compact-sm" variant="default" onClick={() => onFix(finding)}>
                      {label}
                    </Button>
                  )}
                  {link && (
                    <Anchor component={Link} to={link.href} target="_blank" rel="noopener" size="sm">
                      {link.label} (opens in a new tab)
                    </Anchor>
                  )}
                </Group>
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
