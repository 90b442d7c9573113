/** Credentials and access through @googleapis/chat: 401 bodies, scopes, admin privilege, unknown spaces. */
import { contract, ADMIN_SCOPES, ENG, refusal, refused, scope, USER_SCOPES } from './harness';

const google = contract();

const unauthenticated = {
  error: {
    code: 401, status: 'UNAUTHENTICATED', message: expect.any(String),
    details: [expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' })],
  },
};

describe('credentials and access with Google\'s client', () => {
  it('401 UNAUTHENTICATED in Google\'s JSON without a token', async () => {
    const { status, body } = await refusal(google.client().spaces.members.list({ parent: ENG }));
    expect(status).toBe(401);
    expect(body).toEqual(unauthenticated);
  });

  it('401 UNAUTHENTICATED in Google\'s JSON for a token the emulator never issued', async () => {
    const { status, body } = await refusal(google.client('ya29.not-issued-here').spaces.members.list({ parent: ENG }));
    expect(status).toBe(401);
    expect(body).toEqual(unauthenticated);
  });

  it('403 for insufficient scopes', async () => {
    const spacesOnly = google.client(await google.token('admin@example.com', [scope('chat.spaces.readonly')]));
    const { status, body } = await refusal(spacesOnly.spaces.members.list({ parent: ENG }));
    expect([status, body.error?.message]).toEqual([403, 'Request had insufficient authentication scopes.']);
  });

  it('403 for admin access without the Chat admin privilege', async () => {
    const bob = google.client(await google.token('bob.jones@example.com', [...USER_SCOPES, ...ADMIN_SCOPES]));
    expect(await refused(bob.spaces.members.list({ parent: ENG, useAdminAccess: true, filter: 'member.type = "HUMAN"' }))).toEqual([403, 'PERMISSION_DENIED']);
  });

  it('404 for an unknown space', async () => {
    const admin = await google.as('admin@example.com');
    expect(await refused(admin.spaces.members.list({ parent: 'spaces/AAAAnosuchspace' }))).toEqual([404, 'NOT_FOUND']);
  });
});
