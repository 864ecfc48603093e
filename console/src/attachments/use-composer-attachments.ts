import { type ClipboardEvent, type DragEvent, useState } from 'react';
import { useUploads } from './use-uploads.ts';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Uploads for the composer, with what the form needs for drag-and-drop and the textarea for paste. */
export function useComposerAttachments(conversationId: string) {
  const uploads = useUploads(conversationId);
  const [isDragging, setDragging] = useState(false);
  return {
    ...uploads,
    isDragging,
    dropProps: {
      onDragOver(event: DragEvent<HTMLElement>) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        setDragging(false);
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        uploads.add([...event.dataTransfer.files]);
      },
    },
    /** A pasted screenshot (or copied file) is attached; pasted text stays text. */
    onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
      const files = [...event.clipboardData.files];
      if (files.length === 0) return;
      event.preventDefault();
      uploads.add(files);
    },
  };
}
