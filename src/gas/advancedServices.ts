/**
 * Types for the Advanced Chat Service, which @types/google-apps-script doesn't ship
 * (reference/apps-script-advanced-chat.md §1, §3). Only the calls Chat Roster makes.
 */
import type { chat_v1 } from '@googleapis/chat';

/** `results` is newer than the installed client types (reference/chat-api-memberships.md §11); `spaces` is deprecated. */
export type SearchSpacesResponse = chat_v1.Schema$SearchSpacesResponse & { results?: { space?: chat_v1.Schema$Space }[] };

export interface ChatSpacesService {
  list(optionalArgs?: { filter?: string; pageSize?: number; pageToken?: string }): chat_v1.Schema$ListSpacesResponse;
  search(optionalArgs: { query: string; useAdminAccess?: boolean; pageSize?: number; pageToken?: string; orderBy?: string }): SearchSpacesResponse;
}

export interface ChatAdvancedService {
  Spaces: ChatSpacesService;
}

declare const Chat: ChatAdvancedService;

/** The global, reached through a function so tests and type checks name it in one place. */
export function chatService(): ChatAdvancedService {
  return Chat;
}

