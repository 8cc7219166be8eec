import type {
  TNetworkInvitationImportRefusal,
  TNetworkInvitationImportResponse,
} from '@waymark/rubric';
import { useEffect, useId, useRef, useState } from 'react';
import { useImportNetworkInvitations } from '../../../api/network-invitations';
import { Button } from '../../../components/button';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/form/error-summary';
import { FieldError } from '../../../components/form/field';

/** Why a row was refused, in words (the API's codes; its own detail follows where it has one). */
export const REFUSAL_LABELS: Record<TNetworkInvitationImportRefusal, string> = {
  missing_name: 'The organisation name is missing',
  name_too_long: 'The organisation name is longer than 200 characters',
  missing_email: 'The contact email is missing',
  invalid_email: 'The contact email is not an email address',
  unknown_type: 'The type is not one we know',
  unknown_size: 'The size is not one we know',
  duplicate_in_file: 'The same email is on an earlier row',
  invitation_pending: 'This email already has an invitation waiting',
  invalid_characters: 'A cell holds a character that cannot be saved',
  mail_failed: 'The email could not be sent, so nothing was created',
};

const TEMPLATE = [
  'Organisation name,Contact email,Type,Size',
  'Riverside Builders,jo.bloggs@riverside.example,Business,Small',
  'Northfield Council,anchors@northfield.example,Public sector,Large',
  'Eastgate Food Bank,hello@eastgate.example,Voluntary and community,Micro',
  '',
].join('\r\n');

function csvDataUri(text: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function linksCsv(report: TNetworkInvitationImportResponse): string {
  const rows = report.rows.filter((r) => r.inviteUrl);
  return [
    'Organisation name,Contact email,Invitation link',
    ...rows.map((r) => [r.organisationName, r.email, r.inviteUrl ?? ''].map(csvCell).join(',')),
    '',
  ].join('\r\n');
}

function ImportReport({ report }: { report: TNetworkInvitationImportResponse }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const withLinks = report.rows.some((r) => r.inviteUrl);
  return (
    <div className="invite-result" ref={ref} tabIndex={-1} role="status" aria-live="polite">
      <p className="invite-result__title">
        {report.accepted} {report.accepted === 1 ? 'invitation' : 'invitations'} created,{' '}
        {report.refused} {report.refused === 1 ? 'row' : 'rows'} refused
      </p>
      {report.delivery === 'link' && withLinks ? (
        <p>
          This Waymark does not send email, so no one has been emailed.{' '}
          <a href={csvDataUri(linksCsv(report))} download="network-invitation-links.csv">
            Download the invitation links (CSV)
          </a>{' '}
          and send each one to its contact.
        </p>
      ) : report.accepted > 0 ? (
        <p>Each contact has been emailed a link to join.</p>
      ) : null}
      {report.refused > 0 ? (
        <p>Correct the refused rows in your file and upload just those again.</p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section className="table-scroll" tabIndex={0} aria-label="Import report table">
        <table className="assess-table">
          <caption>What happened to each row of the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Organisation</th>
              <th scope="col">Result</th>
              <th scope="col">Contact email</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.row}>
                <td className="assess-table__number">{row.row}</td>
                <th scope="row">{row.organisationName || '–'}</th>
                <td>
                  {row.outcome === 'accepted' ? (
                    'Invited'
                  ) : (
                    <>
                      <span className="import-report__refused">Refused:</span>{' '}
                      {row.reason ? REFUSAL_LABELS[row.reason] : (row.detail ?? 'Not imported')}
                    </>
                  )}
                </td>
                <td>{row.email || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** A coordinator invites many organisations from a CSV file, with a report row by row. */
export function InvitationImport({ networkId }: { networkId: string }) {
  const importCsv = useImportNetworkInvitations(networkId);
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [report, setReport] = useState<TNetworkInvitationImportResponse | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setProblem(null);
    setReport(null);
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setFieldError('Choose a CSV file to upload');
      return;
    }
    setFieldError(null);
    try {
      setReport(await importCsv.mutateAsync(file));
      if (inputRef.current) inputRef.current.value = '';
    } catch (error) {
      setProblem(error);
    }
  };

  const items: ErrorSummaryItem[] = fieldError ? [{ field: 'file', message: fieldError }] : [];

  return (
    <div className="invite">
      <form
        className="form form--wide"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="network-import-heading"
      >
        <h2 id="network-import-heading">Invite from a CSV file</h2>
        <ErrorSummary
          error={problem}
          fieldErrors={items}
          focusKey={attempt}
          heading="The file was not imported"
        />
        <p>
          One organisation per row, under a header row with the columns{' '}
          <strong>Organisation name</strong> and <strong>Contact email</strong>, and optionally{' '}
          <strong>Type</strong> and <strong>Size</strong>. Good rows are invited; the others are
          listed with the reason.{' '}
          <a href={csvDataUri(TEMPLATE)} download="network-invitations-template.csv">
            Download a template (CSV)
          </a>
        </p>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            CSV file
          </label>
          <div className="field__hint" id={hintId}>
            Type: Business, Public sector or Voluntary and community. Size: Micro, Small, Medium or
            Large. Up to 1,000 rows, saved as CSV (UTF-8) from your spreadsheet.
          </div>
          <FieldError id={errorId} error={fieldError ?? undefined} />
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="field__control"
            aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fieldError ? true : undefined}
            onChange={() => setFieldError(null)}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={importCsv.isPending} pendingLabel="Importing…">
            Upload and invite
          </Button>
        </div>
      </form>
      {report ? <ImportReport report={report} /> : null}
    </div>
  );
}
