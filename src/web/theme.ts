import { createTheme } from "@mantine/core";

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
