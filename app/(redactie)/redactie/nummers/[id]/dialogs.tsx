'use client';

import { Button } from '@/components/button';
import { Modal } from '@/components/modal';
import { formatTime } from '@/lib/format';
import type { LibraryItem } from '@/lib/issue/load-builder';

export function ThemeDialog({
  item,
  from,
  to,
  onConfirm,
  onCancel,
}: {
  item: LibraryItem;
  from: string;
  to: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title="Thema van het item wijzigen?" onClose={onCancel}>
      <p className="mt-2">
        U zette <strong>{item.title}</strong> in de sectie {to}, maar het item heeft het thema{' '}
        {from}. Wilt u het thema van het item wijzigen in {to}? Zo niet, dan komt het in de sectie{' '}
        {from}.
      </p>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button onClick={onConfirm}>Ja, thema wordt {to}</Button>
        <Button variant="secondary" onClick={onCancel}>
          Nee, thema blijft {from}
        </Button>
      </div>
    </Modal>
  );
}

export function ConflictDialog(props: {
  changes: string[];
  changedBy: string;
  changedAt: number;
  canMerge: boolean;
  onMerge: () => void;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <Modal title="Iemand anders heeft dit nummer gewijzigd" role="alertdialog" onClose={() => {}}>
      <p className="mt-2">
        {props.changedBy} heeft dit nummer om {formatTime(props.changedAt)} opgeslagen, terwijl u
        het ook aan het bewerken was. Uw laatste wijzigingen zijn nog niet opgeslagen. Niets gaat
        verloren zonder dat u kiest.
      </p>
      {props.changes.length ? (
        <>
          <h3 className="mt-4 font-semibold">Wat {props.changedBy} veranderde</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {props.changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mt-6 flex flex-col gap-2">
        {props.canMerge ? (
          <Button onClick={props.onMerge}>
            Samenvoegen: mijn wijzigingen toepassen op hun versie
          </Button>
        ) : null}
        <Button variant="secondary" onClick={props.onTakeTheirs}>
          Hun versie laden (mijn wijzigingen vervallen)
        </Button>
        <Button variant="danger" onClick={props.onKeepMine}>
          Mijn versie opslaan (hun wijzigingen vervallen)
        </Button>
      </div>
    </Modal>
  );
}

/** Asked at the first change to an issue under review or approved: saving sends it back to concept. */
export function ReopenDialog({
  status,
  onConfirm,
  onCancel,
}: {
  status: 'review' | 'approved';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const where = status === 'review' ? 'ligt ter beoordeling' : 'is goedgekeurd';
  return (
    <Modal title="Nummer terugzetten naar concept?" role="alertdialog" onClose={onCancel}>
      <p className="mt-2">
        Dit nummer {where}. Als u het wijzigt, gaat het terug naar concept en moet het opnieuw
        worden aangeboden en goedgekeurd. Uw wijziging is nog niet opgeslagen.
      </p>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button onClick={onConfirm}>Wijzigen en terug naar concept</Button>
        <Button variant="secondary" onClick={onCancel}>
          Annuleren, niets wijzigen
        </Button>
      </div>
    </Modal>
  );
}
