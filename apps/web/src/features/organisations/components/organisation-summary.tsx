import type { TOrganisation } from '@waymark/rubric';
import { ORGANISATION_TYPE_LABELS, SIZE_BAND_LABELS } from '../../../lib/organisation-labels';

const notGiven = <span className="summary-list__empty">Not given</span>;

/** The profile as a description list: what decides which criteria apply, and the rest. */
export function OrganisationSummary({ organisation }: { organisation: TOrganisation }) {
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>Type</dt>
        <dd>{ORGANISATION_TYPE_LABELS[organisation.type]}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Size</dt>
        <dd>{SIZE_BAND_LABELS[organisation.sizeBand]}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Sector</dt>
        <dd>{organisation.sector ?? notGiven}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Local authority area</dt>
        <dd>{organisation.localAuthority ?? notGiven}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Employees</dt>
        <dd>{organisation.employees?.toLocaleString('en-GB') ?? notGiven}</dd>
      </div>
    </dl>
  );
}
