import { useEffect, useState } from 'react';
import type { PageOf, RoomOption } from './api';
import { useSession } from './session';

/** The office's rooms by name (GET /rooms: logistics only, nothing about bookings or visitors). */
export function useRooms(officeId: string): { rooms: RoomOption[] | null; failed: boolean } {
  const { auth } = useSession();
  const [rooms, setRooms] = useState<RoomOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    auth.api
      .get<PageOf<RoomOption>>(`/rooms?officeId=${officeId}&pageSize=200`)
      .then((page) => current && setRooms([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'sv'))))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [auth, officeId]);
  return { rooms, failed };
}
