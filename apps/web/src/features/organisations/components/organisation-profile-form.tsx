import {
  type TCreateOrganisationBody,
  type TOrganisation,
  ZCreateOrganisationBody,
} from '@waymark/rubric';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import {
  ORGANISATION_TYPE_LABELS,
  options,
  SIZE_BAND_LABELS,
} from '../../../lib/organisation-labels';

const FIELDS = ['name', 'type', 'sector', 'sizeBand', 'localAuthority', 'employees'] as const;

/** An empty text box means "not given": the API takes `null`, not an empty string. */
const emptyToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
const toEmployees = (value: unknown) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  return text === '' ? null : Number(text);
};

export interface OrganisationProfileFormProps {
  /** The current profile when editing; empty when creating. */
  organisation?: TOrganisation;
  submitLabel: string;
  pendingLabel: string;
  /** Saves the profile; a thrown `ApiError` is shown on its fields or above the form. */
  onSubmit: (values: TCreateOrganisationBody) => Promise<unknown>;
  /** Shown beside the submit button, e.g. a Cancel link. */
  secondaryAction?: React.ReactNode;
}

/** The organisation's profile: its type and size decide which criteria apply to it. */
export function OrganisationProfileForm({
  organisation,
  submitLabel,
  pendingLabel,
  onSubmit,
  secondaryAction,
}: OrganisationProfileFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useZodForm(ZCreateOrganisationBody, {
    required: { name: 'Enter the name of the organisation' },
    defaultValues: organisation
      ? {
          name: organisation.name,
          type: organisation.type,
          sector: organisation.sector,
          sizeBand: organisation.sizeBand,
          localAuthority: organisation.localAuthority,
          employees: organisation.employees,
        }
      : { name: '', sector: null, localAuthority: null, employees: null },
  });
  const [problem, setProblem] = useState<unknown>(null);

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: FIELDS }));
    }
  });

  return (
    <form
      className="form form--wide"
      onSubmit={submit}
      noValidate
      aria-label="Organisation profile"
    >
      <ErrorSummary
        error={problem}
        fieldErrors={errors}
        focusKey={submitCount}
        heading="Could not save the profile"
      />
      <TextField
        label="Organisation name"
        autoComplete="organization"
        error={errors.name?.message}
        {...register('name')}
      />
      <SelectField
        label="Type of organisation"
        hint="Some criteria apply only to one type, such as public-sector procurement duties."
        placeholder="Choose a type"
        options={options(ORGANISATION_TYPE_LABELS)}
        error={errors.type ? 'Choose the type of organisation' : undefined}
        {...register('type')}
      />
      <SelectField
        label="Size"
        hint="By the number of people employed. Some criteria apply only to larger organisations."
        placeholder="Choose a size"
        options={options(SIZE_BAND_LABELS)}
        error={errors.sizeBand ? 'Choose the size of the organisation' : undefined}
        {...register('sizeBand')}
      />
      <div className="form__row">
        <TextField
          label="Sector"
          optional
          hint="For example: construction, health care."
          error={errors.sector?.message}
          {...register('sector', { setValueAs: emptyToNull })}
        />
        <TextField
          label="Local authority area"
          optional
          hint="Where most of your work or people are."
          autoComplete="address-level2"
          error={errors.localAuthority?.message}
          {...register('localAuthority', { setValueAs: emptyToNull })}
        />
      </div>
      <TextField
        className="field--narrow"
        label="Number of employees"
        optional
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        error={errors.employees?.message}
        {...register('employees', { setValueAs: toEmployees })}
      />
      <div className="form__actions">
        <Button type="submit" pending={isSubmitting} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
