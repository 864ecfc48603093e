import { describe, expect, it } from 'vitest';
import type { ParleyInitOptions } from '../../parley.d.ts';
import { parseInitOptions } from '../host/init-options.ts';

describe("init's titleNotice and sound options", () => {
  it('are on unless the host page says false', () => {
    expect(parseInitOptions({ siteKey: 'pk_1' })).toEqual({ siteKey: 'pk_1' });
    expect(parseInitOptions({ siteKey: 'pk_1', titleNotice: true, sound: true })).toEqual({ siteKey: 'pk_1' });
    const quiet: ParleyInitOptions = { siteKey: 'pk_1', titleNotice: false, sound: false }; // as parley.d.ts types it
    expect(parseInitOptions(quiet)).toEqual({
      siteKey: 'pk_1',
      titleNotice: false,
      sound: false,
    });
  });

  it('must be true or false', () => {
    expect(() => parseInitOptions({ siteKey: 'pk_1', sound: 'off' })).toThrow(
      "Parley: the 'sound' option must be true or false",
    );
    expect(() => parseInitOptions({ siteKey: 'pk_1', titleNotice: 0 })).toThrow(
      "Parley: the 'titleNotice' option must be true or false",
    );
  });
});
