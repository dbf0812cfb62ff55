/**
 * Cheap language check: is this note English? Counts frequent function words of English
 * and of the other languages Keel's users most often write in (German, French, Spanish,
 * Dutch, Italian, Portuguese). Words shared between English and another language
 * ("in", "die", "so", "over") are left out of the others' lists, so a short English note
 * never loses to a coincidence. Accented letters typical of a language break ties.
 */

const WORD = /[a-zà-ÿß]+/g;

const ENGLISH = new Set(
  (
    "the a an and or but of to for on at by with from is are was were be been being has have had do does did " +
    "not no we our us i my you they their them he she it its this that these those there here will would can " +
    "could should still yet just only so as than then because until all some any nothing everything week " +
    "waiting done next last new up down out about after before again"
  ).split(" "),
);

const OTHERS: Record<string, Set<string>> = {
  de: new Set(
    (
      "der das und ist nicht wir ich sie es ein eine einen dem den des mit auf für von zu noch " +
      "keine kein auch wie sind wird werden haben hat nach bei aus oder aber immer schon diese dieser " +
      "woche vom zum zur sich uns unser unsere gibt läuft"
    ).split(" "),
  ),
  fr: new Set(
    (
      "le la les et est nous vous ils elle un une des du au aux pour pas ne que qui sur avec dans " +
      "toujours rien mais ou cette ces sont été avons semaine concernant nos notre leur"
    ).split(" "),
  ),
  es: new Set(
    (
      "de el los las y es que en del por para con una uno sin pero muy esta este estos desde semana " +
      "hemos ya siguen todavía nuestro nuestra próxima sus al lo"
    ).split(" "),
  ),
  nl: new Set(
    (
      "de het een en ik wij zijn niet nog steeds voor met op dat wie wanneer niemand bij " +
      "geen er ook maar naar deze dus wordt worden heeft hebben week nieuwe"
    ).split(" "),
  ),
  it: new Set("il lo gli della delle che non con sono abbiamo ancora settimana nostro".split(" ")),
  pt: new Set("os uma não com para são ainda semana nosso nossa estamos foi".split(" ")),
};

// Letters that English words do not use: any of them tips a close call away from English.
const FOREIGN_LETTERS = /[äöüßéèêàâçñáíóúìòãõ¿¡]/;

export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(WORD);
  if (!words || words.length === 0) return true;
  let english = 0;
  const other: Record<string, number> = {};
  let bestOther = 0;
  for (const word of words) {
    if (ENGLISH.has(word)) english++;
    for (const lang in OTHERS) {
      if (OTHERS[lang]!.has(word)) {
        const n = (other[lang] ?? 0) + 1;
        other[lang] = n;
        if (n > bestOther) bestOther = n;
      }
    }
  }
  if (bestOther === 0) return true;
  if (bestOther > english) return false;
  if (bestOther === english) return !FOREIGN_LETTERS.test(text);
  return true;
}
