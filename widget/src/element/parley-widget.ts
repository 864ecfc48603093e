import { ReactiveElement } from 'lit';
import { h, render } from 'preact';
import type { ChatController } from '../sync/chat-controller.ts';
import { WidgetApp } from '../ui/widget-app.tsx';
import { widgetStyles } from './styles.ts';

export const ELEMENT_NAME = 'parley-widget';

/**
 * <parley-widget>: an open shadow root holding the adopted styles and one mount point that
 * Preact renders the chat into. Lit's ReactiveElement provides the element, its shadow root
 * and adopted stylesheets; lit-html templates are not needed, so they are not shipped.
 */
export class ParleyWidgetElement extends ReactiveElement {
  static override styles = widgetStyles;
  static override shadowRootOptions: ShadowRootInit = { ...ReactiveElement.shadowRootOptions, mode: 'open' };

  controller: ChatController | null = null;
  locale: string | undefined = undefined;
  readonly #mount = document.createElement('div');

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.appendChild(this.#mount);
    return root;
  }

  protected override firstUpdated(): void {
    this.#renderApp();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#renderApp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    render(null, this.#mount);
  }

  #renderApp(): void {
    if (this.controller) render(h(WidgetApp, { controller: this.controller, locale: this.locale }), this.#mount);
  }
}

export function defineParleyWidget(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, ParleyWidgetElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-widget': ParleyWidgetElement;
  }
}
