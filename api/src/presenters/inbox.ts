import type { Inbox as InboxRow } from '@parley/db';
import type { BusinessHours } from '../protocol/business-hours.ts';
import type { Inbox } from '../protocol/rest.ts';

export function presentInbox(row: InboxRow, publicUrl: string): Inbox {
  return {
    id: row.id,
    name: row.name,
    siteKey: row.site_key,
    allowedOrigins: row.allowed_origins,
    appearance: row.appearance,
    snippet: buildSnippet(publicUrl, row.site_key),
    routing: {
      mode: row.routing_mode,
      defaultCapacity: row.default_capacity,
      reassignAfterSeconds: row.reassign_after_seconds,
      businessHours: (row.business_hours as BusinessHours | null) ?? null,
    },
  };
}

/** The HTML a site owner pastes: a queue stub (calls work before the script loads) and an async script. */
export function buildSnippet(publicUrl: string, siteKey: string): string {
  const widgetUrl = JSON.stringify(`${publicUrl}/widget.js`);
  const init = JSON.stringify({ siteKey });
  return [
    '<script>',
    '(function(w,d,s){w.Parley=w.Parley||function(){(w.Parley.q=w.Parley.q||[]).push(arguments)};',
    `var e=d.createElement('script');e.async=1;e.src=s;d.head.appendChild(e)})(window,document,${widgetUrl});`,
    `Parley('init',${init});`,
    '</script>',
  ].join('\n');
}
