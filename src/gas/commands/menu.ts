/**
 * The add-on menu. onOpen may run in AuthMode.NONE, where no service needing authorization works,
 * so it only builds the menu: no property or service reads (reference/apps-script-limits.md §4).
 * Preview and Provision open the sidebar, which drives runs that span several executions.
 */
type OpenEvent = GoogleAppsScript.Events.SheetsOnOpen | GoogleAppsScript.Events.AddonOnInstall;

export function onOpen(_event?: OpenEvent): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Chat Roster', 'showSidebar')
    .addItem('Set up roster sheet', 'setupRosterSheet')
    .addItem('Check setup', 'showCheckSetup')
    .addItem('Import members…', 'showImport')
    .addSeparator()
    .addItem('Preview changes', 'showPreview')
    .addItem('Provision now', 'showProvision')
    .addToUi();
}

export function onInstall(event?: OpenEvent): void {
  onOpen(event);
}
