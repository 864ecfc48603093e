import { describe, expect, test } from 'vitest';
import { checkAttributeRows, toAttributeRows } from './attribute-draft.ts';
import { canMergeOrDelete, deletePhrase, describeContact, isDeletePhraseTyped } from './contact-text.ts';

const id = '0190f5d2-aaaa-4bbb-8ccc-123456abcdef';

describe('describeContact and deletePhrase', () => {
  test('name, else email, else a short visitor tag', () => {
    expect(describeContact({ id, name: ' Ann ', email: 'ann@x.test' })).toBe('Ann');
    expect(describeContact({ id, name: null, email: 'ann@x.test' })).toBe('ann@x.test');
    expect(describeContact({ id, name: '  ', email: null })).toBe('Visitor abcdef');
  });

  test('the delete phrase is the email when there is one', () => {
    expect(deletePhrase({ id, name: 'Ann', email: 'ann@x.test' })).toBe('ann@x.test');
    expect(deletePhrase({ id, name: 'Ann', email: null })).toBe('Ann');
    expect(isDeletePhraseTyped(' ANN@x.test ', 'ann@x.test')).toBe(true);
    expect(isDeletePhraseTyped('ann@x.tes', 'ann@x.test')).toBe(false);
    expect(isDeletePhraseTyped('', '')).toBe(false);
  });

  test('only owners and admins merge or delete', () => {
    expect(canMergeOrDelete('owner')).toBe(true);
    expect(canMergeOrDelete('admin')).toBe(true);
    expect(canMergeOrDelete('agent')).toBe(false);
  });
});

describe('checkAttributeRows', () => {
  test('rows sorted by name become a record; blank rows are dropped', () => {
    expect(toAttributeRows({ plan: 'pro', company: 'Acme' })).toEqual([
      { key: 'company', value: 'Acme' },
      { key: 'plan', value: 'pro' },
    ]);
    expect(
      checkAttributeRows([
        { key: ' plan ', value: 'pro' },
        { key: '', value: ' ' },
      ]),
    ).toEqual({
      ok: true,
      attributes: { plan: 'pro' },
    });
  });

  test('bad names, duplicates, long values and too many rows are refused with the row', () => {
    expect(checkAttributeRows([{ key: 'bad key', value: 'x' }])).toMatchObject({ ok: false, rowIndex: 0 });
    expect(checkAttributeRows([{ key: '', value: 'orphan value' }])).toMatchObject({ ok: false, rowIndex: 0 });
    expect(
      checkAttributeRows([
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ]),
    ).toMatchObject({
      ok: false,
      rowIndex: 1,
    });
    expect(checkAttributeRows([{ key: 'a', value: 'v'.repeat(501) }])).toMatchObject({ ok: false, rowIndex: 0 });
    const many = Array.from({ length: 51 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
    expect(checkAttributeRows(many)).toMatchObject({ ok: false, rowIndex: null });
  });
});
