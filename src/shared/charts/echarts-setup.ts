// The one place Keel loads ECharts: only the parts its charts use (tree-shaken from
// `echarts/core`) and the SVG renderer, which draws crisp at any zoom, prints well and is
// what the server renders to. The web app imports this file lazily, so the library
// never weighs on the first page.
import { LineChart } from "echarts/charts";
import { GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

use([LineChart, GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

// Only `init` leaves this file: a namespace export would keep every helper of
// echarts/core in the bundle.
export { init as initChart };
