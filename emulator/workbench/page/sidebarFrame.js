// @ts-check
/**
 * The add-on's sidebar in the workbench page: the HTML an execution showed, in a sandboxed frame; its
 * google.script.run calls arrive here by postMessage (shim.js) and each runs as one execution, its answer
 * posted back — unless the sidebar has since been closed or replaced, as in Apps Script. A classic script
 * loaded before app.js, which calls sidebarFrame().
 */

/**
 * Wires the frame and its close button; returns what opens and closes the sidebar.
 * @param {(name: string, args: unknown[], via: string) => Promise<import('../api').RunResponse>} runFunction  runs one function of the add-on
 * @returns {{ openSidebar: (id: number, title: string) => void, closeSidebar: () => void }}
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function sidebarFrame(runFunction) {
  const frame = /** @type {HTMLIFrameElement} */ ($('sidebar-frame'));
  /** Counts the sidebars opened and closed: an answer goes only to the sidebar that asked. */
  let sidebarGeneration = 0;

  /** @param {number} id @param {string} title */
  function openSidebar(id, title) {
    sidebarGeneration++;
    $('sidebar-title').textContent = title || 'Sidebar';
    $('sidebar-panel').hidden = false;
    frame.src = `/sidebar/${id}`;
  }

  function closeSidebar() {
    sidebarGeneration++;
    $('sidebar-panel').hidden = true;
    frame.src = 'about:blank';
  }

  $('sidebar-close').addEventListener('click', closeSidebar);

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data) return;
    const run = event.data.chatRosterRun;
    if (run && typeof run.name === 'string' && typeof run.id === 'number') {
      const generation = sidebarGeneration;
      const reply = (/** @type {object} */ answer) => {
        // A reply for a sidebar that has since been closed or replaced goes nowhere, as in Apps Script.
        if (generation === sidebarGeneration && frame.contentWindow) {
          frame.contentWindow.postMessage({ chatRosterReply: { id: run.id, ...answer } }, '*');
        }
      };
      runFunction(run.name, Array.isArray(run.args) ? run.args : [], 'sidebar')
        .then((answer) => reply(answer.error !== undefined ? { error: answer.error } : { value: answer.value }))
        .catch((error) => reply({ error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const host = event.data.chatRosterHost;
    if (host && host.action === 'close') closeSidebar();
  });
  return { openSidebar, closeSidebar };
}
