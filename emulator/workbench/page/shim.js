// @ts-check
/**
 * google.script.run and google.script.host for a sidebar served by the workbench, injected first into the
 * unmodified Sidebar.html. As in Apps Script, the sidebar runs in a sandboxed frame and each call travels
 * to the outer page (postMessage), which asks the server to run the function as one execution; handlers
 * are called asynchronously with the JSON round-tripped return value, or an Error carrying the message.
 * Runners are immutable: withSuccessHandler etc. return a new runner, google.script.run stays clean.
 */
(function () {
  /** @typedef {{ success?: Function, failure?: Function, userObject?: unknown, hasUserObject: boolean }} Handlers */
  /** @type {Map<number, Handlers>} */
  const waiting = new Map();
  let nextId = 1;

  /**
   * @param {string} name
   * @param {unknown[]} args
   * @param {Handlers} handlers
   */
  function call(name, args, handlers) {
    let payload;
    try {
      // Apps Script sends parameters as JSON-like values; functions and DOM nodes can't cross.
      payload = JSON.parse(JSON.stringify(args, (_key, value) => (value === undefined ? null : value)));
    } catch (error) {
      throw new TypeError(`google.script.run.${name}: parameters must be JSON-like values (${String(error)})`);
    }
    const id = nextId++;
    waiting.set(id, handlers);
    window.parent.postMessage({ chatRosterRun: { id, name, args: payload } }, '*');
  }

  /**
   * @param {Handlers} handlers
   * @returns {any}
   */
  function runner(handlers) {
    const base = {
      /** @param {Function} f */
      withSuccessHandler: (f) => runner({ ...handlers, success: f }),
      /** @param {Function} f */
      withFailureHandler: (f) => runner({ ...handlers, failure: f }),
      /** @param {unknown} o */
      withUserObject: (o) => runner({ ...handlers, userObject: o, hasUserObject: true }),
    };
    return new Proxy(base, {
      get(target, property) {
        if (typeof property !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, property)) return /** @type {any} */ (target)[property];
        if (property === 'then') return undefined; // not a promise
        return (/** @type {unknown[]} */ ...args) => { call(property, args, handlers); };
      },
    });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const reply = event.data && event.data.chatRosterReply;
    if (!reply || !waiting.has(reply.id)) return;
    const handlers = /** @type {Handlers} */ (waiting.get(reply.id));
    waiting.delete(reply.id);
    const extra = handlers.hasUserObject ? [handlers.userObject] : [];
    if (typeof reply.error === 'string') {
      const error = new Error(reply.error);
      if (handlers.failure) handlers.failure(error, ...extra);
      else console.error(`google.script.run: ${reply.error}`);
    } else if (handlers.success) {
      handlers.success(reply.value, ...extra);
    }
  });

  /** @param {string} action @param {unknown} [value] */
  const host = (action, value) => window.parent.postMessage({ chatRosterHost: { action, value } }, '*');
  const w = /** @type {any} */ (window);
  w.google = w.google || {};
  w.google.script = {
    run: runner({ hasUserObject: false }),
    host: {
      origin: window.location.origin,
      close: () => host('close'),
      /** @param {number} height */
      setHeight: (height) => host('setHeight', height),
      /** @param {number} width */
      setWidth: (width) => host('setWidth', width),
      editor: { focus: () => host('focus') },
    },
    url: {
      /** @param {(location: unknown) => void} callback */
      getLocation: (callback) => setTimeout(() => callback({ hash: '', parameter: {}, parameters: {} }), 0),
    },
  };
})();
