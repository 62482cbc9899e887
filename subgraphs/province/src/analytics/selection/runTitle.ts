import { checkDisplayText } from '../../text/displayText';

export const RUN_TITLE_MAX = 200;

/** The title a run is stored under (trimmed), or BAD_USER_INPUT naming `title` (and any control or bidi character, where). */
export function checkRunTitle(title: string): string {
  return checkDisplayText(title, 'title', RUN_TITLE_MAX, { pinpoint: true });
}
