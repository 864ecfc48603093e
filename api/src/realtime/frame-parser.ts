import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { ErrorBody } from '../protocol/errors.ts';

export type ParsedFrame<Frame> = { ok: true; frame: Frame } | { ok: false; id?: string; error: ErrorBody };

/** Turns raw WebSocket data into a frame that matches one of the schemas, or says precisely why not. */
export function createFrameParser<Frame>(schemas: Record<string, TSchema>) {
  const checkers = new Map(Object.entries(schemas).map(([type, schema]) => [type, Compile(schema)]));

  return function parseFrame(raw: string): ParsedFrame<Frame> {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, error: { code: 'frame/malformed', message: 'A frame must be a JSON object.' } };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, error: { code: 'frame/malformed', message: 'A frame must be a JSON object.' } };
    }
    const { type, id } = value as { type?: unknown; id?: unknown };
    const frameId = typeof id === 'string' && id.length <= 64 ? id : undefined;
    const checker = typeof type === 'string' ? checkers.get(type) : undefined;
    if (!checker) {
      return {
        ok: false,
        id: frameId,
        error: { code: 'frame/unknown_type', message: `Unknown frame type ${JSON.stringify(type)}.` },
      };
    }
    if (checker.Check(value)) return { ok: true, frame: value as Frame };
    const [first] = checker.Errors(value);
    if (first?.keyword === 'maxLength' && first.instancePath === '/data/body') {
      return {
        ok: false,
        id: frameId,
        error: {
          code: 'message/too_long',
          message: `The message is longer than ${String(first.params?.limit)} characters.`,
        },
      };
    }
    const where = first?.instancePath ? `${first.instancePath.slice(1).replaceAll('/', '.')}: ` : '';
    return {
      ok: false,
      id: frameId,
      error: { code: 'frame/invalid', message: `${where}${first?.message ?? 'invalid frame'}.` },
    };
  };
}
