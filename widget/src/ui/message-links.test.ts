import { describe, expect, it } from 'vitest';
import { splitLinks } from './message-links.ts';

describe('splitLinks', () => {
  it('leaves text without links as one piece', () => {
    expect(splitLinks('Hello, how can I help?')).toEqual(['Hello, how can I help?']);
  });

  it('finds http, https and mailto links between words', () => {
    expect(splitLinks('See https://shop.example/a?b=1#c or http://x.example, mail mailto:help@shop.example')).toEqual([
      'See ',
      { href: 'https://shop.example/a?b=1#c' },
      ' or ',
      { href: 'http://x.example' },
      ', mail ',
      { href: 'mailto:help@shop.example' },
    ]);
  });

  it('leaves sentence punctuation out of the link', () => {
    expect(splitLinks('Go to https://example.com/help.')).toEqual([
      'Go to ',
      { href: 'https://example.com/help' },
      '.',
    ]);
    expect(splitLinks('(https://example.com/a)!')).toEqual(['(', { href: 'https://example.com/a' }, ')!']);
    expect(splitLinks('https://example.com?!')).toEqual([{ href: 'https://example.com' }, '?!']);
  });

  it('keeps a bracket the link opened itself', () => {
    expect(splitLinks('https://en.wikipedia.org/wiki/Bike_(disambiguation).')).toEqual([
      { href: 'https://en.wikipedia.org/wiki/Bike_(disambiguation)' },
      '.',
    ]);
  });

  it('matches the scheme in any case', () => {
    expect(splitLinks('HTTPS://EXAMPLE.COM')).toEqual([{ href: 'HTTPS://EXAMPLE.COM' }]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'java\tscript:alert(1)',
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror=alert(1)>',
    'xhttps://evil.example',
    'https://',
    'mailto:',
  ])('never makes a link of %s', (attack) => {
    const parts = splitLinks(attack);
    for (const part of parts) {
      if (typeof part !== 'string') expect(part.href).toMatch(/^(https?:\/\/[^\s"<>]+|mailto:\S+)$/i);
    }
    expect(parts.filter((part) => typeof part !== 'string')).toEqual([]);
    expect(parts.join('')).toBe(attack);
  });

  it('stops a link at quotes and angle brackets, so markup around it stays text', () => {
    expect(splitLinks('<a href="https://evil.example">x</a>')).toEqual([
      '<a href="',
      { href: 'https://evil.example' },
      '">x</a>',
    ]);
  });

  it('links the https URL after a javascript: prefix as itself, the prefix stays text', () => {
    expect(splitLinks('javascript:https://example.com')).toEqual(['javascript:', { href: 'https://example.com' }]);
  });

  it('gives back every character of the text', () => {
    const text = 'a https://x.example/p, b mailto:c@d.example; e http://f.example/(g) h.';
    const joined = splitLinks(text)
      .map((part) => (typeof part === 'string' ? part : part.href))
      .join('');
    expect(joined).toBe(text);
  });
});
