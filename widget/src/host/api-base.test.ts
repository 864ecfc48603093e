import { describe, expect, it } from 'vitest';
import { deriveApiBase, resolveApiBase } from './api-base.ts';

describe('deriveApiBase', () => {
  it('takes the directory the script was served from', () => {
    expect(deriveApiBase('https://chat.example.com/widget.js')).toBe('https://chat.example.com');
    expect(deriveApiBase('http://localhost:3100/widget.js?v=3')).toBe('http://localhost:3100');
    expect(deriveApiBase('https://example.com/parley/widget.js')).toBe('https://example.com/parley');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(deriveApiBase('data:text/javascript,1')).toBeNull();
    expect(deriveApiBase('not a url')).toBeNull();
  });
});

describe('resolveApiBase', () => {
  it('prefers document.currentScript', () => {
    expect(resolveApiBase({ src: 'https://a.test/widget.js' }, [{ src: 'https://b.test/widget.js' }])).toBe(
      'https://a.test',
    );
  });

  it('falls back to the last script whose src ends with /widget.js', () => {
    const scripts = [
      { src: 'https://cdn.test/jquery.js' },
      { src: 'https://old.test/widget.js' },
      { src: 'https://api.test/widget.js?x=1' },
      { src: '' },
      { src: 'https://cdn.test/not-widget.jsx' },
    ];
    expect(resolveApiBase(null, scripts)).toBe('https://api.test');
    expect(resolveApiBase({}, [])).toBeNull();
  });
});
