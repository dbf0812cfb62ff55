import { type CSSVariablesResolver, createTheme } from "@mantine/core";
import { darken, withContrast } from "./lib/contrast.ts";

// Calm and dense, like a good issue tracker: a 14px base, small type steps, system fonts
// (Keel serves everything itself, so no web fonts from elsewhere), compact tables.
// Components are themed by name, not through `Select.extend(…)`: importing a component here
// would put it (and Select's combobox, Modal's focus trap…) into the first download.
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "sm",
  cursorType: "pointer",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
  fontSizes: { xs: "0.6875rem", sm: "0.8125rem", md: "0.875rem", lg: "1rem", xl: "1.125rem" },
  lineHeights: { xs: "1.4", sm: "1.45", md: "1.5", lg: "1.55", xl: "1.6" },
  headings: {
    fontWeight: "600",
    sizes: {
      h1: { fontSize: "1.375rem", lineHeight: "1.3" },
      h2: { fontSize: "1.125rem", lineHeight: "1.35" },
      h3: { fontSize: "0.9375rem", lineHeight: "1.4" },
      h4: { fontSize: "0.8125rem", lineHeight: "1.4" },
    },
  },
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", fz: "sm" } },
    Badge: {
      defaultProps: { variant: "light", radius: "sm", size: "sm" },
      // Sentence case reads calmer than Mantine's capitals; labels never cut off ("Mem…").
      styles: { root: { textTransform: "none", letterSpacing: 0 }, label: { overflow: "visible" } },
    },
    // Mantine names the eye button "Toggle password visibility"; that name would also match
    // a search for the "Password" field by label (screen readers, browser tests).
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { "aria-label": "Show or hide the characters" } },
    },
    // Closed dropdowns are unmounted: a hidden option list labelled like its input would
    // otherwise be a second element with the field's label.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
    Autocomplete: { defaultProps: { comboboxProps: { keepMounted: false } } },
    // The close button needs a name of its own (Mantine leaves it unnamed).
    Modal: {
      defaultProps: { centered: true, size: "md", closeButtonProps: { "aria-label": "Close dialog" } },
    },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true, fz: "xs" } },
  },
});

const lightSurfaces = ["#ffffff", "#f8f9fa", "#f1f3f5"];

/**
 * Colours that meet WCAG 2.2 AA (4.5:1 for text), derived from Mantine's palettes: dimmed
 * text, links, text in a colour (`c="red"`), light badges (a colour's darkest shade on its
 * own tint: 2.7:1 for yellow) and filled badges and buttons (white on a middle shade: 2.4:1
 * for green). Each value is the palette's own colour, darkened (lightened in dark mode)
 * only as far as it takes. The browser tests run axe on every main page in both schemes.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const darkSurfaces = [t.colors.dark[7]!, t.colors.dark[6]!, t.colors.dark[5]!];
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === "dark") continue;
    const [s0, s1, s2, , s4, , s6, s7, , s9] = shades;
    const filled = withContrast(s6!, ["#ffffff"]);
    const darkTint = darken(s9!, 0.5); // Mantine's dark "light" background
    Object.assign(light, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.12),
      [`--mantine-color-${name}-text`]: withContrast(s7!, [...lightSurfaces, s1!]),
      [`--mantine-color-${name}-light-color`]: withContrast(s9!, ["#ffffff", s1!, s2!]),
      [`--mantine-color-${name}-outline`]: filled,
    });
    Object.assign(dark, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.12),
      [`--mantine-color-${name}-text`]: withContrast(s4!, [...darkSurfaces, darkTint], 4.5, "white"),
      [`--mantine-color-${name}-light-color`]: withContrast(s0!, [darkTint, darken(s9!, 0.3)], 4.5, "white"),
      [`--mantine-color-${name}-outline`]: withContrast(s4!, darkSurfaces, 4.5, "white"),
    });
  }
  const primary = t.colors[t.primaryColor]!;
  light["--mantine-color-dimmed"] = withContrast(t.colors.gray[6]!, lightSurfaces);
  light["--mantine-color-anchor"] = withContrast(primary[7]!, lightSurfaces);
  dark["--mantine-color-dimmed"] = withContrast(t.colors.dark[2]!, darkSurfaces, 4.5, "white");
  dark["--mantine-color-anchor"] = withContrast(primary[4]!, darkSurfaces, 4.5, "white");
  return { variables: {}, light, dark };
};
