import type { GraphQLResolveInfo } from 'graphql';
import { selectsAnyField } from './selectsAnyField';

/** Figure-cell fields that show a figure's texts: without one of them selected, the zones are asked for values only. */
export const FIGURE_TEXT_FIELDS: ReadonlySet<string> = new Set(['periodBasis', 'note', 'passage', 'computation']);

/** Whether the answer below the field being resolved may show a figure's texts (see FIGURE_TEXT_FIELDS). */
export function showsFigureTexts(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  return selectsAnyField(info, FIGURE_TEXT_FIELDS);
}
