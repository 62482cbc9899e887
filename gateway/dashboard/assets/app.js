/* global document, window, history, location, URLSearchParams */
// The dashboard's shell: sign-in, header (navigation, zone picker, language), routing between
// pages by path under the base path, and the source panel every page opens figures in.
import { disposeCharts } from './charts.js';
import { h, replaceChildren, select } from './dom.js';
import { localName } from './format.js';
import { createGraphQLClient } from './graphqlClient.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { renderCompare } from './pages/compare.js';
import { renderSelection } from './pages/selection.js';
import { renderSignIn } from './pages/signIn.js';
import { renderSourceDocument, renderSources } from './pages/sources.js';
import { renderZone } from './pages/zone.js';
import { errorBox } from './pages/common.js';
import { authorizationFor, forgetAuthorization, storeAuthorization, storedAuthorization } from './session.js';
import { createSourcePanel } from './sourcePanel.js';

const config = JSON.parse(document.getElementById('dashboard-config').textContent);
const client = createGraphQLClient({ endpoint: config.endpoint, operations: config.operations, authorization: storedAuthorization });
const panel = createSourcePanel({ client, basePath: config.basePath, onLink: followLink });
const header = h('header', { class: 'app-header' });
const main = h('main', { id: 'main', class: 'app-main' });
replaceChildren(document.getElementById('app'), header, main, panel.element);

/** What every page needs once signed in: provinces, zones and the indicator catalogue. */
let session = null;
/** Why the analyst is asked to sign in again (a refused or expired credential). */
let signInMessage = null;
let renderCount = 0;

function currentRoute() {
  const path = location.pathname.startsWith(config.basePath) ? location.pathname.slice(config.basePath.length) : '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'compare' && parts.length === 1)) return { page: 'compare' };
  if (parts[0] === 'zones' && parts.length === 2) return { page: 'zone', zoneId: parts[1] };
  if (parts[0] === 'selection' && parts.length === 1) return { page: 'selection' };
  if (parts[0] === 'sources' && parts.length === 1) return { page: 'sources' };
  if (parts[0] === 'sources' && parts.length === 2) return { page: 'source', fileName: parts[1] };
  return { page: 'notFound' };
}

function navigate(path, { replace = false } = {}) {
  const url = path.startsWith(config.basePath) ? path : `${config.basePath}${path}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

/** Follows a link inside the page without reloading it (new tabs and modified clicks left to the browser). */
function followLink(event, href) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
}

function link(path, label, props = {}) {
  const href = path === '/' ? config.basePath : `${config.basePath}${path}`;
  return h('a', { ...props, href, onclick: (event) => followLink(event, href) }, label);
}

function setQuery(params) {
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function signOut() {
  forgetAuthorization();
  session = null;
  signInMessage = null;
  void render();
}

async function loadSession() {
  const { data } = await client.run('session');
  const zones = data.provinces.flatMap((province) => province.zones.map((zone) => ({ ...zone, province })));
  return {
    provinces: data.provinces,
    zones,
    zoneById: new Map(zones.map((zone) => [zone.id, zone])),
    catalogueList: data.indicatorCatalogue,
    catalogue: new Map(data.indicatorCatalogue.map((definition) => [definition.code, definition])),
  };
}

async function signIn(pasted) {
  const authorization = authorizationFor(pasted);
  if (!authorization) return t('signIn.empty');
  storeAuthorization(authorization);
  try {
    session = await loadSession();
    signInMessage = null;
    void render();
    return null;
  } catch (error) {
    forgetAuthorization();
    session = null;
    return error.kind === 'unauthenticated' ? `${t('signIn.refused')} ${error.message}` : error.message;
  }
}

function renderHeader(route) {
  const signedIn = session !== null;
  const current = (page) => (route.page === page ? 'page' : null);
  const zonePicker = signedIn
    ? select(
        {
          id: 'zone-picker',
          'aria-label': t('nav.zonePicker'),
          onchange: (event) => event.target.value && navigate(`/zones/${encodeURIComponent(event.target.value)}`),
        },
        [
          ['', t('nav.zonePicker')],
          ...session.provinces.flatMap((province) => province.zones.map((zone) => [zone.id, `${localName(province)} · ${localName(zone)}`])),
        ],
        route.page === 'zone' ? route.zoneId : '',
      )
    : null;
  replaceChildren(
    header,
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, '★'), h('h1', {}, t('app.title')), h('span', { class: 'brand-sub' }, t('app.subtitle'))),
    signedIn &&
      h(
        'nav',
        { class: 'app-nav' },
        link('/', t('nav.compare'), { 'aria-current': current('compare') }),
        zonePicker,
        link('/selection', t('nav.selection'), { 'aria-current': current('selection') }),
        link('/sources', t('nav.sources'), { 'aria-current': current('sources') ?? current('source') }),
      ),
    h(
      'div',
      { class: 'header-actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'language-toggle',
          class: 'header-button',
          title: t('nav.languageHelp'),
          onclick: () => {
            setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
            void render();
          },
        },
        t('nav.otherLanguage'),
      ),
      signedIn && h('button', { type: 'button', id: 'sign-out', class: 'header-button', onclick: signOut }, t('nav.signOut')),
    ),
  );
}

/** Shows a failed request: a refused credential sends the analyst back to sign in, with the reason. */
function failure(container, error) {
  if (error?.kind === 'unauthenticated') {
    forgetAuthorization();
    session = null;
    signInMessage = `${t('signIn.expired')} ${error.message}`;
    void render();
    return;
  }
  replaceChildren(container, errorBox(error));
}

async function render() {
  const token = ++renderCount;
  const route = currentRoute();
  disposeCharts();
  panel.close();
  document.title = t('app.title');
  if (!storedAuthorization()) session = null;
  if (storedAuthorization() && !session) {
    renderHeader(route);
    replaceChildren(main, h('p', { class: 'loading' }, t('common.loading')));
    try {
      session = await loadSession();
    } catch (error) {
      if (token !== renderCount) return;
      if (error.kind === 'unauthenticated') {
        forgetAuthorization();
        signInMessage = `${t('signIn.expired')} ${error.message}`;
      } else {
        replaceChildren(main, errorBox(error));
        return;
      }
    }
    if (token !== renderCount) return;
  }
  renderHeader(route);
  if (!session) {
    renderSignIn(main, { devCredential: config.devCredential, message: signInMessage, signIn });
    return;
  }
  const page = h('div', { class: `page page-${route.page}` });
  replaceChildren(main, page);
  const context = {
    client,
    session,
    basePath: config.basePath,
    route,
    query: new URLSearchParams(location.search),
    setQuery,
    navigate,
    link,
    followLink,
    openSource: (source) => panel.open(source),
    isCurrent: () => token === renderCount,
    fail: (container, error) => failure(container, error),
  };
  if (route.page === 'compare') renderCompare(page, context);
  else if (route.page === 'zone') renderZone(page, context);
  else if (route.page === 'selection') renderSelection(page, context);
  else if (route.page === 'sources') renderSources(page, context);
  else if (route.page === 'source') renderSourceDocument(page, context);
  else replaceChildren(page, h('p', { class: 'error' }, t('common.notFound')));
}

window.addEventListener('popstate', () => void render());
void render();
