/**
 * What importMemberships() returns (DESIGN.md §2): rows added per space, members already on the roster,
 * and the spaces it couldn't read, each in a plain sentence. JSON-safe: it crosses google.script.run.
 */
export interface ImportedSpaceCount {
  /** How the space is named to the administrator: its display name, else spaces/ID. */
  space: string;
  /** Rows appended to the Roster for this space. */
  added: number;
  /** Members already on the roster (however their rows write them): not repeated. */
  alreadyOnRoster: number;
  /** Other Chat apps in the space, which Chat Roster can't manage: not imported. */
  otherApps: number;
}

export interface ImportReport {
  /** Rows appended to the Roster, over every space. */
  added: number;
  /** Members already on the roster, over every space. */
  alreadyOnRoster: number;
  /** Per space read, in the order they were asked for (or listed). */
  spaces: ImportedSpaceCount[];
  /** One sentence per space that couldn't be read or cell that names none; the other spaces still import. */
  problems: string[];
  /** One sentence for the top of the report. */
  message: string;
}
