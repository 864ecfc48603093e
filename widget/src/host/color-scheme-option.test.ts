import { describe, expect, it } from 'vitest';
import type { ParleyInitOptions } from '../../parley.d.ts';
import { parseInitOptions } from './init-options.ts';

describe("init's colorScheme option", () => {
  it("keeps 'light' and 'dark' and drops the default 'auto'", () => {
    const dark: ParleyInitOptions = { siteKey: 'pk_1', colorScheme: 'dark' }; // as parley.d.ts types it
    expect(parseInitOptions(dark)).toEqual({ siteKey: 'pk_1', colorScheme: 'dark' });
    expect(parseInitOptions({ siteKey: 'pk_1', colorScheme: 'light' })).toEqual({
      siteKey: 'pk_1',
      colorScheme: 'light',
    });
    expect(parseInitOptions({ siteKey: 'pk_1', colorScheme: 'auto' })).toEqual({ siteKey: 'pk_1' });
  });

  it('rejects anything else with a readable error', () => {
    for (const colorScheme of ['Dark', 'system', true, null]) {
      expect(() => parseInitOptions({ siteKey: 'pk_1', colorScheme })).toThrow(
        "Parley: the 'colorScheme' option must be 'light', 'dark' or 'auto'",
      );
    }
  });
});
