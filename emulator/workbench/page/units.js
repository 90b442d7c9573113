// @ts-check
/**
 * The workbench page's units panel: the Directory's organisational units with the people in each, and a form
 * to move a person to another unit as an administrator does in the Admin console — so a newcomer sees a Rules
 * row such as `ou:/Sales` enrol someone at the next sync. A classic script loaded before app.js, which calls
 * unitsPanel(). Built with DOM APIs; every text goes in as textContent, title or value.
 */

/**
 * Builds the panel into `container` once and returns what shows each new list of units.
 * @param {HTMLElement} container
 * @param {(move: import('../api').MoveRequest) => Promise<void>} send  moves the person, then refreshes the page
 * @returns {(units: import('../api').UnitView[]) => void}
 */
// Called from app.js: a global of the page, as classic scripts share one.
// eslint-disable-next-line no-unused-vars
function unitsPanel(container, send) {
  /** @param {string} path */
  const depth = (path) => path.split('/').filter(Boolean).length;

  const title = el('div', undefined, 'units-title');
  title.append(el('span', 'Organisational units'), el('span', 'Directory', 'muted'));
  const hint = el('p', 'Rules with ou:/Path enrol the people of that unit; move someone, then Advance 1 hour (the nightly sync).', 'units-hint muted');
  const list = el('ul', undefined, 'plain unit-list');
  list.id = 'unit-list';

  const form = el('form', undefined, 'units-move');
  form.id = 'units-move';
  const fieldset = el('fieldset');
  const person = el('select');
  person.id = 'units-person';
  person.setAttribute('aria-label', 'Person to move');
  const target = el('select');
  target.id = 'units-target';
  target.setAttribute('aria-label', 'Unit to move them to');
  const move = el('button', 'Move');
  move.type = 'submit';
  move.id = 'units-move-button';
  fieldset.append(el('span', 'Move'), person, el('span', 'to'), target, move);
  form.append(fieldset);
  container.replaceChildren(title, hint, list, form);

  /** where each person is now, to offer only real moves @type {Map<string, string>} */
  let unitOf = new Map();
  const offerMove = () => { move.disabled = !person.value || unitOf.get(person.value) === target.value; };
  person.addEventListener('change', offerMove);
  target.addEventListener('change', offerMove);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Disabled while the move travels, so clicks can't overtake it.
    fieldset.disabled = true;
    container.dataset.busy = 'true';
    send({ email: person.value, orgUnitPath: target.value }).finally(() => {
      fieldset.disabled = false;
      delete container.dataset.busy;
      offerMove();
    });
  });

  /**
   * Replaces a select's options when they changed, keeping the choice when it is still offered.
   * @param {HTMLSelectElement} select @param {string[]} values @param {(value: string) => string} label
   */
  function options(select, values, label) {
    const now = Array.from(select.options, (option) => option.value);
    if (now.length === values.length && now.every((value, index) => value === values[index])) return;
    const kept = select.value;
    select.replaceChildren(...values.map((value) => Object.assign(el('option', label(value)), { value })));
    if (values.includes(kept)) select.value = kept;
  }

  /** The address's name part: the panel is narrow, and the Directory holds one domain's people. @param {string} email */
  const short = (email) => (email.lastIndexOf('@') > 0 ? email.slice(0, email.lastIndexOf('@')) : email);

  /** A person in a unit, the whole address on hover. @param {import('../api').PersonView} p */
  function chip(p) {
    const item = el('li', short(p.email), p.note ? `person ${p.note}` : 'person');
    item.dataset.person = p.email;
    item.title = p.note ? `${p.email} (${p.note})` : p.email;
    // Picking someone in the list picks them in the form.
    item.addEventListener('click', () => { person.value = p.email; offerMove(); });
    return item;
  }

  return (units) => {
    unitOf = new Map(units.flatMap((unit) => unit.people.map((p) => /** @type {[string, string]} */ ([p.email, unit.path]))));
    list.replaceChildren(...units.map((unit) => {
      const item = el('li', undefined, 'unit');
      item.dataset.unit = unit.path;
      const path = el('span', unit.path, 'unit-path');
      path.style.paddingLeft = `${Math.max(0, depth(unit.path) - 1) * 10}px`;
      const people = el('ul', undefined, 'plain unit-people');
      if (unit.people.length === 0) people.append(el('li', 'nobody', 'muted'));
      people.append(...unit.people.map(chip));
      item.append(path, people);
      return item;
    }));
    options(person, [...unitOf.keys()].sort(), short);
    options(target, units.map((unit) => unit.path), (path) => path);
    offerMove();
  };
}
