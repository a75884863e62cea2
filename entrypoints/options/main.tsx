import { render } from 'preact';
import '../../components/styles.css';
import '../popup/popup.css';
import './options.css';
import { OptionsApp } from '../../components/containers/OptionsApp';
import { applyPageTheme } from '../../lib/ui/pageTheme';

applyPageTheme();
render(<OptionsApp />, document.getElementById('app')!);
