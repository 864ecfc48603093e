import type { ServerFrame } from '../protocol/frames.ts';

const serialized = new WeakMap<object, string>();

/** JSON of a frame, computed once however many sockets send the same frame object. */
export function serializeFrame(frame: ServerFrame): string {
  let json = serialized.get(frame);
  if (json === undefined) {
    json = JSON.stringify(frame);
    serialized.set(frame, json);
  }
  return json;
}
