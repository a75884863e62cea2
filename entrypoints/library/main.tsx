import { render } from 'preact';
import '../../components/styles.css';
import '../popup/popup.css';
import './library.css';
import { LibraryPage } from '../../components/containers/LibraryApp';
import { applyPageTheme } from '../../lib/ui/pageTheme';

applyPageTheme();
render(<LibraryPage />, document.getElementById('app')!);
