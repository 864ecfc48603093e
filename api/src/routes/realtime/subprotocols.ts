import { SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../protocol/constants.ts';

/** ws asks which offered subprotocol to answer with; ours or none (the handshake then fails). */
export function chooseSubprotocol(offered: Set<string>): string | false {
  return offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false;
}

/** The visitor token a widget sends as the subprotocol `parley.token.<token>`. */
export function tokenFromSubprotocols(header: string | undefined): string | undefined {
  for (const protocol of (header ?? '').split(',')) {
    const trimmed = protocol.trim();
    if (trimmed.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return trimmed.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return undefined;
}
