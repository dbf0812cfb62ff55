import type { Forecast } from "../../../shared/schemas/okr-forecasts.ts";

const WORDS: Record<Forecast["likelihood"], string> = {
  likely: "Likely to reach",
  uncertain: "Uncertain to reach",
  unlikely: "Unlikely to reach",
};

/** "Likely to reach (72 %)": the forecast's verdict in words, with its chance. */
export function forecastLabel(forecast: Pick<Forecast, "likelihood" | "probability">): string {
  return `${WORDS[forecast.likelihood]} (${Math.round(forecast.probability * 100)} %)`;
}
