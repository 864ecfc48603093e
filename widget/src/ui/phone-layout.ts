// On phones the panel covers the screen. The on-screen keyboard shrinks only the visual viewport
// (iOS, and Android Chrome by default), so a panel sized to the layout viewport would hide its
// composer behind the keyboard: while open, the panel follows window.visualViewport instead.

/** Keep in step with the phone @media query at the end of element/chat.css. */
export const PHONE_MEDIA_QUERY =
  '(max-width: 480px), (pointer: coarse) and (max-width: 640px), (pointer: coarse) and (max-height: 480px)';

export interface VisualViewportBox {
  height: number;
  /** How far the visible part is scrolled down from the layout viewport's top. */
  offsetTop: number;
}

/** The full-screen panel's top and height (CSS px), exactly over the part of the page the visitor sees. */
export function fitPanelToViewport({ height, offsetTop }: VisualViewportBox): { top: number; height: number } {
  return { top: Math.max(0, Math.round(offsetTop)), height: Math.max(0, Math.round(height)) };
}

export interface PhoneLayout {
  setOpen(isOpen: boolean): void;
}

/** Keeps one inline style of an element until `restore` puts back exactly what the host page had. */
function overrideStyle(element: HTMLElement, property: string, value: string): () => void {
  const hadStyleAttribute = element.hasAttribute('style');
  const previousValue = element.style.getPropertyValue(property);
  const previousPriority = element.style.getPropertyPriority(property);
  element.style.setProperty(property, value, 'important');
  return () => {
    if (previousValue) element.style.setProperty(property, previousValue, previousPriority);
    else element.style.removeProperty(property);
    if (!hadStyleAttribute && element.style.length === 0) element.removeAttribute('style');
  };
}

/**
 * While the panel is open: sets --parley-viewport-top/height on `root` (chat.css uses them on phones)
 * from the visual viewport, and on phones stops the host page scrolling behind the panel.
 */
export function createPhoneLayout(root: HTMLElement): PhoneLayout {
  let stop: (() => void) | null = null;

  function follow(viewport: VisualViewport): () => void {
    const update = () => {
      const box = fitPanelToViewport(viewport);
      root.style.setProperty('--parley-viewport-top', `${box.top}px`);
      root.style.setProperty('--parley-viewport-height', `${box.height}px`);
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      root.style.removeProperty('--parley-viewport-top');
      root.style.removeProperty('--parley-viewport-height');
    };
  }

  function start(): () => void {
    const undo: (() => void)[] = [];
    if (window.visualViewport) undo.push(follow(window.visualViewport));
    if (window.matchMedia(PHONE_MEDIA_QUERY).matches) {
      undo.push(overrideStyle(document.documentElement, 'overflow', 'hidden'));
      undo.push(overrideStyle(document.body, 'overflow', 'hidden'));
    }
    return () => {
      for (const restore of undo.reverse()) restore();
    };
  }

  return {
    setOpen(isOpen) {
      if (isOpen && !stop) stop = start();
      else if (!isOpen && stop) {
        stop();
        stop = null;
      }
    },
  };
}
