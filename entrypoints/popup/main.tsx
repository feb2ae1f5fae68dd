import './early-card';
import { render } from 'preact';
import { App } from './App';
import { applyTheme } from '../../lib/ui/theme';
import '../../components/base.css';

// Follow the OS theme at once; the saved override (if any) is applied when settings arrive.
applyTheme('auto');
render(<App />, document.getElementById('app')!);
