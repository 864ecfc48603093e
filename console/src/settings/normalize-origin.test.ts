import { describe, expect, it } from 'vitest';
import { normalizeOrigin } from './normalize-origin.ts';

describe('normalizeOrigin', () => {
  it('keeps a clean origin', () => {
    expect(normalizeOrigin('https://www.example.com')).toEqual({ ok: true, origin: 'https://www.example.com' });
    expect(normalizeOrigin('http://localhost:5174')).toEqual({ ok: true, origin: 'http://localhost:5174' });
  });

  it('drops paths and trailing slashes, lowercases the host', () => {
    expect(normalizeOrigin(' https://Shop.Example.com/pricing?x=1 ')).toEqual({
      ok: true,
      origin: 'https://shop.example.com',
    });
    expect(normalizeOrigin('https://example.com/')).toEqual({ ok: true, origin: 'https://example.com' });
  });

  it('assumes https when no scheme is given', () => {
    expect(normalizeOrigin('example.com')).toEqual({ ok: true, origin: 'https://example.com' });
  });

  it('refuses other schemes and junk', () => {
    expect(normalizeOrigin('')).toMatchObject({ ok: false });
    expect(normalizeOrigin('ftp://example.com')).toMatchObject({ ok: false });
    expect(normalizeOrigin('https://exa mple.com')).toMatchObject({ ok: false });
  });
});
