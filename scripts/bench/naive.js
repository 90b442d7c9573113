/**
 * The naive loop the benchmark compares against (DESIGN.md §5), as Google's sample does it: one Advanced
 * Chat Service create per roster row, sequential, in a try/catch; then a role patch for Manager/Owner rows.
 * No pacing, no retry, no snapshot. Loaded through gas-local by scripts/bench/naive.ts (plain Apps Script JS).
 *
 * Generous to it: it keeps its row index in document properties and stops starting rows at the same
 * deadline as Chat Roster (5 min 45 s), so a driver can run it again and it continues where it stopped;
 * it writes no status to the sheet.
 */
var NAIVE_NEXT_ROW = 'naive.nextRow';
var NAIVE_BUDGET_MS = 6 * 60 * 1000 - 15 * 1000;
var NAIVE_ROLES = { Manager: 'ROLE_ASSISTANT_MANAGER', Owner: 'ROLE_MANAGER' };

function naiveProvision() {
  var startedAt = Date.now();
  var properties = PropertiesService.getDocumentProperties();
  var rows = SpreadsheetApp.getActive().getSheetByName('Roster').getDataRange().getValues();
  var next = Number(properties.getProperty(NAIVE_NEXT_ROW) || 1);
  var failures = 0;
  for (var i = next; i < rows.length; i++) {
    if (Date.now() - startedAt > NAIVE_BUDGET_MS) {
      properties.setProperty(NAIVE_NEXT_ROW, String(i));
      return { done: false, nextRow: i, failures: failures };
    }
    var email = rows[i][0];
    var space = rows[i][1];
    var role = rows[i][2];
    try {
      var membership = Chat.Spaces.Members.create({ member: { name: 'users/' + email, type: 'HUMAN' } }, space);
      if (NAIVE_ROLES[role]) {
        Chat.Spaces.Members.patch({ role: NAIVE_ROLES[role] }, membership.name, { updateMask: 'role' });
      }
    } catch (e) {
      failures++;
      console.log('Row ' + (i + 1) + ': ' + e.message);
    }
  }
  properties.deleteProperty(NAIVE_NEXT_ROW);
  return { done: true, nextRow: rows.length, failures: failures };
}
