import { render } from 'preact';
import { App } from './App';
import { applyTheme } from '../../components/theme';
import '../../components/base.css';

applyTheme('auto');
render(<App />, document.getElementById('app')!);
