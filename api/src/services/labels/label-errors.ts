import { AppError } from '../../app-error.ts';

// A foreign id answers exactly like a missing one.
export const labelNotFound = () => new AppError('label/not_found', 'No such label.');

/** The unique index on (workspace, lower(name)) speaks as `label/name_taken`. */
export async function refuseTakenLabelName<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'labels_name') {
      throw new AppError('label/name_taken', 'A label with this name already exists.');
    }
    throw error;
  }
}
