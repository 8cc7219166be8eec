import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextField } from '../../../components/form/text-field';
import { TextareaField } from '../../../components/form/textarea-field';

/** The name, place and description of a network (creating it, and on its settings page). */
export interface NetworkProfileValues {
  name: string;
  place: string;
  description?: string | undefined;
}

export const DESCRIPTION_LIMIT = 2000;

export function NetworkProfileFields({
  register,
  errors,
  description,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: shared by two forms whose other fields differ
  register: UseFormRegister<any>;
  errors: FieldErrors<NetworkProfileValues>;
  description: string;
}) {
  return (
    <>
      <TextField
        label="Network name"
        hint="For example “Leeds Business Anchors”."
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="Place"
        hint="The city, district or region the network serves."
        autoComplete="off"
        error={errors.place?.message}
        {...register('place')}
      />
      <TextareaField
        label="Description"
        optional
        hint="What the network is for, shown to its members."
        error={errors.description?.message}
        characterCount={{ value: description, limit: DESCRIPTION_LIMIT }}
        {...register('description')}
      />
    </>
  );
}
