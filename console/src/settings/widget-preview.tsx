import type { WidgetConfig } from '@parley/api/protocol';
import { useEffect, useState } from 'react';
import { startWidgetPreview } from './widget-preview-harness.ts';

interface WidgetPreviewProps {
  config: WidgetConfig;
}

const SETTLE_MS = 250;

/** The real widget with the unsaved appearance, open or closed; redrawn a moment after each change. */
export function WidgetPreview({ config }: WidgetPreviewProps) {
  const [isOpen, setIsOpen] = useState(true);
  const [shown, setShown] = useState({ config, version: 0 });
  const serialized = JSON.stringify(config);

  useEffect(() => {
    const timer = setTimeout(
      () => setShown((current) => ({ config: JSON.parse(serialized) as WidgetConfig, version: current.version + 1 })),
      SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [serialized]);

  return (
    <section className="card widget-preview" aria-labelledby="widget-preview-title">
      <div className="widget-preview__bar">
        <h2 className="settings-card__title" id="widget-preview-title">
          Preview
        </h2>
        <fieldset className="radio-toggle" aria-label="Widget state">
          {([true, false] as const).map((open) => (
            <label key={String(open)} className="radio-toggle__option">
              <input
                type="radio"
                name="widget-preview-state"
                checked={isOpen === open}
                onChange={() => setIsOpen(open)}
              />
              <span>{open ? 'Open' : 'Closed'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="widget-preview__note">Unsaved changes show here first. Visitors see them once you save.</p>
      <div className="widget-preview__stage">
        <iframe
          // A new frame for every change or state: the widget starts fresh with what it is given.
          key={`${shown.version}-${isOpen}`}
          className="widget-preview__frame"
          title={isOpen ? 'Widget preview, open' : 'Widget preview, closed'}
          data-testid="widget-preview-frame"
          data-version={shown.version}
          ref={(frame) => {
            if (frame && !frame.dataset.started) {
              frame.dataset.started = 'true';
              startWidgetPreview(frame, shown.config, isOpen);
            }
          }}
        />
      </div>
    </section>
  );
}
