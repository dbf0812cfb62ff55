import { Text, Tooltip } from "@mantine/core";
import type { OkrStatus } from "../../lib/types.ts";
import { formatProgress, statusFill } from "./okr-format.ts";

type Props = {
  /** Uncapped: 1.3 fills the bar and reads "130 %"; null = not measurable. */
  progress: number | null;
  /** Elapsed share of the cycle: a thin tick shows where progress should be by now. */
  expected?: number | null | undefined;
  status?: OkrStatus | undefined;
  size?: "xs" | "sm" | "md";
  /** Show the percentage next to the bar. */
  withLabel?: boolean;
  /** What the bar measures, for screen readers ("Progress of …"). */
  label: string;
  /** Fixed width of the label column, so bars in a list line up. */
  labelWidth?: number;
};

const heights = { xs: 4, sm: 6, md: 8 } as const;

/**
 * A progress bar with the expected-progress tick. Progress over 100 % fills the bar and
 * says so in its label; below 0 (a metric moving the wrong way) leaves it empty.
 */
export function OkrProgressBar(props: Props) {
  const { progress, expected, status, size = "sm", withLabel = true, label, labelWidth = 44 } = props;
  const clamped = progress === null ? 0 : Math.min(1, Math.max(0, progress));
  const text = formatProgress(progress);
  const valueText =
    expected === null || expected === undefined
      ? text
      : `${text}, expected ${formatProgress(expected)} by now`;
  const tip =
    expected === null || expected === undefined
      ? `Progress ${text}`
      : `Progress ${text} · expected by now ${formatProgress(expected)}`;
  return (
    <Tooltip label={tip}>
      <div className="keel-progress" data-testid="progress-bar">
        <div
          className="keel-progress-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(clamped * 100)}
          aria-valuetext={valueText}
          style={{ height: heights[size] }}
        >
          <div
            className="keel-progress-fill"
            style={{
              width: `${clamped * 100}%`,
              background: statusFill(status),
            }}
          />
          {progress !== null && progress > 1 && <div className="keel-progress-over" aria-hidden />}
          {expected !== null && expected !== undefined && (
            <div
              className="keel-progress-tick"
              data-testid="expected-tick"
              aria-hidden
              style={{ left: `${Math.min(1, Math.max(0, expected)) * 100}%` }}
            />
          )}
        </div>
        {withLabel && (
          <Text
            size="xs"
            fw={progress !== null && progress > 1 ? 700 : 500}
            className="keel-num"
            w={labelWidth}
            ta="right"
            style={{ flexShrink: 0, whiteSpace: "nowrap" }}
            c={progress === null ? "dimmed" : undefined}
            aria-hidden
          >
            {text}
          </Text>
        )}
      </div>
    </Tooltip>
  );
}
