import { render } from 'preact';
import '../../components/styles.css';
import './popup.css';
import { PopupApp } from './PopupApp';
import { applyPageTheme } from '../../lib/pageTheme';

applyPageTheme();
render(<PopupApp />, document.getElementById('app')!);
