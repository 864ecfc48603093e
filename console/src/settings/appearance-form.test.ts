import { describe, expect, test } from 'vitest';
import { accentTextContrast } from './appearance-contrast.ts';
import { checkDraft, hasErrors, keyFromLabel, moveField, newField, toAppearance, toDraft } from './appearance-form.ts';

describe('appearance draft', () => {
  test('round-trips an appearance with a pre-chat form', () => {
    const appearance = {
      color: '#112233',
      position: 'left' as const,
      title: 'Acme',
      greeting: 'Hi',
      logoUrl: 'https://cdn.example.com/logo.png',
      preChatForm: {
        enabled: true,
        fields: [
          { key: 'name', label: 'Name', type: 'text' as const, required: true },
          { key: 'plan', label: 'Plan', type: 'select' as const, required: false, options: ['Free', 'Pro'] },
        ],
      },
    };
    expect(toAppearance(toDraft(appearance))).toEqual(appearance);
  });

  test('keeps a chosen reply time; automatic is left out, so the api computes it', () => {
    expect(toAppearance(toDraft({ replyTime: 'hours' })).replyTime).toBe('hours');
    expect(toDraft({ replyTime: null }).replyTime).toBe('auto');
    expect('replyTime' in toAppearance({ ...toDraft({ replyTime: 'day' }), replyTime: 'auto' })).toBe(false);
  });

  test('new fields ask name, then email, then a custom question', () => {
    const name = newField([]);
    const email = newField([name]);
    const custom = newField([name, email]);
    expect([name.target, email.target, custom.target]).toEqual(['name', 'email', 'custom']);
    expect(email.type).toBe('email');
  });

  test('custom keys come from labels; reordering swaps neighbours and stops at the ends', () => {
    expect(keyFromLabel('Order number #')).toBe('order_number');
    expect(keyFromLabel('2nd Café')).toBe('nd_cafe');
    const fields = [newField([]), newField([])];
    expect(moveField(fields, 0, 1).map((f) => f.id)).toEqual([fields[1]?.id, fields[0]?.id]);
    expect(moveField(fields, 0, -1)).toBe(fields);
  });

  test('names the problems: http logo, unlabelled field, duplicate key, dropdown without choices', () => {
    const draft = toDraft({});
    const a = { ...newField([]), target: 'custom' as const, key: 'plan', label: 'Plan', type: 'select' as const };
    const b = { ...newField([]), target: 'custom' as const, key: 'plan', label: 'Again' };
    const c = { ...newField([]), target: 'custom' as const, key: '', label: '' };
    const errors = checkDraft({ ...draft, logoUrl: 'http://x.test/a.png', preChatEnabled: true, fields: [a, b, c] });
    expect(errors.logoUrl).toMatch(/https/);
    expect(errors.byField[a.id]).toMatch(/choice/);
    expect(errors.byField[b.id]).toMatch(/already/);
    expect(errors.byField[c.id]).toMatch(/label/);
    expect(hasErrors(checkDraft(toDraft({ color: '#4f46e5' })))).toBe(false);
  });
});

describe('accentTextContrast', () => {
  test('white on dark colours, dark text on light ones; mid tones can fail AA', () => {
    expect(accentTextContrast('#4f46e5')).toMatchObject({ text: 'white' });
    expect(accentTextContrast('#4f46e5').ratio).toBeGreaterThan(4.5);
    expect(accentTextContrast('#fde047')).toMatchObject({ text: 'dark' });
    expect(accentTextContrast('#ff0000').ratio).toBeLessThan(5.5);
    expect(accentTextContrast('#808080').ratio).toBeLessThan(4.5);
  });
});
