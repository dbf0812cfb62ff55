import { describe, expect, it } from "vitest";
import { looksEnglish } from "./language.ts";

describe("looksEnglish", () => {
  it.each([
    "We are still waiting on the landlord.",
    "ok",
    "Meeting with Die Mannschaft GmbH went well.",
    "Van fleet at 94% availability, en route to the target.",
    "Café opening pushed to May because the permit is late.",
    "12 / 40",
  ])("takes %j as English", (note) => {
    expect(looksEnglish(note)).toBe(true);
  });

  it.each([
    "Wir warten noch auf die IT, der Server ist kaputt.",
    "On attend la validation du client pour lancer la campagne.",
    "Seguimos esperando la aprobación del comité desde el lunes.",
    "We wachten nog steeds op de leverancier en de planning schuift op.",
    "Siamo ancora in attesa del fornitore per la consegna.",
    "Geen bijzonderheden.",
  ])("takes %j as not English", (note) => {
    expect(looksEnglish(note)).toBe(false);
  });
});
