import type { BookingStatus } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { BOOKING_STATUS_ICONS } from '@distans/web-ui/status-icons';

interface StatusProps {
  status: BookingStatus;
  roomName: string;
  officeName: string;
  /** Checked in after an identity document was seen; the database holds CHECKED_IN to that. */
  idVerified?: boolean;
}

/** The sentence for a status: "Besökaren har checkats in, ID kontrollerad, i Besöksrum 2 i Kiruna". */
export function useStatusText(): (props: StatusProps) => string {
  const { t } = useI18n();
  return ({ status, roomName, officeName, idVerified = true }) => {
    switch (status) {
      case 'CHECKED_IN':
        return t(idVerified ? 'status.CHECKED_IN' : 'status.CHECKED_IN_NO_ID', { room: roomName, office: officeName });
      case 'BOOKED':
      case 'IN_SESSION':
      case 'COMPLETED':
      case 'CANCELLED':
      case 'NO_SHOW':
      case 'HANDLER_MISSED':
        return t(`status.${status}`);
    }
  };
}

/** Status as text with a shape, so that it never depends on colour alone. */
export function StatusBadge(props: StatusProps & { className?: string }) {
  const text = useStatusText()(props);
  return (
    <span className={`status status-${props.status.toLowerCase()} ${props.className ?? ''}`.trim()}>
      <span aria-hidden="true" className="status-icon">
        {BOOKING_STATUS_ICONS[props.status]}
      </span>{' '}
      {text}
    </span>
  );
}
