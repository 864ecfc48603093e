// A small single-page app: three "pages" switched with history.pushState (the widget is created once and
// survives every route change), a sign-in form, and the Parley host API:
//   sign in  → Parley('identify', { id, hash, email, name }) with the hash the server computed
//   sign out → Parley('reset')
//   events   → Parley('on', …): an unread count on the Help button, and a log of every event.
// Everything the page shows is set with textContent, never as HTML.

/** @type {{ user: { id: string, email: string, name: string, plan: string } | null, parley: object | null }} */
let session = JSON.parse(document.getElementById('acme-session')?.textContent || '{"user":null,"parley":null}');

const page = /** @type {HTMLElement} */ (document.getElementById('page'));
const eventLog = /** @type {HTMLOListElement} */ (document.getElementById('parley-events'));
const unreadBadge = /** @type {HTMLElement} */ (document.querySelector('[data-testid="help-unread"]'));
const helpButton = /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid="help-button"]'));

// ---- Parley events --------------------------------------------------------------------------------

function logEvent(text) {
  const item = document.createElement('li');
  item.textContent = text;
  eventLog.append(item);
}

Parley('on', 'ready', () => logEvent('ready'));
Parley('on', 'open', () => logEvent('open'));
Parley('on', 'close', () => logEvent('close'));
Parley('on', 'message', (message) => logEvent(`message ${message.senderName ?? 'Agent'}: ${message.body}`));
Parley('on', 'unread', (count) => {
  logEvent(`unread ${count}`);
  unreadBadge.hidden = count === 0;
  unreadBadge.textContent = count === 0 ? '' : String(count);
  helpButton.setAttribute('aria-label', count === 0 ? 'Help' : `Help, ${count} unread`);
});

helpButton.addEventListener('click', () => Parley('open'));

// ---- Pages ----------------------------------------------------------------------------------------

/** element('a', { href, dataset: { link: '' } }, 'text', …): properties, data attributes, then children. */
function element(tag, { dataset = {}, ...properties } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

function link(href, text) {
  return element('a', { href, dataset: { link: '' } }, text);
}

function homePage() {
  return [
    element('h1', {}, session.user ? `Welcome back, ${session.user.name}` : 'Your Acme account'),
    element(
      'p',
      {},
      'Track your orders and servicing. Questions? Use the chat bubble: when you are signed in, our team sees who you are, ',
      'and your conversation follows you to your phone.',
    ),
    session.user ? link('/app/orders', 'See your orders') : link('/app/account', 'Sign in'),
  ];
}

function ordersPage() {
  if (!session.user)
    return [
      element('h1', {}, 'Orders'),
      element('p', {}, 'Sign in to see your orders. '),
      link('/app/account', 'Sign in'),
    ];
  return [
    element('h1', {}, 'Your orders'),
    element(
      'ul',
      { className: 'orders' },
      element('li', {}, `#4711 · The ${session.user.plan} · delivered`),
      element('li', {}, '#4820 · Spare chain · on its way'),
    ),
  ];
}

function accountPage() {
  if (session.user) {
    const signOut = element(
      'button',
      { type: 'button', className: 'button', dataset: { testid: 'sign-out' } },
      'Sign out',
    );
    signOut.addEventListener('click', signOutNow);
    return [
      element('h1', {}, 'Account'),
      element(
        'p',
        { className: 'signed-in' },
        `Signed in as ${session.user.name} (${session.user.email}), plan ${session.user.plan}.`,
      ),
      session.parley
        ? ''
        : element(
            'p',
            { className: 'setup-note' },
            'PARLEY_IDENTITY_SECRET is not set, so the chat does not know who you are.',
          ),
      signOut,
    ];
  }
  const error = element('p', { className: 'form-error', dataset: { testid: 'sign-in-error' } });
  error.setAttribute('role', 'alert');
  const form = element(
    'form',
    { className: 'sign-in', noValidate: true, dataset: { testid: 'sign-in-form' } },
    element(
      'label',
      {},
      'Email',
      element('input', { type: 'email', name: 'email', autocomplete: 'username', required: true }),
    ),
    element(
      'label',
      {},
      'Password',
      element('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
    ),
    element('button', { type: 'submit', className: 'button' }, 'Sign in'),
    error,
    element('p', { className: 'hint' }, 'Try ann@acme.test or ben@acme.test, password ride-on.'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    error.textContent = await signIn(String(data.get('email')), String(data.get('password')));
  });
  return [element('h1', {}, 'Sign in'), form];
}

const routes = { '/app/': homePage, '/app/orders': ordersPage, '/app/account': accountPage };

function render() {
  const view = routes[location.pathname] ?? (() => [element('h1', {}, 'Not found'), link('/app/', 'Home')]);
  page.replaceChildren(...view());
  document.title = `${page.querySelector('h1')?.textContent ?? 'Acme'} — Acme Bikes`;
  /** @type {HTMLElement} */ (document.querySelector('[data-testid="signed-in-as"]')).textContent = session.user
    ? session.user.name
    : '';
  for (const anchor of document.querySelectorAll('nav a')) {
    anchor.toggleAttribute('aria-current', anchor.getAttribute('href') === location.pathname);
  }
}

function navigate(path) {
  if (path !== location.pathname) history.pushState(null, '', path);
  render();
  page.focus();
}

// Same-origin links with data-link change the route without loading a page.
document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[data-link]') : null;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  event.preventDefault();
  navigate(anchor.getAttribute('href'));
});
window.addEventListener('popstate', render);

// ---- Signing in and out ---------------------------------------------------------------------------

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { ok: response.ok, body: await response.json().catch(() => ({})) };
}

/** Returns an error message, or '' once signed in. */
async function signIn(email, password) {
  const answer = await post('/app/api/login', { email, password });
  if (!answer.ok) return answer.body.error ?? 'Could not sign in.';
  session = answer.body;
  // The hash comes from our server, which holds the inbox's identity secret; the page never sees the secret.
  if (session.parley) Parley('identify', session.parley);
  Parley('setAttributes', { plan: session.user.plan });
  navigate('/app/orders');
  return '';
}

async function signOutNow() {
  await post('/app/api/logout', {});
  session = { user: null, parley: null };
  // Forget this browser's Parley visitor: the next person here starts a new, anonymous chat.
  Parley('reset');
  navigate('/app/');
}

render();
