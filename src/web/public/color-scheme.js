// Runs before the app: applies the light/dark choice saved by the theme toggle
// (Mantine's localStorage key) so the first paint already has the right colours.
(() => {
  try {
    const saved = window.localStorage.getItem("keel-color-scheme");
    const scheme =
      saved === "light" || saved === "dark"
        ? saved
        : window.matchMedia("(prefers-color-scheme: dark)").matches
          ? "dark"
          : "light";
    document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
  } catch {
    // Storage may be blocked; the app then follows the system setting.
  }
})();
