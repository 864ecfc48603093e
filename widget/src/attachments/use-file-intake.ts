import { useState } from 'preact/hooks';

export interface FileIntake {
  /** Files waiting for, or in, their upload (the tray above the composer). */
  files: File[];
  add(files: File[]): unknown;
  remove(file: File): void;
  onDragOver(event: DragEvent): unknown;
  onDrop(event: DragEvent): void;
}

/** The files a drop or a paste carries (a pasted screenshot is a file too); empty for text. */
export const filesFrom = (data: DataTransfer | null): File[] => (data ? [...data.files] : []);

/** The files the visitor picked, pasted or dropped onto the panel, until each is sent or dismissed. */
export function useFileIntake(): FileIntake {
  const [files, setFiles] = useState<File[]>([]);
  const add = (added: File[]) => added.length && setFiles((current) => [...current, ...added]);
  return {
    files,
    add,
    remove: (file) => setFiles((current) => current.filter((kept) => kept !== file)),
    // Only a drag of files is taken; text drags keep their default.
    onDragOver: (event) => event.dataTransfer?.types.includes('Files') && event.preventDefault(),
    onDrop(event) {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      add(filesFrom(event.dataTransfer));
    },
  };
}
