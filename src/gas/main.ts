/**
 * The one list of global entry points (DESIGN.md §2). Every export becomes a top-level function of
 * dist/Code.js, so menus, triggers and google.script.run can find it. Keep this file a list.
 */
export { onOpen, onInstall } from './commands/menu';
export { setupRosterSheet } from './commands/setup';
export { checkSetup } from './commands/checkSetup';
export { importMemberships } from './commands/importMembers';
export { previewRoster, provisionRoster } from './commands/provision';
export { getProgress } from './commands/progress';
export { installNightlySync, removeNightlySync, nightlySync } from './commands/nightly';
export { showSidebar, showPreview, showProvision, showCheckSetup, getSidebarState, stopRun } from './commands/sidebar';
export { showImport } from './commands/sidebar';
export { setAdminAccess } from './settings';
