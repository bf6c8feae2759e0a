/** The report's letter for a finding at `index` in its list: a to z, then aa, ab ... (a list may hold 30 or 40). */
export function pointLetter(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : `${pointLetter(Math.floor(index / 26) - 1)}${String.fromCharCode(97 + (index % 26))}`;
}
