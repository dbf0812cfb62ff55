import { em, getBreakpointValue, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

/**
 * Which of Mantine's breakpoints the window reaches. Tables drop columns on narrow
 * screens by not rendering them (CSS-hidden cells would still be found by text search,
 * screen readers in some modes, and browser tests).
 */
export function useBreakpoints() {
  const theme = useMantineTheme();
  const query = (bp: "xs" | "sm" | "md") => `(min-width: ${em(getBreakpointValue(bp, theme.breakpoints))})`;
  const options = { getInitialValueInEffect: false };
  return {
    xs: useMediaQuery(query("xs"), true, options),
    sm: useMediaQuery(query("sm"), true, options),
    md: useMediaQuery(query("md"), true, options),
  };
}
