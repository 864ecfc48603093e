import { TeammateAvatar } from '../ui/avatar-teammate.tsx';
import './canned-picker.css';
import './note-mode.css';

interface MentionOption {
  userId: string;
  name: string;
  isOnline: boolean;
}

interface MentionPickerProps {
  listboxId: string;
  query: string;
  items: readonly MentionOption[];
  activeIndex: number;
  optionId(index: number): string;
  isLoading: boolean;
  onPick(item: MentionOption): void;
  onHover(index: number): void;
}

/** The teammates matching the `@name` being typed; like the canned picker, the focus stays in the composer. */
export function MentionPicker({
  listboxId,
  query,
  items,
  activeIndex,
  optionId,
  isLoading,
  onPick,
  onHover,
}: MentionPickerProps) {
  return (
    <div className="canned-picker mention-picker" data-testid="mention-picker">
      <p className="canned-picker__heading" aria-hidden="true">
        <span>Mention a teammate</span>
        <span className="canned-picker__keys">↑↓ to choose · Enter to insert · Esc to close</span>
      </p>
      {items.length > 0 ? (
        <div className="canned-picker__list" id={listboxId} role="listbox" aria-label="Teammates">
          {items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the composer's keys (↑ ↓ Enter Tab) choose options
            <div
              key={item.userId}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="mention-picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(item)}
              onMouseMove={() => {
                if (index !== activeIndex) onHover(index);
              }}
              data-testid="mention-option"
              data-user-id={item.userId}
            >
              <TeammateAvatar id={item.userId} name={item.name} size="sm" />
              <span className="mention-picker__name">{item.name}</span>
              {item.isOnline ? <span className="mention-picker__online">Online</span> : null}
            </div>
          ))}
        </div>
      ) : (
        <p className="canned-picker__note" data-testid="mention-empty">
          {isLoading
            ? 'Loading teammates…'
            : query
              ? `No teammate matches “@${query}”.`
              : 'No teammates to mention yet.'}
        </p>
      )}
    </div>
  );
}
