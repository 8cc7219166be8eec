import type { TDashboardParticipation } from '@waymark/rubric';
import { formatDate } from '../../../../lib/format';
import { daysLeftLabel } from '../../lib/cycle-labels';
import { ScrollRegion } from '../scroll-region';

const PROGRESS = { not_started: 'Not started', in_progress: 'In progress' } as const;
const SHARING = { named: 'Named', anonymous: 'Anonymous' } as const;

export function ParticipationSection({
  participation,
}: {
  participation: TDashboardParticipation;
}) {
  const left = daysLeftLabel(participation.daysLeft);
  const figures = [
    {
      label: 'Invited',
      value: participation.invited,
      note: `${participation.pendingInvitations} waiting for an answer`,
    },
    { label: 'Joined', value: participation.joined, note: 'member organisations' },
    { label: 'Started', value: participation.started, note: 'with an assessment for this cycle' },
    {
      label: 'Submitted',
      value: participation.submitted,
      note: `of ${participation.joined} members`,
    },
  ];
  return (
    <section className="dashboard-section" aria-labelledby="participation">
      <h2 id="participation">Participation</h2>
      <p>
        {participation.status === 'open'
          ? `Closes on ${formatDate(participation.closesOn)}: `
          : participation.status === 'closed'
            ? `Closed on ${formatDate(participation.closesOn)}.`
            : `Not open yet; closes on ${formatDate(participation.closesOn)}.`}
        {left ? <strong>{left.toLowerCase()}.</strong> : null}
      </p>
      <ul className="stat-tiles">
        {figures.map((f) => (
          <li key={f.label} className="stat-tile">
            <span className="stat-tile__label">{f.label}</span>
            <span className="stat-tile__value">{f.value}</span>
            <span className="stat-tile__note">{f.note}</span>
          </li>
        ))}
      </ul>
      <h3>Not submitted yet</h3>
      {participation.notSubmitted.length === 0 ? (
        <p>
          {participation.joined === 0
            ? 'The network has no members yet.'
            : 'Every member has submitted.'}
        </p>
      ) : (
        <ScrollRegion label="Not submitted table">
          <table className="data-table">
            <caption className="visually-hidden">Members that have not submitted</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Progress</th>
                <th scope="col">Sharing</th>
              </tr>
            </thead>
            <tbody>
              {participation.notSubmitted.map((m) => (
                <tr key={m.organisationId}>
                  <th scope="row">{m.name}</th>
                  <td>{PROGRESS[m.progress]}</td>
                  <td>{SHARING[m.sharing]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
