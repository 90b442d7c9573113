/** Test helpers: Member and Space cells as the sheet holds them, parsed as validation does. */
import type { MemberRef, SpaceRef } from '../../src/core/model';
import { parseMemberCell, parseSpaceCell } from '../../src/core/rows/refs';

export function spaceRef(cell: string): SpaceRef {
  const parsed = parseSpaceCell(cell);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
}

export function member(cell: string): MemberRef {
  const parsed = parseMemberCell(cell);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
}
