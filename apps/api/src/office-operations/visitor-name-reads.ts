import type { StaffBookingView } from '@distans/contracts';
import type { AuditRecord } from '../audit/audit.service';

/** One audit row per booking whose visitor name a response carries. */
export function visitorNameReads(views: StaffBookingView[], details: Record<string, unknown>): AuditRecord[] {
  return views
    .filter((view) => view.visitorName !== null)
    .map((view) => ({ action: 'booking.visitor-name.read', resourceType: 'booking', resourceId: view.id, details }));
}
