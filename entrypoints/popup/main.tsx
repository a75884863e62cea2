import { render } from 'preact';
import '../../components/styles.css';
import './popup.css';
import { PopupApp } from '../../components/containers/PopupApp';
import { applyPageTheme } from '../../lib/ui/pageTheme';

applyPageTheme();
render(<PopupApp />, document.getElementById('app')!);
