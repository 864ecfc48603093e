/// <reference types="vite/client" />

/** The chat chunk's file name (widget-chat.<hash>.js), known once vite.config.ts has built it. */
declare module 'virtual:parley-chat-file' {
  export const CHAT_FILE: string;
}
