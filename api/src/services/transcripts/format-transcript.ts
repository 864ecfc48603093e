import type { Transcript, TranscriptLine } from './build-transcript.ts';

/** "2026-12-02 03:04 UTC": one unambiguous clock for every reader of the file. */
function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function nameOf(line: TranscriptLine): string {
  if (line.senderType === 'visitor') return 'You';
  if (line.senderType === 'agent') return line.senderName ?? 'Agent';
  return 'Notice';
}

/** Plain text, one message per block; bodies are kept as typed (never markup), continuation lines indented. */
export function formatTranscript(transcript: Transcript): string {
  const header = [
    `Conversation with ${transcript.inboxName}`,
    `Started ${formatTime(transcript.startedAt)}`,
    `Reference ${transcript.conversationId}`,
    '',
  ];
  const blocks = transcript.lines.map(
    (line) => `[${formatTime(line.createdAt)}] ${nameOf(line)}:\n  ${line.body.replace(/\r?\n/g, '\n  ')}`,
  );
  const footer = transcript.isTruncated ? ['', '(The transcript stops here: the conversation is longer.)'] : [];
  return `${[...header, ...blocks, ...footer].join('\n')}\n`;
}

/** parley-transcript-2026-12-02-1a2b3c4d.txt */
export function transcriptFileName(transcript: Transcript): string {
  return `parley-transcript-${transcript.startedAt.toISOString().slice(0, 10)}-${transcript.conversationId.slice(0, 8)}.txt`;
}
