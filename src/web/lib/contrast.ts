// WCAG 2.2 contrast, for deriving theme colours that pass AA (4.5:1 for text) from
// Mantine's palettes, whose middle shades are too light for white text and whose darkest
// shades are too light as text on their own tints (yellow, green, orange).

function channels(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full =
    h.length === 3
      ? h
          .split("")
          .map((c) => c + c)
          .join("")
      : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** Relative luminance (WCAG 2.2) of a #rgb or #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` mixed towards black by `amount` (0–1). */
export function darken(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)));
}

/** `hex` mixed towards white by `amount` (0–1). */
export function lighten(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

/**
 * `hex` itself when it reaches `min` contrast against every one of `backgrounds`, else the
 * least darkened (or, with `towards: "white"`, lightened) version of it that does.
 */
export function withContrast(
  hex: string,
  backgrounds: string[],
  min = 4.5,
  towards: "black" | "white" = "black",
): string {
  for (let step = 0; step <= 100; step++) {
    const candidate = towards === "black" ? darken(hex, step / 100) : lighten(hex, step / 100);
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= min)) return candidate;
  }
  return towards === "black" ? "#000000" : "#ffffff";
}
