/** One text per CLDR plural category the language uses; `#` stands for the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** plural('ru', 3, { one: '# минута', few: '# минуты', many: '# минут', other: '# минуты' }) → '3 минуты'. */
export function plural(language: string, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form.replace('#', String(count));
}
