import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The bytes of uploads on disk, one file per upload under a random name that says nothing of its content. */
export class AttachmentFiles {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Writes the bytes under a new random key and returns it. */
  async write(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(24).toString('base64url');
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    await writeFile(this.#pathOf(key), bytes, { flag: 'wx', mode: 0o600 });
    return key;
  }

  read(key: string): ReadStream {
    return createReadStream(this.#pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }

  #pathOf(key: string): string {
    // Keys come from our own table, but a path is only ever built from a key of this shape.
    if (!KEY_PATTERN.test(key)) throw new Error('invalid attachment storage key');
    return join(this.#dir, key);
  }
}
