import { render } from 'preact';
import { App } from './App';
import { applyTheme } from '../../lib/ui/theme';
import '../../components/base.css';

applyTheme('auto');
render(<App />, document.getElementById('app')!);
