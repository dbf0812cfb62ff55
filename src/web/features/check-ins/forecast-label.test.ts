import { describe, expect, it } from "vitest";
import { forecastLabel } from "./forecast-label.ts";

describe("forecastLabel", () => {
  it("says the verdict and the chance in whole per cent", () => {
    expect(forecastLabel({ likelihood: "likely", probability: 0.724 })).toBe("Likely to reach (72 %)");
    expect(forecastLabel({ likelihood: "uncertain", probability: 0.5 })).toBe("Uncertain to reach (50 %)");
    expect(forecastLabel({ likelihood: "unlikely", probability: 0.05 })).toBe("Unlikely to reach (5 %)");
  });
});
