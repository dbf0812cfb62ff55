import type { LineSeriesOption } from "echarts/charts";
import type {
  GridComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";

/**
 * An ECharts option made only of the parts `echarts-setup.ts` registers. Typed imports
 * only: building an option loads no ECharts code, so a page can prepare its chart before
 * the chart library has arrived.
 */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** The colours a chart is drawn in: resolved CSS colours, never `var(…)` (SVG files and canvases know no CSS). */
export type ChartPalette = {
  /** Main text and the target line. */
  text: string;
  /** Axis labels and secondary lines; meets AA contrast on `surface`. */
  dimmed: string;
  /** Grid lines. */
  grid: string;
  /** The background the chart sits on (hollow dots are filled with it). */
  surface: string;
  /** Tooltip border. */
  border: string;
  /** A value line without a status of its own. */
  primary: string;
  green: string;
  amber: string;
  red: string;
  /** The confidence series of a key result. */
  confidence: string;
  /** Names quoted with single quotes: ECharts writes it into a double-quoted SVG attribute. */
  fontFamily: string;
};

/**
 * The light scheme's colours, for charts drawn without a browser (SVG for reports): the
 * same AA-contrast values `src/web/theme.ts` gives the web app's light scheme.
 */
export const lightPalette: ChartPalette = {
  text: "#000000",
  dimmed: "#696f75",
  grid: "#ced4da",
  surface: "#ffffff",
  border: "#ced4da",
  primary: "#4a6bee",
  green: "#2d863d",
  amber: "#9b6d03",
  red: "#d04444",
  confidence: "#845ef7",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
};

/** Text for a tooltip's HTML: notes are typed by people. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
