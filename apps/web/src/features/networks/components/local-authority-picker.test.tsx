import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { LocalAuthorityPicker, SHOWN_DISTRICTS } from './local-authority-picker';

const many = Array.from({ length: SHOWN_DISTRICTS + 5 }, (_, i) => ({
  code: `E0${String(7000000 + i).padStart(7, '0')}`,
  name: `District ${String(i).padStart(3, '0')}`,
  nation: 'England',
  region: 'North East',
}));
const options = [
  ...many,
  { code: 'W06000001', name: 'Ynys Môn', nation: 'Wales', region: 'Wales' },
];

function Harness({ initial = [] as string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <LocalAuthorityPicker
        name="codes"
        label="Districts"
        options={options}
        value={value}
        onChange={setValue}
      />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

describe('LocalAuthorityPicker', () => {
  it('shows a limited number of districts until the search narrows them', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(SHOWN_DISTRICTS);
    expect(
      screen.getByText(
        `${options.length} districts: showing the first ${SHOWN_DISTRICTS}. Type to narrow the list.`,
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox'), 'ynys mon');
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: /Ynys Môn/ }));
    expect(screen.getByTestId('value')).toHaveTextContent('W06000001');
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('No district matches “zzz”.')).toBeInTheDocument();
  });

  it('finds a district by its ONS code and removes a chosen one from its button', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['W06000001', 'E07000003']} />);
    await user.type(screen.getByRole('searchbox'), 'e07000003');
    expect(screen.getByRole('checkbox', { name: /District 003/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Remove Ynys Môn' }));
    expect(screen.getByTestId('value')).toHaveTextContent(/^E07000003$/);
  });
});
