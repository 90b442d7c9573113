/**
 * The sidebar's Settings: the nightly sync (installNightlySync / removeNightlySync at the chosen hour) and
 * admin access (setAdminAccess). A switch the server refuses flips back, and the error says why.
 */
import type { Sidebar } from './controls';
import { setText } from './dom';
import { errorSentence } from './errorSentence';
import { callServer } from './server';

export async function changeNightly(sidebar: Sidebar): Promise<void> {
  const { ui, model } = sidebar;
  const on = ui.nightlyToggle.checked;
  const hour = Number(ui.nightlyHour.value);
  model.nightlyBusy = true;
  setText(ui.nightlyStatus, on ? 'Turning on the nightly sync…' : 'Turning off the nightly sync…');
  sidebar.updateControls();
  try {
    const sentence = on ? await callServer('installNightlySync', hour) : await callServer('removeNightlySync');
    setText(ui.nightlyStatus, sentence);
  } catch (error) {
    ui.nightlyToggle.checked = !on;
    setText(ui.nightlyStatus, '');
    sidebar.sayError(errorSentence('nightly', error));
  }
  model.nightlyBusy = false;
  sidebar.updateControls();
}

export async function changeNightlyHour(sidebar: Sidebar): Promise<void> {
  if (sidebar.ui.nightlyToggle.checked) await changeNightly(sidebar);
}

export async function changeAdminAccess(sidebar: Sidebar): Promise<void> {
  const { ui, model } = sidebar;
  const wanted = ui.adminAccess.checked;
  model.adminBusy = true;
  sidebar.updateControls();
  try {
    const enabled = (await callServer('setAdminAccess', wanted)) === true;
    ui.adminAccess.checked = enabled;
    setText(ui.adminStatus, enabled
      ? 'Admin access is on, for you only: Chat Roster now acts with your Chat admin privilege, so it can manage members of any space of your organisation, even ones you are not in. Google then refuses to add people from outside your organisation, and the nightly sync you installed uses it too.'
      : 'Admin access is off: Chat Roster changes only spaces where you are a Manager or Owner.');
  } catch (error) {
    ui.adminAccess.checked = !wanted;
    sidebar.sayError(errorSentence('admin', error));
  }
  model.adminBusy = false;
  sidebar.updateControls();
}
