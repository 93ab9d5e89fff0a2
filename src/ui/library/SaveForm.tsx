/** Save the working copy under a name (the scenario's or the open entry's, to start with). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/laterTexts.ts';

export function SaveForm({
  inputId,
  defaultName,
  onSave,
}: {
  inputId: string;
  defaultName: () => string;
  onSave: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(defaultName);
  return (
    <form
      className="kp-library-save"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name);
      }}
    >
      <label htmlFor={inputId}>{t('library.saveLabel')}</label>
      <input
        id={inputId}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        data-testid="library-name"
      />
      <button type="submit" data-testid="library-save">
        {t('library.save')}
      </button>
    </form>
  );
}
