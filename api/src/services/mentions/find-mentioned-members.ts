export interface MentionableMember {
  id: string;
  name: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * The members named as `@Full Name` in a text (any case), in the order first named. At each `@` the
 * longest matching name wins, so "@Ann Lee" names Ann Lee and not Ann. A name must end at a word boundary.
 */
export function findMentionedMembers(text: string, members: readonly MentionableMember[]): MentionableMember[] {
  const candidates = members
    .map((member) => ({ member, name: member.name.trim().toLocaleLowerCase() }))
    .filter((candidate) => candidate.name !== '')
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLocaleLowerCase();
  const found = new Map<string, MentionableMember>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text[at - 1] ?? '')) continue;
    const match = candidates.find(({ name }) => {
      if (!lower.startsWith(name, at + 1)) return false;
      const next = text[at + 1 + name.length];
      return next === undefined || !WORD_CHARACTER.test(next);
    });
    if (match && !found.has(match.member.id)) found.set(match.member.id, match.member);
  }
  return [...found.values()];
}
