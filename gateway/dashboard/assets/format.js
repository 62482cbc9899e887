import { h } from './dom.js';
import { currentLanguage, t } from './i18n.js';

const numberFormats = new Map();

/** 115 → "115", 0.27272 → "0.27"; grouping by the page's language. */
export function formatNumber(value, maximumFractionDigits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const key = `${currentLanguage()}:${maximumFractionDigits}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat(currentLanguage() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits }));
  }
  return numberFormats.get(key).format(value);
}

/** The sign a precision puts before a value: ≥ for a lower bound (2000余), ≈ for an approximate one. */
export function qualifierSign(qualifier) {
  if (qualifier === 'AT_LEAST') return '≥';
  if (qualifier === 'ABOUT') return '≈';
  return '';
}

/** "≥2,000 人", "71%": the value as a reader quotes it. */
export function figureText(value, unitLabel, qualifier) {
  if (value === null || value === undefined) return '—';
  const unit = unitLabel === '%' ? '%' : unitLabel ? ` ${unitLabel}` : '';
  return `${qualifierSign(qualifier)}${formatNumber(value)}${unit}`;
}

/** A small label: precision (EXACT, AT_LEAST, ABOUT), kind (REPORTED, COMPUTED, DERIVED ...) or status. */
export function tag(family, value, title) {
  if (!value) return null;
  return h(
    'span',
    { class: `tag tag-${family} tag-${family}-${value.toLowerCase()}`, title: title ?? t(`${family}.${value}.help`), dataset: { [family]: value } },
    t(`${family}.${value}`),
  );
}

/** The name of something that has nameZh and nameEn, in the page's language. */
export function localName(item) {
  if (!item) return '';
  return currentLanguage() === 'en' ? (item.nameEn ?? item.nameZh) : (item.nameZh ?? item.nameEn);
}

/** "2026-12-02T06:17:07.031Z" → local date and time. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(currentLanguage() === 'zh' ? 'zh-CN' : 'en-GB');
}

const htmlEscapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the one place text becomes HTML: ECharts tooltips. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (char) => htmlEscapes[char]);
}
