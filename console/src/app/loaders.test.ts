import { describe, expect, it } from 'vitest';
import { readNextPath } from './loaders.ts';

describe('readNextPath', () => {
  it('accepts same-site paths only', () => {
    expect(readNextPath('http://x.test/login?next=%2Fsettings%2Finbox')).toBe('/settings/inbox');
    expect(readNextPath('http://x.test/login')).toBe('/conversations');
    expect(readNextPath('http://x.test/login?next=https://evil.test')).toBe('/conversations');
    expect(readNextPath('http://x.test/login?next=//evil.test')).toBe('/conversations');
    expect(readNextPath('http://x.test/login?next=/%5Cevil.test')).toBe('/conversations');
  });
});
