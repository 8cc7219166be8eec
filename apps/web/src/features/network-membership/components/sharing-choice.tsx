import { NETWORK_SHARING_LEVELS, type TNetworkSharing } from '@waymark/rubric';
import { useId } from 'react';
import { FieldError } from '../../../components/form/field';
import '../../../styles/network-membership.css';

export const SHARING_LABELS: Record<TNetworkSharing, string> = {
  named: 'Named',
  anonymous: 'Anonymous',
};

/** What each level means, in plain words: the consent a member gives. */
export function sharingConsequence(sharing: TNetworkSharing, networkName: string): string {
  return sharing === 'named'
    ? `The coordinators of ${networkName} see your organisation’s scores and answers, and other members see its name in the member list. Your results also count in the network’s figures.`
    : `The coordinators see that your organisation is a member and whether it has submitted, never its scores. Its results count only in the network’s medians and ranges, which are shown only once enough members have submitted. Other members do not see its name.`;
}

export interface SharingChoiceProps {
  name: string;
  value: TNetworkSharing | null;
  onChange: (sharing: TNetworkSharing) => void;
  networkName: string;
  error?: string | undefined;
  legend?: string;
}

/** The sharing level as a radio group, each option with its consequences. */
export function SharingChoice({
  name,
  value,
  onChange,
  networkName,
  error,
  legend = 'How should your organisation share its results with this network?',
}: SharingChoiceProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="choice-group"
      id={`${id}-group`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="choice-group__legend">{legend}</legend>
      <FieldError id={errorId} error={error} />
      {NETWORK_SHARING_LEVELS.map((level) => (
        <label key={level} className="choice" htmlFor={`${id}-${level}`}>
          <input
            type="radio"
            id={`${id}-${level}`}
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
            aria-labelledby={`${id}-${level}-label`}
            aria-describedby={`${id}-${level}-hint`}
          />
          <span className="choice__label" id={`${id}-${level}-label`}>
            {SHARING_LABELS[level]}
          </span>
          <span className="choice__hint" id={`${id}-${level}-hint`}>
            {sharingConsequence(level, networkName)}
          </span>
        </label>
      ))}
      <p className="field__hint">You can change this, or leave the network, at any time.</p>
    </fieldset>
  );
}
