import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';

export interface AuditEventInput {
  actorUserId: string | null;
  organisationId: string | null;
  entityType:
    | 'user'
    | 'organisation'
    | 'membership'
    | 'invitation'
    | 'assessment'
    | 'answer'
    | 'action'
    | 'pillar_assignment'
    | 'network_invitation'
    | 'network_member';
  entityId: string;
  action: string;
  data?: Record<string, unknown>;
}

/** Appends an audit event; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Db, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({ ...event, data: event.data ?? {} });
}
