import { type RefObject, useEffect } from 'react';

/**
 * Opens a native <dialog> as a modal while the component is mounted: the focus moves to `initialFocus`,
 * and on unmount the dialog closes and the focus returns to where it was before.
 */
export function useModalDialog(
  dialogRef: RefObject<HTMLDialogElement | null>,
  initialFocus: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [dialogRef, initialFocus]);
}
