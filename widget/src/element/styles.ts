import { css } from 'lit';

/** All widget styles; adopted by the shadow root, so nothing leaks in or out. */
export const widgetStyles = css`
  :host {
    all: initial;
    display: contents;
  }

  .root {
    --parley-accent: #2563eb;
    --parley-on-accent: #ffffff;
    --parley-text: #111827;
    --parley-muted: #6b7280;
    --parley-border: #e5e7eb;
    --parley-surface: #ffffff;
    --parley-canvas: #f6f7f9;
    --parley-danger: #b91c1c;
    --parley-gap: 20px;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif,
      'Apple Color Emoji', 'Segoe UI Emoji';
    font-size: 14px;
    line-height: 1.45;
    font-weight: 400;
    color: var(--parley-text);
    text-align: left;
    letter-spacing: normal;
    -webkit-font-smoothing: antialiased;
    -moz-osx-font-smoothing: grayscale;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
    margin: 0;
  }

  button {
    cursor: pointer;
    border: none;
    background: none;
    padding: 0;
  }

  svg {
    display: block;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* ---- launcher ---------------------------------------------------------------- */

  .launcher {
    position: fixed;
    bottom: var(--parley-gap);
    right: var(--parley-gap);
    z-index: 2147483000;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-width: 56px;
    height: 56px;
    padding: 0 16px;
    border-radius: 28px;
    background: var(--parley-accent);
    color: var(--parley-on-accent);
    box-shadow: 0 6px 20px rgba(17, 24, 39, 0.22), 0 2px 6px rgba(17, 24, 39, 0.12);
    transition: transform 160ms ease, box-shadow 160ms ease;
  }

  .left .launcher {
    right: auto;
    left: var(--parley-gap);
  }

  .launcher:hover {
    transform: scale(1.05);
    box-shadow: 0 8px 26px rgba(17, 24, 39, 0.26), 0 2px 6px rgba(17, 24, 39, 0.14);
  }

  .launcher:focus-visible,
  .icon-button:focus-visible,
  .send:focus-visible,
  .retry:focus-visible,
  .contact-save:focus-visible {
    outline: 3px solid var(--parley-accent);
    outline-offset: 3px;
  }

  .launcher-text {
    font-size: 15px;
    font-weight: 600;
    white-space: nowrap;
  }

  .launcher.has-text {
    padding: 0 20px 0 16px;
  }

  .launcher:not(.has-text) {
    padding: 0;
    width: 56px;
  }

  .badge {
    position: absolute;
    top: -4px;
    right: -4px;
    min-width: 20px;
    height: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: #ef4444;
    color: #ffffff;
    font-size: 12px;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
    box-shadow: 0 0 0 2px #ffffff;
  }

  /* ---- panel ------------------------------------------------------------------- */

  .panel {
    position: fixed;
    bottom: calc(var(--parley-gap) + 68px);
    right: var(--parley-gap);
    z-index: 2147483000;
    display: flex;
    flex-direction: column;
    width: 360px;
    height: 560px;
    max-height: calc(100vh - 108px);
    overflow: hidden;
    border-radius: 16px;
    background: var(--parley-surface);
    box-shadow: 0 16px 48px rgba(17, 24, 39, 0.2), 0 4px 12px rgba(17, 24, 39, 0.08);
    animation: parley-enter 180ms ease-out;
    transform-origin: bottom right;
  }

  .left .panel {
    right: auto;
    left: var(--parley-gap);
    transform-origin: bottom left;
  }

  @keyframes parley-enter {
    from {
      opacity: 0;
      transform: translateY(12px) scale(0.98);
    }
    to {
      opacity: 1;
      transform: none;
    }
  }

  .header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 16px 12px 16px 20px;
    background: var(--parley-accent);
    color: var(--parley-on-accent);
  }

  .title {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 16px;
    font-weight: 600;
    line-height: 1.3;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .icon-button {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 32px;
    height: 32px;
    border-radius: 8px;
    color: inherit;
    opacity: 0.85;
  }

  .icon-button:hover {
    opacity: 1;
    background: color-mix(in srgb, currentColor 16%, transparent);
  }

  .messages {
    flex: 1;
    min-height: 0;
    margin: 0;
    padding: 16px 16px 8px;
    list-style: none;
    overflow-y: auto;
    overscroll-behavior: contain;
    background: var(--parley-canvas);
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  .item {
    display: flex;
    flex-direction: column;
    max-width: 80%;
  }

  .item.visitor {
    align-self: flex-end;
    align-items: flex-end;
  }

  .item.agent {
    align-self: flex-start;
    align-items: flex-start;
  }

  .item.starts-run {
    margin-top: 8px;
  }

  .item:first-child {
    margin-top: 0;
  }

  .sender {
    margin: 0 0 3px 12px;
    font-size: 12px;
    font-weight: 500;
    color: var(--parley-muted);
  }

  .bubble {
    padding: 9px 13px;
    border-radius: 18px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    word-break: normal;
  }

  .visitor .bubble {
    background: var(--parley-accent);
    color: var(--parley-on-accent);
    border-bottom-right-radius: 6px;
  }

  .agent .bubble {
    background: var(--parley-surface);
    color: var(--parley-text);
    border: 1px solid var(--parley-border);
    border-bottom-left-radius: 6px;
  }

  /* Quick acks never look greyed or jump; a send still waiting after 400 ms fades and says so. */
  .bubble.is-pending {
    animation: parley-fade 400ms step-end both;
  }

  .item.pending .status {
    animation: parley-reveal 400ms step-end both;
    overflow: hidden;
  }

  @keyframes parley-fade {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.6;
    }
  }

  @keyframes parley-reveal {
    from {
      max-height: 0;
      margin-top: 0;
      opacity: 0;
    }
    to {
      max-height: 20px;
      opacity: 1;
    }
  }

  .bubble.is-failed {
    opacity: 0.7;
  }

  .status {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 3px 4px 0;
    font-size: 11.5px;
    color: var(--parley-muted);
  }

  .failed .status {
    color: var(--parley-danger);
  }

  .retry {
    padding: 1px 8px;
    border-radius: 6px;
    border: 1px solid currentColor;
    font-size: 11.5px;
    font-weight: 600;
    color: var(--parley-danger);
  }

  .retry:hover {
    background: rgba(185, 28, 28, 0.08);
  }

  .notice {
    align-self: stretch;
    display: flex;
    align-items: center;
    gap: 10px;
    margin: 10px 0;
    font-size: 12px;
    color: var(--parley-muted);
    text-align: center;
  }

  .notice::before,
  .notice::after {
    content: '';
    flex: 1;
    height: 1px;
    background: var(--parley-border);
  }

  .greeting {
    align-self: flex-start;
    max-width: 85%;
    padding: 12px 14px;
    border-radius: 14px;
    background: var(--parley-surface);
    border: 1px solid var(--parley-border);
    white-space: pre-wrap;
  }

  .greeting-from {
    display: block;
    margin-bottom: 2px;
    font-size: 12px;
    font-weight: 600;
    color: var(--parley-muted);
  }

  .connection {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    padding: 6px 12px;
    font-size: 12px;
    color: #92400e;
    background: #fffbeb;
    border-top: 1px solid #fde68a;
  }

  .connection.is-hidden {
    display: none;
  }

  .connection.unavailable {
    color: var(--parley-danger);
    background: #fef2f2;
    border-top-color: #fecaca;
  }

  .spinner {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: parley-spin 800ms linear infinite;
  }

  @keyframes parley-spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* ---- waiting: place in line, away notice, email ------------------------------ */

  .queue {
    padding: 7px 16px;
    border-top: 1px solid var(--parley-border);
    background: color-mix(in srgb, var(--parley-accent) 7%, var(--parley-surface));
    font-size: 13px;
    font-weight: 500;
    text-align: center;
  }

  .sign-in {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: 24px 32px;
    background: var(--parley-canvas);
    color: var(--parley-muted);
    text-align: center;
  }

  .sign-in p {
    margin: 0;
    max-width: 260px;
    font-size: 15px;
    font-weight: 500;
    color: var(--parley-text);
  }

  .away {
    flex: none;
    padding: 12px 16px 14px;
    border-bottom: 1px solid var(--parley-border);
    background: var(--parley-surface);
  }

  .away-text {
    margin: 0;
    font-weight: 500;
  }

  .contact {
    margin: 10px 0 0;
  }

  .contact-label {
    display: block;
    margin: 0 0 4px;
    font-size: 12.5px;
    color: var(--parley-muted);
  }

  .contact-row {
    display: flex;
    gap: 8px;
  }

  .contact-input {
    flex: 1;
    min-width: 0;
    height: 40px;
    padding: 0 12px;
    border: 1px solid var(--parley-muted);
    border-radius: 10px;
    background: var(--parley-surface);
    /* 16px or more: phones do not zoom into the field. */
    font-size: 16px;
    outline: none;
  }

  .contact-input::placeholder {
    color: var(--parley-muted);
  }

  .contact-input:focus {
    border-color: var(--parley-accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--parley-accent) 20%, transparent);
  }

  .contact-input[aria-invalid='true'] {
    border-color: var(--parley-danger);
  }

  .contact-save {
    flex: none;
    height: 40px;
    padding: 0 16px;
    border-radius: 10px;
    background: var(--parley-accent);
    color: var(--parley-on-accent);
    font-weight: 600;
  }

  .contact-save:disabled {
    opacity: 0.6;
    cursor: default;
  }

  .contact-error {
    margin: 6px 0 0;
    font-size: 12.5px;
    color: var(--parley-danger);
  }

  .contact-saved {
    margin: 8px 0 0;
    padding: 8px 10px;
    border-radius: 8px;
    background: #ecfdf5;
    color: #065f46;
    overflow-wrap: anywhere;
  }

  .contact-saved:focus {
    outline: none;
  }

  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    padding: 10px 12px 12px;
    border-top: 1px solid var(--parley-border);
    background: var(--parley-surface);
  }

  .input {
    flex: 1;
    min-width: 0;
    height: 40px;
    max-height: 120px;
    padding: 9px 14px;
    border: 1px solid #d1d5db;
    border-radius: 20px;
    background: var(--parley-surface);
    font-size: 14px;
    line-height: 20px;
    resize: none;
    overflow-y: auto;
    outline: none;
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }

  .input::placeholder {
    color: #9ca3af;
  }

  .input:focus {
    border-color: var(--parley-accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--parley-accent) 20%, transparent);
  }

  .send {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    background: var(--parley-accent);
    color: var(--parley-on-accent);
    transition: opacity 120ms ease, transform 120ms ease;
  }

  .send:disabled {
    opacity: 0.4;
    cursor: default;
  }

  .send:not(:disabled):hover {
    transform: scale(1.06);
  }

  @media (max-width: 480px) {
    .panel,
    .left .panel {
      inset: 0;
      width: 100%;
      height: 100%;
      max-height: none;
      border-radius: 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .panel,
    .spinner {
      animation: none;
    }
    .spinner {
      border-right-color: currentColor;
    }
    .launcher,
    .send {
      transition: none;
    }
  }
`;
