import type { SelectHTMLAttributes } from 'react';
import { LabelledControl } from './Field';

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string; disabled?: boolean }[];
  errors?: string[];
};

export function Select({ label, name, options, errors, ...select }: SelectProps) {
  return (
    <LabelledControl
      label={label}
      errors={errors}
      control={(control) => (
        <select {...control} name={name} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>{option.label}</option>
          ))}
        </select>
      )}
    />
  );
}
