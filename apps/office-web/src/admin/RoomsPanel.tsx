import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ROOM_EQUIPMENT, type RoomEquipment } from '@distans/contracts';
import { useAnnouncer } from '@distans/web-ui/Announcer';
import { useI18n } from '@distans/web-ui/i18n';
import type { PageOf } from '../api';
import { useSession } from '../session';
import type { BookingDecision, BookingImpactView, OfficeView, RoomView } from './admin-api';
import { CheckField, controlId, Field, FieldProblems, SubmitError, useSubmit } from './form';
import { ImpactPanel, useImpactGuard } from './ImpactPanel';

interface RoomDraft {
  name: string;
  capacity: number;
  stepFree: boolean;
  equipment: RoomEquipment[];
}

const NEW_ROOM: RoomDraft = { name: '', capacity: 2, stepFree: true, equipment: ['video-screen', 'camera'] };

/** The office's visiting rooms: accessibility and equipment; taking one out of use lists its bookings first. */
export function RoomsPanel(props: { office: OfficeView }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const [rooms, setRooms] = useState<RoomView[] | null>(null);
  const load = useCallback(async () => {
    const page = await auth.api.get<PageOf<RoomView>>(`/rooms?officeId=${props.office.id}&pageSize=200`);
    setRooms([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'sv')));
  }, [auth, props.office.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const active = rooms?.filter((room) => room.active) ?? [];
  const stepFree = active.filter((room) => room.stepFree).length;
  return (
    <section id="office-rooms" className="card" aria-labelledby="office-rooms-heading">
      <h2 id="office-rooms-heading">{t('admin.office.rooms')}</h2>
      {rooms && (
        <p data-testid="step-free-summary">
          {active.length === 0 ? t('admin.rooms.none') : t('admin.rooms.stepFree', { stepFree, count: active.length })}
        </p>
      )}
      <ul className="room-settings">
        {rooms?.map((room) => (
          <li key={room.id}>
            <RoomForm officeId={props.office.id} room={room} onSaved={load} />
          </li>
        ))}
      </ul>
      <RoomForm key={rooms?.length ?? 0} officeId={props.office.id} room={null} onSaved={load} />
    </section>
  );
}

function RoomForm(props: { officeId: string; room: RoomView | null; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const { auth } = useSession();
  const { announce } = useAnnouncer();
  const room = props.room;
  const [draft, setDraft] = useState<RoomDraft>(
    room ? { name: room.name, capacity: room.capacity, stepFree: room.stepFree, equipment: room.equipment } : NEW_ROOM,
  );
  const { busy, error, fields, run } = useSubmit();
  const impact = useImpactGuard(run);
  const prefix = room ? `room-${room.id}` : 'room-new';
  const path = (field: string) => `${prefix}.${field}`;
  // The API names fields plainly (name, capacity); this form's controls carry the room's prefix.
  const errors = Object.fromEntries(Object.entries(fields).map(([key, value]) => [path(key), value]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run(async () => {
      if (room) await auth.api.patch(`/rooms/${room.id}`, draft);
      else await auth.api.post('/rooms', { officeId: props.officeId, ...draft });
    });
    if (!ok) return;
    announce(t(room ? 'admin.saved' : 'admin.rooms.created', { name: draft.name }));
    if (!room) setDraft(NEW_ROOM);
    await props.onSaved();
  };

  const deactivate = async () => {
    if (!room) return;
    const ok = await impact.guard(
      () => auth.api.get<BookingImpactView>(`/rooms/${room.id}/future-bookings`),
      async (decision?: BookingDecision) => {
        await auth.api.delete(`/rooms/${room.id}${decision ? `?onBookings=${decision}` : ''}`);
      },
    );
    if (ok) {
      announce(t('admin.rooms.deactivated', { name: room.name }));
      await props.onSaved();
    }
  };
  const decide = async (decision: BookingDecision) => {
    if (await impact.decide(decision)) {
      announce(t('admin.rooms.deactivated', { name: room?.name ?? '' }));
      await props.onSaved();
    }
  };
  const reactivate = async () => {
    if (!room) return;
    if (await run(() => auth.api.patch(`/rooms/${room.id}`, { active: true }))) await props.onSaved();
  };

  return (
    <form
      className={`room-form ${room && !room.active ? 'is-inactive' : ''}`}
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={room ? room.name : t('admin.rooms.new')}
      data-testid={room ? 'room-form' : 'new-room-form'}
    >
      <h3>
        {room ? room.name : t('admin.rooms.new')}
        {room && !room.active && <span className="status">{t('admin.inactive')}</span>}
      </h3>
      <SubmitError error={error} />
      <div className="field-row">
        <Field path={path('name')} label={t('admin.rooms.name')} errors={errors}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={80}
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          )}
        </Field>
        <Field path={path('capacity')} label={t('admin.rooms.capacity')} errors={errors}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={50}
              value={Number.isNaN(draft.capacity) ? '' : draft.capacity}
              onChange={(event) => setDraft({ ...draft, capacity: event.target.valueAsNumber })}
            />
          )}
        </Field>
        <CheckField
          path={path('stepFree')}
          label={t('admin.rooms.stepFreeLabel')}
          checked={draft.stepFree}
          errors={errors}
          onChange={(stepFree) => setDraft({ ...draft, stepFree })}
        />
      </div>
      <fieldset className="equipment">
        <legend>{t('admin.rooms.equipment')}</legend>
        {ROOM_EQUIPMENT.map((item) => (
          <span className="choice" key={item}>
            <input
              type="checkbox"
              id={controlId(`${path('equipment')}-${item}`)}
              checked={draft.equipment.includes(item)}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  equipment: event.target.checked
                    ? [...draft.equipment, item]
                    : draft.equipment.filter((other) => other !== item),
                })
              }
            />
            <label htmlFor={controlId(`${path('equipment')}-${item}`)}>{t(`admin.equipment.${item}`)}</label>
          </span>
        ))}
        <FieldProblems path={path('equipment')} errors={errors} />
      </fieldset>
      {impact.pending ? (
        <ImpactPanel
          pending={impact.pending}
          busy={busy}
          onDecide={(decision) => void decide(decision)}
          onDismiss={impact.dismiss}
        />
      ) : (
        <div className="actions">
          <button type="submit" disabled={busy}>
            {room ? t('admin.save') : t('admin.rooms.add')}
          </button>
          {room?.active && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void deactivate()}>
              {t('admin.rooms.deactivate')}
            </button>
          )}
          {room && !room.active && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void reactivate()}>
              {t('admin.rooms.reactivate')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
