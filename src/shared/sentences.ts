/**
 * Failures the server words for the administrator itself (a missing permission, no document). They reach
 * the sidebar only as an exception's message, so they carry this prefix and the sidebar shows them as
 * they are instead of rewording them.
 */
export const ADMIN_SENTENCE_PREFIX = 'Chat Roster needs ';
