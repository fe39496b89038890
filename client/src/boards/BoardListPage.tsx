import { type FormEvent, useState } from 'react';
import { createBoard, fetchBoards } from '../api/boards.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { followInApp, navigate } from '../app/navigation.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { boardPath } from '../app/routes.ts';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { TextField } from '../app/TextField.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { boardRoleLabels } from './roleLabels.ts';
import { type BoardField, validateBoardForm } from './validation.ts';

/** `/` for a signed-in person: the boards they belong to, and a new board. */
export function BoardListPage() {
  const { t } = useI18n();
  const [boards, reload] = useApiData(fetchBoards, 'boards');
  useDocumentTitle(t('boards.heading'));

  return (
    <div className="page">
      <SiteHeader />
      <main className="boards" id="main">
        <div className="page-intro">
          <PageHeading>{t('boards.heading')}</PageHeading>
          <p className="page-intro__text">{t('boards.intro')}</p>
        </div>
        <section aria-labelledby="board-list-heading" className="boards__list">
          <h2 id="board-list-heading" className="visually-hidden">
            {t('boards.listHeading')}
          </h2>
          {boards.status === 'loading' && (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          )}
          {boards.status === 'failed' && <LoadFailure failure={boards.failure} onRetry={reload} />}
          {boards.status === 'ready' && boards.data.length === 0 && (
            <div className="empty-state">
              <p className="empty-state__title">{t('boards.emptyTitle')}</p>
              <p>{t('boards.emptyText')}</p>
            </div>
          )}
          {boards.status === 'ready' && boards.data.length > 0 && (
            <ul className="board-list">
              {boards.data.map((board) => (
                <li key={board.id}>
                  <a className="board-card" href={boardPath(board.id)} onClick={followInApp}>
                    <span className="board-card__name">{board.name}</span>
                    {board.organisation !== '' && (
                      <span className="board-card__organisation">{board.organisation}</span>
                    )}
                    <span className="badge">
                      <span className="visually-hidden">{t('meetingHeader.yourRole')} </span>
                      {t(boardRoleLabels[board.myRole])}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <CreateBoardForm />
      </main>
    </div>
  );
}

function CreateBoardForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<BoardField, MessageKey>>>({});
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { errors: found, request } = validateBoardForm({ name, organisation });
    setErrors(found);
    setFailure(null);
    if (request === null) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await createBoard(request);
    setBusy(false);
    if (result.ok) navigate(boardPath(result.data.id));
    else setFailure(apiErrorKey(result));
  };

  const errorOf = (field: BoardField) => {
    const key = errors[field];
    return key === undefined ? undefined : t(key);
  };

  return (
    <form
      ref={formRef}
      className="card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-board-heading"
    >
      <div>
        <h2 id="new-board-heading" className="section-heading">
          {t('boards.createHeading')}
        </h2>
        <p className="hint">{t('boards.createIntro')}</p>
      </div>
      <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
      <div className="form-grid">
        <TextField
          label={t('boards.name')}
          hint={t('boards.nameHint')}
          name="board-name"
          autoComplete="off"
          maxLength={200}
          value={name}
          onChange={setName}
          error={errorOf('name')}
        />
        <TextField
          label={t('boards.organisation')}
          hint={t('boards.organisationHint')}
          name="organisation"
          autoComplete="organization"
          maxLength={200}
          value={organisation}
          onChange={setOrganisation}
          error={errorOf('organisation')}
        />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('boards.creating') : t('boards.create')}
        </button>
      </div>
    </form>
  );
}
