import type { NoticeItem } from '../sandbox-connection.ts';

/** Messages about what could not be done (or what just happened), in plain words. */
export function Notices({ notices, dismiss }: { notices: readonly NoticeItem[]; dismiss: (id: number) => void }) {
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
