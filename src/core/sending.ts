/**
 * Membership calls through ChatGateway.send, in batches. A port that throws must not crash the run:
 * - reads are retried one by one after a batch throws, so only the call that really fails (one space's
 *   work) gets an error reply;
 * - writes are never re-sent (part of the batch may have reached Google): every call of the batch gets an
 *   error reply with code 0, and the next run's snapshot shows what happened.
 * Pacing and retries slot in here later (DESIGN.md §1 "Pacing, not hoping").
 */
import { thrownError } from './apiErrors';
import type { ChatGateway, MemberCall, MemberReply } from './ports';

/** Calls per send: one UrlFetchApp.fetchAll each. */
export const READ_BATCH = 100;
export const WRITE_BATCH = 25;

function failed(thrown: unknown): MemberReply {
  const error = thrownError(thrown);
  return { code: 0, error };
}

function sendBatch(chat: ChatGateway, calls: MemberCall[]): MemberReply[] {
  const replies = chat.send(calls);
  if (replies.length !== calls.length) throw new Error(`expected ${calls.length} replies, got ${replies.length}`);
  return replies;
}

function inBatches(calls: readonly MemberCall[], size: number, sendOne: (batch: MemberCall[]) => MemberReply[]): MemberReply[] {
  const replies: MemberReply[] = [];
  for (let start = 0; start < calls.length; start += size) {
    replies.push(...sendOne(calls.slice(start, start + size)));
  }
  return replies;
}

export function sendReads(chat: ChatGateway, calls: readonly MemberCall[]): MemberReply[] {
  return inBatches(calls, READ_BATCH, (batch) => {
    try {
      return sendBatch(chat, batch);
    } catch (thrown) {
      if (batch.length === 1) return [failed(thrown)];
      return batch.map((call) => {
        try {
          return sendBatch(chat, [call])[0];
        } catch (single) {
          return failed(single);
        }
      });
    }
  });
}

export function sendWrites(chat: ChatGateway, calls: readonly MemberCall[]): MemberReply[] {
  return inBatches(calls, WRITE_BATCH, (batch) => {
    try {
      return sendBatch(chat, batch);
    } catch (thrown) {
      return batch.map(() => failed(thrown));
    }
  });
}
