/**
 * The add-on menu. onOpen may run in AuthMode.NONE, where no service needing authorization works,
 * so it only builds the menu: no property or service reads (reference/apps-script-limits.md §4).
 */
type OpenEvent = GoogleAppsScript.Events.SheetsOnOpen | GoogleAppsScript.Events.AddonOnInstall;

export function onOpen(_event?: OpenEvent): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Set up roster sheet', 'setupRosterSheet')
    .addSeparator()
    .addItem('Preview changes', 'previewRoster')
    .addItem('Provision now', 'provisionRoster')
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event);
}
