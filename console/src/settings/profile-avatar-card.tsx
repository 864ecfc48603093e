import { useRef, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { Avatar } from '../ui/avatar.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { removeAvatar, uploadAvatar } from './profile-api.ts';
import { checkAvatarFile } from './profile-form.ts';
import { rememberProfileChange } from './profile-me-store.ts';

type Busy = 'upload' | 'remove' | null;

export function ProfileAvatarCard({ userId, name, avatarUrl }: { userId: string; name: string; avatarUrl?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function handleFile(file: File | undefined) {
    if (!file) return;
    const problem = checkAvatarFile(file);
    setError(problem);
    setStatus('');
    if (problem) return;
    setBusy('upload');
    try {
      const { avatarUrl: url } = await uploadAvatar(file);
      rememberProfileChange({ avatarUrl: url });
      setStatus('Picture updated.');
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not upload the picture. Try again.');
    } finally {
      setBusy(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  async function handleRemove() {
    setBusy('remove');
    setError(null);
    try {
      await removeAvatar();
      rememberProfileChange({ avatarUrl: null });
      setStatus('Picture removed.');
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not remove the picture. Try again.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="profile-avatar-title">
      <div>
        <h2 className="settings-card__title" id="profile-avatar-title">
          Picture
        </h2>
        <p className="settings-card__description">A square PNG, JPEG or WebP image, up to 512 KB.</p>
      </div>
      <div className="profile-avatar">
        <span className="profile-avatar__preview" data-testid="profile-avatar-preview">
          <Avatar id={userId} name={name} size="lg" imageUrl={avatarUrl} />
        </span>
        <div className="profile-avatar__actions">
          <input
            ref={inputRef}
            id="profile-avatar-file"
            className="visually-hidden"
            aria-label="Choose a picture"
            tabIndex={-1}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            onChange={(event) => void handleFile(event.target.files?.[0])}
            data-testid="profile-avatar-file"
            disabled={busy !== null}
          />
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => inputRef.current?.click()}
            disabled={busy !== null}
            data-testid="profile-avatar-pick"
          >
            {busy === 'upload' ? <Spinner size="sm" /> : null}
            {avatarUrl ? 'Change picture' : 'Upload picture'}
          </button>
          {avatarUrl ? (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => void handleRemove()}
              disabled={busy !== null}
              data-testid="profile-avatar-remove"
            >
              {busy === 'remove' ? <Spinner size="sm" /> : null}
              Remove
            </button>
          ) : null}
        </div>
      </div>
      <p className="profile-avatar__status" role="status" data-testid="profile-avatar-status">
        {error ? <span className="save-status--error">{error}</span> : status}
      </p>
    </section>
  );
}
