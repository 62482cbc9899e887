/* global document */
// The source articles: a list, and one article's full text (from GraphQL sourceDocument) with the
// quoted passage highlighted when the link names one (?passage=).
import { h, replaceChildren } from '../dom.js';
import { localName } from '../format.js';
import { t } from '../i18n.js';
import { locatePassage } from '../passage.js';
import { card } from './common.js';

export function renderSources(page, context) {
  replaceChildren(page, h('h2', { class: 'page-title' }, t('sources.title')), h('p', { class: 'loading' }, t('common.loading')));
  context.client.run('sourceDocuments').then(
    ({ data }) => {
      if (!context.isCurrent()) return;
      replaceChildren(
        page,
        h('h2', { class: 'page-title' }, t('sources.title')),
        h('p', { class: 'page-intro' }, t('sources.intro')),
        h(
          'ul',
          { class: 'source-list', id: 'source-list' },
          data.sourceDocuments.map((article) =>
            h(
              'li',
              { dataset: { fileName: article.fileName } },
              context.link(`/sources/${encodeURIComponent(article.fileName)}`, article.title),
              h('div', { class: 'secondary' }, [article.date, article.publisher, article.byline, article.fileName].filter(Boolean).join(' · ')),
              h('div', { class: 'secondary' }, zoneNames(article.zoneIds, context)),
            ),
          ),
        ),
      );
    },
    (error) => context.isCurrent() && context.fail(page, error),
  );
}

function zoneNames(zoneIds, context) {
  return zoneIds.map((id) => localName(context.session.zoneById.get(id)) || id).join('、');
}

export function renderSourceDocument(page, context) {
  const { fileName } = context.route;
  const passage = context.query.get('passage');
  replaceChildren(page, h('p', { class: 'loading' }, t('common.loading')));
  context.client.run('sourceDocument', { fileName }).then(
    ({ data }) => {
      if (!context.isCurrent()) return;
      const article = data.sourceDocument;
      const located = passage ? locatePassage(article.text, passage) : null;
      const text = located
        ? [
            article.text.slice(0, located.start),
            h('mark', { id: 'quoted-passage' }, article.text.slice(located.start, located.end)),
            article.text.slice(located.end),
          ]
        : [article.text];
      replaceChildren(
        page,
        h('p', {}, context.link('/sources', `← ${t('sources.title')}`)),
        h('h2', { class: 'page-title', id: 'source-title' }, article.title),
        article.subtitle && h('p', { class: 'subtitle' }, article.subtitle),
        card(
          null,
          h(
            'dl',
            { class: 'facts' },
            [
              [t('sources.date'), `${article.date}`],
              [t('sources.dateBasis'), article.dateBasis],
              [t('sources.publisher'), article.publisher ?? '—'],
              [t('sources.byline'), article.byline ?? '—'],
              [t('sources.fileName'), article.fileName],
              [t('sources.zones'), zoneNames(article.zoneIds, context) || '—'],
            ].map(([label, value]) => h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value))),
          ),
        ),
        passage && !located && h('p', { class: 'notice warning' }, t('source.passageNotFound')),
        card(t('sources.fullText'), h('div', { class: 'article-text', id: 'article-text' }, text)),
      );
      document.getElementById('quoted-passage')?.scrollIntoView({ block: 'center' });
    },
    (error) => context.isCurrent() && context.fail(page, error),
  );
}
