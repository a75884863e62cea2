import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../components/styles.css';
import '../popup/popup.css';
import './options.css';
import { OptionsView, type OptionsViewProps } from '../../components/OptionsView';
import { ask } from '../../lib/client';
import type { CacheInfo } from '../../lib/service';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function OptionsApp() {
  const [apiKey, setApiKey] = useState('');
  const [cache, setCache] = useState<CacheInfo | null>(null);
  const [notice, setNotice] = useState<OptionsViewProps['notice']>(null);

  useEffect(() => {
    ask({ type: 'getSettings' }).then((settings) => setApiKey(settings.s2ApiKey), (error) => setNotice({ kind: 'error', text: message(error) }));
    ask({ type: 'cacheInfo' }).then(setCache, () => setCache(null));
  }, []);

  return (
    <OptionsView
      apiKey={apiKey}
      cache={cache}
      notice={notice}
      onApiKeyChange={setApiKey}
      onSave={() =>
        ask({ type: 'saveSettings', settings: { s2ApiKey: apiKey } }).then(
          (saved) => {
            setApiKey(saved.s2ApiKey);
            setNotice({ kind: 'ok', text: saved.s2ApiKey ? 'Saved. Requests now use your key.' : 'Saved. Requests use the shared pool.' });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
      onClearCache={() =>
        ask({ type: 'clearCache' }).then(
          (info) => {
            setCache(info);
            setNotice({ kind: 'ok', text: 'Cache cleared.' });
          },
          (error) => setNotice({ kind: 'error', text: message(error) }),
        )
      }
    />
  );
}

render(<OptionsApp />, document.getElementById('app')!);
