import { useComputedColorScheme } from "@mantine/core";
import type { EChartsType } from "echarts/core";
import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ChartOption, ChartPalette } from "../../shared/charts/chart-option.ts";

type Props = {
  /** The chart for a set of colours (src/shared/charts); memoise it, a new function redraws. */
  option: (palette: ChartPalette) => ChartOption;
  height: number;
  /** What the chart shows, in a sentence: its accessible name (the drawing itself is an image). */
  label: string;
  style?: CSSProperties;
};

// ECharts arrives with the first chart a page shows, never with the app's shell.
const loadEcharts = () => import("../../shared/charts/echarts-setup.ts").then((m) => m.initChart);

/**
 * The theme's colours as the chart needs them: resolved values, read through a probe
 * element so whatever `var(…)` and contrast adjustments the theme applies (src/web/theme.ts)
 * hold in the chart too, in light and dark.
 */
function readPalette(el: HTMLElement): ChartPalette {
  const probe = document.createElement("span");
  probe.style.display = "none";
  el.appendChild(probe);
  const resolve = (css: string) => {
    probe.style.color = css;
    return getComputedStyle(probe).color;
  };
  try {
    return {
      text: resolve("var(--mantine-color-text)"),
      dimmed: resolve("var(--mantine-color-dimmed)"),
      grid: resolve("var(--mantine-color-default-border)"),
      surface: resolve("var(--mantine-color-body)"),
      border: resolve("var(--mantine-color-default-border)"),
      primary: resolve("var(--mantine-primary-color-filled)"),
      green: resolve("var(--mantine-color-green-filled)"),
      amber: resolve("var(--mantine-color-yellow-filled)"),
      red: resolve("var(--mantine-color-red-filled)"),
      confidence: resolve("var(--mantine-color-violet-5)"),
      fontFamily: getComputedStyle(el).fontFamily.replaceAll('"', "'"),
    };
  } finally {
    probe.remove();
  }
}

/**
 * An ECharts chart drawn as SVG at the width of its box, in the current colour scheme. The
 * box keeps its height while the library loads, so the page does not shift.
 */
export function EChart({ option, height, label, style }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [palette, setPalette] = useState<ChartPalette | null>(null);
  const scheme = useComputedColorScheme("light");

  useLayoutEffect(() => {
    // The scheme's colours are on the page once it has rendered with it.
    if (ref.current && scheme) setPalette(readPalette(ref.current));
  }, [scheme]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let instance: EChartsType | null = null;
    let cancelled = false;
    const observer = new ResizeObserver(() => instance?.resize());
    void loadEcharts().then((initChart) => {
      if (cancelled) return;
      instance = initChart(el, null, { renderer: "svg" });
      observer.observe(el);
      setChart(instance);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (chart && palette) chart.setOption(option(palette), { notMerge: true });
  }, [chart, palette, option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height, ...style }} />;
}
