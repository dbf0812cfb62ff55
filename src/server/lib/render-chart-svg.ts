import type { ChartOption } from "../../shared/charts/chart-option.ts";
import { initChart } from "../../shared/charts/echarts-setup.ts";

export type ChartSize = { width: number; height: number };

/**
 * A chart option (from src/shared/charts) drawn to a standalone SVG document, without a
 * browser: ECharts' server-side mode measures and lays out text itself. For reports and
 * PDFs; the web app draws the same options live.
 */
export function renderChartSvg(option: ChartOption, { width, height }: ChartSize): string {
  const chart = initChart(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    // A picture has no pointer: nothing that only answers to one.
    chart.setOption({ ...option, animation: false, tooltip: undefined });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
