import { AppError } from '../app-error.ts';
import type { MessageKind } from '../protocol/message-kind.ts';

/** Internal notes are for agents: a visitor's send that asks for one is refused, nothing is stored. */
export function refuseVisitorNote(data: { kind?: MessageKind }): void {
  if (data.kind === 'note') throw new AppError('message/note_not_allowed', 'Only agents can write internal notes.');
}
