import type { RoutingRule, Team } from '@parley/api/protocol';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { setRoutingRules } from '../api/settings-endpoints.ts';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, RouteIcon, TrashIcon } from '../ui/icons.tsx';
import { sortTeams } from './people.ts';
import {
  createRuleDraft,
  describePatternWarning,
  fromRuleDrafts,
  isSameRules,
  MAX_RULES,
  moveItem,
  RULE_FIELDS,
  type RuleDraft,
  type RuleField,
  toRuleDrafts,
} from './routing-rules-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';

interface RoutingRulesCardProps {
  inboxId: string;
  teams: Team[];
  initialRules: RoutingRule[];
  canEdit: boolean;
}

type FocusRequest = { ruleId: string; target: 'up' | 'down' | 'pattern' } | { ruleId: null; target: 'add' };

/** The inbox's rules, tried from the top: the first that matches sends the conversation to its team. */
export function RoutingRulesCard({ inboxId, teams, initialRules, canEdit }: RoutingRulesCardProps) {
  const [saved, setSaved] = useState(initialRules);
  const [drafts, setDrafts] = useState(() => toRuleDrafts(initialRules));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [showErrors, setShowErrors] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const sortedTeams = useMemo(() => sortTeams(teams), [teams]);
  const teamIds = useMemo(() => new Set(teams.map((team) => team.id)), [teams]);

  const result = fromRuleDrafts(drafts, teamIds);
  const errors = showErrors && !result.ok ? result.errors : {};
  const isDirty = !isSameRules(drafts, saved);

  // Moving a row re-inserts its DOM node, which drops the focus: put it back on the same control.
  useEffect(() => {
    if (!focusRequest) return;
    setFocusRequest(null);
    if (focusRequest.target === 'add') {
      addRef.current?.focus();
      return;
    }
    const row = listRef.current?.querySelector(`[data-rule-id="${focusRequest.ruleId}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-action="${focusRequest.target}"]`);
    const fallback = row?.querySelector<HTMLElement>(`[data-action="${focusRequest.target === 'up' ? 'down' : 'up'}"]`);
    (wanted && !(wanted as HTMLButtonElement).disabled ? wanted : fallback)?.focus();
  }, [focusRequest]);

  function update(next: RuleDraft[]) {
    setDrafts(next);
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  }

  function change(id: string, patch: Partial<RuleDraft>) {
    update(drafts.map((draft) => (draft.id === id ? { ...draft, ...patch } : draft)));
  }

  function move(index: number, offset: number) {
    const rule = drafts[index];
    if (!rule) return;
    const next = moveItem(drafts, index, offset);
    update(next);
    setAnnouncement(`Rule moved to position ${next.indexOf(rule) + 1} of ${next.length}.`);
    setFocusRequest({ ruleId: rule.id, target: offset < 0 ? 'up' : 'down' });
  }

  function remove(index: number) {
    const next = drafts.filter((_, position) => position !== index);
    update(next);
    setAnnouncement(`Rule ${index + 1} removed.`);
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocusRequest(neighbour ? { ruleId: neighbour.id, target: 'pattern' } : { ruleId: null, target: 'add' });
  }

  function add() {
    const rule = createRuleDraft(sortedTeams.length === 1 ? sortedTeams[0]!.id : '');
    update([...drafts, rule]);
    setFocusRequest({ ruleId: rule.id, target: 'pattern' });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!result.ok) {
      flushSync(() => setShowErrors(true));
      listRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaveState({ kind: 'saving' });
    try {
      const { rules } = await setRoutingRules(inboxId, result.rules);
      setSaved(rules);
      setDrafts(toRuleDrafts(rules));
      setShowErrors(false);
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'error', message: describeSaveError(error) });
    }
  }

  const hasNoTeams = teams.length === 0;
  return (
    <form
      className="card settings-card"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={titleId}
      id="routing-rules"
      data-testid="rules-card"
    >
      <div className="settings-card__header">
        <h2 className="settings-card__title" id={titleId}>
          Routing rules
        </h2>
        <p className="settings-card__description">
          Send new conversations to a team. Rules are tried from the top and the first match wins; a conversation that
          matches none goes to anyone who answers this inbox.
        </p>
      </div>

      {hasNoTeams && drafts.length === 0 ? (
        <div className="settings-empty settings-empty--action">
          <span className="settings-empty__icon">
            <RouteIcon size={20} />
          </span>
          <span className="settings-empty__text">
            Rules send conversations to teams, and this workspace has none yet.{' '}
            {canEdit ? <Link to="/settings/teams">Create a team</Link> : null}
          </span>
        </div>
      ) : (
        <>
          {drafts.length > 0 ? (
            <ol className="rules" ref={listRef}>
              {drafts.map((draft, index) => (
                <RuleRow
                  key={draft.id}
                  draft={draft}
                  index={index}
                  count={drafts.length}
                  teams={sortedTeams}
                  errors={errors}
                  canEdit={canEdit}
                  onChange={(patch) => change(draft.id, patch)}
                  onMove={(offset) => move(index, offset)}
                  onRemove={() => remove(index)}
                />
              ))}
            </ol>
          ) : (
            <p className="settings-empty">
              No rules yet: every new conversation goes to anyone who answers this inbox.
            </p>
          )}
          {errors.rules ? <p className="field__error">{errors.rules}</p> : null}
          {canEdit ? (
            <div>
              <button
                ref={addRef}
                type="button"
                className="btn btn--secondary btn--sm"
                onClick={add}
                disabled={drafts.length >= MAX_RULES || hasNoTeams}
                data-testid="rule-add"
              >
                <PlusIcon size={14} /> Add a rule
              </button>
            </div>
          ) : null}
        </>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <SaveFooter
        state={saveState}
        isDirty={isDirty}
        canEdit={canEdit}
        summary={saved.length === 0 ? 'No rules' : `${saved.length} ${saved.length === 1 ? 'rule' : 'rules'}`}
        onDiscard={() => {
          setDrafts(toRuleDrafts(saved));
          setShowErrors(false);
          setSaveState({ kind: 'idle' });
        }}
        saveLabel="Save rules"
        testId="rules-save"
      />
    </form>
  );
}

interface RuleRowProps {
  draft: RuleDraft;
  index: number;
  count: number;
  teams: Team[];
  errors: Record<string, string>;
  canEdit: boolean;
  onChange(patch: Partial<RuleDraft>): void;
  onMove(offset: number): void;
  onRemove(): void;
}

function RuleRow({ draft, index, count, teams, errors, canEdit, onChange, onMove, onRemove }: RuleRowProps) {
  const id = useId();
  const field = RULE_FIELDS.find((item) => item.value === draft.field) ?? RULE_FIELDS[0]!;
  const keyError = errors[`${draft.id}.attributeKey`];
  const patternError = errors[`${draft.id}.pattern`];
  const teamError = errors[`${draft.id}.teamId`];
  const warning = describePatternWarning(draft.field, draft.pattern);
  const position = `Rule ${index + 1}`;
  const isMissingTeam = draft.teamId !== '' && !teams.some((team) => team.id === draft.teamId);
  const messages = [keyError, patternError, teamError].filter(Boolean) as string[];

  return (
    <li className="rule" data-rule-id={draft.id} data-testid="rule-row">
      <span className="rule__number" aria-hidden="true">
        {index + 1}
      </span>
      <fieldset className="rule__body" disabled={!canEdit}>
        <legend className="visually-hidden">{position}</legend>
        <div className="rule__line">
          <span className="rule__word rule__word--lead">If</span>
          <label className="visually-hidden" htmlFor={`${id}-field`}>
            {position}: what to match
          </label>
          <select
            id={`${id}-field`}
            className="select select--auto"
            value={draft.field}
            onChange={(event) => onChange({ field: event.target.value as RuleField })}
            data-testid="rule-field"
          >
            {RULE_FIELDS.map((item) => (
              <option key={item.value} value={item.value}>
                {item.label}
              </option>
            ))}
          </select>
          {draft.field === 'attribute' ? (
            <>
              <label className="visually-hidden" htmlFor={`${id}-key`}>
                {position}: attribute name
              </label>
              <input
                id={`${id}-key`}
                className="input rule__key"
                value={draft.attributeKey}
                placeholder="plan"
                maxLength={100}
                onChange={(event) => onChange({ attributeKey: event.target.value })}
                aria-invalid={keyError ? true : undefined}
                aria-describedby={`${id}-messages`}
                autoComplete="off"
                spellCheck={false}
                data-testid="rule-attribute-key"
              />
            </>
          ) : null}
          <span className="rule__word">{field.verb}</span>
          <label className="visually-hidden" htmlFor={`${id}-pattern`}>
            {position}: {field.label} {field.verb}
          </label>
          <input
            id={`${id}-pattern`}
            className="input rule__pattern"
            value={draft.pattern}
            placeholder={field.placeholder}
            maxLength={500}
            onChange={(event) => onChange({ pattern: event.target.value })}
            aria-invalid={patternError ? true : undefined}
            aria-describedby={`${id}-messages`}
            autoComplete="off"
            spellCheck={false}
            data-action="pattern"
            data-testid="rule-pattern"
          />
        </div>
        <div className="rule__line">
          <span className="rule__word rule__word--lead">send to</span>
          <label className="visually-hidden" htmlFor={`${id}-team`}>
            {position}: team
          </label>
          <select
            id={`${id}-team`}
            className="select select--auto rule__team"
            value={isMissingTeam ? '' : draft.teamId}
            onChange={(event) => onChange({ teamId: event.target.value })}
            aria-invalid={teamError ? true : undefined}
            aria-describedby={`${id}-messages`}
            data-testid="rule-team"
          >
            <option value="" disabled>
              {isMissingTeam ? 'Deleted team' : 'Choose a team'}
            </option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="rule__messages" id={`${id}-messages`}>
          {messages.length > 0 ? (
            messages.map((message) => (
              <p key={message} className="field__error">
                {message}
              </p>
            ))
          ) : warning ? (
            <p className="rule__warning">{warning}</p>
          ) : (
            <p className="field__hint">{field.hint}</p>
          )}
        </div>
      </fieldset>
      {canEdit ? (
        <div className="rule__actions">
          <button
            type="button"
            className="icon-button icon-button--sm"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move ${position.toLowerCase()} up`}
            title="Move up"
            data-action="up"
            data-testid="rule-up"
          >
            <ArrowUpIcon size={14} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--sm"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move ${position.toLowerCase()} down`}
            title="Move down"
            data-action="down"
            data-testid="rule-down"
          >
            <ArrowDownIcon size={14} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--sm icon-button--danger"
            onClick={onRemove}
            aria-label={`Remove ${position.toLowerCase()}`}
            title="Remove"
            data-testid="rule-remove"
          >
            <TrashIcon size={14} />
          </button>
        </div>
      ) : null}
    </li>
  );
}
