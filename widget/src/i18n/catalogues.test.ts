import { afterAll, describe, expect, it } from 'vitest';
import { describeAway, describeQueue } from '../ui/routing-text.ts';
import { LANGUAGES } from './locales.ts';
import { loadStrings, strings } from './strings.ts';

afterAll(() => loadStrings('en'));

// A placeholder lost in a translation would drop the agent's name, the email or the time from a sentence.
const TEXT = '⟨a⟩';
const OTHER_TEXT = '⟨b⟩';
/** The texts taking a count first; the others take only texts. */
const COUNTED = new Set(['titleNotice', 'waitMinutes', 'waitHours']);

describe.each(LANGUAGES)('the %s catalogue', (language) => {
  it('keeps every placeholder and fills every text', async () => {
    await loadStrings(language);
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value === 'string') {
        expect(value.trim(), key).not.toBe('');
      } else if (key === 'queuePosition') {
        // Russian says how many are ahead (position - 1), so only "some number" is certain.
        for (const position of [1, 2, 3, 5, 11, 21, 100]) expect(strings.queuePosition(position)).not.toMatch(/#|NaN/);
      } else {
        const args = COUNTED.has(key) ? [37, TEXT] : [TEXT, OTHER_TEXT];
        const text = (value as (...args: unknown[]) => string)(...args.slice(0, value.length));
        for (const arg of args.slice(0, value.length)) expect(text, key).toContain(String(arg));
        expect(text, key).not.toMatch(/#|undefined/);
      }
    }
  });
});

describe('sentences in the visitor’s language', () => {
  // 2026-03-04 is a Wednesday.
  const wednesdayEvening = new Date('2026-03-04T19:00:00Z');

  it('Russian: people ahead in line and minutes agree with their numbers', async () => {
    await loadStrings('ru');
    expect(describeQueue(1, null)).toBe('Ваша очередь — следующая');
    expect(describeQueue(2, 60)).toBe('Перед вами 1 человек · примерно 1 минута');
    expect(describeQueue(3, 180)).toBe('Перед вами 2 человека · примерно 3 минуты');
    expect(describeQueue(6, 300)).toBe('Перед вами 5 человек · примерно 5 минут');
    expect(describeQueue(22, 21 * 60)).toBe('Перед вами 21 человек · примерно 21 минута');
  });

  it('Russian: the day the team is back, in the accusative', async () => {
    await loadStrings('ru');
    const friday = new Date('2026-03-06T08:00:00Z');
    expect(describeAway(friday.toISOString(), wednesdayEvening, 'ru', 'UTC')).toBe(
      'Сейчас нас нет на месте. Вернёмся в пятницу в 08:00.',
    );
    const tuesday = new Date('2026-03-10T08:00:00Z');
    expect(describeAway(tuesday.toISOString(), wednesdayEvening, 'ru', 'UTC')).toBe(
      'Сейчас нас нет на месте. Вернёмся во вторник в 08:00.',
    );
  });

  it('German, Spanish and Portuguese name the day with their own words and clock', async () => {
    const thursday = new Date('2026-03-05T08:00:00Z').toISOString();
    const saturday = new Date('2026-03-07T13:00:00Z').toISOString();
    await loadStrings('de');
    expect(describeAway(thursday, wednesdayEvening, 'de-AT', 'UTC')).toBe(
      'Wir sind gerade nicht erreichbar. Wir sind morgen um 08:00 wieder da.',
    );
    await loadStrings('es');
    expect(describeAway(saturday, wednesdayEvening, 'es', 'UTC')).toBe(
      'Ahora mismo no estamos disponibles. Volveremos el sábado a las 13:00.',
    );
    await loadStrings('pt');
    expect(describeAway(saturday, wednesdayEvening, 'pt-BR', 'UTC')).toBe(
      'No momento, estamos ausentes. Voltamos no sábado às 13:00.',
    );
  });

  it('Arabic: minutes in the dual and the plural', async () => {
    await loadStrings('ar');
    expect(strings.waitMinutes(2)).toBe('حوالي دقيقتين');
    expect(strings.waitMinutes(5)).toBe('حوالي 5 دقائق');
    expect(strings.waitMinutes(15)).toBe('حوالي 15 دقيقة');
  });
});
