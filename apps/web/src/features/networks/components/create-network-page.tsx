import { ZCreateNetworkBody } from '@waymark/rubric';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { networkPagePaths } from '../../../api/networks';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PageHeader } from '../../../components/page-header';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useCreateNetwork } from '../api/networks';
import { NetworkProfileFields } from './network-profile-fields';
import '../../../styles/networks.css';

const FIELDS = ['name', 'place', 'description'] as const;

/** `/networks/new`: the creator becomes the network's coordinator. */
export function CreateNetworkPage() {
  const create = useCreateNetwork();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useZodForm(ZCreateNetworkBody, {
    defaultValues: { name: '', place: '', description: '' },
    required: {
      name: 'Enter the name of the network',
      place: 'Enter the place the network serves',
    },
  });

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const network = await create.mutateAsync({
        name: values.name,
        place: values.place,
        ...(values.description ? { description: values.description } : {}),
      });
      navigate(networkPagePaths(network.id).home);
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: FIELDS }));
    }
  });

  return (
    <div className="page page--narrow">
      <PageHeader
        title="Create a network"
        description={
          <p>
            You will be its coordinator: you invite organisations, open yearly assessment cycles and
            see how the network is doing. You can add other coordinators later.
          </p>
        }
      />
      <div className="panel">
        <form className="form form--wide" onSubmit={submit} noValidate aria-label="New network">
          <ErrorSummary
            error={problem}
            fieldErrors={errors}
            focusKey={submitCount}
            heading="Could not create the network"
          />
          <NetworkProfileFields
            register={register}
            errors={errors}
            description={watch('description') ?? ''}
          />
          <div className="form__actions">
            <Button type="submit" pending={isSubmitting} pendingLabel="Creating…">
              Create network
            </Button>
            <Link to="/networks">Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
