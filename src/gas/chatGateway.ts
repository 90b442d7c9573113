/** The ChatGateway port for Apps Script: memberships over UrlFetchApp, spaces over the Advanced Chat Service. */
import type { ChatGateway, MemberCall, MemberReply, Result } from '../core/ports';
import type { Space } from '../core/model';
import { sendMemberCalls, verifyAdminAccess } from './chatRest';
import { DiscoveryRetries, getSpace, SpaceDirectory } from './spaceDiscovery';

export class AppsScriptChatGateway implements ChatGateway {
  /** One per execution, shared by every space lookup: an outage seen once isn't waited out again per space. */
  private readonly retries = new DiscoveryRetries();
  private readonly spaceDirectory = new SpaceDirectory(this.retries);

  send(calls: MemberCall[]): MemberReply[] {
    return sendMemberCalls(calls);
  }

  listSpaces(): Result<Space[]> {
    return this.spaceDirectory.list();
  }

  getSpace(name: string, useAdminAccess: boolean): Result<Space> {
    return this.retries.run(() => getSpace(name, useAdminAccess));
  }

  findSpacesByDisplayName(displayName: string, useAdminAccess: boolean): Result<Space[]> {
    return this.spaceDirectory.find(displayName, useAdminAccess);
  }

  verifyAdminAccess(): Result<true> {
    return verifyAdminAccess();
  }
}
