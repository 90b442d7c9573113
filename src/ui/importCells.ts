/** The Import section's box → Space cells (no DOM here: tested in node). */

/** The Space cells typed in the box: one per line (a name may hold a comma), trimmed, blanks dropped. */
export function spaceCellsOf(text: string): string[] {
  return text.split('\n').map((cell) => cell.trim()).filter((cell) => cell !== '');
}
