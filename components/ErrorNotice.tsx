/** What failed, said as an alert, with "Try again" when it can be tried again. */
export function ErrorNotice({ text, onRetry }: { text: string; onRetry?: () => void }) {
  return (
    <div class="ss-error" role="alert">
      <p>{text}</p>
      {onRetry && (
        <button type="button" class="ss-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
