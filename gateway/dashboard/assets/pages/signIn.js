// The sign-in form: a key (dzk_…) or a token, kept for this tab only. On this machine, with npm
// start's development credential, the form comes pre-filled (as GraphiQL sends it by itself).
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';

export function renderSignIn(container, { devCredential, message, signIn }) {
  const input = h('input', {
    id: 'credential',
    name: 'credential',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'dzk_…',
    value: devCredential ?? '',
    required: true,
  });
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert', hidden: !message }, message ?? '');
  const submit = h('button', { type: 'submit', id: 'sign-in-submit', class: 'primary' }, t('signIn.submit'));
  const form = h(
    'form',
    {
      id: 'sign-in-form',
      class: 'card sign-in',
      onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        error.hidden = true;
        const refusal = await signIn(input.value);
        submit.disabled = false;
        if (refusal) {
          error.textContent = refusal;
          error.hidden = false;
        }
      },
    },
    h('h2', {}, t('signIn.title')),
    h('p', {}, t('signIn.intro')),
    h('label', { for: 'credential' }, t('signIn.credential')),
    input,
    devCredential && h('p', { class: 'hint', id: 'dev-credential-hint' }, t('signIn.devCredential')),
    h('p', { class: 'hint' }, t('signIn.help')),
    error,
    submit,
  );
  replaceChildren(container, form);
  input.focus();
}
