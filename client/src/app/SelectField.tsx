import { type SelectHTMLAttributes, useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

type NativeSelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'id' | 'aria-describedby'
>;

export interface SelectFieldProps<T extends string> extends NativeSelectProps {
  label: string;
  hint?: string | undefined;
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onChange: (value: T) => void;
  /** Keeps the label for screen readers only (a table cell whose column says what it is). */
  hideLabel?: boolean;
}

/** A labelled drop-down list with an optional hint, styled like the text fields. */
export function SelectField<T extends string>({
  label,
  hint,
  value,
  options,
  onChange,
  hideLabel = false,
  className,
  ...select
}: SelectFieldProps<T>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`text-field ${className ?? ''}`.trim()}>
      <label className={hideLabel ? 'visually-hidden' : 'text-field__label'} htmlFor={id}>
        {label}
      </label>
      <select
        {...select}
        id={id}
        className="text-field__input select-field__select"
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
        aria-describedby={hint === undefined ? undefined : hintId}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
