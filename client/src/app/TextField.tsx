import { type InputHTMLAttributes, type Ref, useId } from 'react';

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'aria-invalid' | 'aria-describedby'
>;

export interface TextFieldProps extends NativeInputProps {
  label: string;
  hint?: string | undefined;
  /** Shown under the field and announced; marks the field invalid. */
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement> | undefined;
}

/**
 * A labelled input (text unless `type` says otherwise) with an optional hint and error message
 * wired up for screen readers.
 */
export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  className,
  ref,
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error === undefined ? null : errorId, hint === undefined ? null : hintId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={`text-field ${className ?? ''}`.trim()}>
      <label className="text-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        type="text"
        {...input}
        ref={ref}
        id={id}
        className="text-field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {error !== undefined && (
        <p id={errorId} className="text-field__error" role="alert">
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
