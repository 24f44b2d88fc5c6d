// The fields of a person (applicant or dossier owner), with the issues the checks found for them
// and a warning, as the name is typed, when it looks mangled by an input method in the wrong mode:
// the intake's applicant step and the fix of a dossier the gateway refused.
import { useTranslation } from 'react-i18next';
import { detectMangledName } from '../../domain/citizen';
import type { IntakeIssue, PersonEntry } from '../../domain/intake';

interface Props {
  prefix: 'applicant' | 'owner';
  person: PersonEntry;
  issues: IntakeIssue[];
  onChange(person: PersonEntry): void;
}

export function PersonFields({ prefix, person, issues, onChange }: Props) {
  const { t } = useTranslation();
  const field = (key: keyof PersonEntry) => {
    const id = `${prefix}-${key}`;
    const problems = issues.filter((i) => i.field === `${prefix}.${key}`);
    return {
      id,
      name: `${prefix}.${key}`,
      value: person[key],
      'aria-invalid': problems.length > 0 || undefined,
      'aria-describedby': problems.length > 0 ? `${id}-error` : undefined,
      onChange: (e: { target: { value: string } }) => onChange({ ...person, [key]: key === 'idNumber' ? e.target.value.replace(/\s+/g, '') : e.target.value }),
      error: problems.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {problems.map((p) => p.message).join(' ')}
        </span>
      ),
    };
  };
  // No maxLength on these boxes, on purpose: a browser cuts a pasted text at maxLength without a
  // word, so an address pasted from another page would lose its end (the commune, the province)
  // unseen. The whole paste stays and personIssues marks the box with the gateway's limit instead,
  // which blocks receiving until the officer shortens it. The ID number drops the spaces of a
  // number pasted in groups ("001 099 000 001"), which maxLength 12 used to cut to "001 099 000".
  const input = (key: keyof PersonEntry, label: string, extra: Record<string, string> = {}) => {
    const { error, ...props } = field(key);
    return (
      <label htmlFor={props.id}>
        {label}
        <input {...props} {...extra} />
        {error}
      </label>
    );
  };
  // A warning, not an error: the name may be right (a foreign name), so the officer decides.
  const mangled = detectMangledName(person.fullName);
  const hintId = `${prefix}-fullName-hint`;
  const { error: nameError, ...nameProps } = field('fullName');
  const describedBy = [nameProps['aria-describedby'], mangled && hintId].filter(Boolean).join(' ') || undefined;
  const sex = field('sex');
  const { error: sexError, ...sexProps } = sex;
  return (
    <div className="form-grid">
      <div className="name-field">
        <label htmlFor={nameProps.id}>
          {t('intake.person.fullName')}
          <input {...nameProps} aria-describedby={describedBy} autoComplete="off" />
          {nameError}
        </label>
        <div role="status" className="field-warning">
          {mangled && (
            <>
              <span id={hintId}>{t('intake.person.mangledName', { suggestion: mangled.suggestion })}</span>{' '}
              <button type="button" onClick={() => onChange({ ...person, fullName: mangled.suggestion })}>
                {t('intake.person.useSuggestion', { suggestion: mangled.suggestion })}
              </button>
            </>
          )}
        </div>
      </div>
      {input('idNumber', t('intake.person.idNumber'), { inputMode: 'numeric', autoComplete: 'off' })}
      {input('birthDate', t('intake.person.birthDate'), { type: 'date' })}
      <label htmlFor={sexProps.id}>
        {t('intake.person.sex')}
        <select {...sexProps}>
          <option value="">{t('intake.person.sexUnset')}</option>
          <option value="Nam">Nam</option>
          <option value="Nữ">Nữ</option>
        </select>
        {sexError}
      </label>
      {input('address', t('intake.person.address'))}
      {input('phone', t('intake.person.phone'), { type: 'tel', inputMode: 'tel' })}
      {input('email', t('intake.person.email'), { type: 'email', inputMode: 'email' })}
    </div>
  );
}
