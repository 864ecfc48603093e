// The widget's emoji set, search and recents are plain TypeScript with no imports of their own: the console
// uses the same modules so agents and visitors see the same emoji under the same keywords.
export { CATEGORIES, type CategoryKey, EMOJI } from '../../../widget/src/emoji/emoji-data.ts';
export { nextCell } from '../../../widget/src/emoji/emoji-grid-keys.ts';
export { readRecents, rememberRecent } from '../../../widget/src/emoji/emoji-recents.ts';
export { searchEmoji } from '../../../widget/src/emoji/emoji-search.ts';
