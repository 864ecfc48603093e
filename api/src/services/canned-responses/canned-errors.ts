import { AppError } from '../../app-error.ts';

// Another workspace's response, and another agent's personal one, answer exactly like a missing one.
export const cannedNotFound = () => new AppError('canned/not_found', 'No such canned response.');

const SHORTCUT_INDEXES = new Set(['canned_responses_shared_shortcut', 'canned_responses_personal_shortcut']);

/** The unique shortcut indexes speak as `canned/shortcut_taken`. */
export async function refuseTakenShortcut<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === '23505' && constraint && SHORTCUT_INDEXES.has(constraint)) {
      throw new AppError('canned/shortcut_taken', 'A canned response with this shortcut already exists here.');
    }
    throw error;
  }
}
