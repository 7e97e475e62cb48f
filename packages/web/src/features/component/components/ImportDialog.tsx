import { useNavigate } from 'react-router';
import { Modal } from '../../../components/Modal';

/**
 * The "Import" dialog: its option "Reverse Provisioning" opens the import wizard, or is disabled
 * with the reason when the component cannot be reverse provisioned.
 */
export function ImportDialog({ open, onClose, wizardPath, unavailableReason }: { open: boolean; onClose(): void; wizardPath: string; unavailableReason: string | null }) {
  const navigate = useNavigate();
  return (
    <Modal title="Import" open={open} onClose={onClose}>
      <p>Choose what to import into this component’s catalog-info.yaml.</p>
      <ul className="options">
        <li>
          <button type="button" className="option" disabled={unavailableReason !== null} aria-describedby="rp-option-help" onClick={() => navigate(wizardPath)}>
            Reverse Provisioning
          </button>
          <p id="rp-option-help" className={unavailableReason ? 'hint unavailable' : 'hint'}>
            {unavailableReason
              ? `Unavailable: ${unavailableReason}.`
              : 'Read the live infrastructure back and review the proposed updates to catalog-info.yaml, change by change.'}
          </p>
        </li>
      </ul>
    </Modal>
  );
}
