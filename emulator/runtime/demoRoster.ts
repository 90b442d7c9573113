/** The roster a newcomer starts with in the demo and the workbench: one row of each kind, against demoOrg(). */
export const DEMO_ROSTER: string[][] = [
  ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'],
  ['alice.smith@example.com', 'Engineering', 'Manager', 'add'],
  ['dave.brown@example.com', 'Engineering', '', ''],
  ['erin.green@example.com', 'https://chat.google.com/room/AAAAengineering', 'Owner', 'add'],
  ['ivan.petrov@example.com', 'Engineering', 'Member', 'add'],
  ['group:design@example.com', 'Engineering', '', 'add'],
  ['bob.jones@example.com', 'spaces/AAAAengineering', 'Manager', 'add'],
  ['carol.white@example.com', 'Engineering', '', 'remove'],
  ['grace.lee@example.com', 'https://mail.google.com/chat/u/0/#chat/space/AAAAdesignteam', 'Manager', ''],
  ['frank.miller@example.com', 'Design Team', '', 'remove'],
  ['app', 'Design Team', '', 'add'],
  ['pat.partner@gmail.com', 'Partners', '', 'add'],
  ['kevin.taylor@example.com', 'Leadership', 'Member', 'add'],
  ['judy.wilson@example.com', 'All Hands', '', 'add'],
  ['heidi.clark@example.com', 'Marketing', '', 'add'],
  ['alice.smith@example.com', 'Design Team', 'Boss', 'add'],
  ['group:all-staff@example.com', 'spaces/AAAAgroupchat', '', 'add'],
].map((row) => [...row, ...Array(7 - row.length).fill('')]);

/**
 * The Rules sheet the workbench starts with, against demoOrg(): everyone in /Sales and below joins Sales, and
 * EMEA sales (that unit only) join Partners. Move someone into /Sales and the next nightly sync enrols them.
 */
export const DEMO_RULES: string[][] = [
  ['Source', 'Space', 'Role', 'Status', 'Details', 'Updated'],
  ['ou:/Sales', 'Sales', 'Member'],
  ['ou=/Sales/EMEA', 'Partners', 'Member'],
].map((row) => [...row, ...Array(6 - row.length).fill('')]);
